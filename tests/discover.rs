//! `claimex discover` on articles written here: a made-up organisation and a
//! made-up relation phrasing must come back as ranked gaps.

mod common;
use common::csv_rows;
use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Output};

const ARTICLE_ONE: &str = "Baltic notes\n\n\
The Kalmar Accord Group admitted Estonia. \
Poland and Lithuania inked a grain levy accord. \
Finland joined NATO in 2023. \
In March, the KAG sanctioned Latvia.\n";

const ARTICLE_TWO: &str = "More Baltic notes\n\n\
Last year the Kalmar Accord Group admitted Latvia after a long debate. \
France and Germany inked a grain levy accord. \
However, Sweden said the KAG would wait.\n";

fn discover(dir: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimex"))
        .arg("discover")
        .arg(dir.join("articles"))
        .arg("--out")
        .arg(dir.join("out/discover.csv"))
        .args(extra)
        .output()
        .expect("the binary runs")
}

fn write_articles(dir: &Path) {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("one.txt"), ARTICLE_ONE).unwrap();
    std::fs::write(articles.join("two.txt"), ARTICLE_TWO).unwrap();
}

fn rows(path: &Path) -> Vec<HashMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(
        text.lines().next(),
        Some("kind,text,count,docs,suggestion,example_doc,example_sentence")
    );
    csv_rows(path)
}

fn find<'a>(
    rows: &'a [HashMap<String, String>],
    kind: &str,
    text: &str,
) -> &'a HashMap<String, String> {
    rows.iter()
        .find(|r| r["kind"] == kind && r["text"] == text)
        .unwrap_or_else(|| panic!("no {kind} row `{text}` in {rows:#?}"))
}

#[test]
fn lists_unknown_actors_and_patterns_with_counts() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path());
    let out = discover(dir.path(), &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("unknown actors"), "{stderr}");
    let rows = rows(&dir.path().join("out/discover.csv"));

    let group = find(&rows, "unknown_actor", "Kalmar Accord Group");
    assert_eq!(
        (group["count"].as_str(), group["docs"].as_str()),
        ("2", "2")
    );
    assert_eq!(group["suggestion"], "organisation?");
    assert_eq!(group["example_doc"], "one.txt");
    assert_eq!(
        group["example_sentence"],
        "The Kalmar Accord Group admitted Estonia."
    );
    let acronym = find(&rows, "unknown_actor", "KAG");
    assert_eq!(
        (acronym["count"].as_str(), acronym["docs"].as_str()),
        ("2", "2")
    );
    assert_eq!(acronym["suggestion"], "organisation?");

    let pattern = find(&rows, "unknown_pattern", "<N> inked a grain levy accord");
    assert_eq!(
        (pattern["count"].as_str(), pattern["docs"].as_str()),
        ("2", "2")
    );
    assert!(pattern["suggestion"].contains("ink"), "{pattern:?}");
    assert!(pattern["suggestion"].contains("LTU POL"), "{pattern:?}");

    // Known names, function words and sentences with a claim are no gaps.
    for text in ["Estonia", "The", "However", "March", "Finland", "NATO"] {
        assert!(!rows.iter().any(|r| r["text"] == text), "{text} listed");
    }
    assert!(
        !rows
            .iter()
            .any(|r| r["example_sentence"].contains("joined NATO"))
    );
}

#[test]
fn rows_are_ranked_and_cut_by_min_count_and_limit() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path());
    let out = discover(dir.path(), &["--min-count", "2", "--limit", "1"]);
    assert_eq!(out.status.code(), Some(0));
    let rows = rows(&dir.path().join("out/discover.csv"));
    let kinds: Vec<&str> = rows.iter().map(|r| r["kind"].as_str()).collect();
    assert_eq!(kinds, ["unknown_actor", "unknown_pattern"]);
    assert!(
        rows.iter()
            .all(|r| r["count"].parse::<usize>().unwrap() >= 2)
    );
    // Ties on count are broken by text: `KAG` before `Kalmar Accord Group`.
    assert_eq!(rows[0]["text"], "KAG");
}

#[test]
fn output_is_the_same_on_every_run() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path());
    let csv = dir.path().join("out/discover.csv");
    discover(dir.path(), &[]);
    let first = std::fs::read(&csv).unwrap();
    discover(dir.path(), &[]);
    assert_eq!(first, std::fs::read(&csv).unwrap());
}

#[test]
fn missing_input_and_broken_lexicons_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = discover(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));

    write_articles(dir.path());
    let lexicons = dir.path().join("lexicons");
    std::fs::create_dir_all(&lexicons).unwrap();
    std::fs::write(lexicons.join("regions.tsv"), "a\tb\tc\n").unwrap();
    let lexicons_arg = lexicons.to_str().unwrap();
    let out = discover(dir.path(), &["--lexicons", lexicons_arg]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn formula_cells_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(
        articles.join("=cmd.txt"),
        "Notes\n\nThe Vesta Forum admitted Estonia.\n",
    )
    .unwrap();
    let out = discover(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0));
    let rows = rows(&dir.path().join("out/discover.csv"));
    let row = find(&rows, "unknown_actor", "Vesta Forum");
    assert_eq!(row["example_doc"], "'=cmd.txt");
}
