//! Groupings a document names that no lexicon lists and that it does not
//! define with an acronym: `the Interim Mekong Committee`, `the Mekong-U.S.
//! Partnership`, `the ABC Pact`. Regional formats and ad hoc groupings
//! outnumber any list of organisations, and articles about them name them in
//! full.
//!
//! A name is taken for a grouping by its shape: a run of capitalised words
//! ending in a grouping head noun (`Committee`, `Partnership`, `Pact`, ...)
//! with at least one proper word in front of the head. A proper word is one
//! the document never writes in lower case and that is no generic name word,
//! or a region (`Mekong`). The proper word is what tells `the Mekong-Japan
//! Cooperation`, a grouping, from `the U.S.-India Strategic Partnership`,
//! which only says how two states relate, and from `the National Security
//! Council`, an organ of one state. A name with a known organisation inside
//! (`the NATO-Ukraine Council`), or a known person, is left to the lexicon.
//!
//! The id follows the contract: the name in capitals, `_` for spaces and
//! hyphens (`MEKONG_US_PARTNERSHIP`).

use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use super::{Tagger, at_word_boundaries};
use crate::model::{ActorId, Mention, MentionKind};
use crate::normalize::floor_char_boundary;

/// Head nouns of grouping names. Narrower than the heads that make a name
/// defined by an acronym an organisation: banks, funds, agencies, courts and
/// forces named without an acronym are mostly national bodies or companies.
const HEADS: &str = "Partnership|Cooperation|Co-operation|Initiative|Forum|Group|Dialogue|\
Alliance|Coalition|Committee|Commission|Council|Community|Organisation|Organization|\
Pact|Quad|Troika|Triangle|Format|Conclave|League|Bloc|Process|Mechanism|Framework";

/// Heads that name a relation as often as a body: `the Sovereign Investment
/// Partnership` of two states is their cooperation, not a group. A name with
/// one of these heads is a grouping only when it names a place or state too
/// (`the Mekong-Japan Cooperation`).
static RELATION_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:Partnership|Cooperation|Co-operation|Dialogue|Framework|Mechanism)$")
        .expect("relation head regex")
});

/// The capitalised run goes on after the head (`Arctic Cooperation
/// Agreement`, `Bay of Bengal Initiative for Multi-Sectoral ...`).
static CONTINUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ (?:(?:of|for|on|in) (?:the )?)?\p{Lu}").expect("continuation regex")
});

/// The candidate is the tail of a longer name (`War of the Triple
/// Alliance`, `Bay of Bengal Initiative`).
static TAIL_OF_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}[\w.'-]* (?:of|for|on|and) (?:the )?$").expect("name tail regex")
});

/// Heads are found first (a literal search), then the capitalised words
/// (hyphenated compounds of capitalised parts allowed) just before them.
static HEAD_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?:{HEADS})")).expect("grouping head word regex"));

static WORDS_BEFORE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[\p{Lu}\d][\w.'&]*(?:-[\p{Lu}\d][\w.'&]*)* ){1,6}$")
        .expect("grouping name regex")
});

/// How far before a head a name may begin, in bytes.
const MAX_NAME_BYTES: usize = 200;

static HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{HEADS})$")).expect("grouping head regex"));

/// Words that open a capitalised run without belonging to the name (a
/// sentence's first word, a title-case heading's small words).
const OPENERS: &[&str] = &[
    "The", "A", "An", "In", "At", "On", "Under", "Through", "With", "Within", "Since", "By", "For",
    "Of", "And", "But", "When", "While", "After", "Before", "As", "Its", "Their", "This", "That",
    "These", "Those", "Both", "All", "Each", "From", "To", "Into", "Why", "How", "What", "New",
    "Our", "We", "Also",
];

/// Name words that say what kind of body a name is, not which one. The
/// document's own lower-case use catches most of them; this list covers
/// short documents that never happen to write them in lower case.
const GENERIC: &[&str] = &[
    "National",
    "International",
    "Regional",
    "Global",
    "Strategic",
    "Comprehensive",
    "Economic",
    "Security",
    "Defence",
    "Defense",
    "Military",
    "Joint",
    "Permanent",
    "Standing",
    "Central",
    "Federal",
    "Supreme",
    "State",
    "States",
    "Foreign",
    "Affairs",
    "Trade",
    "Energy",
    "Maritime",
    "Development",
    "Investment",
    "Political",
    "Consultative",
    "Coordination",
    "Cooperative",
    "High-Level",
    "Ministerial",
    "Intergovernmental",
    "Special",
    "Enhanced",
    "Free",
    "Open",
    "Enduring",
    "Expanded",
    "Extended",
    "Senior",
    "Leaders",
    "Ministers",
    "Business",
    "Advisory",
    "Executive",
    "General",
    "Policy",
    "Technology",
    "Science",
    "Cyber",
    "Climate",
    "Health",
    "Financial",
    "Monetary",
    "Customs",
    "Industrial",
    "Interim",
    "Working",
    "Contact",
    "Support",
    "Peace",
    "Triple",
    "Dual",
    "Friendship",
    "Dialogue",
    "Partners",
    "Partner",
    "Bilateral",
    "Trilateral",
    "Quadrilateral",
    "Multilateral",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
];

/// Grouping names in `text` with their ids, leaving out names `known`
/// already covers (acronym definitions found first).
pub(super) fn named_groupings(
    tagger: &Tagger,
    text: &str,
    known: &[(String, ActorId, MentionKind)],
) -> Vec<(String, ActorId)> {
    let mut lower_case_use: HashMap<String, bool> = HashMap::new();
    let mut found: Vec<(String, ActorId)> = Vec::new();
    for head in HEAD_WORD.find_iter(text) {
        if !at_word_boundaries(text, head.start(), head.end()) {
            continue;
        }
        let window = floor_char_boundary(text, head.start().saturating_sub(MAX_NAME_BYTES));
        let Some(run) = WORDS_BEFORE_HEAD.find(&text[window..head.start()]) else {
            continue;
        };
        let m = window + run.start()..head.end();
        let Some(start) = name_start(text, m.start, m.end) else {
            continue;
        };
        let name = &text[start..m.end];
        // `Russia's Security Council`: an owner's possessive makes the
        // name one state's organ.
        let owned = name.split(' ').next().is_some_and(|w| w.ends_with("'s"));
        if owned
            || CONTINUED.is_match(&text[m.end..])
            || TAIL_OF_NAME
                .is_match(&text[floor_char_boundary(text, start.saturating_sub(60))..start])
        {
            continue;
        }
        let covered = |form: &str| form.contains(name) || name.contains(form);
        if found.iter().any(|(f, _)| f == name)
            || known.iter().any(|(f, _, _)| covered(f))
            || !has_proper_word(tagger, text, start..m.end, &mut lower_case_use)
        {
            continue;
        }
        found.push((name.to_string(), ActorId(grouping_id(name))));
    }
    found
}

/// Where the name begins once opening small words and numbers are dropped;
/// `None` when no word is left before the head.
fn name_start(text: &str, start: usize, end: usize) -> Option<usize> {
    let mut at = start;
    for word in text[start..end].split(' ') {
        let opener = OPENERS.contains(&word) || word.chars().all(|c| c.is_ascii_digit());
        if !opener {
            break;
        }
        at += word.len() + 1;
    }
    let rest = text.get(at..end)?;
    rest.contains(' ').then_some(at)
}

/// True when some word before the head is proper (see the module comment)
/// and no known organisation or person overlaps the name. Tagging runs on
/// past the name, so a longer known name it begins (`Bolivarian Alliance for
/// the Peoples of Our America`) is seen.
fn has_proper_word(
    tagger: &Tagger,
    text: &str,
    span: Range<usize>,
    lower_case_use: &mut HashMap<String, bool>,
) -> bool {
    let window = span.start..floor_char_boundary(text, span.end + 80);
    let inside: Vec<Mention> = tagger
        .tag(text, window, 0, None)
        .into_iter()
        .filter(|m| m.span.start < span.end)
        .collect();
    let blocked = inside
        .iter()
        .any(|m| matches!(m.kind, MentionKind::Organisation | MentionKind::Person));
    if blocked {
        return false;
    }
    let names_a_place = inside.iter().any(|m| m.span.end <= span.end);
    if RELATION_HEAD.is_match(&text[span.clone()]) && !names_a_place {
        return false;
    }
    let mut offset = span.start;
    let words: Vec<&str> = text[span.clone()].split(' ').collect();
    let (_, modifiers) = words.split_last().expect("a name has a head");
    for word in modifiers {
        for part in word.split('-') {
            let part_span = offset..offset + part.len();
            offset += part.len() + 1;
            let tagged = inside
                .iter()
                .find(|m| m.span.start <= part_span.start && part_span.end <= m.span.end);
            let proper = match tagged {
                Some(m) => m.kind == MentionKind::Region,
                None => is_proper(text, part.trim_end_matches(['.', '\'']), lower_case_use),
            };
            if proper {
                return true;
            }
        }
    }
    false
}

fn is_proper(text: &str, word: &str, lower_case_use: &mut HashMap<String, bool>) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || GENERIC.contains(&word) || HEAD.is_match(word) {
        return false;
    }
    let lower = word.to_lowercase();
    if lower == word {
        return false;
    }
    let used_in_lower_case = *lower_case_use.entry(lower.clone()).or_insert_with(|| {
        text.match_indices(lower.as_str())
            .any(|(i, _)| at_word_boundaries(text, i, i + lower.len()))
    });
    !used_in_lower_case
}

/// `Mekong-U.S. Partnership` → `MEKONG_US_PARTNERSHIP`.
fn grouping_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars() {
        match c {
            ' ' | '-' if !id.ends_with('_') => id.push('_'),
            c if c.is_alphanumeric() => id.extend(c.to_uppercase()),
            '&' => id.push_str("AND"),
            _ => {}
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon;

    static TAGGER: LazyLock<Tagger> = LazyLock::new(|| Tagger::new(lexicon::load(None).unwrap()));

    fn ids(text: &str) -> Vec<(String, String)> {
        named_groupings(&TAGGER, text, &[])
            .into_iter()
            .map(|(name, id)| (name, id.0))
            .collect()
    }

    fn pair(name: &str, id: &str) -> (String, String) {
        (name.to_string(), id.to_string())
    }

    #[test]
    fn names_with_a_proper_word_before_a_head_are_groupings() {
        let text = "The Mekong-U.S. Partnership grew out of talks. From 1978 an Interim Mekong Committee made up of Laos and Thailand met. In 1915 Argentina, Brazil and Chile signed the ABC Pact.";
        assert_eq!(
            ids(text),
            vec![
                pair("Mekong-U.S. Partnership", "MEKONG_US_PARTNERSHIP"),
                pair("Interim Mekong Committee", "INTERIM_MEKONG_COMMITTEE"),
                pair("ABC Pact", "ABC_PACT"),
            ]
        );
    }

    #[test]
    fn bilateral_and_national_bodies_are_not_groupings() {
        let text = "The U.S.-India Strategic Partnership deepened. The National Security Council met. The NATO-Ukraine Council convened. Their national security policy changed.";
        assert_eq!(ids(text), vec![]);
    }

    #[test]
    fn a_word_the_document_writes_in_lower_case_is_not_proper() {
        let with_lower = "The Basin Commission met. The basin is long.";
        let without = "The Basin Commission met. The river is long.";
        assert_eq!(ids(with_lower), vec![]);
        assert_eq!(
            ids(without),
            vec![pair("Basin Commission", "BASIN_COMMISSION")]
        );
    }
}
