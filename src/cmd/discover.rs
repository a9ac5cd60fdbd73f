//! `claimex discover`: what the lexicons and patterns miss, ranked by frequency.
//!
//! Runs the same pipeline as `claimex run` (reading, dedup, sentences,
//! tagging, extraction) and writes `discover.csv` (default
//! `out/discover.csv`) with the columns
//! `kind, text, count, docs, suggestion, example_doc, example_sentence`,
//! most frequent first, then by text; `--min-count` drops rare rows and
//! `--limit` keeps at most that many rows of each kind (0: all).
//!
//! # Turning a row into a lexicon line
//!
//! **`unknown_actor`**: a capitalised name no lexicon entry covers, in a
//! sentence with a relation cue or a known actor. `suggestion` is a guess
//! (`organisation?`, `person?`, `place?`); read `example_sentence`, then add
//! one TAB-separated line to the right file of the lexicon folder (see
//! `lexicons/README.md`), without a leading `the`:
//!
//! - a state → `states.tsv`: `id  name  aliases  demonyms  metonyms`
//!   (or add the name to the `aliases` of the state's existing line);
//! - an organisation or alliance → `organisations.tsv`:
//!   `id  name  aliases  members`, e.g.
//!   `AES  Alliance of Sahel States  AES|Sahel Alliance  MLI|BFA|NER`;
//! - a leader who stands for a state → `people.tsv`:
//!   `name  aliases  actor  role  from  to`, e.g.
//!   `Bola Tinubu  Tinubu  NGA  President  2023-05-29  `;
//! - a place that is never an actor (a region, a sea, a province) →
//!   `regions.tsv`: `name  aliases`, so it stops showing up here.
//!
//! Then run `claimex lexicon check` (every line sound, no name used twice) and
//! `claimex discover` again: the row is gone.
//!
//! **`unknown_pattern`**: a sentence naming two or more known actors with a
//! relation cue, from which no claim came and which no pattern template
//! matches. `text` is the skeleton around the cue, from the actor slot before
//! it to the one after (`<N> inked a grain levy accord`); `suggestion` gives
//! the cue's base form, the relation whose patterns use that cue (or
//! `not in patterns.txt` for a built-in cue word), and the actors found. To
//! add a pattern:
//!
//! 1. `claimex lexicon explain "<example_sentence>"` prints the mentions and
//!    the exact skeleton the templates are matched against;
//! 2. write a block in `patterns.txt` whose `match` template covers that
//!    skeleton, with the cue in `[[...]]` and the sentence as its `example`:
//!
//!    ```text
//!    pattern  cooperates.inked
//!    relation cooperates_with
//!    match    {PAIR} {aux} [[inked|signed]] {np}(?:accord|agreement|pact)
//!    example  Poland and Lithuania inked a grain levy accord. => LTU cooperates_with POL
//!    ```
//!
//! 3. `claimex lexicon check` runs the example (and any `counter`) through
//!    the pattern and reports with `file:line` if it does not give the claim.
//!
//! A row that states no relation at all (a cue word used in another sense)
//! needs nothing; a row whose sentence should give nothing, ever, makes a
//! good `counter` line for the pattern it resembles.

use std::io;
use std::path::{Path, PathBuf};

use crate::cmd::run::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use crate::discover::{COLUMNS, Discoverer, Kind, Row};
use crate::input;
use crate::output::{create_file, spreadsheet_safe};
use crate::pipeline::{self, Engine, Limits, Outcome, Status};

/// Where `discover.csv` goes when `--out` is not given.
pub const DEFAULT_OUT: &str = "out/discover.csv";

/// Checked settings for one `claimex discover`.
#[derive(Debug, Clone)]
pub struct DiscoverArgs {
    /// Files or folders to read.
    pub inputs: Vec<PathBuf>,
    /// The CSV file to write.
    pub out: PathBuf,
    pub lexicons: Option<PathBuf>,
    /// Rows seen fewer times are left out.
    pub min_count: usize,
    /// At most this many rows of each kind; 0 for all.
    pub limit: usize,
}

/// What happened to the input files.
#[derive(Debug, Default)]
struct FileCounts {
    files: usize,
    processed: usize,
    skipped: usize,
    failed: Vec<String>,
    sentences: usize,
    claims: usize,
}

impl FileCounts {
    fn record(&mut self, outcome: &Outcome) {
        self.files += 1;
        match &outcome.status {
            Status::Processed => self.processed += 1,
            Status::Skipped(_) => self.skipped += 1,
            Status::Failed(reason) => self.failed.push(format!("{}: {reason}", outcome.name)),
        }
        if let Some(x) = &outcome.extracted {
            self.sentences += x.sentences.len();
            self.claims += x.claims.len();
        }
    }
}

/// Runs discovery and returns the process exit code.
pub fn run(args: &DiscoverArgs) -> i32 {
    let engine = match super::load_engine(args.lexicons.as_deref(), Limits::default()) {
        Ok(engine) => engine,
        Err(code) => return code,
    };
    let inventory = match input::discover(&args.inputs) {
        Ok(inventory) => inventory,
        Err(e) => {
            eprintln!("claimex: {e}");
            return EXIT_USAGE;
        }
    };
    let result = execute(args, &engine, &inventory);
    super::warn_unbuilt(&engine);
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("claimex: cannot write {}: {e}", args.out.display());
            EXIT_USAGE
        }
    }
}

fn execute(args: &DiscoverArgs, engine: &Engine, inventory: &input::Inventory) -> io::Result<i32> {
    let mut discoverer = Discoverer::new(engine);
    let mut counts = FileCounts {
        files: inventory.skipped.len(),
        skipped: inventory.skipped.len(),
        ..FileCounts::default()
    };
    pipeline::run_batch(
        engine,
        &inventory.files,
        |outcome| {
            counts.record(&outcome);
            if let Some(extracted) = &outcome.extracted {
                discoverer.add(extracted);
            }
            Ok(())
        },
        |_| {},
    )?;
    if crate::interrupted() {
        eprintln!(
            "claimex: interrupted; {} was not written",
            args.out.display()
        );
        return Ok(130);
    }
    let actors = discoverer.rows(Kind::UnknownActor, args.min_count, args.limit);
    let patterns = discoverer.rows(Kind::UnknownPattern, args.min_count, args.limit);
    write_csv(&args.out, actors.iter().chain(&patterns))?;
    for line in &counts.failed {
        eprintln!("claimex: failed: {line}");
    }
    print_summary(
        args,
        &counts,
        discoverer.totals(),
        (actors.len(), patterns.len()),
    );
    Ok(if counts.failed.is_empty() {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    })
}

/// Writes the rows with formula-leading cells neutralised.
fn write_csv<'a>(path: &Path, rows: impl Iterator<Item = &'a Row>) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(create_file(path)?);
    writer.write_record(COLUMNS)?;
    for row in rows {
        let cells = [
            row.kind.as_str().to_string(),
            row.text.clone(),
            row.count.to_string(),
            row.docs.to_string(),
            row.suggestion.clone(),
            row.example_doc.clone(),
            row.example_sentence.clone(),
        ];
        writer.write_record(cells.iter().map(|c| spreadsheet_safe(c).into_owned()))?;
    }
    writer.flush()
}

fn print_summary(
    args: &DiscoverArgs,
    counts: &FileCounts,
    (actors, patterns): (usize, usize),
    (actors_written, patterns_written): (usize, usize),
) {
    eprintln!(
        "claimex discover: {} files ({} processed, {} skipped, {} failed), {} sentences, {} claims; {actors} unknown actors ({actors_written} written), {patterns} unknown patterns ({patterns_written} written) -> {}",
        counts.files,
        counts.processed,
        counts.skipped,
        counts.failed.len(),
        counts.sentences,
        counts.claims,
        args.out.display()
    );
}
