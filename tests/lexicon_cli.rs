//! `claimex lexicon list|check` and broken lexicon folders.

mod common;
use common::*;

#[test]
fn list_prints_every_search_form_as_tsv() {
    let out = run_in(&repo(), &["lexicon", "list"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "alias\tactor\tkind");
    for expected in [
        "U.S.\tUSA\tstate",
        "Kremlin\tRUS\tmetonym",
        "Quad\tQUAD\torganisation",
        "QUAD\tQUAD\torganisation",
        "North Korean\tPRK\tdemonym",
        "Crimea\t-\tregion",
    ] {
        assert!(lines.contains(&expected), "missing `{expected}`");
    }
    assert!(
        !lines.iter().any(|l| l.starts_with("us\t")),
        "`us` must never be searched"
    );
    assert!(lines.iter().skip(1).all(|l| l.split('\t').count() == 3));
}

fn broken_lexicons() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("states.tsv"),
        "# id\tname\taliases\tdemonyms\tmetonyms\nUSA\tUnited States\tU.S.\tAmerican\tWashington\nRussia\tRussia\t\t\t\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("patterns.txt"),
        "pattern a.b\nrelation befriends\nmatch {X} likes {Y}\nexample A likes B. => USA befriends RUS\n",
    )
    .unwrap();
    dir
}

#[test]
fn check_reports_broken_rows_with_file_and_line() {
    let dir = broken_lexicons();
    let out = run_in(
        &repo(),
        &[
            "lexicon",
            "check",
            "--lexicons",
            dir.path().to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("states.tsv:3:"), "{err}");
    assert!(
        err.contains("patterns.txt:2:") && err.contains("unknown relation"),
        "{err}"
    );
}

#[test]
fn run_refuses_a_broken_lexicon_before_reading_anything() {
    let dir = broken_lexicons();
    let out_dir = tempfile::tempdir().unwrap();
    let out = run_in(
        &repo(),
        &[
            "run",
            "corpus",
            "--lexicons",
            dir.path().to_str().unwrap(),
            "--out",
            out_dir.path().to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("states.tsv:3:"));
    assert!(!out_dir.path().join("claims.csv").exists());
}

#[test]
fn check_passes_on_the_shipped_lexicons() {
    let out = run_in(&repo(), &["lexicon", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("every example extracts its claims"));
}
