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

/// A lexicon folder holding `files` (name, text); the rest is embedded.
fn lexicons_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// `claimex lexicon check --lexicons DIR`.
fn check(dir: &tempfile::TempDir) -> std::process::Output {
    let dir = dir.path().to_str().unwrap();
    run_in(&repo(), &["lexicon", "check", "--lexicons", dir])
}

fn broken_lexicons() -> tempfile::TempDir {
    lexicons_with(&[
        (
            "states.tsv",
            "# id\tname\taliases\tdemonyms\tmetonyms\nUSA\tUnited States\tU.S.\tAmerican\tWashington\nRussia\tRussia\t\t\t\n",
        ),
        (
            "patterns.txt",
            "pattern a.b\nrelation befriends\nmatch {X} likes {Y}\nexample A likes B. => USA befriends RUS\n",
        ),
    ])
}

#[test]
fn check_reports_broken_rows_with_file_and_line() {
    let out = check(&broken_lexicons());
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

/// A template whose syntax is fine but whose automaton is over the size
/// limit: only building it finds that out.
fn oversized_template_lexicons() -> tempfile::TempDir {
    lexicons_with(&[(
        "patterns.txt",
        "pattern attacks.huge\nrelation attacks\nmatch {X} (?:(?:(?:[a-z]{50}){50}){50}) [[struck]] {Y}\nexample Russia struck Ukraine. => RUS attacks UKR\n\npattern attacks.plain\nrelation attacks\nmatch {X} [[struck]] {Y}\nexample Russia struck Ukraine. => RUS attacks UKR\n",
    )])
}

#[test]
fn check_builds_every_template_and_names_the_oversized_one() {
    let out = check(&oversized_template_lexicons());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("patterns.txt:3:") && err.contains("does not compile"),
        "{err}"
    );
}

#[test]
fn run_warns_of_an_oversized_template_and_keeps_the_others() {
    let dir = oversized_template_lexicons();
    let input = tempfile::tempdir().unwrap();
    std::fs::write(
        input.path().join("a.txt"),
        "Russia struck Ukraine in May.\n",
    )
    .unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = run_in(
        &repo(),
        &[
            "run",
            input.path().to_str().unwrap(),
            "--lexicons",
            dir.path().to_str().unwrap(),
            "--out",
            out_dir.path().to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("warning") && err.contains("patterns.txt:3:"),
        "{err}"
    );
    let claims = csv_rows(&out_dir.path().join("claims.csv"));
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0]["pattern"], "attacks.plain");
}
