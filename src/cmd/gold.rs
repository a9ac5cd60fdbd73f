//! `claimex gold from-review`: turns a reviewed `claims.csv` into gold.
//!
//! The review vocabulary, written in the `review` column (case and
//! surrounding spaces do not matter):
//!
//! | review | meaning | becomes |
//! | --- | --- | --- |
//! | `ok` | the claim is right | a gold row |
//! | `wrong` | the claim is not in the sentence | a known false alarm |
//! | `fix: SUBJ relation OBJ [+/-]` | the sentence states this instead | a gold row, and the original claim a known false alarm |
//! | `missing` | a row the reviewer added for a claim the tool missed: fill `doc`, `subject`, `relation`, `object`, `polarity` (default `+`) and `sentence` | a gold row |
//! | (empty) | not reviewed yet | nothing |
//!
//! The `note` column is free text and is not read. Gold goes to `--out`
//! (default `gold.tsv`), known false alarms beside it as
//! `<name>.false-alarms.tsv`; `claimex eval` reads both from a gold folder
//! and reports a false alarm that comes back.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cmd::run::{EXIT_OK, EXIT_USAGE};
use crate::eval::{FALSE_ALARMS_SUFFIX, GOLD_HEADER, InputError, Sheet, Unit};

/// What a reviewer said of one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Ok,
    Wrong,
    Fix {
        subject: String,
        relation: String,
        object: String,
        polarity: String,
    },
    Missing,
    Unreviewed,
}

/// Parses a `review` cell.
pub fn parse_verdict(cell: &str) -> Result<Verdict, String> {
    let cell = cell.trim();
    let lower = cell.to_ascii_lowercase();
    match lower.as_str() {
        "" => return Ok(Verdict::Unreviewed),
        "ok" => return Ok(Verdict::Ok),
        "wrong" => return Ok(Verdict::Wrong),
        "missing" => return Ok(Verdict::Missing),
        _ => {}
    }
    let Some(rest) = lower.strip_prefix("fix:").map(|_| cell[4..].trim()) else {
        return Err(format!(
            "review `{cell}` is not one of: ok, wrong, missing, fix: SUBJ relation OBJ [+/-]"
        ));
    };
    let parts: Vec<&str> = rest.split_whitespace().collect();
    let polarity = match parts.get(3) {
        None => "+",
        Some(p) => p,
    };
    if parts.len() < 3 || parts.len() > 4 {
        return Err(format!(
            "`fix:` needs `SUBJ relation OBJ [+/-]`, got `{rest}`"
        ));
    }
    Ok(Verdict::Fix {
        subject: parts[0].to_ascii_uppercase(),
        relation: parts[1].to_string(),
        object: parts[2].to_ascii_uppercase(),
        polarity: polarity.to_string(),
    })
}

/// Gold and known false alarms from a reviewed sheet, with counts.
#[derive(Debug, Default)]
pub struct Reviewed {
    pub gold: BTreeMap<Unit, String>,
    pub false_alarms: BTreeMap<Unit, String>,
    pub counts: BTreeMap<&'static str, usize>,
}

/// Reads a reviewed claims sheet.
pub fn read_reviewed(path: &Path) -> Result<Reviewed, Vec<InputError>> {
    let needed = [
        "doc", "subject", "relation", "object", "polarity", "sentence", "review",
    ];
    let sheet = Sheet::read(path, &needed, "a reviewed sheet")?;
    let fail = |line: usize, message: String| InputError {
        file: sheet.name.clone(),
        line,
        message,
    };
    let mut reviewed = Reviewed::default();
    let mut wrong = BTreeMap::new();
    let mut errors = sheet.errors.clone();
    for (line, record) in &sheet.rows {
        let line = *line;
        // Spreadsheets keep the `'` that neutralised a formula-like cell.
        let get = |k: usize| {
            sheet
                .cell(record, k)
                .trim()
                .trim_start_matches('\'')
                .to_string()
        };
        let verdict = match parse_verdict(&get(6)) {
            Ok(v) => v,
            Err(message) => {
                errors.push(fail(line, message));
                continue;
            }
        };
        let sentence = get(5);
        let unit_of = |s: &str, r: &str, o: &str, p: &str| {
            Unit::new(&get(0), s, r, o, if p.is_empty() { "+" } else { p })
        };
        let result = match &verdict {
            Verdict::Unreviewed => Ok(()),
            Verdict::Ok | Verdict::Missing => {
                unit_of(&get(1), &get(2), &get(3), &get(4)).map(|u| {
                    reviewed.gold.entry(u).or_insert(sentence.clone());
                })
            }
            Verdict::Wrong => unit_of(&get(1), &get(2), &get(3), &get(4)).map(|u| {
                wrong.entry(u).or_insert(sentence.clone());
            }),
            Verdict::Fix {
                subject,
                relation,
                object,
                polarity,
            } => unit_of(subject, relation, object, polarity).and_then(|fixed| {
                let original = unit_of(&get(1), &get(2), &get(3), &get(4))?;
                if original != fixed {
                    wrong.entry(original).or_insert(sentence.clone());
                }
                reviewed.gold.entry(fixed).or_insert(sentence.clone());
                Ok(())
            }),
        };
        match result {
            Ok(()) => *reviewed.counts.entry(verdict_name(&verdict)).or_default() += 1,
            Err(message) => errors.push(fail(line, message)),
        }
    }
    // A claim accepted in one sentence is not a false alarm because another
    // sentence stating it was marked wrong.
    reviewed.false_alarms = wrong
        .into_iter()
        .filter(|(u, _)| !reviewed.gold.contains_key(u))
        .collect();
    if errors.is_empty() {
        Ok(reviewed)
    } else {
        Err(errors)
    }
}

fn verdict_name(v: &Verdict) -> &'static str {
    match v {
        Verdict::Ok => "ok",
        Verdict::Wrong => "wrong",
        Verdict::Fix { .. } => "fix",
        Verdict::Missing => "missing",
        Verdict::Unreviewed => "unreviewed",
    }
}

/// Where the false alarms of a gold file go: `gold.tsv` → `gold.false-alarms.tsv`.
pub fn false_alarms_path(gold: &Path) -> PathBuf {
    let stem = gold
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "gold".into());
    gold.with_file_name(format!("{stem}{FALSE_ALARMS_SUFFIX}"))
}

fn write_units(path: &Path, units: &BTreeMap<Unit, String>, comment: &str) -> std::io::Result<()> {
    let mut out = crate::output::create_file(path)?;
    writeln!(out, "# {comment}")?;
    writeln!(out, "{GOLD_HEADER}")?;
    for (u, evidence) in units {
        let evidence = evidence.replace(['\t', '\n', '\r'], " ");
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{evidence}",
            u.doc, u.subject, u.relation, u.object, u.polarity
        )?;
    }
    out.flush()
}

/// `claimex gold from-review REVIEWED.csv --out gold.tsv`
pub fn from_review(reviewed: &Path, out: &Path) -> i32 {
    let sheet = match read_reviewed(reviewed) {
        Ok(s) => s,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!(
                "claimex gold: {} problems in {}",
                errors.len(),
                reviewed.display()
            );
            return EXIT_USAGE;
        }
    };
    let source = reviewed.display().to_string();
    let alarms = false_alarms_path(out);
    let written = write_units(
        out,
        &sheet.gold,
        &format!("gold made by `claimex gold from-review` from {source}"),
    )
    .and_then(|_| {
        write_units(
            &alarms,
            &sheet.false_alarms,
            &format!("claims reviewed as wrong in {source}"),
        )
    });
    if let Err(e) = written {
        eprintln!("claimex gold: cannot write {}: {e}", out.display());
        return EXIT_USAGE;
    }
    let count = |k: &str| sheet.counts.get(k).copied().unwrap_or(0);
    eprintln!(
        "claimex gold: {} ok, {} fixed, {} wrong, {} missing, {} not reviewed -> {} gold units in {}, {} known false alarms in {}",
        count("ok"),
        count("fix"),
        count("wrong"),
        count("missing"),
        count("unreviewed"),
        sheet.gold.len(),
        out.display(),
        sheet.false_alarms.len(),
        alarms.display()
    );
    EXIT_OK
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (review cell, expected verdict or error)
    #[test]
    fn parses_the_review_vocabulary() {
        assert_eq!(parse_verdict(" OK "), Ok(Verdict::Ok));
        assert_eq!(parse_verdict("wrong"), Ok(Verdict::Wrong));
        assert_eq!(parse_verdict(""), Ok(Verdict::Unreviewed));
        assert_eq!(parse_verdict("Missing"), Ok(Verdict::Missing));
        assert_eq!(
            parse_verdict("fix: rus attacks UKR -"),
            Ok(Verdict::Fix {
                subject: "RUS".into(),
                relation: "attacks".into(),
                object: "UKR".into(),
                polarity: "-".into()
            })
        );
        assert!(parse_verdict("maybe").is_err());
        assert!(parse_verdict("fix: RUS attacks").is_err());
    }

    #[test]
    fn false_alarms_sit_beside_the_gold_file() {
        assert_eq!(
            false_alarms_path(Path::new("tests/gold/reviewed.tsv")),
            PathBuf::from("tests/gold/reviewed.false-alarms.tsv")
        );
    }
}
