//! Sentence boundaries for English prose.
//!
//! Unicode's sentence rules (UAX #29, through `unicode-segmentation`) propose
//! candidate boundaries. They know nothing about English abbreviations, lists
//! or ellipses, so every candidate is re-judged here by looking at the
//! terminator before it and the word after it. A few boundaries that Unicode
//! never proposes (a missing space after a full stop, list items, bullets) are
//! added as extra candidates.
//!
//! Cost: linear in the input. Every look-around is bounded by a small number
//! of characters, and long runs of spaces or brackets (which make the
//! segmenter quadratic) are cut out before segmenting.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// Byte ranges of the sentences of `text`, in order, each trimmed of surrounding whitespace; empty sentences are omitted.
///
/// `text` is one paragraph; a single newline inside it is treated as a space.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let candidates = candidate_boundaries(text);
    let item_starts = list_item_starts(text);
    let cuts = choose_cuts(text, &candidates, &item_starts);
    trimmed_ranges(text, &cuts)
}

// ---------------------------------------------------------------------------
// Candidates
// ---------------------------------------------------------------------------

/// Longer runs of spaces or brackets are not given to the segmenter: its
/// look-ahead rescans them from every position (quadratic).
const MAX_GAP_CHARS: usize = 8;

/// How far back reference marks (`[12][note 3]`) are looked for.
const MAX_CITATION_BYTES: usize = 96;

fn candidate_boundaries(text: &str) -> Vec<usize> {
    let mut candidates = Vec::new();
    for chunk in chunks_between_long_gaps(text) {
        if chunk.start > 0 {
            // The end of a long gap stands in for the boundary the segmenter
            // would have proposed there.
            candidates.push(chunk.start);
        }
        let bounds = text[chunk.clone()].split_sentence_bound_indices();
        candidates.extend(bounds.skip(1).map(|(offset, _)| chunk.start + offset));
    }
    candidates.extend(missing_space_candidates(text));
    candidates.extend(ellipsis_character_candidates(text));
    candidates.extend(citation_candidates(text));
    candidates.sort_unstable();
    candidates.dedup();
    candidates
}

fn chunks_between_long_gaps(text: &str) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut chunk_start = 0;
    let mut gap_start = 0;
    let mut gap_chars = 0;
    for (index, c) in text.char_indices() {
        if is_gap_char(c) {
            if gap_chars == 0 {
                gap_start = index;
            }
            gap_chars += 1;
            continue;
        }
        if gap_chars > MAX_GAP_CHARS {
            chunks.push(chunk_start..gap_start);
            chunk_start = index;
        }
        gap_chars = 0;
    }
    let end = if gap_chars > MAX_GAP_CHARS {
        gap_start
    } else {
        text.len()
    };
    chunks.push(chunk_start..end);
    chunks
}

/// Characters the segmenter may treat as spaces or closing punctuation.
fn is_gap_char(c: char) -> bool {
    !c.is_alphanumeric() && !is_terminator(c)
}

/// `clear.It`: Unicode keeps a full stop between two letters inside one
/// sentence, English wants a boundary when a capitalised word follows.
fn missing_space_candidates(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices(['.', '?', '!'])
        .filter_map(|(index, _)| {
            let after = index + 1;
            let next_is_upper = text[after..].chars().next().is_some_and(char::is_uppercase);
            let previous_is_alnum = text[..index]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            (next_is_upper && previous_is_alnum).then_some(after)
        })
}

/// Reference marks after a full stop (`settlement.[1][2] In autumn`), as
/// encyclopedias print them.
static CITATIONS_AFTER_TERMINATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[.!?]["'”’)]?(?:\[(?:\d{1,4}|[a-z]|note \d{1,3}|citation needed)\]){1,6}[ \t]+"#)
        .unwrap()
});

/// Reference marks at the very end of a sentence's content.
static TRAILING_CITATIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\[(?:\d{1,4}|[a-z]|note \d{1,3}|citation needed)\]){1,6}$").unwrap()
});

/// Unicode proposes no boundary after `settlement.[1][2]`: the digits in
/// the brackets break its terminator sequence.
fn citation_candidates(text: &str) -> impl Iterator<Item = usize> + '_ {
    CITATIONS_AFTER_TERMINATOR.find_iter(text).map(|m| m.end())
}

/// Unicode does not count `…` as a terminator, so "Then… The end" gets no
/// candidate from the segmenter.
fn ellipsis_character_candidates(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices('…').filter_map(|(index, ellipsis)| {
        let after = index + ellipsis.len();
        let closers: usize = text[after..]
            .chars()
            .take(MAX_CLOSERS)
            .take_while(|&c| is_closer(c))
            .map(char::len_utf8)
            .sum();
        let spaces: usize = text[after + closers..]
            .chars()
            .take(MAX_GAP_CHARS)
            .take_while(|c| c.is_whitespace())
            .map(char::len_utf8)
            .sum();
        (spaces > 0).then_some(after + closers + spaces)
    })
}

// ---------------------------------------------------------------------------
// Lists and bullets: boundaries before each item, even without a full stop
// ---------------------------------------------------------------------------

const BULLETS: [char; 6] = ['•', '‣', '⁃', '◦', '▪', '●'];

static LEADING_LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[•‣⁃◦▪●]\s*)?(\d{1,3}|[a-z])(\.\)|\.|\))\s").expect("valid regex")
});

static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s((?:[•‣⁃◦▪●]\s*)?(\d{1,3}|[a-z])(\.\)|\.|\)))\s").expect("valid regex")
});

static ONLY_LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[•‣⁃◦▪●]\s*)?(?:\d{1,3}|[A-Za-z])(?:\.\)|\.|\))?$").expect("valid regex")
});

/// Where list items start: before every bullet that follows a space, and,
/// when the paragraph opens with a marker such as `1.`, `a)` or `1.)`, before
/// each later marker of the same style that continues the sequence. Requiring
/// the sequence keeps "He scored 2. The team lost." in one piece.
fn list_item_starts(text: &str) -> Vec<usize> {
    let mut starts: Vec<usize> = text
        .match_indices(BULLETS)
        .filter(|&(index, _)| {
            text[..index]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace)
        })
        .map(|(index, _)| index)
        .collect();
    starts.extend(numbered_item_starts(text));
    starts.sort_unstable();
    starts.dedup();
    starts
}

fn numbered_item_starts(text: &str) -> Vec<usize> {
    let Some(first) = LEADING_LIST_MARKER.captures(text) else {
        return Vec::new();
    };
    let style = &first[2];
    let mut expected = next_in_sequence(&first[1]);
    let mut starts = Vec::new();
    for marker in LIST_MARKER.captures_iter(text) {
        if expected.as_deref() == Some(&marker[2]) && &marker[3] == style {
            starts.push(marker.get(1).map_or(0, |item| item.start()));
            expected = next_in_sequence(&marker[2]);
        }
    }
    starts
}

fn next_in_sequence(label: &str) -> Option<String> {
    if let Ok(number) = label.parse::<u32>() {
        return Some((number + 1).to_string());
    }
    let letter = label.chars().next()?;
    char::from_u32(letter as u32 + 1).map(String::from)
}

// ---------------------------------------------------------------------------
// Judging candidates
// ---------------------------------------------------------------------------

fn choose_cuts(text: &str, candidates: &[usize], item_starts: &[usize]) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut sentence_start = 0;
    let mut items = item_starts.iter().copied().peekable();
    let mut cut_at = |cut: usize, sentence_start: &mut usize| {
        if cut > *sentence_start {
            cuts.push(cut);
            *sentence_start = cut;
        }
    };
    for &candidate in candidates {
        while let Some(item) = items.next_if(|&item| item <= candidate) {
            cut_at(item, &mut sentence_start);
        }
        if candidate <= sentence_start || is_only_list_marker(&text[sentence_start..candidate]) {
            continue;
        }
        if let Some(cut) = cut_for_candidate(text, candidate) {
            cut_at(cut, &mut sentence_start);
        }
    }
    for item in items {
        cut_at(item, &mut sentence_start);
    }
    cuts
}

/// "1." or "• a)" alone is the label of a list item, not a sentence.
fn is_only_list_marker(sentence_so_far: &str) -> bool {
    sentence_so_far.len() <= 16 && ONLY_LIST_MARKER.is_match(sentence_so_far.trim())
}

/// Where to cut for a candidate boundary, if anywhere. Usually the candidate
/// itself; for "word. . . . Next" the cut goes after the first full stop.
fn cut_for_candidate(text: &str, candidate: usize) -> Option<usize> {
    let content_end = text[..candidate].trim_end().len();
    // `settlement.[1][2]`: the reference marks sit after the terminator.
    let mut window = content_end.saturating_sub(MAX_CITATION_BYTES);
    while !text.is_char_boundary(window) {
        window += 1;
    }
    let before_marks = TRAILING_CITATIONS
        .find(&text[window..content_end])
        .map_or(content_end, |m| window + m.start());
    let run_end = end_before_closers(text, before_marks);
    // No terminator: a line break or a long gap, which does not end a sentence.
    let run = TerminatorRun::ending_at(text, run_end)?;
    let next = NextWord::starting_at(text, candidate);
    if content_end == candidate {
        let cut = cut_without_space(text, &run, &next, candidate)?;
        // In `spoke."We` the straight quote opens the next sentence.
        let opens_next = text[run_end..content_end]
            .chars()
            .all(|c| c == '"' || c == '\'');
        return Some(if opens_next { run_end } else { cut });
    }
    if next.shape == Shape::Lower {
        return None;
    }
    match run.kind {
        RunKind::Strong => Some(candidate),
        RunKind::Period => cut_after_period(word_before(text, run.start), &next, candidate),
        RunKind::Ellipsis { dots, spaced } => {
            cut_after_ellipsis(&run, dots, spaced, &next, candidate)
        }
    }
}

/// Full stop, then a word: abbreviations and initials continue the sentence
/// unless the next word is one that typically starts a sentence.
fn cut_after_period(word: Option<&str>, next: &NextWord, candidate: usize) -> Option<usize> {
    // A token too long to be an abbreviation (a URL, a long number) ends here.
    let Some(word) = word else {
        return Some(candidate);
    };
    // `Mekong-U.S. Partnership`: the abbreviation is the compound's last part.
    let word = word.rsplit('-').next().unwrap_or(word);
    let kind = WordKind::of(word);
    let cut_if = |ends: bool| ends.then_some(candidate);
    match next.shape {
        Shape::Lower => None,
        // `No. 5`, `pp. 12`: abbreviations only when a number follows.
        Shape::Digit => cut_if(kind == WordKind::Plain && !is_listed(NUMBER_PREFIXES, word)),
        Shape::Upper => match kind {
            WordKind::Title => cut_if(is_strong_starter(next.word)),
            WordKind::Abbreviation | WordKind::Initial => cut_if(next.starts_sentence()),
            WordKind::Plain => Some(candidate),
        },
        Shape::Other | Shape::End => cut_if(kind == WordKind::Plain),
    }
}

/// Three dots mostly mark an omission inside a sentence; four dots are an
/// omission followed by a full stop. In "word. . . . Next" the full stop is
/// the first dot, so the cut goes there and ". . ." opens the next sentence.
fn cut_after_ellipsis(
    run: &TerminatorRun,
    dots: usize,
    spaced: bool,
    next: &NextWord,
    candidate: usize,
) -> Option<usize> {
    if dots >= 4 {
        let stop_then_omission = spaced && run.attached && next.shape == Shape::Upper;
        return Some(if stop_then_omission {
            run.after_first_terminator
        } else {
            candidate
        });
    }
    // "I" after an omission usually carries on the quoted sentence.
    let starts = next.shape == Shape::Upper && next.starts_sentence() && next.word != "I";
    starts.then_some(candidate)
}

/// `clear.It` splits; `Jane.Doe@example.com`, `report.Final.docx`,
/// `Dr.Smith` and `U.S.It` do not.
fn cut_without_space(
    text: &str,
    run: &TerminatorRun,
    next: &NextWord,
    candidate: usize,
) -> Option<usize> {
    // Chinese and Japanese put no space after their full stops.
    if run.ends_with_fullwidth_terminator {
        return Some(candidate);
    }
    let plain_stop = matches!(run.kind, RunKind::Period | RunKind::Strong);
    if !plain_stop || !next.is_capitalized_word() || looks_like_address(text, candidate) {
        return None;
    }
    let word = word_before(text, run.start)?;
    let is_plain_word = word.chars().all(char::is_alphanumeric)
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    if !is_plain_word {
        return None;
    }
    match run.kind {
        RunKind::Strong => Some(candidate),
        _ => cut_after_period(Some(word), next, candidate),
    }
}

/// Addresses and file names join their parts with dots and capitals too.
fn looks_like_address(text: &str, position: usize) -> bool {
    const WINDOW_CHARS: usize = 64;
    let is_address_char = |c: char| matches!(c, '@' | '/' | '\\' | ':' | '_' | '=');
    let before = text[..position].chars().rev().take(WINDOW_CHARS);
    let after = token_starting_at(text, position, WINDOW_CHARS);
    let dot_inside_after = after
        .chars()
        .zip(after.chars().skip(1))
        .any(|(c, next)| matches!(c, '.' | '-') && next.is_alphanumeric());
    before
        .take_while(|c| !c.is_whitespace())
        .any(is_address_char)
        || after.contains(is_address_char)
        || dot_inside_after
}

/// The non-space characters from `position`, at most `max_chars` of them.
fn token_starting_at(text: &str, position: usize, max_chars: usize) -> &str {
    let rest = &text[position..];
    let len: usize = rest
        .chars()
        .take(max_chars)
        .take_while(|c| !c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    &rest[..len]
}

// ---------------------------------------------------------------------------
// What precedes a candidate: terminators and the word before them
// ---------------------------------------------------------------------------

const MAX_CLOSERS: usize = 8;
const MAX_RUN_CHARS: usize = 24;
const MAX_WORD_CHARS: usize = 40;

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '「' | '『' | '（'
    )
}

fn is_terminator(c: char) -> bool {
    c == '.' || c == '…' || is_strong_terminator(c)
}

fn is_strong_terminator(c: char) -> bool {
    matches!(
        c,
        '?' | '!' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '｡' | '！' | '？' | '؟' | '۔' | '।' | '॥'
    )
}

/// Position before the closing quotes and brackets that end at `end`.
fn end_before_closers(text: &str, end: usize) -> usize {
    let closers: usize = text[..end]
        .chars()
        .rev()
        .take(MAX_CLOSERS)
        .take_while(|&c| is_closer(c))
        .map(char::len_utf8)
        .sum();
    end - closers
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RunKind {
    /// Contains `?`, `!` or another unambiguous terminator.
    Strong,
    /// A single full stop.
    Period,
    /// Two or more dots, `…`, or spaced ". . .".
    Ellipsis { dots: usize, spaced: bool },
}

/// The terminators just before a candidate, e.g. `.`, `?!`, `...`, `. . . .`.
struct TerminatorRun {
    start: usize,
    after_first_terminator: usize,
    kind: RunKind,
    /// Whether a word touches the run ("word." rather than "word .").
    attached: bool,
    /// `。`, `！`, `？`: no space is expected after them.
    ends_with_fullwidth_terminator: bool,
}

impl TerminatorRun {
    fn ending_at(text: &str, end: usize) -> Option<Self> {
        let mut start = end;
        let (mut dots, mut strong, mut spaced) = (0, false, false);
        for (index, c) in text[..end].char_indices().rev().take(MAX_RUN_CHARS) {
            match c {
                '.' => dots += 1,
                '…' => dots += 3,
                ' ' if is_space_between_dots(text, index, start) => spaced = true,
                c if is_strong_terminator(c) => strong = true,
                _ => break,
            }
            start = index;
        }
        if start == end {
            return None;
        }
        let kind = match (strong, dots) {
            (true, _) => RunKind::Strong,
            (false, 1) => RunKind::Period,
            _ => RunKind::Ellipsis { dots, spaced },
        };
        let attached = text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace());
        let last = text[..end].chars().next_back();
        let ends_with_fullwidth_terminator = matches!(last, Some('。' | '｡' | '！' | '？'));
        let first_len = text[start..].chars().next().map_or(0, char::len_utf8);
        Some(Self {
            start,
            after_first_terminator: start + first_len,
            kind,
            attached,
            ends_with_fullwidth_terminator,
        })
    }
}

/// The space in ". ." — a dot on both sides.
fn is_space_between_dots(text: &str, space: usize, run_start: usize) -> bool {
    let bytes = text.as_bytes();
    space > 0
        && bytes[space - 1] == b'.'
        && bytes.get(run_start) == Some(&b'.')
        && run_start == space + 1
}

/// The token before `run_start`, without surrounding quotes or brackets;
/// `None` when it is too long to be an abbreviation.
fn word_before(text: &str, run_start: usize) -> Option<&str> {
    let mut start = run_start;
    for (index, c) in text[..run_start].char_indices().rev() {
        if c.is_whitespace() {
            break;
        }
        if run_start - index > MAX_WORD_CHARS * 4 {
            return None;
        }
        start = index;
    }
    let word = text[start..run_start]
        .trim_start_matches(is_opener)
        .trim_end_matches(is_closer);
    (word.chars().count() <= MAX_WORD_CHARS).then_some(word)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordKind {
    /// Mr., Gen., St.: followed by a name, so they end a sentence only
    /// before words like "The" or "It".
    Title,
    /// U.S., etc., Inc., Sept.: may also end a sentence.
    Abbreviation,
    /// A single letter: J. F. Kennedy, but also "you and I."
    Initial,
    Plain,
}

impl WordKind {
    fn of(word: &str) -> Self {
        let mut chars = word.chars();
        let single_letter =
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
        if is_title(word) {
            Self::Title
        } else if is_listed(ABBREVIATIONS, word) || is_dotted_abbreviation(word) {
            Self::Abbreviation
        } else if single_letter {
            Self::Initial
        } else {
            Self::Plain
        }
    }
}

fn is_listed(list: &[&str], word: &str) -> bool {
    list.iter().any(|entry| entry.eq_ignore_ascii_case(word))
}

fn is_title(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase()) && is_listed(TITLES, word)
}

/// U.S, e.g, Ph.D, B.Sc, U.S.A: short letter groups joined by dots.
fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=3).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphabetic())
        })
}

const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Rev", "Fr", "Hon", "Pres", "Gen",
    "Lt", "Col", "Capt", "Maj", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Brig", "Sen", "Rep", "Gov",
    "Amb", "Supt", "Insp", "Det", "St", "Ste", "Mt", "Ft",
];

const ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Jr",
    "Sr", "etc", "approx", "vs", "cf", "viz", "al", "ibid", "Inc", "Ltd", "Co", "Corp", "Bros",
    "Plc", "LLC", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd", "est", "ca", "esp", "incl", "excl",
    "misc", "ed", "eds", "trans", "govt", "intl", "natl",
];

const NUMBER_PREFIXES: &[&str] = &[
    "No", "Nos", "Nr", "N°", "№", "pp", "vol", "vols", "ch", "chap", "fig", "figs", "sec", "art",
    "para", "op", "tel", "ext",
];

// ---------------------------------------------------------------------------
// What follows a candidate
// ---------------------------------------------------------------------------

const MAX_SKIP_CHARS: usize = 16;
const MAX_NEXT_WORD_CHARS: usize = 32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Lower,
    Upper,
    Digit,
    /// Punctuation, or a letter without case (CJK).
    Other,
    End,
}

/// The first word after a candidate, past spaces and opening quotes.
struct NextWord<'a> {
    word: &'a str,
    shape: Shape,
    /// The character right after the word.
    following: Option<char>,
}

impl<'a> NextWord<'a> {
    fn starting_at(text: &'a str, position: usize) -> Self {
        let rest = &text[position..];
        let skipped: usize = rest
            .chars()
            .take(MAX_SKIP_CHARS)
            .take_while(|&c| c.is_whitespace() || is_opener(c))
            .map(char::len_utf8)
            .sum();
        let rest = &rest[skipped..];
        let word_len: usize = rest
            .chars()
            .take(MAX_NEXT_WORD_CHARS)
            .take_while(|c| c.is_alphanumeric())
            .map(char::len_utf8)
            .sum();
        let shape = match rest.chars().next() {
            None => Shape::End,
            Some(c) if c.is_lowercase() => Shape::Lower,
            Some(c) if c.is_uppercase() => Shape::Upper,
            Some(c) if c.is_numeric() => Shape::Digit,
            Some(_) => Shape::Other,
        };
        Self {
            word: &rest[..word_len],
            shape,
            following: rest[word_len..].chars().next(),
        }
    }

    /// "A." or "W." is the next initial of a name, not the article or a verb.
    fn is_initial(&self) -> bool {
        self.word.chars().count() == 1 && self.following == Some('.')
    }

    fn starts_sentence(&self) -> bool {
        (is_sentence_starter(self.word) || self.is_sentence_adverb()) && !self.is_initial()
    }

    /// "Crucially", "Finally": a capitalised -ly adverb opens a sentence far
    /// more often than it continues a name (`Italy` and a few names aside).
    fn is_sentence_adverb(&self) -> bool {
        const NOT_ADVERBS: &[&str] = &[
            "Italy", "Sicily", "Kelly", "Emily", "Beverly", "Shelly", "Holly", "Sally", "Billy",
            "Lilly", "Ally",
        ];
        self.is_capitalized_word()
            && self.word.len() >= 5
            && self.word.ends_with("ly")
            && !is_listed(NOT_ADVERBS, self.word)
    }

    /// "It", "The": a capital and then lower case only.
    fn is_capitalized_word(&self) -> bool {
        let mut chars = self.word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && self.word.chars().count() >= 2
            && chars.all(char::is_lowercase)
    }
}

fn is_sentence_starter(word: &str) -> bool {
    is_strong_starter(word) || is_listed(SENTENCE_STARTERS, word)
}

/// Words that never follow a title such as "Dr." or "St." as part of a name.
fn is_strong_starter(word: &str) -> bool {
    is_listed(STRONG_STARTERS, word)
}

const STRONG_STARTERS: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "There",
    "Their",
    "Our",
    "But",
    "However",
    "Meanwhile",
    "Moreover",
];

/// Capitalised words that, after an abbreviation, almost always open a new
/// sentence rather than continue a name ("the U.S. It" vs "the U.S. Army").
const SENTENCE_STARTERS: &[&str] = &[
    // pronouns and determiners
    "I",
    "You",
    "His",
    "Her",
    "My",
    "Your",
    "One",
    "Some",
    "Many",
    "Most",
    "Few",
    "All",
    "Both",
    "Each",
    "Every",
    "Any",
    "Such",
    "Another",
    "Several",
    "Neither",
    "Either",
    "Nobody",
    "None",
    "No",
    "Nothing",
    "Everyone",
    "Everything",
    "Someone",
    "Something",
    "A",
    "An",
    // conjunctions and sentence adverbs
    "And",
    "Or",
    "So",
    "Yet",
    "Still",
    "Therefore",
    "Thus",
    "Hence",
    "Furthermore",
    "Nevertheless",
    "Nonetheless",
    "Instead",
    "Also",
    "Indeed",
    "Then",
    "Now",
    "Later",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Finally",
    "First",
    "Next",
    "Afterwards",
    "Overall",
    "Similarly",
    "Likewise",
    "Otherwise",
    "Besides",
    "Consequently",
    "Accordingly",
    "Perhaps",
    "Maybe",
    "Yes",
    "Only",
    "Even",
    "Here",
    "Once",
    "Again",
    "Not",
    "Let",
    "Please",
    // prepositions and subordinators
    "In",
    "On",
    "At",
    "For",
    "From",
    "To",
    "With",
    "Without",
    "By",
    "As",
    "After",
    "Before",
    "During",
    "Since",
    "Until",
    "Under",
    "Over",
    "Through",
    "Despite",
    "Although",
    "Though",
    "While",
    "Whereas",
    "Because",
    "If",
    "Unless",
    "Among",
    "Between",
    "Against",
    "Within",
    "Across",
    "Amid",
    "Following",
    "According",
    // question words and auxiliaries
    "When",
    "Where",
    "What",
    "Why",
    "How",
    "Who",
    "Whom",
    "Whose",
    "Which",
    "Whether",
    "Is",
    "Are",
    "Was",
    "Were",
    "Do",
    "Does",
    "Did",
    "Has",
    "Have",
    "Had",
    "Can",
    "Could",
    "Will",
    "Would",
    "Shall",
    "Should",
    "Might",
    "Must",
];

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

fn trimmed_ranges(text: &str, cuts: &[usize]) -> Vec<Range<usize>> {
    let starts = std::iter::once(0).chain(cuts.iter().copied());
    let ends = cuts.iter().copied().chain(std::iter::once(text.len()));
    starts
        .zip(ends)
        .filter_map(|(start, end)| {
            let piece = &text[start..end];
            let trimmed_start = start + (piece.len() - piece.trim_start().len());
            let trimmed_end = start + piece.trim_end().len();
            (trimmed_start < trimmed_end).then_some(trimmed_start..trimmed_end)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|range| &text[range]).collect()
    }

    /// One row per case: input, then the expected sentences joined by " | ".
    #[rustfmt::skip]
    const CASES: &[(&str, &str)] = &[
        // plain terminators
        ("Hello World. My name is Jonas.", "Hello World. | My name is Jonas."),
        ("What is it? It is a map.", "What is it? | It is a map."),
        ("Stop! Go.", "Stop! | Go."),
        ("Hello!? Is that you?", "Hello!? | Is that you?"),
        // U.S., U.K., E.U., U.N.
        ("They left the U.S. It was late.", "They left the U.S. | It was late."),
        ("The U.S. government agreed.", "The U.S. government agreed."),
        ("U.S. officials agreed.", "U.S. officials agreed."),
        ("She lives in the U.S. The rest moved.", "She lives in the U.S. | The rest moved."),
        ("Their ties with the U.S. Crucially, talks resumed.", "Their ties with the U.S. | Crucially, talks resumed."),
        ("They met in Italy. Italy agreed.", "They met in Italy. | Italy agreed."),
        ("The U.K. Parliament voted.", "The U.K. Parliament voted."),
        ("He addressed the U.N. In May he left.", "He addressed the U.N. | In May he left."),
        ("The E.U. and the U.N. met.", "The E.U. and the U.N. met."),
        ("Troops stayed in the U.S. for years.", "Troops stayed in the U.S. for years."),
        ("The Mekong-U.S. Partnership grew.", "The Mekong-U.S. Partnership grew."),
        // titles
        ("Gen. Milley met Sen. Reed.", "Gen. Milley met Sen. Reed."),
        ("Mr. and Mrs. Smith met Dr. Jones and Prof. Lee.", "Mr. and Mrs. Smith met Dr. Jones and Prof. Lee."),
        ("Lt. Col. Vindman and Capt. Ross met Maj. Gen. Ward.", "Lt. Col. Vindman and Capt. Ross met Maj. Gen. Ward."),
        ("Sgt. Ross saw Adm. Lee and Rev. King.", "Sgt. Ross saw Adm. Lee and Rev. King."),
        ("Gov. Hochul and Rep. Ocasio spoke.", "Gov. Hochul and Rep. Ocasio spoke."),
        ("He lives on Main St. The house is old.", "He lives on Main St. | The house is old."),
        ("Martin Luther King Jr. was born in Atlanta.", "Martin Luther King Jr. was born in Atlanta."),
        ("He quoted Martin Luther King Jr. It helped.", "He quoted Martin Luther King Jr. | It helped."),
        // months and other abbreviations
        ("Talks began in Jan. 2023 and ended in Feb. 2024.", "Talks began in Jan. 2023 and ended in Feb. 2024."),
        ("Version 2.0 shipped in Sept. 2024.", "Version 2.0 shipped in Sept. 2024."),
        ("It ended in Aug. The war went on.", "It ended in Aug. | The war went on."),
        ("See No. 5 on pp. 10-12 and p. 3 of vol. 2.", "See No. 5 on pp. 10-12 and p. 3 of vol. 2."),
        ("He said No. Then he left.", "He said No. | Then he left."),
        ("Allies, e.g. France, agreed.", "Allies, e.g. France, agreed."),
        ("Some, i.e. Germany, refused.", "Some, i.e. Germany, refused."),
        ("Tanks, jets, etc. were sent.", "Tanks, jets, etc. were sent."),
        ("Tanks, jets, etc. The list grew.", "Tanks, jets, etc. | The list grew."),
        ("It costs approx. 5 billion.", "It costs approx. 5 billion."),
        ("Russia vs. Ukraine is a case.", "Russia vs. Ukraine is a case."),
        ("Compare Kissinger, cf. Kennan.", "Compare Kissinger, cf. Kennan."),
        ("Acme Inc. Lockheed Corp. and Smith Ltd. bid.", "Acme Inc. Lockheed Corp. and Smith Ltd. bid."),
        ("They sued Pitt & Co. It failed.", "They sued Pitt & Co. | It failed."),
        // initials and degrees
        ("J. F. Kennedy met George W. Bush.", "J. F. Kennedy met George W. Bush."),
        ("You and I. Did you see Albert I. Jones?", "You and I. | Did you see Albert I. Jones?"),
        ("She has an M.A. from Yale and a Ph.D. from MIT.", "She has an M.A. from Yale and a Ph.D. from MIT."),
        ("He earned a B.Sc. He then enlisted.", "He earned a B.Sc. | He then enlisted."),
        ("At 5 a.m. the shelling began.", "At 5 a.m. the shelling began."),
        // numbers and lists
        ("Growth was 2.4 percent. Pi is 3.14.", "Growth was 2.4 percent. | Pi is 3.14."),
        ("She has $100.00. It is hers.", "She has $100.00. | It is hers."),
        ("1. The first item 2. The second item", "1. The first item | 2. The second item"),
        ("1) Sanctions. 2) Tariffs.", "1) Sanctions. | 2) Tariffs."),
        ("a. Oil b. Gas c. Coal", "a. Oil | b. Gas | c. Coal"),
        ("• Oil exports • Gas exports", "• Oil exports | • Gas exports"),
        ("He scored 2. The team lost.", "He scored 2. | The team lost."),
        // ellipses
        ("Wait... what happened?", "Wait... what happened?"),
        ("I never meant that.... She left.", "I never meant that.... | She left."),
        ("It was . . . I don't know.", "It was . . . I don't know."),
        ("It fell. . . . The rest stood.", "It fell. | . . . The rest stood."),
        ("Then… The end came.", "Then… | The end came."),
        // quotes and brackets
        ("He said \"Stop.\" Then he left.", "He said \"Stop.\" | Then he left."),
        ("\"Why?\" she asked.", "\"Why?\" she asked."),
        ("He left. (See below.) Next came war.", "He left. | (See below.) | Next came war."),
        ("He said, “Stop.” Then he left.", "He said, “Stop.” | Then he left."),
        ("She works at Yahoo! in London.", "She works at Yahoo! in London."),
        // missing space, addresses
        ("It was clear.It was late.", "It was clear. | It was late."),
        ("Mail jane.Doe@example.com today.", "Mail jane.Doe@example.com today."),
        ("Putin spoke.\"We will win,\" he said.", "Putin spoke. | \"We will win,\" he said."),
        ("NATO.The alliance grew.", "NATO. | The alliance grew."),
        ("Mr.Smith left.", "Mr.Smith left."),
        ("See example.com for more.", "See example.com for more."),
        ("Open report.Final.docx now.", "Open report.Final.docx now."),
        // spacing and newlines
        ("One.   Two.", "One. | Two."),
        ("A long\nline here. Next\nline.", "A long\nline here. | Next\nline."),
        ("   Padded.   ", "Padded."),
        ("Ελλάδα. Россия! 中国。日本。", "Ελλάδα. | Россия! | 中国。 | 日本。"),
        ("", ""),
    ];

    #[test]
    fn splits_every_case_in_the_table() {
        let mut failures = Vec::new();
        for &(input, expected) in CASES {
            let expected: Vec<&str> = if expected.is_empty() {
                Vec::new()
            } else {
                expected.split(" | ").collect()
            };
            let got = sentences(input);
            if got != expected {
                failures.push(format!(
                    "{input:?}\n  expected {expected:?}\n  got      {got:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failing cases:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    fn assert_well_formed(text: &str) {
        let ranges = split(text);
        let mut previous_end = 0;
        for range in ranges {
            assert!(
                range.start >= previous_end,
                "overlap or disorder in {text:?}"
            );
            assert!(range.start < range.end, "empty range in {text:?}");
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            let sentence = &text[range.clone()];
            assert_eq!(sentence, sentence.trim(), "untrimmed sentence in {text:?}");
            previous_end = range.end;
        }
    }

    #[test]
    fn never_panics_and_ranges_are_well_formed() {
        let nasty = [
            "",
            " ",
            "     \n   ",
            "...!!??",
            ".",
            "\"",
            "'",
            "“",
            "Ελλάδα. Россия! 中国。日本。",
            "Emoji 🚀. Next 🇺🇦! Done 👍🏽?",
            "Cafe\u{301}. Nai\u{308}ve! Z\u{335}a\u{335}l\u{335}g\u{335}o.",
            ". . . .",
            "word…. . . The end. word.… . . The end.",
            "a.B.c.D.e.F",
            "1.",
            "• ",
            "⁃",
            "a) b) c)",
            "Mr.",
            "U.S.",
            "\u{a0}x.\u{a0}Y.\u{2028}Z.",
            "word\r\nword.\r\nNext.",
            "(((((((((((((((((((())))))))))))))))))))",
            "\"Stop.\"\"\"\"\"\"\"\"\"\"\"\" Go.",
        ];
        for text in nasty {
            assert_well_formed(text);
        }
    }

    #[test]
    fn long_gaps_and_long_words_stay_fast() {
        let spaces = format!("It ended.{}Then it began.", " ".repeat(200_000));
        assert_eq!(sentences(&spaces), ["It ended.", "Then it began."]);
        let closers = format!("It ended.{} Then", ")".repeat(200_000));
        assert_well_formed(&closers);
        let word = "a.B".repeat(300_000);
        assert_well_formed(&word);
        let line = "word ".repeat(400_000);
        assert_eq!(split(&line).len(), 1);
    }
}
