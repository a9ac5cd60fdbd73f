//! Finding what the lexicons and patterns miss, for `claimex discover`.
//!
//! Two kinds of gap are collected over the documents of a batch:
//!
//! - **unknown actors**: capitalised names and noun phrases (`Kalmar Accord
//!   Group`, `AES`, `Bank of Japan`, `Guinea-Bissau`) that no lexicon mention
//!   covers, in sentences that carry a relation cue or name a known actor.
//!   Sentence-initial function words (`The`, `However`), months, days,
//!   headings in title case and bare titles (`Prime Minister`) are left out.
//! - **unknown patterns**: sentences that name two or more distinct known
//!   actors and carry a relation cue, yet give no claim and match no pattern
//!   template. They are grouped by the words around the cue, from the slot
//!   before it to the slot after it (`<N> imposed a new levy on <N>`).
//!
//! The cue vocabulary is derived from `patterns.txt` itself: every `[[...]]`
//! cue group of every `match` line, with its `define` macros expanded, is
//! compiled per relation, so a cue an analyst adds is a cue here too. A short
//! built-in list, [`EXTRA_CUES`], adds relation words no pattern uses yet
//! (`inked`, `accord`, `visited`, `expelled`), so new phrasings can surface.

use regex::{Regex, RegexBuilder};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use crate::model::{Document, Mention, Sentence, overlaps};
use crate::normalize::fold_str;
use crate::output::display_text;
use crate::patterns::PatternSet;
use crate::pipeline::{Engine, Extracted};
use crate::relations;

/// The columns of `discover.csv`.
pub const COLUMNS: &[&str] = &[
    "kind",
    "text",
    "count",
    "docs",
    "suggestion",
    "example_doc",
    "example_sentence",
];

/// Relation words that no pattern of `patterns.txt` uses as a cue, with the
/// relation they most often express. Regexes over skeleton words.
pub const EXTRA_CUES: &[(&str, &str)] = &[
    (
        r"ink(?:s|ed|ing)|accords?|agreements?|deals?|treat(?:y|ies)|pacts?|memorand(?:um|a)",
        "cooperates_with",
    ),
    (
        r"court(?:s|ed|ing)|woo(?:s|ed|ing)?|recogni[sz](?:e|es|ed|ing)|normali[sz](?:e|es|ed|ing)",
        "cooperates_with",
    ),
    (
        r"visit(?:s|ed|ing)?|mediat(?:e|es|ed|ing|ion)|broker(?:s|ed|ing)",
        "negotiates_with",
    ),
    (
        r"arm(?:ed|ing)|fund(?:s|ed|ing)|financ(?:e|es|ed|ing)|bankroll(?:s|ed|ing)?|back(?:s|ed|ing)",
        "supports",
    ),
    (
        r"expel(?:s|led|ling)?|boycott(?:s|ed|ing)?|snub(?:s|bed|bing)?|rebuff(?:s|ed|ing)?|spurn(?:s|ed|ing)?",
        "pressures",
    ),
    (r"ban(?:s|ned|ning)?|bar(?:red|ring)", "sanctions"),
    (r"admit(?:s|ted|ting)", "member_of"),
];

/// The two kinds of row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    UnknownActor,
    UnknownPattern,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::UnknownActor => "unknown_actor",
            Kind::UnknownPattern => "unknown_pattern",
        }
    }
}

/// One line of `discover.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: Kind,
    pub text: String,
    pub count: usize,
    pub docs: usize,
    pub suggestion: String,
    pub example_doc: String,
    pub example_sentence: String,
}

// ------------------------------------------------------------------ cues

/// Where a cue word comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueSource {
    /// A `[[...]]` group of `patterns.txt`.
    Patterns,
    /// [`EXTRA_CUES`].
    BuiltIn,
}

struct CueSet {
    relation: String,
    source: CueSource,
    regex: Regex,
}

/// A cue found in a skeleton.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Byte range in the skeleton text.
    pub span: Range<usize>,
    /// Every relation whose cues include these words.
    pub relations: Vec<String>,
    pub source: CueSource,
}

/// Relation cue words, by relation.
pub struct CueVocabulary {
    sets: Vec<CueSet>,
}

impl CueVocabulary {
    /// The cues of every template of the pattern set (macros already
    /// expanded by the pattern parser), plus [`EXTRA_CUES`].
    pub fn from_patterns(patterns: &PatternSet) -> CueVocabulary {
        let mut by_relation: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for pattern in &patterns.patterns {
            let cues = pattern.templates.iter().filter_map(|t| t.cue.clone());
            by_relation
                .entry(pattern.relation.clone())
                .or_default()
                .extend(cues);
        }
        let mut sets: Vec<CueSet> = by_relation
            .into_iter()
            .filter_map(|(relation, groups)| compile_cues(relation, CueSource::Patterns, &groups))
            .collect();
        sets.extend(EXTRA_CUES.iter().filter_map(|(body, relation)| {
            let group = format!(r"(?i)(?-u:\b)(?:{body})(?-u:\b)");
            compile_cues(relation.to_string(), CueSource::BuiltIn, &[group])
        }));
        CueVocabulary { sets }
    }

    /// Every cue in `text`, left to right, without overlaps (the earliest,
    /// then the longest, wins).
    pub fn find(&self, text: &str) -> Vec<Cue> {
        let mut found: Vec<Cue> = self
            .sets
            .iter()
            .flat_map(|set| {
                set.regex.find_iter(text).map(|m| Cue {
                    span: m.range(),
                    relations: vec![set.relation.clone()],
                    source: set.source,
                })
            })
            .filter(|cue| !cue.span.is_empty())
            .collect();
        found.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
        let mut kept: Vec<Cue> = Vec::with_capacity(found.len());
        for cue in found {
            match kept.last_mut() {
                Some(last) if last.span == cue.span => merge_relations(last, cue),
                Some(last) if cue.span.start < last.span.end => {}
                _ => kept.push(cue),
            }
        }
        kept
    }
}

fn merge_relations(into: &mut Cue, cue: Cue) {
    for relation in cue.relations {
        if !into.relations.contains(&relation) {
            into.relations.push(relation);
        }
    }
}

/// One regex for all the cues of a relation; each group is already a
/// complete, case-insensitive, word-bounded regex.
fn compile_cues(relation: String, source: CueSource, groups: &[String]) -> Option<CueSet> {
    let alternatives: Vec<String> = groups.iter().map(|g| format!("(?:{g})")).collect();
    let regex = RegexBuilder::new(&alternatives.join("|"))
        .size_limit(64 << 20)
        .build()
        .ok()?;
    Some(CueSet {
        relation,
        source,
        regex,
    })
}

// ------------------------------------------------------------------ lemmas

/// Irregular forms and their base, as `form:base`.
const IRREGULAR: &str = "held:hold met:meet sent:send gave:give given:give struck:strike \
    sought:seek sold:sell bought:buy led:lead lent:lend took:take made:make fought:fight \
    shot:shoot overran:overrun froze:freeze broke:break tore:tear kept:keep stood:stand \
    began:begin begun:begin spoke:speak withdrew:withdraw drew:draw";

fn irregular_base(word: &str) -> Option<&'static str> {
    IRREGULAR
        .split_whitespace()
        .filter_map(|pair| pair.split_once(':'))
        .find(|(form, _)| *form == word)
        .map(|(_, base)| base)
}

/// A rough base form of each word, lower-cased: `imposed` → `impose`,
/// `levies` → `levy`, `held talks` → `hold talk`.
pub fn lemma(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(lemma_word)
        .collect::<Vec<_>>()
        .join(" ")
}

fn lemma_word(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(base) = irregular_base(&w) {
        return base.to_string();
    }
    if w.chars().count() <= 4 {
        return w;
    }
    if let Some(stem) = w.strip_suffix("ies").or_else(|| w.strip_suffix("ied")) {
        return format!("{stem}y");
    }
    for suffix in ["ing", "ed"] {
        if let Some(stem) = w.strip_suffix(suffix).filter(|s| s.chars().count() >= 3) {
            return verb_stem(stem);
        }
    }
    if ["sses", "shes", "ches", "xes", "zes", "oes"]
        .iter()
        .any(|s| w.ends_with(s))
    {
        return w[..w.len() - 2].to_string();
    }
    if w.ends_with('s') && !["ss", "us", "is"].iter().any(|s| w.ends_with(s)) {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// `slapp` → `slap`, `impos` → `impose`, `trad` → `trade`.
fn verb_stem(stem: &str) -> String {
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    let (last, prev) = (chars[n - 1], chars[n - 2]);
    if last == prev && !is_vowel(last) && !"lsfz".contains(last) {
        return chars[..n - 1].iter().collect();
    }
    let consonant_vowel_end =
        n >= 3 && "dsgc".contains(last) && is_vowel(prev) && !is_vowel(chars[n - 3]) && prev != 'y';
    let needs_e = consonant_vowel_end
        || last == 'v'
        || (last == 'z' && prev != 'z')
        || (last == 'c' && prev != 'k')
        || stem.ends_with("dg")
        || (stem.ends_with("at") && n >= 5)
        || (last == 'l' && "bptdkgz".contains(prev));
    if needs_e {
        format!("{stem}e")
    } else {
        stem.to_string()
    }
}

fn is_vowel(c: char) -> bool {
    "aeiouy".contains(c)
}

// ------------------------------------------------------------------ names

/// A word list written as one string, for lookups.
struct WordList {
    list: &'static str,
    words: OnceLock<HashSet<&'static str>>,
}

impl WordList {
    const fn new(list: &'static str) -> WordList {
        WordList {
            list,
            words: OnceLock::new(),
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.words
            .get_or_init(|| self.list.split_whitespace().collect())
            .contains(word)
    }
}

/// Capitalised words that open sentences and clauses but name nothing.
static FUNCTION_WORDS: WordList = WordList::new(
    "A About Above Across After Again Against All Already Also Although Amid Among An And \
     Another Any Around As At Because Before Below Between Beyond Both But By Despite During \
     Each Either Even Every Evidently Finally First For From Furthermore He Her Here His How \
     However I If In Indeed Instead Into It Its Last Like Likewise Many Meanwhile Moreover Most \
     My Neither Nevertheless Next No Nonetheless Nor Not Now Of On Once One Only Or Other Our \
     Over Overall Perhaps Rather Regardless Second She Similarly Since So Some Still Such That \
     The Their Then There These They This Those Though Through Thus To Today Toward Towards \
     Under Unlike Unquestionably Until We What When Where Whether Which While Who Whose Why \
     With Within Without Yet You Your Two Three Four Five Six Seven Eight Nine Ten Dozens \
     Hundreds Thousands Millions",
);

static MONTHS_AND_DAYS: WordList = WordList::new(
    "January February March April May June July August September October November December \
     Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec \
     Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
);

/// Upper-case abbreviations that are never actors.
static NOT_ACTORS: WordList =
    WordList::new("AI GDP LNG CEO PM AM TV II III IV VI GMT UTC USD EUR CO2 OK");

/// Offices that make the name after them a person.
static TITLE_HEADS: WordList = WordList::new(
    "President Minister Secretary Secretary-General General Gen Chancellor Mr Ms Mrs Dr King \
     Captain Lieutenant Major Sultan Crown-Prince Mayor \
     Queen Prince Emir Sheikh Premier Senator Ambassador Admiral Colonel Chairman Governor \
     Speaker Commander Marshal Envoy Pope",
);

/// Words that may come before an office (`Prime Minister`).
static TITLE_MODIFIERS: WordList = WordList::new(
    "Prime Foreign Defence Defense Finance Vice Deputy Crown Supreme Former Interior Trade \
     Chief Lt State Treasury Junta Military",
);

/// Lower-case offices that make the name after them a person (`minister, X`).
static OFFICES: WordList = WordList::new(
    "president minister chancellor premier leader general envoy ambassador king emir",
);

/// Words that make a name an organisation.
static ORGANISATION_WORDS: WordList = WordList::new(
    "union organization organisation alliance council community bank forum group pact treaty \
     agency association coalition commission conference fund initiative partnership \
     cooperation co-operation bloc assembly court federation confederation corporation \
     company institute front movement",
);

/// Lower-case words that join parts of one name (`Bank of Japan`).
const CONNECTORS: &[&str] = &["of", "the", "and", "for"];

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}]+(?:['\-][\p{L}\p{N}]+)*").unwrap());

/// A word of a sentence, in the folded text.
#[derive(Debug, Clone)]
struct Token {
    span: Range<usize>,
    /// Written with a possessive `'s`, which the span leaves out.
    possessive: bool,
    /// Part of a lexicon mention.
    covered: bool,
}

fn tokenize(text: &str, span: Range<usize>, mentions: &[Mention]) -> Vec<Token> {
    WORD.find_iter(&text[span.clone()])
        .map(|m| {
            let mut range = span.start + m.start()..span.start + m.end();
            let word = &text[range.clone()];
            let possessive = word.ends_with("'s") || word.ends_with("'S");
            if possessive {
                range.end -= 2;
            }
            let covered = mentions.iter().any(|x| overlaps(&x.span, &range));
            Token {
                span: range,
                possessive,
                covered,
            }
        })
        .filter(|t| !t.span.is_empty())
        .collect()
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(word)
}

/// A word that may be part of a name.
fn is_name_word(word: &str) -> bool {
    starts_upper(word)
        && !is_model_number(word)
        && !is_function_word(word)
        && !MONTHS_AND_DAYS.contains(word)
        && !NOT_ACTORS.contains(word)
}

/// `F-35`, `B-2`, `Su-57`: equipment, not actors.
fn is_model_number(word: &str) -> bool {
    word.split_once('-')
        .is_some_and(|(_, number)| number.starts_with(|c: char| c.is_ascii_digit()))
}

fn is_title(word: &str) -> bool {
    TITLE_HEADS.contains(word) || TITLE_MODIFIERS.contains(word)
}

/// A name found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCandidate {
    /// Span in the folded text.
    pub span: Range<usize>,
    /// Comes right after a title (`President`, `Mr.`, `minister`).
    pub after_title: bool,
}

/// A sentence being read for names.
struct NameReader<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    /// Lower-cased words the document also writes in lower case.
    words: &'a DocumentWords,
}

impl NameReader<'_> {
    fn word(&self, i: usize) -> &str {
        &self.text[self.tokens[i].span.clone()]
    }

    /// Only one space between tokens `i` and `i + 1` (or `. ` after `Mr`).
    fn joined(&self, i: usize) -> bool {
        let gap = &self.text[self.tokens[i].span.end..self.tokens[i + 1].span.start];
        gap == " " || (gap == ". " && matches!(self.word(i), "Mr" | "Ms" | "Mrs" | "Dr" | "Gen"))
    }

    fn is_free_name(&self, i: usize) -> bool {
        !self.tokens[i].covered && is_name_word(self.word(i))
    }

    /// Opens its sentence or clause, where any word is capitalised.
    fn is_initial(&self, i: usize) -> bool {
        let before = self.text[..self.tokens[i].span.start].trim_end();
        let opens_clause = before.ends_with([':', '"', '(', '-']);
        opens_clause || (0..i).all(|k| is_function_word(self.word(k)))
    }

    /// Headings have no full stop and are short or in title case.
    fn is_heading(&self, sentence: &str) -> bool {
        let words: Vec<&str> = (0..self.tokens.len())
            .map(|i| self.word(i))
            .filter(|w| !CONNECTORS.contains(w) && !matches!(*w, "a" | "an" | "in" | "on" | "to"))
            .collect();
        let capitalised = words.iter().filter(|w| starts_upper(w)).count();
        let ends_like_prose = sentence.trim_end().ends_with(['.', '!', '?', '"']);
        let title_case = capitalised * 10 >= words.len() * 6;
        !ends_like_prose && (words.len() <= 8 || title_case)
    }

    /// Token ranges of capitalised runs, joined by connectors.
    fn phrases(&self) -> Vec<Range<usize>> {
        let mut phrases = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            if !self.is_free_name(i) {
                i += 1;
                continue;
            }
            let end = self.extend(i);
            phrases.extend(self.split_lists(i..end + 1));
            i = end + 1;
        }
        phrases
    }

    /// `Rosneft and Lukoil` is two names; `Trade and Technology Council`,
    /// with an organisation word after the `and`, is one.
    fn split_lists(&self, phrase: Range<usize>) -> Vec<Range<usize>> {
        let mut parts = Vec::new();
        let mut start = phrase.start;
        for k in phrase.clone() {
            let bare_and = self.word(k) == "and"
                && !(k + 1..phrase.end).any(|j| is_organisation_word(self.word(j)));
            if bare_and {
                parts.push(start..k);
                start = k + 1;
            }
        }
        parts.push(start..phrase.end);
        parts
    }

    /// The last token of the phrase that starts at `start`.
    fn extend(&self, start: usize) -> usize {
        let mut end = start;
        while !self.tokens[end].possessive && end + 1 < self.tokens.len() && self.joined(end) {
            if self.is_free_name(end + 1) {
                end += 1;
            } else if let Some(next) = self.after_connectors(end) {
                end = next;
            } else {
                break;
            }
        }
        end
    }

    /// `of the X`, `and X`: the last token of what connectors bring in. A
    /// lexicon name is brought in only after `of` (`Bank of Japan`).
    fn after_connectors(&self, end: usize) -> Option<usize> {
        let mut k = end + 1;
        let mut has_of = false;
        while k < self.tokens.len() && k - end <= 2 && CONNECTORS.contains(&self.word(k)) {
            has_of |= self.word(k) == "of";
            if k + 1 >= self.tokens.len() || !self.joined(k) {
                return None;
            }
            k += 1;
        }
        if k == end + 1 || k >= self.tokens.len() {
            return None;
        }
        if self.is_free_name(k) {
            return Some(k);
        }
        let covered_name = self.tokens[k].covered && starts_upper(self.word(k));
        if !(has_of && covered_name) {
            return None;
        }
        while k + 1 < self.tokens.len() && self.tokens[k + 1].covered && self.joined(k) {
            k += 1;
        }
        Some(k)
    }

    /// The phrase without leading titles; whether a title (or a lower-case
    /// office just before it) introduced it.
    fn without_title(&self, phrase: Range<usize>) -> (Range<usize>, bool) {
        let mut k = phrase.start;
        let mut saw_head = false;
        while k < phrase.end
            && (is_title(self.word(k)) || (k > phrase.start && self.word(k) == "of"))
        {
            saw_head |= TITLE_HEADS.contains(self.word(k));
            k += 1;
        }
        if saw_head && k > phrase.start {
            let ends_with_of = self.word(k - 1) == "of";
            return (k..phrase.end, !ends_with_of);
        }
        (phrase.clone(), self.after_lower_case_office(phrase.start))
    }

    /// `president Bola Vesta`, `foreign minister, Abdoulaye Diop`.
    fn after_lower_case_office(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let gap = &self.text[self.tokens[i - 1].span.end..self.tokens[i].span.start];
        matches!(gap, " " | ", ") && OFFICES.contains(self.word(i - 1))
    }

    /// One word opening the sentence (`Crucially`, `Sanctions`) that the
    /// document writes in lower case, or never capitalises elsewhere.
    fn is_capitalised_common_word(&self, name: &Range<usize>) -> bool {
        let word = self.word(name.start);
        name.len() == 1
            && self.is_initial(name.start)
            && !is_acronym(word)
            && (self.words.lower.contains(&word.to_lowercase())
                || !self.words.mid_sentence.contains(word))
    }

    /// `Article 5`, `Pillar II`: a numbered part, not an actor.
    fn is_numbered(&self, name: &Range<usize>) -> bool {
        let next = name.end;
        next < self.tokens.len()
            && self.joined(next - 1)
            && (self.word(next).starts_with(|c: char| c.is_ascii_digit())
                || matches!(self.word(next), "I" | "II" | "III" | "IV" | "V"))
    }

    fn candidates(&self) -> Vec<NameCandidate> {
        let mut found = Vec::new();
        for phrase in self.phrases() {
            let (name, after_title) = self.without_title(phrase);
            if name.is_empty() || name.clone().all(|k| self.tokens[k].covered) {
                continue;
            }
            if self.is_capitalised_common_word(&name) || self.is_numbered(&name) {
                continue;
            }
            found.push(NameCandidate {
                span: self.tokens[name.start].span.start..self.tokens[name.end - 1].span.end,
                after_title: after_title && name.len() <= 3,
            });
        }
        found
    }
}

/// Names in `text[span]` that no mention covers; none in a heading.
pub fn name_candidates(
    text: &str,
    span: Range<usize>,
    mentions: &[Mention],
    words: &DocumentWords,
) -> Vec<NameCandidate> {
    let reader = NameReader {
        text,
        tokens: tokenize(text, span.clone(), mentions),
        words,
    };
    if reader.is_heading(&text[span]) {
        return Vec::new();
    }
    reader.candidates()
}

/// What a document shows about how its words are written.
#[derive(Debug, Default)]
pub struct DocumentWords {
    /// Words written somewhere in lower case, lower-cased.
    pub lower: HashSet<String>,
    /// Capitalised words written somewhere right after another word.
    pub mid_sentence: HashSet<String>,
}

impl DocumentWords {
    pub fn of(text: &str) -> DocumentWords {
        let mut words = DocumentWords::default();
        let mut previous_end = None;
        for m in WORD.find_iter(text) {
            let word = m.as_str();
            if !starts_upper(word) {
                words.lower.insert(word.to_lowercase());
            } else if previous_end.is_some_and(|end| &text[end..m.start()] == " ") {
                words.mid_sentence.insert(word.to_string());
            }
            previous_end = Some(m.end());
        }
        words
    }
}

fn is_organisation_word(word: &str) -> bool {
    let word = word.to_lowercase();
    ORGANISATION_WORDS.contains(&word) || word.split('-').any(|p| ORGANISATION_WORDS.contains(p))
}

/// `organisation?`, `person?` or `place?` for an unknown name.
pub fn suggest_kind(name: &str, after_title: bool) -> &'static str {
    let words: Vec<&str> = name.split_whitespace().collect();
    let acronym = words.len() == 1 && is_acronym(words[0]);
    let organisation_word = words.iter().any(|w| is_organisation_word(w));
    if acronym || organisation_word {
        "organisation?"
    } else if after_title {
        "person?"
    } else {
        "place?"
    }
}

// ------------------------------------------------------------------ skeletons

static SLOT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[NAH]\d+>").unwrap());
static LOWER_SLOT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<([nah])\d+>").unwrap());

/// Words on each side of a cue kept in a pattern row.
const WINDOW: usize = 8;

/// A skeleton's words with their byte offsets.
fn skeleton_words(skeleton: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut at = 0;
    for word in skeleton.split(' ') {
        if !word.is_empty() {
            words.push((at, word));
        }
        at += word.len() + 1;
    }
    words
}

fn is_slot(word: &str) -> bool {
    SLOT.is_match(word)
}

/// The words around a cue: first and last word index, and whether a slot is
/// on the left and on the right.
#[derive(Debug, Clone, Copy)]
struct Window {
    first: usize,
    last: usize,
    /// Index of the cue's first word.
    cue_first: usize,
    slot_left: bool,
    slot_right: bool,
}

fn window(words: &[(usize, &str)], cue: &Range<usize>) -> Window {
    let word_at = |pos: usize| {
        words
            .iter()
            .rposition(|(start, _)| *start <= pos)
            .unwrap_or(0)
    };
    let (cue_first, cue_last) = (word_at(cue.start), word_at(cue.end.saturating_sub(1)));
    let mut w = Window {
        first: cue_first,
        last: cue_last,
        cue_first,
        slot_left: false,
        slot_right: false,
    };
    while w.first > 0 && cue_first - w.first < WINDOW {
        let word = words[w.first - 1].1;
        if word.ends_with([';', ':', '.']) {
            break;
        }
        w.first -= 1;
        if is_slot(word) {
            w.slot_left = true;
            break;
        }
    }
    while w.last + 1 < words.len() && w.last - cue_last < WINDOW {
        w.last += 1;
        let word = words[w.last].1;
        if is_slot(word) {
            w.slot_right = true;
            break;
        }
        if word.ends_with(['.', ';', ':', '?', '!']) {
            break;
        }
    }
    w
}

/// The cue that best shows a relation: the first with slots on both sides,
/// else the first with a slot on either side, else the first.
fn best_cue<'c>(words: &[(usize, &str)], cues: &'c [Cue]) -> Option<(&'c Cue, Window)> {
    let windows: Vec<(&Cue, Window)> = cues.iter().map(|c| (c, window(words, &c.span))).collect();
    windows
        .iter()
        .find(|(_, w)| w.slot_left && w.slot_right)
        .or_else(|| windows.iter().find(|(_, w)| w.slot_left || w.slot_right))
        .or_else(|| windows.first())
        .copied()
}

/// The words before the cue make it a wish, a condition or a possibility
/// (`should`, `if`, `would`), which no pattern would extract either.
/// The scope is the clause before the cue, as the extractor reads it.
fn states_no_claim(skeleton: &str, words: &[(usize, &str)], w: Window) -> bool {
    let before = &skeleton[..words[w.cue_first].0];
    let clause_start = before.rfind([',', ';', ':', '(']).map_or(0, |i| i + 1);
    let scope = &before[clause_start..];
    relations::judge(scope, scope).is_none()
}

/// The window as text: lower case, slots without numbers, no edge punctuation.
fn fragment(words: &[(usize, &str)], w: Window) -> String {
    let joined = words[w.first..=w.last]
        .iter()
        .map(|(_, word)| word.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let collapsed = LOWER_SLOT.replace_all(&joined, |c: &regex::Captures| {
        format!("<{}>", c[1].to_uppercase())
    });
    collapsed
        .trim_matches(|c: char| c.is_ascii_punctuation() && c != '<' && c != '>')
        .trim()
        .to_string()
}

// ------------------------------------------------------------------ tallies

/// How often something was seen, where, and the first example.
#[derive(Debug, Clone, Default)]
struct Tally {
    count: usize,
    docs: BTreeSet<String>,
    example_doc: String,
    example_sentence: String,
}

impl Tally {
    fn add(&mut self, doc: &str, sentence: &str) {
        if self.count == 0 {
            self.example_doc = doc.to_string();
            self.example_sentence = sentence.to_string();
        }
        self.count += 1;
        if !self.docs.contains(doc) {
            self.docs.insert(doc.to_string());
        }
    }
}

#[derive(Debug, Default)]
struct ActorGroup {
    tally: Tally,
    /// Each way of writing it, with its count.
    surfaces: BTreeMap<String, usize>,
    after_title: bool,
}

impl ActorGroup {
    /// The most frequent way of writing the name (the first in order on a tie).
    fn surface(&self) -> String {
        let mut best: Option<(&String, usize)> = None;
        for (surface, &n) in &self.surfaces {
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((surface, n));
            }
        }
        best.map(|(s, _)| s.clone()).unwrap_or_default()
    }
}

#[derive(Debug)]
struct PatternGroup {
    tally: Tally,
    /// The cues of the window with the relations they suggest.
    cues: String,
    actors: BTreeSet<String>,
}

impl PatternGroup {
    fn suggestion(&self) -> String {
        let actors: Vec<&str> = self.actors.iter().map(String::as_str).collect();
        format!("cues: {}; actors: {}", self.cues, actors.join(" "))
    }
}

/// `impose (sanctions?), levy (sanctions?)`: each cue inside the window, as
/// a base form with the relations whose patterns use it.
fn describe_cues(skeleton: &str, words: &[(usize, &str)], w: Window, cues: &[Cue]) -> String {
    let start = words[w.first].0;
    let end = words[w.last].0 + words[w.last].1.len();
    cues.iter()
        .filter(|c| start <= c.span.start && c.span.end <= end)
        .map(|c| {
            let mut hints: Vec<String> = c.relations.iter().map(|r| format!("{r}?")).collect();
            if c.source == CueSource::BuiltIn {
                hints.push("not in patterns.txt".to_string());
            }
            format!(
                "{} ({})",
                lemma(&skeleton[c.span.clone()]),
                hints.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Collects unknown actors and unknown patterns over a batch.
pub struct Discoverer<'e> {
    engine: &'e Engine,
    cues: CueVocabulary,
    actors: HashMap<String, ActorGroup>,
    patterns: HashMap<String, PatternGroup>,
}

/// One sentence with what the pipeline found in it.
struct SentenceFindings<'a> {
    doc: &'a Document,
    sentence: &'a Sentence,
    mentions: &'a [Mention],
    claimed: bool,
    display: String,
}

impl<'e> Discoverer<'e> {
    pub fn new(engine: &'e Engine) -> Discoverer<'e> {
        Discoverer {
            engine,
            cues: CueVocabulary::from_patterns(engine.extractor.patterns()),
            actors: HashMap::new(),
            patterns: HashMap::new(),
        }
    }

    /// Reads one processed document.
    pub fn add(&mut self, extracted: &Extracted) {
        let doc = &extracted.document;
        let words = DocumentWords::of(&doc.text);
        let claimed: HashSet<usize> = extracted.claims.iter().map(|c| c.sentence).collect();
        let mentions = mentions_by_sentence(&extracted.mentions);
        for sentence in &extracted.sentences {
            let findings = SentenceFindings {
                doc,
                sentence,
                mentions: mentions.get(&sentence.index).copied().unwrap_or(&[]),
                claimed: claimed.contains(&sentence.index),
                display: display_text(doc.original_slice(sentence.span.clone())),
            };
            self.add_sentence(&findings, &words);
        }
    }

    fn add_sentence(&mut self, s: &SentenceFindings, words: &DocumentWords) {
        let text = &s.doc.text;
        let agents = &self.engine.lexicon().agents;
        let skeleton = relations::skeleton(text, s.sentence.span.clone(), s.mentions, agents);
        let cues = self.cues.find(&skeleton.text);
        let names_an_actor = s.mentions.iter().any(|m| m.actor.is_some());
        if !cues.is_empty() || names_an_actor {
            self.add_names(s, words);
        }
        if !cues.is_empty() && self.is_missed_relation(s, &skeleton.text) {
            self.add_pattern(s, &skeleton.text, &cues);
        }
    }

    /// Names no lexicon entry covers. Organisations the document named for
    /// itself (an acronym in brackets, a grouping's name) were extracted, but
    /// are still missing from the lexicon, so they are listed too.
    fn add_names(&mut self, s: &SentenceFindings, words: &DocumentWords) {
        let text = &s.doc.text;
        let actors = &self.engine.lexicon().actors;
        let known: Vec<Mention> = s
            .mentions
            .iter()
            .filter(|m| m.actor.as_ref().is_none_or(|a| actors.contains_key(a)))
            .cloned()
            .collect();
        for name in name_candidates(text, s.sentence.span.clone(), &known, words) {
            let key = fold_str(&text[name.span.clone()]).to_lowercase();
            let surface = display_text(s.doc.original_slice(name.span.clone()));
            let group = self.actors.entry(key).or_default();
            group.tally.add(&s.doc.name, &s.display);
            *group.surfaces.entry(surface).or_default() += 1;
            group.after_title |= name.after_title;
        }
    }

    /// Two distinct known actors, no claim, and no pattern template matching.
    fn is_missed_relation(&self, s: &SentenceFindings, skeleton: &str) -> bool {
        let actors: HashSet<_> = s.mentions.iter().filter_map(|m| m.actor.as_ref()).collect();
        let matchable = s.sentence.span.len() <= self.engine.limits.max_sentence_bytes
            && !skeleton.ends_with('?');
        // A template that matches read the sentence and judged it (irrealis,
        // wrong slot form): that is no missing pattern.
        actors.len() >= 2
            && !s.claimed
            && matchable
            && !self.engine.extractor.any_template_matches(skeleton)
    }

    fn add_pattern(&mut self, s: &SentenceFindings, skeleton: &str, cues: &[Cue]) {
        let words = skeleton_words(skeleton);
        let Some((_, window)) = best_cue(&words, cues) else {
            return;
        };
        if states_no_claim(skeleton, &words, window) {
            return;
        }
        let key = fragment(&words, window);
        let group = self.patterns.entry(key).or_insert_with(|| PatternGroup {
            tally: Tally::default(),
            cues: describe_cues(skeleton, &words, window, cues),
            actors: BTreeSet::new(),
        });
        group.tally.add(&s.doc.name, &s.display);
        for actor in s.mentions.iter().filter_map(|m| m.actor.as_ref()) {
            group.actors.insert(actor.to_string());
        }
    }

    /// Distinct unknown actors and unknown patterns seen so far.
    pub fn totals(&self) -> (usize, usize) {
        (self.actors.len(), self.patterns.len())
    }

    /// Rows of one kind seen at least `min_count` times, most frequent first
    /// (then by text), at most `limit` of them (0: no limit).
    pub fn rows(&self, kind: Kind, min_count: usize, limit: usize) -> Vec<Row> {
        let mut rows: Vec<Row> = match kind {
            Kind::UnknownActor => self.actors.values().map(actor_row).collect(),
            Kind::UnknownPattern => self
                .patterns
                .iter()
                .map(|(text, g)| pattern_row(text, g))
                .collect(),
        };
        rows.retain(|r| r.count >= min_count.max(1));
        rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
        if limit > 0 {
            rows.truncate(limit);
        }
        rows
    }
}

fn actor_row(group: &ActorGroup) -> Row {
    let text = group.surface();
    Row {
        kind: Kind::UnknownActor,
        suggestion: suggest_kind(&text, group.after_title).to_string(),
        text,
        count: group.tally.count,
        docs: group.tally.docs.len(),
        example_doc: group.tally.example_doc.clone(),
        example_sentence: group.tally.example_sentence.clone(),
    }
}

fn pattern_row(text: &str, group: &PatternGroup) -> Row {
    Row {
        kind: Kind::UnknownPattern,
        text: text.to_string(),
        count: group.tally.count,
        docs: group.tally.docs.len(),
        suggestion: group.suggestion(),
        example_doc: group.tally.example_doc.clone(),
        example_sentence: group.tally.example_sentence.clone(),
    }
}

fn mentions_by_sentence(mentions: &[Mention]) -> HashMap<usize, &[Mention]> {
    mentions
        .chunk_by(|a, b| a.sentence == b.sentence)
        .map(|chunk| (chunk[0].sentence, chunk))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon;
    use crate::tagger::Tagger;
    use std::sync::LazyLock;

    static TAGGER: LazyLock<Tagger> = LazyLock::new(|| Tagger::new(lexicon::load(None).unwrap()));

    fn names(sentence: &str) -> Vec<(String, bool)> {
        let text = fold_str(sentence);
        let mentions = TAGGER.tag(&text, 0..text.len(), 0, None);
        let words = DocumentWords::of(&text);
        name_candidates(&text, 0..text.len(), &mentions, &words)
            .into_iter()
            .map(|c| (text[c.span].to_string(), c.after_title))
            .collect()
    }

    fn n(text: &str, after_title: bool) -> (String, bool) {
        (text.to_string(), after_title)
    }

    #[test]
    fn finds_unknown_names_table() {
        let cases: Vec<(&str, Vec<(String, bool)>)> = vec![
            (
                "The Kalmar Accord Group admitted Estonia.",
                vec![n("Kalmar Accord Group", false)],
            ),
            ("However, the KAG sanctioned Latvia.", vec![n("KAG", false)]),
            (
                "In March, President Bola Vesta met Xi Jinping.",
                vec![n("Bola Vesta", true)],
            ),
            (
                "The Bank of Japan warned China.",
                vec![n("Bank of Japan", false)],
            ),
            ("Poland and Lithuania met on Monday.", vec![]),
            ("Prime Minister Narendra Modi met Putin.", vec![]),
            ("Kalmar's navy shadowed Russia.", vec![]),
            (
                "Crucially, Article 5 bound Kalmar.",
                vec![n("Kalmar", false)],
            ),
            ("The Sahel Juntas And New Scramble", vec![]),
        ];
        for (sentence, expected) in cases {
            assert_eq!(names(sentence), expected, "{sentence}");
        }
    }

    #[test]
    fn a_sentence_initial_common_word_is_no_name() {
        assert_eq!(names("Sanctions hit Russia, and sanctions hurt."), vec![]);
    }

    #[test]
    fn suggests_a_kind() {
        assert_eq!(suggest_kind("AES", false), "organisation?");
        assert_eq!(suggest_kind("Kalmar Accord Group", false), "organisation?");
        assert_eq!(suggest_kind("Bola Vesta", true), "person?");
        assert_eq!(suggest_kind("Kalmar", false), "place?");
    }

    #[test]
    fn lemmas_table() {
        for (word, base) in [
            ("imposed", "impose"),
            ("levies", "levy"),
            ("slapped", "slap"),
            ("sanctions", "sanction"),
            ("held talks", "hold talk"),
            ("inked", "ink"),
            ("admitted", "admit"),
            ("trading", "trade"),
            ("attacked", "attack"),
            ("coordinated", "coordinate"),
            ("met", "meet"),
        ] {
            assert_eq!(lemma(word), base, "{word}");
        }
    }

    #[test]
    fn cues_come_from_the_patterns_file() {
        let file = "define hit = hits|struck\n\npattern a.one\nrelation attacks\nmatch {X} [[{hit}|shelled]] {Y}\nexample x => A attacks B\n";
        let cues =
            CueVocabulary::from_patterns(&crate::patterns::parse("patterns.txt", file).unwrap());
        let found = cues.find("<N0> struck <N1> and shelled it");
        let relations: Vec<&str> = found.iter().map(|c| c.relations[0].as_str()).collect();
        assert_eq!(relations, ["attacks", "attacks"]);
        let inked = cues.find("<N0> inked a deal");
        assert_eq!(inked[0].source, CueSource::BuiltIn);
    }

    #[test]
    fn fragments_run_from_slot_to_slot() {
        let skeleton = "Last week <N0> imposed a new levy on <N1> exports.";
        let (_, patterns) = lexicon::EMBEDDED
            .iter()
            .find(|(name, _)| *name == "patterns.txt")
            .unwrap();
        let cues = CueVocabulary::from_patterns(
            &crate::patterns::parse("patterns.txt", patterns).unwrap(),
        );
        let found = cues.find(skeleton);
        let words = skeleton_words(skeleton);
        let (_, w) = best_cue(&words, &found).unwrap();
        assert_eq!(fragment(&words, w), "<N> imposed a new levy on <N>");
        assert_eq!(
            describe_cues(skeleton, &words, w, &found),
            "impose (sanctions?), levy (sanctions?)"
        );
    }
}
