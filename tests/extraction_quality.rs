//! Extraction quality against the hand-made gold, gated on the committed
//! baselines in `tests/baseline/`: a lost true positive or a lower F1 fails.
//! To accept a change on purpose, rewrite a baseline with
//! `claimex eval --gold tests/gold/<set> <input> --write-baseline tests/baseline/<set>.json`.

mod common;
use common::*;
use std::path::PathBuf;

fn gate(set: &str, input: PathBuf) {
    let gold = repo().join("tests/gold").join(set);
    let baseline = repo().join("tests/baseline").join(format!("{set}.json"));
    let out = run_in(
        &repo(),
        &[
            "eval",
            "--gold",
            gold.to_str().unwrap(),
            "--baseline",
            baseline.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
    );
    // Shown with `cargo test -- --nocapture`; .ci/run prints the same tables.
    eprintln!("== {set}\n{}", stdout(&out));
    assert_eq!(
        out.status.code(),
        Some(0),
        "regression on {set}:\n{}",
        stderr(&out)
    );
}

#[test]
fn corpus_does_not_regress() {
    gate("corpus", repo().join("corpus"));
}

#[test]
fn development_set_does_not_regress() {
    gate("devset-dev", repo().join("tests/devset/dev"));
}

/// The development sets written and annotated blind to the extractor.
#[test]
fn blind_development_sets_do_not_regress() {
    for set in [
        "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
        "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20",
    ] {
        gate(
            &format!("devset-{set}"),
            repo().join("tests/devset").join(set),
        );
    }
}

#[test]
fn shared_article_does_not_regress_and_stays_above_the_bar() {
    let Some(dir) = shared_corpus() else {
        eprintln!("../shared/corpus is absent: skipped");
        return;
    };
    gate("shared", dir.clone());
    let gold = repo().join("tests/gold/shared");
    let out = run_in(
        &repo(),
        &[
            "eval",
            "--json",
            "--gold",
            gold.to_str().unwrap(),
            dir.to_str().unwrap(),
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f1 = report["f1"].as_f64().unwrap();
    assert!(f1 >= 0.80, "F1 on the shared article fell to {f1:.3}");
}
