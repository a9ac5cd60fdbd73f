//! Running the stages over a batch of files.
//!
//! Documents are processed in parallel in chunks and written as each chunk
//! finishes, so memory stays flat however many files there are; the only
//! state kept across the batch is the cross-document dedup fingerprints.
//! Within a chunk, results are put back in path order before the
//! cross-document check and before writing, so outputs never depend on the
//! thread count or on the order files appear on disk.

use rayon::prelude::*;
use regex::Regex;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use crate::dedup::{self, BatchIndex, DocumentDedup};
use crate::input::{self, InputFile, Unusable};
use crate::lexicon::Lexicon;
use crate::model::{Claim, DedupDecision, Document, Mention, Paragraph, Sentence};
use crate::normalize;
use crate::paragraphs;
use crate::patterns::{self, PatternSet};
use crate::relations::{self, Extractor, Lead};
use crate::sentences;
use crate::tagger::Tagger;

/// Limits that keep hostile input in bounds; each cut is reported.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Files larger than this are skipped.
    pub max_file_bytes: u64,
    /// Sentences longer than this are tagged but not matched against patterns.
    pub max_sentence_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 256 << 20,
            max_sentence_bytes: 4096,
        }
    }
}

/// The lexicon and patterns, compiled once and shared by every thread.
pub struct Engine {
    pub tagger: Tagger,
    pub extractor: Extractor,
    pub limits: Limits,
}

impl Engine {
    pub fn new(lexicon: Lexicon, patterns: PatternSet, limits: Limits) -> Engine {
        Engine {
            tagger: Tagger::new(lexicon),
            extractor: Extractor::new(patterns),
            limits,
        }
    }

    /// Loads the lexicon folder (or the embedded default) and its patterns.
    pub fn load(
        dir: Option<&std::path::Path>,
        limits: Limits,
    ) -> Result<Engine, Vec<crate::lexicon::Problem>> {
        let lexicon = crate::lexicon::load(dir)?;
        let file = lexicon
            .file_text("patterns.txt")
            .expect("patterns.txt is always read");
        let patterns = patterns::parse(&file.name, &file.text)?;
        Ok(Engine::new(lexicon, patterns, limits))
    }

    pub fn lexicon(&self) -> &Lexicon {
        self.tagger.lexicon()
    }
}

/// CPU time spent in each stage, summed over documents.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub read: Duration,
    pub normalise: Duration,
    pub dedup: Duration,
    pub sentences: Duration,
    pub mentions: Duration,
    pub relations: Duration,
    pub write: Duration,
}

impl Timings {
    pub fn add(&mut self, other: &Timings) {
        self.read += other.read;
        self.normalise += other.normalise;
        self.dedup += other.dedup;
        self.sentences += other.sentences;
        self.mentions += other.mentions;
        self.relations += other.relations;
        self.write += other.write;
    }

    pub fn stages(&self) -> [(&'static str, Duration); 7] {
        [
            ("read", self.read),
            ("normalise", self.normalise),
            ("dedup", self.dedup),
            ("sentences", self.sentences),
            ("mentions", self.mentions),
            ("relations", self.relations),
            ("write", self.write),
        ]
    }
}

fn timed<T>(slot: &mut Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    *slot += start.elapsed();
    out
}

/// What happened to one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Processed,
    Skipped(String),
    Failed(String),
}

/// A processed document with everything extracted from it.
#[derive(Debug)]
pub struct Extracted {
    pub document: Document,
    pub paragraphs: Vec<Paragraph>,
    pub dedup: DocumentDedup,
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub claims: Vec<Claim>,
    /// Sentences too long for pattern matching.
    pub long_sentences: usize,
}

/// The outcome for one input file.
#[derive(Debug)]
pub struct Outcome {
    pub name: String,
    pub bytes: u64,
    pub encoding: Option<&'static str>,
    pub status: Status,
    pub warnings: Vec<String>,
    pub extracted: Option<Extracted>,
    pub timings: Timings,
}

impl Outcome {
    fn new(name: &str) -> Outcome {
        Outcome {
            name: name.to_string(),
            bytes: 0,
            encoding: None,
            status: Status::Processed,
            warnings: Vec::new(),
            extracted: None,
            timings: Timings::default(),
        }
    }
}

/// Processes one file; never panics, whatever the file holds.
pub fn process_file(engine: &Engine, file: &InputFile) -> Outcome {
    let result = catch_unwind(AssertUnwindSafe(|| process_file_inner(engine, file)));
    result.unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".into());
        let mut outcome = Outcome::new(&file.name);
        outcome.status = Status::Failed(format!("internal error (please report): {message}"));
        outcome
    })
}

fn process_file_inner(engine: &Engine, file: &InputFile) -> Outcome {
    let mut outcome = Outcome::new(&file.name);
    let mut t = Timings::default();
    let bytes = match timed(&mut t.read, || {
        read_bounded(file, engine.limits.max_file_bytes)
    }) {
        Ok(bytes) => bytes,
        Err(status) => {
            outcome.status = status;
            return outcome;
        }
    };
    outcome.bytes = bytes.len() as u64;
    let decoded = match timed(&mut t.normalise, || input::decode(&bytes)) {
        Ok(decoded) => decoded,
        Err(Unusable::Skip(reason)) => {
            outcome.status = Status::Skipped(reason);
            outcome.timings = t;
            return outcome;
        }
    };
    drop(bytes);
    outcome.encoding = Some(decoded.encoding);
    outcome.warnings = decoded.warnings;
    let document = timed(&mut t.normalise, || {
        let (text, fold_map) = normalize::fold(&decoded.text);
        let date = document_date(&text);
        Document {
            name: file.name.clone(),
            original: decoded.text,
            text,
            fold_map,
            decode_map: decoded.map,
            date,
        }
    });
    outcome.extracted = Some(extract_document(engine, document, &mut t));
    outcome.timings = t;
    outcome
}

fn read_bounded(file: &InputFile, max: u64) -> Result<Vec<u8>, Status> {
    let meta =
        std::fs::metadata(&file.path).map_err(|e| Status::Failed(format!("cannot read: {e}")))?;
    if meta.len() > max {
        return Err(Status::Skipped(format!(
            "file is {} bytes, over the --max-file-bytes limit of {max}",
            meta.len()
        )));
    }
    std::fs::read(&file.path).map_err(|e| Status::Failed(format!("cannot read: {e}")))
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let month = MONTHS.join("|");
    Regex::new(&format!(
        r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-([0-3]\d)\b|\b({month}) ([1-3]?\d), ((?:19|20)\d\d)\b|\b([1-3]?\d) ({month}) ((?:19|20)\d\d)\b"
    ))
    .unwrap()
});

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The date a document is written on, when its opening lines give one.
pub fn document_date(text: &str) -> Option<String> {
    let head = &text[..normalize::floor_char_boundary(text, 600)];
    let c = DATE.captures(head)?;
    let month_number = |m: &str| {
        MONTHS
            .iter()
            .position(|x| *x == m)
            .map(|i| i + 1)
            .unwrap_or(1)
    };
    if let Some(y) = c.get(1) {
        return Some(format!("{}-{}-{}", y.as_str(), &c[2], &c[3]));
    }
    if let Some(m) = c.get(4) {
        return Some(format!(
            "{}-{:02}-{:02}",
            &c[6],
            month_number(m.as_str()),
            c[5].parse::<u32>().ok()?
        ));
    }
    Some(format!(
        "{}-{:02}-{:02}",
        &c[9],
        month_number(&c[8]),
        c[7].parse::<u32>().ok()?
    ))
}

/// Paragraphs, dedup within the document, sentences, mentions and claims.
pub fn extract_document(engine: &Engine, document: Document, t: &mut Timings) -> Extracted {
    let (paragraphs, dedup) = timed(&mut t.dedup, || {
        let paragraphs = paragraphs::split(&document.text);
        let dedup = dedup::dedup_document(&document.name, &document.text, &paragraphs);
        (paragraphs, dedup)
    });
    let sentences = timed(&mut t.sentences, || {
        kept_sentences(&document.text, &paragraphs, &dedup)
    });
    let mut mentions = Vec::new();
    let mut claims = Vec::new();
    let mut long_sentences = 0;
    let date = document.date.as_deref();
    let mut defined = timed(&mut t.mentions, || {
        engine.tagger.definitions(&document.text)
    });
    let mut leads = Leads::default();
    for sentence in &sentences {
        let found = timed(&mut t.mentions, || {
            let span = sentence.span.clone();
            let found =
                engine
                    .tagger
                    .tag_with(&defined, &document.text, span, sentence.index, date);
            defined.learn_surnames(&engine.tagger, &document.text, &found);
            found
        });
        if sentence.span.len() > engine.limits.max_sentence_bytes {
            long_sentences += 1;
        } else {
            timed(&mut t.relations, || {
                let lead = leads.next(engine, &document.text, &paragraphs, sentence, &found);
                let under = lead.and_then(|lead| {
                    engine.extractor.extract_under(
                        engine.lexicon(),
                        lead,
                        &document.text,
                        sentence.span.clone(),
                        sentence.index,
                        &found,
                    )
                });
                claims.extend(under.unwrap_or_else(|| {
                    engine.extractor.extract(
                        engine.lexicon(),
                        &document.text,
                        sentence.span.clone(),
                        sentence.index,
                        &found,
                    )
                }));
            });
        }
        mentions.extend(found);
    }
    Extracted {
        document,
        paragraphs,
        dedup,
        sentences,
        mentions,
        claims,
        long_sentences,
    }
}

/// Follows bullet lists and the lead lines that name their subject
/// (`The United States has:` then `- Delivered ...` lines).
#[derive(Default)]
struct Leads {
    /// The lead in force and the paragraph of the last line it covered.
    current: Option<(Lead, usize)>,
}

impl Leads {
    /// The lead that `sentence` continues, if it opens a bullet of the list
    /// under one. Every sentence passes through here in order.
    fn next(
        &mut self,
        engine: &Engine,
        text: &str,
        paragraphs: &[Paragraph],
        sentence: &Sentence,
        mentions: &[Mention],
    ) -> Option<&Lead> {
        let paragraph = &paragraphs[sentence.paragraph];
        let opens_paragraph = sentence.span.start == paragraph.span.start;
        let is_item = opens_paragraph && relations::is_list_item(&text[sentence.span.clone()]);
        let continues = match &self.current {
            Some((_, last)) => *last == sentence.paragraph || is_item,
            None => false,
        };
        if !continues {
            self.current = None;
            // A lead is a line of its own, or the last sentence of a
            // paragraph when it ends in a colon (`Canada and the Philippines
            // marked 75 years of relations in 2024. Canada has:`).
            let ends_paragraph = sentence.span.end == paragraph.span.end;
            let colon_last =
                ends_paragraph && text[sentence.span.clone()].trim_end().ends_with(':');
            if (opens_paragraph && ends_paragraph) || colon_last {
                let lead = Lead::parse(
                    text,
                    sentence.span.clone(),
                    mentions,
                    &engine.lexicon().agents,
                );
                self.current = lead.map(|lead| (lead, sentence.paragraph));
            }
            return None;
        }
        let (lead, last) = self.current.as_mut()?;
        *last = sentence.paragraph;
        is_item.then_some(&*lead)
    }
}

fn kept_sentences(text: &str, paragraphs: &[Paragraph], dedup: &DocumentDedup) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for p in paragraphs.iter().filter(|p| !dedup.is_removed(p.index)) {
        for range in sentences::split(&text[p.span.clone()]) {
            sentences.push(Sentence {
                index: sentences.len(),
                paragraph: p.index,
                span: p.span.start + range.start..p.span.start + range.end,
            });
        }
    }
    sentences
}

/// Removes what the batch has seen in earlier documents, then renumbers the
/// sentences so `sentence_index` counts over the kept text only.
pub fn apply_batch_dedup(batch: &mut BatchIndex, extracted: &mut Extracted) {
    let before = extracted.dedup.decisions.len();
    batch.check_document(&extracted.document.name, &mut extracted.dedup);
    if extracted.dedup.decisions.len() == before {
        return;
    }
    let dedup = &extracted.dedup;
    // Old sentence index -> new one; `None` for a removed sentence.
    let mut renumber: Vec<Option<usize>> = vec![None; extracted.sentences.len()];
    extracted
        .sentences
        .retain(|s| !dedup.is_removed(s.paragraph));
    for (new, s) in extracted.sentences.iter_mut().enumerate() {
        renumber[s.index] = Some(new);
        s.index = new;
    }
    let keep = |sentence: &mut usize| match renumber.get(*sentence).copied().flatten() {
        Some(new) => {
            *sentence = new;
            true
        }
        None => false,
    };
    extracted.mentions.retain_mut(|m| keep(&mut m.sentence));
    extracted.claims.retain_mut(|c| keep(&mut c.sentence));
}

/// Runs files through the pipeline in parallel chunks and hands each outcome,
/// in path order, to `sink` (which writes it). A chunk is written while the
/// next one is processed, so writing does not leave the workers idle; at
/// most two chunks are in memory at once. A chunk holds 16 files per thread
/// of the current rayon pool: enough to keep every thread busy, few enough to
/// bound memory.
pub fn run_batch(
    engine: &Engine,
    files: &[InputFile],
    mut sink: impl FnMut(Outcome) -> std::io::Result<()> + Send,
    mut progress: impl FnMut(u64) + Send,
) -> std::io::Result<()> {
    let mut batch = BatchIndex::default();
    let mut deliver = |outcomes: Vec<Outcome>| -> std::io::Result<()> {
        for mut outcome in outcomes {
            if let Some(extracted) = outcome.extracted.as_mut() {
                apply_batch_dedup(&mut batch, extracted);
            }
            progress(outcome.bytes);
            sink(outcome)?;
        }
        Ok(())
    };
    let process = |chunk: &[InputFile]| -> Vec<Outcome> {
        chunk.par_iter().map(|f| process_file(engine, f)).collect()
    };
    let mut processed: Option<Vec<Outcome>> = None;
    let chunk_size = (rayon::current_num_threads() * 16).max(16);
    for chunk in files.chunks(chunk_size) {
        if crate::interrupted() {
            return Ok(());
        }
        let (next, written) = rayon::join(
            || process(chunk),
            || processed.take().map_or(Ok(()), &mut deliver),
        );
        written?;
        processed = Some(next);
    }
    processed.map_or(Ok(()), deliver)
}

/// Dedup decisions with their paragraphs, for writers.
pub fn removed_paragraphs(
    extracted: &Extracted,
) -> impl Iterator<Item = (&DedupDecision, &Paragraph)> {
    extracted
        .dedup
        .decisions
        .iter()
        .map(|d| (d, &extracted.paragraphs[d.paragraph]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_document_date() {
        assert_eq!(
            document_date("Published 2024-03-05\nText"),
            Some("2024-03-05".into())
        );
        assert_eq!(
            document_date("March 5, 2024 — Leaders met"),
            Some("2024-03-05".into())
        );
        assert_eq!(
            document_date("Tokyo, 5 March 2024"),
            Some("2024-03-05".into())
        );
        assert_eq!(document_date("No date here"), None);
    }
}
