//! Writing the review files: `claims.csv`, `sentences.csv`, `mentions.csv`,
//! `dedup.csv` and `run.json`.
//!
//! Each file is written to a temporary file in the output folder and renamed
//! into place only when the run completes, so an interrupted run leaves the
//! previous outputs intact. Every text cell a spreadsheet would evaluate as a
//! formula is neutralised (see [`spreadsheet_safe`]).

use serde::Serialize;
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::model::{Claim, Document};
use crate::pipeline::{Extracted, Outcome, Status, removed_paragraphs};

pub const CLAIMS_COLUMNS: &[&str] = &[
    "claim_id",
    "doc",
    "sentence_index",
    "subject",
    "relation",
    "object",
    "polarity",
    "modality",
    "subject_text",
    "object_text",
    "sentence",
    "pattern",
    "review",
    "note",
    "attributed_to",
    "start",
    "end",
];
pub const SENTENCES_COLUMNS: &[&str] = &[
    "doc",
    "paragraph_index",
    "sentence_index",
    "start",
    "end",
    "text",
];
pub const MENTIONS_COLUMNS: &[&str] = &[
    "doc",
    "sentence_index",
    "start",
    "end",
    "text",
    "actor",
    "kind",
];
pub const DEDUP_COLUMNS: &[&str] = &[
    "doc",
    "paragraph_index",
    "start",
    "end",
    "reason",
    "kept_doc",
    "kept_paragraph_index",
    "similarity",
    "text",
    "detail",
];

/// Makes a cell safe to open in a spreadsheet (OWASP CSV injection advice):
/// a cell starting with `=`, `+`, `-`, `@`, TAB or CR is prefixed with `'`,
/// which spreadsheets show as text and do not evaluate.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Text for a cell: runs of whitespace (line breaks of wrapped text) as one space.
pub fn display_text(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A stable id for a claim: the same document text, sentence and triple
/// always give the same id, on any machine and in any run.
pub fn claim_id(document_hash: u64, sentence: &str, claim: &Claim) -> String {
    let mut h = Xxh3::new();
    h.update(&document_hash.to_le_bytes());
    for part in [
        sentence,
        claim.subject.as_str(),
        &claim.relation,
        claim.object.as_str(),
        claim.polarity.as_str(),
    ] {
        h.update(part.as_bytes());
        h.update(&[0]);
    }
    format!("{:016x}", h.digest())
}

/// One output file being written: a temporary file until [`Output::finish`].
struct Pending {
    writer: csv::Writer<BufWriter<NamedTempFile>>,
    target: PathBuf,
}

impl Pending {
    fn create(dir: &Path, name: &str, columns: &[&str], bom: bool) -> io::Result<Pending> {
        let mut temp = NamedTempFile::new_in(dir)?;
        if bom {
            temp.write_all(b"\xEF\xBB\xBF")?;
        }
        let mut writer = csv::Writer::from_writer(BufWriter::new(temp));
        writer.write_record(columns)?;
        Ok(Pending {
            writer,
            target: dir.join(name),
        })
    }

    fn row(&mut self, cells: &[&str]) -> io::Result<()> {
        let safe: Vec<Cow<str>> = cells.iter().map(|c| spreadsheet_safe(c)).collect();
        self.writer.write_record(safe.iter().map(|c| c.as_ref()))?;
        Ok(())
    }

    fn persist(self) -> io::Result<()> {
        let buffered = self
            .writer
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?;
        let temp = buffered.into_inner().map_err(|e| e.into_error())?;
        temp.as_file().sync_all()?;
        temp.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Counts per stage for `run.json` and the summary line.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Counts {
    pub files: usize,
    pub processed: usize,
    pub skipped: usize,
    pub failed: usize,
    pub bytes: u64,
    pub paragraphs: usize,
    pub paragraphs_kept: usize,
    pub paragraphs_removed: usize,
    pub sentences: usize,
    pub mentions: usize,
    pub claims: usize,
    pub sentences_too_long_for_patterns: usize,
}

/// One input file's line in `run.json`.
#[derive(Debug, Default, Serialize)]
pub struct FileReport {
    pub doc: String,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'static str>,
    pub bytes: u64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub paragraphs: usize,
    pub paragraphs_removed: usize,
    pub sentences: usize,
    pub mentions: usize,
    pub claims: usize,
}

/// The writers of one run's output folder.
pub struct Output {
    claims: Pending,
    sentences: Pending,
    mentions: Pending,
    dedup: Pending,
    dir: PathBuf,
    pub counts: Counts,
    files: FileLog,
}

/// `run.json`'s per-file records, written to an unnamed temporary file as
/// they come and kept in memory only as (name, where): a batch of a million
/// files holds a few dozen bytes each, not the whole record.
struct FileLog {
    records: BufWriter<File>,
    written: u64,
    index: Vec<(Box<str>, u64, u32)>,
}

impl FileLog {
    fn create(dir: &Path) -> io::Result<FileLog> {
        Ok(FileLog {
            records: BufWriter::new(tempfile::tempfile_in(dir)?),
            written: 0,
            index: Vec::new(),
        })
    }

    /// Keeps `report` as it will stand in `run.json`'s `files` array:
    /// pretty-printed and indented one level deeper than the array.
    fn push(&mut self, report: &FileReport) -> io::Result<()> {
        let pretty = serde_json::to_string_pretty(report)?;
        let mut entry = String::with_capacity(pretty.len() + 64);
        for (i, line) in pretty.lines().enumerate() {
            if i > 0 {
                entry.push('\n');
            }
            entry.push_str("    ");
            entry.push_str(line);
        }
        self.records.write_all(entry.as_bytes())?;
        let len = u32::try_from(entry.len()).map_err(io::Error::other)?;
        self.index
            .push((report.doc.as_str().into(), self.written, len));
        self.written += u64::from(len);
        Ok(())
    }

    /// Writes the records sorted by file name, as the body of a JSON array.
    fn write_sorted(self, out: &mut impl Write) -> io::Result<()> {
        let FileLog {
            records, mut index, ..
        } = self;
        let mut records = records.into_inner().map_err(|e| e.into_error())?;
        index.sort_by(|a, b| a.0.cmp(&b.0));
        let mut entry = Vec::new();
        for (i, (_, offset, len)) in index.iter().enumerate() {
            if i > 0 {
                out.write_all(b",\n")?;
            }
            entry.resize(*len as usize, 0);
            records.seek(SeekFrom::Start(*offset))?;
            records.read_exact(&mut entry)?;
            out.write_all(&entry)?;
        }
        Ok(())
    }
}

impl Output {
    pub fn create(dir: &Path, bom: bool) -> io::Result<Output> {
        std::fs::create_dir_all(dir)?;
        Ok(Output {
            claims: Pending::create(dir, "claims.csv", CLAIMS_COLUMNS, bom)?,
            sentences: Pending::create(dir, "sentences.csv", SENTENCES_COLUMNS, bom)?,
            mentions: Pending::create(dir, "mentions.csv", MENTIONS_COLUMNS, bom)?,
            dedup: Pending::create(dir, "dedup.csv", DEDUP_COLUMNS, bom)?,
            dir: dir.to_path_buf(),
            counts: Counts::default(),
            files: FileLog::create(dir)?,
        })
    }

    /// Records a file that was never read (a dangling link, a loop).
    pub fn record_unreadable(&mut self, name: &str, reason: &str) -> io::Result<()> {
        self.counts.files += 1;
        self.counts.skipped += 1;
        self.files.push(&FileReport {
            doc: name.to_string(),
            status: "skipped",
            reason: Some(reason.to_string()),
            ..FileReport::default()
        })
    }

    /// Writes everything one file produced.
    pub fn write(&mut self, outcome: &Outcome) -> io::Result<()> {
        self.counts.files += 1;
        self.counts.bytes += outcome.bytes;
        let (status, reason) = match &outcome.status {
            Status::Processed => {
                self.counts.processed += 1;
                ("processed", None)
            }
            Status::Skipped(r) => {
                self.counts.skipped += 1;
                ("skipped", Some(r.clone()))
            }
            Status::Failed(r) => {
                self.counts.failed += 1;
                ("failed", Some(r.clone()))
            }
        };
        let mut report = FileReport {
            doc: outcome.name.clone(),
            status,
            reason,
            encoding: outcome.encoding,
            bytes: outcome.bytes,
            warnings: outcome.warnings.clone(),
            ..FileReport::default()
        };
        if let Some(extracted) = &outcome.extracted {
            self.write_extracted(extracted)?;
            report.date = extracted.document.date.clone();
            report.paragraphs = extracted.paragraphs.len();
            report.paragraphs_removed = extracted.dedup.decisions.len();
            report.sentences = extracted.sentences.len();
            report.mentions = extracted.mentions.len();
            report.claims = extracted.claims.len();
            if extracted.long_sentences > 0 {
                report.warnings.push(format!(
                    "{} sentences longer than --max-sentence-bytes were tagged but not matched against patterns",
                    extracted.long_sentences
                ));
            }
        }
        self.files.push(&report)
    }

    fn write_extracted(&mut self, x: &Extracted) -> io::Result<()> {
        let doc = &x.document;
        let c = &mut self.counts;
        c.paragraphs += x.paragraphs.len();
        c.paragraphs_removed += x.dedup.decisions.len();
        c.paragraphs_kept += x.paragraphs.len() - x.dedup.decisions.len();
        c.sentences += x.sentences.len();
        c.mentions += x.mentions.len();
        c.claims += x.claims.len();
        c.sentences_too_long_for_patterns += x.long_sentences;
        self.write_sentences(x)?;
        self.write_mentions(x)?;
        self.write_claims(x)?;
        for (decision, paragraph) in removed_paragraphs(x) {
            let (kept_doc, kept_index) = match &decision.kept {
                Some((d, i)) => (d.clone(), i.to_string()),
                None => (String::new(), String::new()),
            };
            self.dedup.row(&[
                &doc.name,
                &paragraph.index.to_string(),
                &doc.raw_offset(paragraph.span.start).to_string(),
                &doc.raw_offset(paragraph.span.end).to_string(),
                decision.reason.as_str(),
                &kept_doc,
                &kept_index,
                &format!("{:.3}", decision.similarity),
                &display_text(doc.original_slice(paragraph.span.clone())),
                decision.detail,
            ])?;
        }
        Ok(())
    }

    fn write_sentences(&mut self, x: &Extracted) -> io::Result<()> {
        let doc = &x.document;
        for s in &x.sentences {
            self.sentences.row(&[
                &doc.name,
                &s.paragraph.to_string(),
                &s.index.to_string(),
                &doc.raw_offset(s.span.start).to_string(),
                &doc.raw_offset(s.span.end).to_string(),
                &display_text(doc.original_slice(s.span.clone())),
            ])?;
        }
        Ok(())
    }

    fn write_mentions(&mut self, x: &Extracted) -> io::Result<()> {
        let doc = &x.document;
        for m in &x.mentions {
            let actor = m.actor.as_ref().map(|a| a.as_str()).unwrap_or("");
            self.mentions.row(&[
                &doc.name,
                &m.sentence.to_string(),
                &doc.raw_offset(m.span.start).to_string(),
                &doc.raw_offset(m.span.end).to_string(),
                doc.original_slice(m.span.clone()),
                actor,
                m.kind.as_str(),
            ])?;
        }
        Ok(())
    }

    fn write_claims(&mut self, x: &Extracted) -> io::Result<()> {
        let doc: &Document = &x.document;
        let document_hash = xxh3_64(doc.original.as_bytes());
        for claim in &x.claims {
            let sentence = &x.sentences[claim.sentence];
            let text = display_text(doc.original_slice(sentence.span.clone()));
            let attributed = claim
                .attributed_to
                .as_ref()
                .map(|a| a.as_str())
                .unwrap_or("");
            self.claims.row(&[
                &claim_id(document_hash, &text, claim),
                &doc.name,
                &claim.sentence.to_string(),
                claim.subject.as_str(),
                &claim.relation,
                claim.object.as_str(),
                claim.polarity.as_str(),
                claim.modality.as_str(),
                doc.original_slice(claim.subject_span.clone()),
                doc.original_slice(claim.object_span.clone()),
                &text,
                &claim.pattern,
                "",
                "",
                attributed,
                &doc.raw_offset(sentence.span.start).to_string(),
                &doc.raw_offset(sentence.span.end).to_string(),
            ])?;
        }
        Ok(())
    }

    /// Writes `run.json` and moves every file into place.
    pub fn finish(self, run: &RunInfo) -> io::Result<Counts> {
        let report = RunReport {
            tool: "claimex",
            version: env!("CARGO_PKG_VERSION"),
            inputs: &run.inputs,
            lexicons: &run.lexicons,
            limits: &run.limits,
            counts: &self.counts,
            files: &[],
        };
        // The report with an empty `files` array, which the file log then
        // fills: the same bytes `serde_json` would print for the whole.
        let head = serde_json::to_string_pretty(&report)?;
        let head = head
            .strip_suffix("[]\n}")
            .ok_or_else(|| io::Error::other("run.json: `files` is not the last field"))?;
        let mut temp = BufWriter::new(NamedTempFile::new_in(&self.dir)?);
        temp.write_all(head.as_bytes())?;
        if self.files.index.is_empty() {
            temp.write_all(b"[]\n}\n")?;
        } else {
            temp.write_all(b"[\n")?;
            self.files.write_sorted(&mut temp)?;
            temp.write_all(b"\n  ]\n}\n")?;
        }
        let temp = temp.into_inner().map_err(|e| e.into_error())?;
        for pending in [self.claims, self.sentences, self.mentions, self.dedup] {
            pending.persist()?;
        }
        temp.persist(self.dir.join("run.json"))
            .map_err(|e| e.error)?;
        Ok(self.counts)
    }
}

/// A lexicon file used by the run, for `run.json`.
#[derive(Debug, Serialize)]
pub struct LexiconReport {
    pub file: String,
    pub source: String,
    pub sha256: String,
}

/// What the run was asked to do, for `run.json`.
#[derive(Debug, Serialize)]
pub struct RunInfo {
    pub inputs: Vec<String>,
    pub lexicons: Vec<LexiconReport>,
    pub limits: serde_json::Value,
}

impl RunInfo {
    /// The inputs as given, and the lexicon files and limits of `engine`.
    pub fn describe(inputs: &[std::path::PathBuf], engine: &crate::pipeline::Engine) -> RunInfo {
        let lexicons = engine
            .lexicon()
            .files
            .iter()
            .map(|f| LexiconReport {
                file: f.name.clone(),
                source: f.source.clone(),
                sha256: f.sha256.clone(),
            })
            .collect();
        RunInfo {
            inputs: inputs.iter().map(|p| p.display().to_string()).collect(),
            lexicons,
            limits: serde_json::json!({
                "max_file_bytes": engine.limits.max_file_bytes,
                "max_sentence_bytes": engine.limits.max_sentence_bytes,
            }),
        }
    }
}

#[derive(Serialize)]
struct RunReport<'a> {
    tool: &'static str,
    version: &'static str,
    inputs: &'a [String],
    lexicons: &'a [LexiconReport],
    limits: &'a serde_json::Value,
    counts: &'a Counts,
    files: &'a [FileReport],
}

/// Opens a file for writing a side output (eval reports, discover), written
/// in place.
pub fn create_file(path: &Path) -> io::Result<BufWriter<File>> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    Ok(BufWriter::new(File::create(path)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for cell in ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx"] {
            assert!(spreadsheet_safe(cell).starts_with('\''), "{cell:?}");
        }
        assert_eq!(spreadsheet_safe("Russia"), "Russia");
    }
}
