//! `claimex eval` against hand-written claims and gold: counts, gates, errors.

mod common;
use common::*;
use std::path::Path;

const GOLD: &str = "doc\tsubject\trelation\tobject\tpolarity\tevidence
a.txt\tRUS\tattacks\tUKR\t+\tRussia invaded Ukraine.
a.txt\tJPN\tcooperates_with\tKOR\t+\tSeoul and Tokyo cooperate.
a.txt\tIND\tcondemns\tRUS\t-\tIndia refused to condemn Russia.
";

const CLAIMS: &str = "claim_id,doc,sentence_index,subject,relation,object,polarity,modality,subject_text,object_text,sentence,pattern,review,note
1,a.txt,0,RUS,attacks,UKR,affirmed,asserted,Russia,Ukraine,Russia invaded Ukraine.,p,,
2,a.txt,1,KOR,cooperates_with,JPN,affirmed,asserted,Seoul,Tokyo,Seoul and Tokyo cooperate.,p,,
3,a.txt,2,IND,condemns,RUS,affirmed,asserted,India,Russia,India refused to condemn Russia.,p,,
4,a.txt,2,CHN,supports,RUS,affirmed,asserted,China,Russia,China helps Russia.,p,,
";

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn eval(dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["eval", "--gold", "gold.tsv", "--claims", "claims.csv"];
    args.extend_from_slice(extra);
    run_in(dir, &args)
}

#[test]
fn json_reports_units_as_the_contract_counts_them() {
    let work = tempfile::tempdir().unwrap();
    write(work.path(), "gold.tsv", GOLD);
    write(work.path(), "claims.csv", CLAIMS);
    let out = eval(work.path(), &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The symmetric pair matches in either order; polarity is part of the unit.
    assert_eq!(
        (
            report["tp"].as_u64(),
            report["fp"].as_u64(),
            report["fn"].as_u64()
        ),
        (Some(2), Some(2), Some(1))
    );
    assert!((report["f1"].as_f64().unwrap() - 4.0 / 7.0).abs() < 1e-9);
    assert_eq!(report["by_relation"]["condemns"]["fn"], 1);
    assert_eq!(report["by_doc"]["a.txt"]["tp"], 2);
}

#[test]
fn min_f1_above_the_score_exits_one() {
    let work = tempfile::tempdir().unwrap();
    write(work.path(), "gold.tsv", GOLD);
    write(work.path(), "claims.csv", CLAIMS);
    assert_eq!(
        eval(work.path(), &["--min-f1", "0.5"]).status.code(),
        Some(0)
    );
    assert_eq!(
        eval(work.path(), &["--min-f1", "0.9"]).status.code(),
        Some(1)
    );
}

#[test]
fn a_lost_true_positive_against_the_baseline_exits_one() {
    let work = tempfile::tempdir().unwrap();
    write(work.path(), "gold.tsv", GOLD);
    write(work.path(), "claims.csv", CLAIMS);
    assert_eq!(
        eval(work.path(), &["--write-baseline", "base.json"])
            .status
            .code(),
        Some(0)
    );
    write(
        work.path(),
        "claims.csv",
        &CLAIMS.replace("1,a.txt,0,RUS,attacks,UKR", "1,a.txt,0,RUS,attacks,POL"),
    );
    let out = eval(work.path(), &["--baseline", "base.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("lost true positive"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn malformed_gold_exits_two_naming_file_and_line() {
    let work = tempfile::tempdir().unwrap();
    write(
        work.path(),
        "gold.tsv",
        &format!("{GOLD}a.txt\tRUS\tinvades\tUKR\t+\tx\n"),
    );
    write(work.path(), "claims.csv", CLAIMS);
    let out = eval(work.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("gold.tsv:5:"), "{}", stderr(&out));
}

#[test]
fn gold_for_a_document_that_was_not_read_is_an_error() {
    let work = tempfile::tempdir().unwrap();
    write(
        work.path(),
        "gold.tsv",
        &format!("{GOLD}b.txt\tRUS\tattacks\tUKR\t+\tx\n"),
    );
    write(work.path(), "claims.csv", CLAIMS);
    let out = eval(work.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("b.txt"), "{}", stderr(&out));
}
