//! The article the project started from (`../shared/corpus`), the first test
//! of every stage. Skipped when the shared folder is not beside the checkout.

mod common;
use common::*;
use std::collections::{BTreeSet, HashMap};

const ARTICLE: &str = "atlantic-to-pacific.txt";

/// Lines of the article that are not body text, 1-based: the image caption,
/// the author bio (twice), two pull-quotes, the two halves of each paragraph
/// broken by a stray line break, and the "Recommended" list.
const NOT_BODY: &[usize] = &[3, 10, 17, 34, 53, 54, 66, 67, 73];
const RECOMMENDED_FROM: usize = 80;

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every distinct sentence of the body, split from the body lines alone.
fn expected_body_sentences(text: &str) -> BTreeSet<String> {
    let mut expected = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if NOT_BODY.contains(&number) || number >= RECOMMENDED_FROM || line.trim().is_empty() {
            continue;
        }
        let (folded, _) = claimex::normalize::fold(line);
        for range in claimex::sentences::split(&folded) {
            expected.insert(squeeze(&folded[range]));
        }
    }
    expected
}

fn run_shared() -> Option<(tempfile::TempDir, String)> {
    let dir = shared_corpus()?;
    let out = tempfile::tempdir().unwrap();
    let result = run_in(
        &repo(),
        &[
            "run",
            dir.to_str().unwrap(),
            "--out",
            out.path().to_str().unwrap(),
            "--quiet",
        ],
    );
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    let text = std::fs::read_to_string(dir.join(ARTICLE)).unwrap();
    Some((out, text))
}

#[test]
fn every_body_sentence_survives_exactly_once() {
    let Some((out, text)) = run_shared() else {
        eprintln!("../shared/corpus is absent: skipped");
        return;
    };
    let rows = csv_rows(&out.path().join("sentences.csv"));
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in &rows {
        let (folded, _) = claimex::normalize::fold(&row["text"]);
        *seen.entry(squeeze(&folded)).or_default() += 1;
    }
    let repeated: Vec<&String> = seen
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(s, _)| s)
        .collect();
    assert!(
        repeated.is_empty(),
        "sentences kept more than once: {repeated:#?}"
    );
    let expected = expected_body_sentences(&text);
    let kept: BTreeSet<String> = seen.into_keys().collect();
    let lost: Vec<&String> = expected.difference(&kept).collect();
    let extra: Vec<&String> = kept.difference(&expected).collect();
    assert!(lost.is_empty(), "body sentences lost: {lost:#?}");
    assert!(
        extra.is_empty(),
        "sentences that are not body text: {extra:#?}"
    );
}

#[test]
fn every_removed_paragraph_names_its_reason_and_kept_twin() {
    let Some((out, _)) = run_shared() else { return };
    let rows = csv_rows(&out.path().join("dedup.csv"));
    let reasons: BTreeSet<&str> = rows.iter().map(|r| r["reason"].as_str()).collect();
    for reason in [
        "duplicate",
        "repeated_heading",
        "split_copy",
        "pull_quote",
        "boilerplate",
    ] {
        assert!(
            reasons.contains(reason),
            "no `{reason}` row in dedup.csv: {reasons:?}"
        );
    }
    for row in rows.iter().filter(|r| r["reason"] != "boilerplate") {
        assert!(
            !row["kept_paragraph_index"].is_empty(),
            "no kept twin: {row:?}"
        );
        let similarity: f64 = row["similarity"].parse().unwrap();
        assert!(similarity >= 0.8, "{row:?}");
    }
    let boilerplate: Vec<&str> = rows
        .iter()
        .filter(|r| r["reason"] == "boilerplate")
        .map(|r| r["text"].as_str())
        .collect();
    assert!(
        boilerplate
            .iter()
            .any(|t| t.starts_with("This illustration")),
        "caption: {boilerplate:?}"
    );
    assert!(
        boilerplate
            .iter()
            .any(|t| t.starts_with("is a 2024 Sylff Fellow")),
        "bio: {boilerplate:?}"
    );
    assert!(
        boilerplate.contains(&"Recommended"),
        "link list: {boilerplate:?}"
    );
}
