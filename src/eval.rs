//! Scoring claims against gold files, as `../shared/spec/claims.md` defines.
//!
//! The unit is `(doc, subject, relation, object, polarity)`, counted once per
//! document; symmetric relations are compared with their two ids sorted.
//! Precision, recall and F1 are given overall, per relation and per document.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::patterns::{RELATIONS, is_symmetric};

/// One claim unit.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Unit {
    pub doc: String,
    pub subject: String,
    pub relation: String,
    pub object: String,
    /// `+` or `-`.
    pub polarity: String,
}

impl Unit {
    /// Builds a unit in canonical form: polarity as `+`/`-`, symmetric ids sorted.
    pub fn new(
        doc: &str,
        subject: &str,
        relation: &str,
        object: &str,
        polarity: &str,
    ) -> Result<Unit, String> {
        let polarity = match polarity.trim() {
            "+" | "affirmed" => "+",
            "-" | "negated" => "-",
            other => {
                return Err(format!(
                    "polarity `{other}` must be +, -, affirmed or negated"
                ));
            }
        };
        let relation = relation.trim();
        if !RELATIONS.iter().any(|(r, _)| *r == relation) {
            return Err(format!("unknown relation `{relation}`"));
        }
        let (mut s, mut o) = (subject.trim().to_string(), object.trim().to_string());
        if s.is_empty() || o.is_empty() {
            return Err("subject and object must not be empty".into());
        }
        if is_symmetric(relation) && o < s {
            std::mem::swap(&mut s, &mut o);
        }
        Ok(Unit {
            doc: doc.trim().to_string(),
            subject: s,
            relation: relation.to_string(),
            object: o,
            polarity: polarity.into(),
        })
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}\t{} {} {} {}",
            self.doc, self.subject, self.relation, self.object, self.polarity
        )
    }
}

/// A malformed gold or claims line.
#[derive(Debug, Clone)]
pub struct InputError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

pub const GOLD_HEADER: &str = "doc\tsubject\trelation\tobject\tpolarity\tevidence";
/// Gold files whose name ends with this list claims reviewed as wrong.
pub const FALSE_ALARMS_SUFFIX: &str = ".false-alarms.tsv";

/// Gold units with the evidence sentence of each.
#[derive(Debug, Default, Clone)]
pub struct Gold {
    pub units: BTreeMap<Unit, String>,
    /// Claims a reviewer marked wrong: if they come back, eval says so.
    pub false_alarms: BTreeMap<Unit, String>,
}

/// Reads gold files and folders of them (recursively, `*.tsv`).
pub fn read_gold(paths: &[PathBuf]) -> Result<Gold, Vec<InputError>> {
    let mut files = Vec::new();
    for path in paths {
        collect_tsv(path, &mut files);
    }
    files.sort();
    let mut gold = Gold::default();
    let mut errors = Vec::new();
    if files.is_empty() {
        errors.push(InputError {
            file: paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            line: 0,
            message: "no .tsv gold files found".into(),
        });
    }
    for file in files {
        let name = file.display().to_string();
        let target = if name.ends_with(FALSE_ALARMS_SUFFIX) {
            &mut gold.false_alarms
        } else {
            &mut gold.units
        };
        match std::fs::read_to_string(&file) {
            Ok(text) => parse_gold(&name, &text, target, &mut errors),
            Err(e) => errors.push(InputError {
                file: name,
                line: 0,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    if errors.is_empty() {
        Ok(gold)
    } else {
        Err(errors)
    }
}

fn collect_tsv(path: &Path, out: &mut Vec<PathBuf>) {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return;
    }
    for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
        let child = entry.path();
        if child.is_dir() || child.extension().is_some_and(|e| e == "tsv") {
            collect_tsv(&child, out);
        }
    }
}

/// Parses one gold file into `units`, collecting errors with line numbers.
pub fn parse_gold(
    file: &str,
    text: &str,
    units: &mut BTreeMap<Unit, String>,
    errors: &mut Vec<InputError>,
) {
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let err = |message: String| InputError {
            file: file.to_string(),
            line: i + 1,
            message,
        };
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            if line.trim_start_matches('\u{feff}') != GOLD_HEADER {
                errors.push(err(format!(
                    "the first line must be the header `{}`",
                    GOLD_HEADER.replace('\t', "<TAB>")
                )));
                return;
            }
            header_seen = true;
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 5 || fields.len() > 6 {
            errors.push(err(format!("expected 6 TAB-separated fields (doc, subject, relation, object, polarity, evidence), found {}", fields.len())));
            continue;
        }
        match Unit::new(fields[0], fields[1], fields[2], fields[3], fields[4]) {
            Ok(unit) => {
                let evidence = fields.get(5).copied().unwrap_or("").to_string();
                units.entry(unit).or_insert(evidence);
            }
            Err(message) => errors.push(err(message)),
        }
    }
}

/// Predicted units with the sentence that gave each, and the docs that were read.
#[derive(Debug, Default, Clone)]
pub struct Predictions {
    pub units: BTreeMap<Unit, String>,
    /// Every document the extractor read (processed), with or without claims.
    pub docs: BTreeSet<String>,
}

/// Rows of a CSV sheet (claims.csv, a reviewed copy of it), with the
/// positions of the `needed` columns and the line number of each row.
/// Columns are found by name, so a reviewer may reorder or add columns.
pub struct Sheet {
    pub name: String,
    pub columns: Vec<usize>,
    pub rows: Vec<(usize, csv::StringRecord)>,
    pub errors: Vec<InputError>,
}

impl Sheet {
    pub fn read(path: &Path, needed: &[&str], what: &str) -> Result<Sheet, Vec<InputError>> {
        let name = path.display().to_string();
        let fail = |line: usize, message: String| {
            vec![InputError {
                file: name.clone(),
                line,
                message,
            }]
        };
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(path)
            .map_err(|e| fail(0, format!("cannot read: {e}")))?;
        let headers = reader
            .headers()
            .map_err(|e| fail(1, e.to_string()))?
            .clone();
        // A spreadsheet may save the sheet with a byte-order mark.
        let column = |h: &str| {
            headers
                .iter()
                .position(|x| x.trim_start_matches('\u{feff}') == h)
        };
        let Some(columns) = needed
            .iter()
            .map(|h| column(h))
            .collect::<Option<Vec<usize>>>()
        else {
            return Err(fail(
                1,
                format!("{what} needs the columns {}", needed.join(", ")),
            ));
        };
        let mut rows = Vec::new();
        let mut errors = Vec::new();
        for (i, record) in reader.records().enumerate() {
            match record {
                Ok(r) => rows.push((i + 2, r)),
                Err(e) => errors.push(InputError {
                    file: name.clone(),
                    line: i + 2,
                    message: e.to_string(),
                }),
            }
        }
        Ok(Sheet {
            name,
            columns,
            rows,
            errors,
        })
    }

    /// Cell `k` of the needed columns in `record`.
    pub fn cell<'r>(&self, record: &'r csv::StringRecord, k: usize) -> &'r str {
        record.get(self.columns[k]).unwrap_or("")
    }
}

/// Reads a `claims.csv` (and, beside it, `run.json` for the list of documents read).
pub fn read_claims_csv(path: &Path) -> Result<Predictions, Vec<InputError>> {
    let needed = [
        "doc", "subject", "relation", "object", "polarity", "sentence",
    ];
    let sheet = Sheet::read(path, &needed, "a claims file")?;
    let mut predictions = Predictions::default();
    let mut errors = sheet.errors.clone();
    for (line, record) in &sheet.rows {
        let line = *line;
        let get = |k: usize| sheet.cell(record, k);
        match Unit::new(get(0), get(1), get(2), get(3), get(4)) {
            Ok(unit) => {
                predictions.docs.insert(unit.doc.clone());
                predictions
                    .units
                    .entry(unit)
                    .or_insert_with(|| get(5).to_string());
            }
            Err(message) => errors.push(InputError {
                file: sheet.name.clone(),
                line,
                message,
            }),
        }
    }
    if let Some(run) = path.parent().map(|p| p.join("run.json"))
        && let Ok(text) = std::fs::read_to_string(run)
        && let Ok(json) = serde_json::from_str::<serde_json::Value>(&text)
    {
        for f in json["files"].as_array().into_iter().flatten() {
            if f["status"] == "processed"
                && let Some(doc) = f["doc"].as_str()
            {
                predictions.docs.insert(doc.to_string());
            }
        }
    }
    if errors.is_empty() {
        Ok(predictions)
    } else {
        Err(errors)
    }
}

/// Counts and the scores they give.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    fn from_counts(tp: usize, fp: usize, fn_: usize) -> Score {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Score {
            tp,
            fp,
            fn_,
            precision,
            recall,
            f1,
        }
    }
}

/// The full comparison of predictions with gold.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    #[serde(flatten)]
    pub overall: Score,
    pub by_relation: BTreeMap<String, Score>,
    pub by_doc: BTreeMap<String, Score>,
    pub true_positives: Vec<Unit>,
    pub misses: Vec<(Unit, String)>,
    pub false_alarms: Vec<(Unit, String)>,
    /// False alarms a reviewer had already marked wrong.
    pub known_false_alarms: Vec<(Unit, String)>,
}

/// Gold docs that the predictions never read: an error, not a silent zero.
pub fn unread_gold_docs(gold: &Gold, predictions: &Predictions) -> Vec<String> {
    let docs: BTreeSet<&String> = gold.units.keys().map(|u| &u.doc).collect();
    docs.into_iter()
        .filter(|d| !predictions.docs.contains(*d))
        .cloned()
        .collect()
}

/// Scores predictions against gold. Only documents that have gold are scored.
pub fn score(gold: &Gold, predictions: &Predictions) -> Report {
    let gold_docs: BTreeSet<&String> = gold.units.keys().map(|u| &u.doc).collect();
    let predicted: BTreeMap<&Unit, &String> = predictions
        .units
        .iter()
        .filter(|(u, _)| gold_docs.contains(&u.doc))
        .collect();
    let mut tallies: BTreeMap<(u8, String), (usize, usize, usize)> = BTreeMap::new();
    let mut bump = |unit: &Unit, which: usize| {
        for key in [
            (0u8, String::new()),
            (1, unit.relation.clone()),
            (2, unit.doc.clone()),
        ] {
            let t = tallies.entry(key).or_default();
            match which {
                0 => t.0 += 1,
                1 => t.1 += 1,
                _ => t.2 += 1,
            }
        }
    };
    let mut true_positives = Vec::new();
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    let mut known_false_alarms = Vec::new();
    for (unit, evidence) in &gold.units {
        if predicted.contains_key(unit) {
            bump(unit, 0);
            true_positives.push(unit.clone());
        } else {
            bump(unit, 2);
            misses.push((unit.clone(), evidence.clone()));
        }
    }
    for (unit, sentence) in predicted {
        if !gold.units.contains_key(unit) {
            bump(unit, 1);
            if gold.false_alarms.contains_key(unit) {
                known_false_alarms.push((unit.clone(), sentence.clone()));
            }
            false_alarms.push((unit.clone(), sentence.clone()));
        }
    }
    let score_of = |key: &(u8, String)| {
        let (tp, fp, fn_) = tallies.get(key).copied().unwrap_or_default();
        Score::from_counts(tp, fp, fn_)
    };
    let mut by_relation = BTreeMap::new();
    let mut by_doc = BTreeMap::new();
    for key in tallies.keys() {
        match key.0 {
            1 => {
                by_relation.insert(key.1.clone(), score_of(key));
            }
            2 => {
                by_doc.insert(key.1.clone(), score_of(key));
            }
            _ => {}
        }
    }
    Report {
        overall: score_of(&(0, String::new())),
        by_relation,
        by_doc,
        true_positives,
        misses,
        false_alarms,
        known_false_alarms,
    }
}

/// What `--write-baseline` records and `--baseline` compares with.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Baseline {
    pub score: Score,
    pub true_positives: Vec<Unit>,
}

/// Regressions of `report` against `baseline`: lost true positives and an F1 drop.
pub fn regressions(baseline: &Baseline, report: &Report) -> Vec<String> {
    let now: BTreeSet<&Unit> = report.true_positives.iter().collect();
    let mut found: Vec<String> = baseline
        .true_positives
        .iter()
        .filter(|u| !now.contains(u))
        .map(|u| format!("lost true positive: {u}"))
        .collect();
    if report.overall.f1 + 1e-9 < baseline.score.f1 {
        found.push(format!(
            "F1 dropped from {:.4} to {:.4}",
            baseline.score.f1, report.overall.f1
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold_of(rows: &str) -> Gold {
        let mut gold = Gold::default();
        let mut errors = Vec::new();
        parse_gold(
            "g.tsv",
            &format!("{GOLD_HEADER}\n{rows}"),
            &mut gold.units,
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:?}");
        gold
    }

    fn predictions(units: &[(&str, &str, &str, &str, &str)]) -> Predictions {
        let mut p = Predictions::default();
        for (d, s, r, o, pol) in units {
            p.docs.insert(d.to_string());
            p.units
                .insert(Unit::new(d, s, r, o, pol).unwrap(), String::new());
        }
        p
    }

    #[test]
    fn symmetric_units_match_in_either_order_and_duplicates_count_once() {
        let gold = gold_of(
            "a.txt\tJPN\tcooperates_with\tKOR\t+\tx\na.txt\tKOR\tcooperates_with\tJPN\t+\ty\na.txt\tRUS\tattacks\tUKR\t+\tz\n",
        );
        let p = predictions(&[
            ("a.txt", "KOR", "cooperates_with", "JPN", "affirmed"),
            ("a.txt", "UKR", "attacks", "RUS", "affirmed"),
        ]);
        let r = score(&gold, &p);
        assert_eq!((r.overall.tp, r.overall.fp, r.overall.fn_), (1, 1, 1));
        assert!((r.overall.f1 - 0.5).abs() < 1e-9);
        assert_eq!(r.by_relation["attacks"].fn_, 1);
    }

    #[test]
    fn polarity_is_part_of_the_unit() {
        let gold = gold_of("a.txt\tIND\tcondemns\tRUS\t-\tx\n");
        let p = predictions(&[("a.txt", "IND", "condemns", "RUS", "affirmed")]);
        assert_eq!(score(&gold, &p).overall.tp, 0);
    }

    #[test]
    fn malformed_gold_names_file_and_line() {
        let mut units = BTreeMap::new();
        let mut errors = Vec::new();
        parse_gold(
            "g.tsv",
            &format!("{GOLD_HEADER}\na.txt\tUSA\thelps\tUKR\t+\tx\na.txt\tUSA\n"),
            &mut units,
            &mut errors,
        );
        assert_eq!(errors.len(), 2);
        assert_eq!((errors[0].line, errors[1].line), (2, 3));
        assert!(errors[0].message.contains("unknown relation"));
    }

    #[test]
    fn regressions_report_lost_units_and_f1_drop() {
        let gold = gold_of("a.txt\tRUS\tattacks\tUKR\t+\tx\n");
        let before = score(
            &gold,
            &predictions(&[("a.txt", "RUS", "attacks", "UKR", "+")]),
        );
        let baseline = Baseline {
            score: before.overall,
            true_positives: before.true_positives,
        };
        let after = score(&gold, &predictions(&[]));
        assert_eq!(regressions(&baseline, &after).len(), 2);
    }
}
