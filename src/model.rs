//! The data that flows between the pipeline stages, defined once.
//!
//! Offsets named `start`/`end` inside a [`Document`] are byte offsets into its
//! folded text ([`Document::text`]); [`Document::raw_offset`] maps them back to
//! the bytes of the input file, which is what every output reports.

use serde::Serialize;
use std::fmt;
use std::ops::Range;

use crate::normalize::OffsetMap;

/// Canonical actor id: an ISO 3166-1 alpha-3 code or an organisation's short
/// upper-case name (`USA`, `NATO`, `WARSAW_PACT`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ActorId(pub String);

impl ActorId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ActorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One input file after decoding and folding.
#[derive(Debug)]
pub struct Document {
    /// Path relative to the input root, with `/` separators (the contract's `doc`).
    pub name: String,
    /// The decoded text, as the author wrote it (used for every text column).
    pub original: String,
    /// The folded text used for matching (typographic variants made plain).
    pub text: String,
    /// Maps offsets in `text` to offsets in `original`.
    pub fold_map: OffsetMap,
    /// Maps offsets in `original` to byte offsets in the file as read.
    pub decode_map: OffsetMap,
    /// Date the document speaks from, when it says so (used to pick leaders).
    pub date: Option<String>,
}

impl Document {
    /// Byte offset in the input file of `pos` in the folded text.
    pub fn raw_offset(&self, pos: usize) -> usize {
        self.decode_map.map(self.fold_map.map(pos))
    }

    /// The original (unfolded) text behind a span of the folded text.
    pub fn original_slice(&self, span: Range<usize>) -> &str {
        let start = self.fold_map.map(span.start);
        let end = self.fold_map.map(span.end);
        self.original.get(start..end).unwrap_or("")
    }
}

/// Whether two spans of the same text share a byte.
pub fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// A paragraph of a document, as laid out by the author.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Position among the document's paragraphs, from 0.
    pub index: usize,
    /// Span in the folded text.
    pub span: Range<usize>,
    /// True when the paragraph was rebuilt from two pieces split by a stray break.
    pub rejoined: bool,
}

/// Why a paragraph was removed from extraction, or which kept one it repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DedupReason {
    /// The same text (after folding whitespace, case and typography) came earlier.
    Duplicate,
    /// A repeated section heading.
    RepeatedHeading,
    /// A paragraph broken by a stray line break whose whole version is kept.
    SplitCopy,
    /// A short passage lifted, verbatim or lightly reworded, from a kept paragraph.
    PullQuote,
    /// A longer passage contained near-verbatim in a kept paragraph.
    Contained,
    /// The same paragraph in an earlier document of the batch.
    CrossDocument,
    /// Page furniture: captions, author bios, link lists, share prompts.
    Boilerplate,
}

impl DedupReason {
    pub fn as_str(self) -> &'static str {
        match self {
            DedupReason::Duplicate => "duplicate",
            DedupReason::RepeatedHeading => "repeated_heading",
            DedupReason::SplitCopy => "split_copy",
            DedupReason::PullQuote => "pull_quote",
            DedupReason::Contained => "contained",
            DedupReason::CrossDocument => "cross_document",
            DedupReason::Boilerplate => "boilerplate",
        }
    }
}

/// The verdict on one removed paragraph.
#[derive(Debug, Clone)]
pub struct DedupDecision {
    pub paragraph: usize,
    pub reason: DedupReason,
    /// What kind of boilerplate, or other detail for the reviewer.
    pub detail: &'static str,
    /// The kept paragraph this one repeats: (document name, paragraph index).
    pub kept: Option<(String, usize)>,
    pub similarity: f64,
}

/// A sentence of the kept text.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Position among the document's kept sentences, from 0.
    pub index: usize,
    pub paragraph: usize,
    /// Span in the folded text.
    pub span: Range<usize>,
}

/// What a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    State,
    Organisation,
    Person,
    Region,
    Demonym,
    Metonym,
}

impl MentionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::State => "state",
            MentionKind::Organisation => "organisation",
            MentionKind::Person => "person",
            MentionKind::Region => "region",
            MentionKind::Demonym => "demonym",
            MentionKind::Metonym => "metonym",
        }
    }
}

/// A lexicon entry found in a sentence.
#[derive(Debug, Clone)]
pub struct Mention {
    pub sentence: usize,
    /// Span in the folded text.
    pub span: Range<usize>,
    /// The actor it resolves to; `None` for regions and people without a state role.
    pub actor: Option<ActorId>,
    pub kind: MentionKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Affirmed,
    Negated,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Affirmed => "affirmed",
            Polarity::Negated => "negated",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Asserted,
    Hedged,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Hedged => "hedged",
        }
    }
}

/// A relation between two actors stated by one sentence.
#[derive(Debug, Clone)]
pub struct Claim {
    pub sentence: usize,
    pub subject: ActorId,
    pub relation: String,
    pub object: ActorId,
    pub polarity: Polarity,
    pub modality: Modality,
    /// Spans in the folded text of the words that name each actor.
    pub subject_span: Range<usize>,
    pub object_span: Range<usize>,
    /// Id of the pattern that found it.
    pub pattern: String,
    /// The actor that the sentence reports as saying it (`X said ...`), if any.
    pub attributed_to: Option<ActorId>,
    /// True when the claim pairs up the actors of one list or compound
    /// (`{PAIR}`), rather than relating two separately named actors.
    pub pairwise: bool,
}

impl Claim {
    /// True when both claims state the same relation between the same actors
    /// with the same polarity: one claim unit, however found.
    pub fn same_unit(&self, other: &Claim) -> bool {
        (&self.subject, &self.relation, &self.object, self.polarity)
            == (
                &other.subject,
                &other.relation,
                &other.object,
                other.polarity,
            )
    }
}
