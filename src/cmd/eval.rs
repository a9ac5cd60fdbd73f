//! `claimex eval`: scores claims against gold files, and gates regressions.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::cmd::run::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use crate::eval::{self, Baseline, Predictions, Report, Unit};
use crate::input;
use crate::output;
use crate::pipeline::{self, Limits};

/// Checked arguments of `claimex eval`.
#[derive(Debug, Clone)]
pub struct EvalArgs {
    pub gold: Vec<PathBuf>,
    /// A `claims.csv` to score; when absent, `inputs` are run through the pipeline.
    pub claims: Option<PathBuf>,
    pub inputs: Vec<PathBuf>,
    pub lexicons: Option<PathBuf>,
    pub json: bool,
    pub show: bool,
    pub min_f1: Option<f64>,
    pub baseline: Option<PathBuf>,
    pub write_baseline: Option<PathBuf>,
}

pub fn run(args: &EvalArgs) -> i32 {
    let gold = match eval::read_gold(&args.gold) {
        Ok(g) => g,
        Err(errors) => return report_errors("gold", &errors),
    };
    let predictions = match &args.claims {
        Some(path) => match eval::read_claims_csv(path) {
            Ok(p) => p,
            Err(errors) => return report_errors("claims", &errors),
        },
        None => match predict(args) {
            Ok(p) => p,
            Err(code) => return code,
        },
    };
    let unread = eval::unread_gold_docs(&gold, &predictions);
    if !unread.is_empty() {
        for doc in &unread {
            eprintln!("claimex eval: gold names `{doc}`, which is not among the documents read");
        }
        eprintln!(
            "claimex eval: give the folder the gold was made for (doc paths are relative to it)"
        );
        return EXIT_USAGE;
    }
    let report = eval::score(&gold, &predictions);
    if let Some(path) = &args.write_baseline {
        let baseline = Baseline {
            score: report.overall,
            true_positives: report.true_positives.clone(),
        };
        let written = serde_json::to_string_pretty(&baseline)
            .map_err(std::io::Error::other)
            .and_then(|json| std::fs::write(path, json + "\n"));
        if let Err(e) = written {
            eprintln!("claimex eval: cannot write {}: {e}", path.display());
            return EXIT_USAGE;
        }
    }
    if args.json {
        print_json(&report);
    } else {
        print_table(&report, args.show);
    }
    gate(args, &report)
}

/// Exit 1 below `--min-f1` or on any regression against `--baseline`.
fn gate(args: &EvalArgs, report: &Report) -> i32 {
    let mut failed = false;
    if let Some(min) = args.min_f1
        && report.overall.f1 < min
    {
        eprintln!(
            "claimex eval: F1 {:.4} is below --min-f1 {min}",
            report.overall.f1
        );
        failed = true;
    }
    if let Some(path) = &args.baseline {
        let baseline: Baseline = match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(b) => b,
            Err(e) => {
                eprintln!("claimex eval: cannot read baseline {}: {e}", path.display());
                return EXIT_USAGE;
            }
        };
        for regression in eval::regressions(&baseline, report) {
            eprintln!("claimex eval: regression: {regression}");
            failed = true;
        }
    }
    if !report.known_false_alarms.is_empty() {
        eprintln!(
            "claimex eval: {} claims reviewed as wrong came back",
            report.known_false_alarms.len()
        );
    }
    if failed { EXIT_SOME_FAILED } else { EXIT_OK }
}

/// Runs the pipeline over the inputs and keeps the claim units.
fn predict(args: &EvalArgs) -> Result<Predictions, i32> {
    let engine = super::load_engine(args.lexicons.as_deref(), Limits::default())?;
    let inventory = input::discover(&args.inputs).map_err(|e| {
        eprintln!("claimex eval: {e}");
        EXIT_USAGE
    })?;
    let mut predictions = Predictions::default();
    pipeline::run_batch(
        &engine,
        &inventory.files,
        |outcome| {
            if let Some(x) = &outcome.extracted {
                predictions.docs.insert(outcome.name.clone());
                for claim in &x.claims {
                    let sentence = x
                        .document
                        .original_slice(x.sentences[claim.sentence].span.clone());
                    let unit = Unit::new(
                        &outcome.name,
                        claim.subject.as_str(),
                        &claim.relation,
                        claim.object.as_str(),
                        claim.polarity.as_str(),
                    )
                    .expect("the extractor writes valid units");
                    predictions
                        .units
                        .entry(unit)
                        .or_insert_with(|| output::display_text(sentence));
                }
            }
            Ok(())
        },
        |_| {},
    )
    .map_err(|e| {
        eprintln!("claimex eval: {e}");
        EXIT_USAGE
    })?;
    super::warn_unbuilt(&engine);
    Ok(predictions)
}

fn report_errors(what: &str, errors: &[eval::InputError]) -> i32 {
    for e in errors {
        eprintln!("{e}");
    }
    eprintln!(
        "claimex eval: {} problems in the {what} files",
        errors.len()
    );
    EXIT_USAGE
}

fn print_json(report: &Report) {
    let mut value = serde_json::to_value(report).expect("a report serialises");
    if let Some(object) = value.as_object_mut() {
        for key in [
            "true_positives",
            "misses",
            "false_alarms",
            "known_false_alarms",
        ] {
            object.remove(key);
        }
        object.insert(
            "known_false_alarms".into(),
            report.known_false_alarms.len().into(),
        );
    }
    println!("{}", serde_json::to_string_pretty(&value).expect("json"));
}

fn print_table(report: &Report, show: bool) {
    let row = |name: &str, s: &eval::Score| {
        println!(
            "{name:<34} {:>4} {:>4} {:>4}  {:>6.3} {:>6.3} {:>6.3}",
            s.tp, s.fp, s.fn_, s.precision, s.recall, s.f1
        );
    };
    println!(
        "{:<34} {:>4} {:>4} {:>4}  {:>6} {:>6} {:>6}",
        "", "tp", "fp", "fn", "P", "R", "F1"
    );
    row("overall", &report.overall);
    println!("by relation");
    for (name, s) in &report.by_relation {
        row(&format!("  {name}"), s);
    }
    println!("by document");
    for (name, s) in &report.by_doc {
        row(&format!("  {name}"), s);
    }
    if show {
        print_units("missed (in gold, not found)", &report.misses);
        print_units("false alarms (found, not in gold)", &report.false_alarms);
    }
    print_units("reviewed as wrong, found again", &report.known_false_alarms);
}

fn print_units(title: &str, units: &[(Unit, String)]) {
    if units.is_empty() {
        return;
    }
    println!("{title}");
    let mut by_doc: BTreeMap<&str, Vec<&(Unit, String)>> = BTreeMap::new();
    for u in units {
        by_doc.entry(&u.0.doc).or_default().push(u);
    }
    for (doc, list) in by_doc {
        for (u, evidence) in list {
            println!(
                "  {doc}\t{} {} {} {}\t{evidence}",
                u.subject, u.relation, u.object, u.polarity
            );
        }
    }
}
