//! Review → gold → eval: a reviewed sheet becomes gold without retyping, and
//! the verdicts come back out of eval.

mod common;
use common::*;
use std::path::Path;

const ARTICLE: &str = "Russia invaded Ukraine in 2022. Iran supplied drones to Russia.
The European Union imposed sanctions on Belarus. China became the largest trade partner of Brazil.
Japan and South Korea held talks in Seoul. India refused to condemn Russia.
";

/// Marks claims as a reviewer would: one wrong, one fixed, the rest ok, and
/// adds a claim the tool missed.
fn review(sheet: &Path, reviewed: &Path) {
    let mut reader = csv::Reader::from_path(sheet).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let mut writer = csv::Writer::from_path(reviewed).unwrap();
    writer.write_record(&headers).unwrap();
    let mut template = None;
    for record in reader.records() {
        let mut row: Vec<String> = record.unwrap().iter().map(String::from).collect();
        let triple = (
            row[col("subject")].clone(),
            row[col("relation")].clone(),
            row[col("object")].clone(),
        );
        row[col("review")] = match (triple.0.as_str(), triple.1.as_str()) {
            ("CHN", "trades_with") | ("BRA", "trades_with") => "wrong".into(),
            ("IRN", "supports") => "fix: IRN supports RUS -".into(),
            _ => "ok".into(),
        };
        template.get_or_insert(row.clone());
        writer.write_record(&row).unwrap();
    }
    let mut missing = template.expect("the sheet has claims");
    for (name, value) in [
        ("subject", "EU"),
        ("relation", "condemns"),
        ("object", "BLR"),
        ("polarity", "affirmed"),
        ("review", "missing"),
    ] {
        missing[col(name)] = value.into();
    }
    writer.write_record(&missing).unwrap();
    writer.flush().unwrap();
}

#[test]
fn reviewed_verdicts_are_reproduced_by_eval() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("brief.txt"), ARTICLE).unwrap();
    let out = run_in(work.path(), &["run", "in", "--out", "out", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let claims = work.path().join("out/claims.csv");
    let claim_count = csv_rows(&claims).len();
    assert!(
        claim_count >= 5,
        "{}",
        std::fs::read_to_string(&claims).unwrap()
    );

    review(&claims, &work.path().join("reviewed.csv"));
    let out = run_in(
        work.path(),
        &[
            "gold",
            "from-review",
            "reviewed.csv",
            "--out",
            "gold/brief.tsv",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(work.path().join("gold/brief.false-alarms.tsv").exists());

    let out = run_in(
        work.path(),
        &[
            "eval",
            "--json",
            "--gold",
            "gold",
            "--claims",
            "out/claims.csv",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // ok rows are true positives; the wrong and the fixed claims are false
    // alarms already known from review; the fix and the missing claim are misses.
    assert_eq!(report["tp"], claim_count - 2, "{report}");
    assert_eq!(report["fp"], 2, "{report}");
    assert_eq!(report["fn"], 2, "{report}");
    assert_eq!(report["known_false_alarms"], 2, "{report}");
    assert!(stderr(&out).contains("reviewed as wrong came back"));
}

#[test]
fn a_bad_review_cell_is_reported_with_its_line() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(
        work.path().join("sheet.csv"),
        "doc,subject,relation,object,polarity,sentence,review\na.txt,RUS,attacks,UKR,affirmed,S.,ok\na.txt,RUS,attacks,UKR,affirmed,S.,perhaps\n",
    )
    .unwrap();
    let out = run_in(work.path(), &["gold", "from-review", "sheet.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("sheet.csv:3:"), "{}", stderr(&out));
}
