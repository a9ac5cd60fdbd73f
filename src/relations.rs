//! Pulling relation triples out of sentences with the patterns of
//! `lexicons/patterns.txt`.
//!
//! A sentence is first reduced to a *skeleton*: its words with each actor
//! mention replaced by a slot. Mentions that belong together become one slot:
//! a coordinated list (`Australia, the UK, and the U.S.` → one nominal slot
//! with three actors), a hyphenated compound (`U.S.-Japan-Korea` → one
//! compound slot), a demonym or possessive with an agent noun (`the Chinese
//! navy`, `Russia's foreign minister` → a nominal slot), a title and a name
//! of one state (`Russian President Vladimir Putin`). Patterns are regular
//! expressions over the skeleton, so one pattern covers every way of naming
//! the actors, and lists fan out to one claim per actor.
//!
//! Whether a match is a claim at all, and its polarity and modality, is
//! judged from the words in the clause before the pattern's cue: negation
//! (`did not`, `refused to`, `no longer`), hedges (`reportedly`, `may have`)
//! and irrealis (`should`, `would`, `hopes to`, `the possibility of`, `if`,
//! `without`), which make it a goal, recommendation or condition, not a claim.

use regex::Regex;
use regex::bytes::{RegexSet, RegexSetBuilder};

/// Compiled-size bound for the set of all cues.
const CUE_SET_SIZE_LIMIT: usize = 64 << 20;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use crate::lexicon::Lexicon;
use crate::model::{ActorId, Claim, Mention, MentionKind, Modality, Polarity, overlaps};
use crate::patterns::{Pattern, PatternSet, SlotForm, Template, is_symmetric};

mod readings;
use readings::readings;

/// How a slot names its actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Nominal,
    Adjectival,
    Compound,
}

impl Form {
    fn letter(self) -> char {
        match self {
            Form::Nominal => 'N',
            Form::Adjectival => 'A',
            Form::Compound => 'H',
        }
    }
}

/// Mentions that act as one unit of a sentence.
#[derive(Debug, Clone)]
pub struct Slot {
    pub form: Form,
    pub span: Range<usize>,
    /// Each actor with the words that name it.
    pub parts: Vec<(ActorId, Range<usize>)>,
}

/// A sentence with its actor mentions replaced by slots.
#[derive(Debug, Clone)]
pub struct Skeleton {
    pub text: String,
    pub slots: Vec<Slot>,
    /// The words of each slot as written, for `unless` lines, which read
    /// the sentence rather than its slots (`expelled the French ambassador`).
    pub surfaces: Vec<String>,
}

/// Builds the skeleton of `text[span]` from its mentions.
pub fn skeleton(
    text: &str,
    span: Range<usize>,
    mentions: &[Mention],
    agents: &[String],
) -> Skeleton {
    let mut slots: Vec<Slot> = mentions
        .iter()
        .filter(|m| !names_a_place_only(text, m))
        .filter_map(|m| {
            let actor = m.actor.clone()?;
            let form = if m.kind == MentionKind::Demonym {
                Form::Adjectival
            } else {
                Form::Nominal
            };
            Some(Slot {
                form,
                span: m.span.clone(),
                parts: vec![(actor, m.span.clone())],
            })
        })
        .collect();
    slots = join_compounds(text, slots);
    // Demonym lists first, so `Saudi and Iranian officials` is one agent phrase.
    slots = merge_lists(&text[..span.end], slots, Some(Form::Adjectival));
    for slot in &mut slots {
        extend_with_agent(text, span.end, slot, agents);
    }
    for i in 0..slots.len() {
        let limit = slots.get(i + 1).map_or(span.end, |next| next.span.start);
        extend_with_owned_name(text, limit, &mut slots[i]);
    }
    share_agent_heads(text, &mut slots, agents);
    // A title takes the words before a name only where no agent phrase did:
    // `U.S. President Donald Trump` is one slot by `merge_same_actor`.
    let mut floor = span.start;
    for slot in &mut slots {
        extend_with_title(text, floor, slot, agents);
        floor = slot.span.end;
    }
    slots = merge_same_actor(text, slots);
    slots = merge_lists(&text[..span.end], slots, None);
    extend_with_definite_agents(text, span.start, &mut slots, agents);
    slots = without_overlaps(slots, &span);
    slots = with_pair_anaphors(text, &span, mentions, slots);
    let surfaces = slots
        .iter()
        .map(|s| text[s.span.clone()].to_string())
        .collect();
    let text = render(text, span, &slots);
    Skeleton {
        text,
        slots,
        surfaces,
    }
}

/// `the two countries`, `both leaders`: a definite plural counted as two.
/// The optional word takes `the two neighbouring states`. The slot made of
/// it starts at the numeral, so templates see `the <N3>` as usual.
static PAIR_ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:the (?P<two>two)|(?P<both>both))(?: [a-z-]+)? (?P<head>countries|governments|nations|states|capitals|sides|leaders|presidents|prime ministers|heads of state|militaries|armies|navies)(?-u:\b)",
    )
    .unwrap()
});

/// `on both sides`, `from the two sides`: a place, not a pair.
static GENERIC_SIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^A-Za-z])(?:on|from)(?: the)? $").unwrap());

/// `When Modi travelled to Colombo, the two governments signed a defence
/// memorandum`: a definite plural counted as two refers back to the two
/// actors the sentence has named before it, and becomes a list slot of
/// them, so patterns read it like `India and Sri Lanka`. Anaphora is only
/// resolved where it cannot be ambiguous: exactly two actors of the kind
/// the noun names (people for `leaders`, capitals for `capitals`, states
/// for `countries`, any actor for `sides`), named before it: `the CEPA
/// signed by the two countries ..., making the Emirates India's partner`
/// points forward, which is left alone. The contract's rule holds: both
/// actors are named in the sentence.
fn with_pair_anaphors(
    text: &str,
    span: &Range<usize>,
    mentions: &[Mention],
    mut slots: Vec<Slot>,
) -> Vec<Slot> {
    // `soldiers on both sides of the border` names no pair: the first
    // anaphor that is not such a phrase, and not inside a name, is read.
    let Some((found, start, end)) =
        PAIR_ANAPHOR
            .captures_iter(&text[span.clone()])
            .find_map(|found| {
                let numeral = found.name("two").or(found.name("both"))?;
                let (start, end) = (
                    span.start + numeral.start(),
                    span.start + found.get(0)?.end(),
                );
                let generic_side = GENERIC_SIDE.is_match(&text[span.start..start])
                    || text[end..span.end].starts_with(" of ");
                let inside_a_name = slots.iter().any(|s| overlaps(&s.span, &(start..end)));
                (!generic_side && !inside_a_name).then_some((found, start, end))
            })
    else {
        return slots;
    };
    let head = found["head"].to_ascii_lowercase();
    let wanted = |m: &Mention| match head.as_str() {
        "leaders" | "presidents" | "prime ministers" | "heads of state" => {
            m.kind == MentionKind::Person
        }
        "capitals" => m.kind == MentionKind::Metonym,
        "sides" => true,
        _ => m.kind != MentionKind::Organisation,
    };
    let mut antecedents: Vec<(ActorId, Range<usize>)> = Vec::new();
    for slot in slots.iter().filter(|s| s.span.end <= start) {
        for (actor, part_span) in &slot.parts {
            let of_kind = mentions.iter().any(|m| {
                m.actor.as_ref() == Some(actor) && overlaps(&m.span, part_span) && wanted(m)
            });
            if of_kind && !antecedents.iter().any(|(a, _)| a == actor) {
                antecedents.push((actor.clone(), part_span.clone()));
            }
        }
    }
    if antecedents.len() != 2 {
        return slots;
    }
    let at = slots.partition_point(|s| s.span.end <= start);
    slots.insert(
        at,
        Slot {
            form: Form::Nominal,
            span: start..end,
            parts: antecedents,
        },
    );
    slots
}

/// `Pakistan-based groups`, `Panama-flagged tankers`: the name only says
/// where something is, so it is no actor in the sentence.
fn names_a_place_only(text: &str, mention: &Mention) -> bool {
    const PLACE_SUFFIXES: &[&str] = &[
        "-based",
        "-born",
        "-registered",
        "-headquartered",
        "-flagged",
        "-listed",
        "-bound",
    ];
    let after = &text[mention.span.end..];
    PLACE_SUFFIXES.iter().any(|suffix| {
        after.len() >= suffix.len()
            && after.is_char_boundary(suffix.len())
            && after[..suffix.len()].eq_ignore_ascii_case(suffix)
    })
}

fn between<'a>(text: &'a str, a: &Slot, b: &Slot) -> &'a str {
    text.get(a.span.end..b.span.start).unwrap_or("")
}

/// `American and NATO forces`, `Chinese and Russian-backed EU officials`: a
/// demonym coordinated with an actor's agent phrase shares its head noun, so
/// it names that actor's agents too and joins the list.
fn share_agent_heads(text: &str, slots: &mut [Slot], agents: &[String]) {
    for i in 1..slots.len() {
        let (before, after) = slots.split_at_mut(i);
        let (demonym, agent) = (&mut before[i - 1], &after[0]);
        // The agent nouns are scanned last, only for `<demonym> and <name>`.
        if demonym.form == Form::Adjectival
            && agent.form == Form::Nominal
            && between(text, demonym, agent) == " and "
            && agents
                .iter()
                .any(|a| ends_with_any_case(&text[agent.span.clone()], a))
        {
            demonym.form = Form::Nominal;
        }
    }
}

/// `text` ends with the whole word `word`, in any case.
fn ends_with_any_case(text: &str, word: &str) -> bool {
    let Some(start) = text.len().checked_sub(word.len()) else {
        return false;
    };
    text.is_char_boundary(start)
        && text[start..].eq_ignore_ascii_case(word)
        && !text[..start].ends_with(|c: char| c.is_alphanumeric())
}

/// `China-Russia`, `U.S.-Japan-Korea`: parts joined by a bare hyphen.
fn join_compounds(text: &str, slots: Vec<Slot>) -> Vec<Slot> {
    let mut out: Vec<Slot> = Vec::with_capacity(slots.len());
    for slot in slots {
        if let Some(last) = out.last_mut()
            && between(text, last, &slot) == "-"
        {
            last.form = Form::Compound;
            last.span.end = slot.span.end;
            last.parts.extend(slot.parts);
            continue;
        }
        out.push(slot);
    }
    out
}

/// `the Chinese navy`, `Russia's foreign minister`: the state acting.
fn extend_with_agent(text: &str, limit: usize, slot: &mut Slot, agents: &[String]) {
    if slot.form == Form::Compound {
        return;
    }
    let after = &text[slot.span.end..limit];
    // `the Chinese navy`, `U.S. officials`, `Russia's foreign minister`.
    let possessive = after.strip_prefix("'s ");
    let rest = match slot.form {
        Form::Adjectival => after.strip_prefix(' '),
        _ => possessive.or_else(|| after.strip_prefix(' ')),
    };
    let Some(mut rest) = rest else { return };
    // `Moldovan and Western officials`: a demonym coordinated with a regional
    // adjective still names its state's agents.
    if slot.form == Form::Adjectival {
        rest = without_regional_conjunct(rest);
    }
    // After a possessive, up to two lower-case modifiers may come first:
    // `Japan's new prime minister`.
    let tries = if possessive.is_some() { 3 } else { 1 };
    for _ in 0..tries {
        if let Some(len) = agent_phrase_len(rest, agents) {
            slot.span.end = limit - (rest.len() - len);
            slot.form = Form::Nominal;
            return;
        }
        match rest.split_once(' ') {
            Some((word, next)) if is_modifier(word) => rest = next,
            _ => return,
        }
    }
}

/// `the Russian Defence Ministry's Africa Corps`, `Libya's Government of
/// National Accord`: a name the lexicon does not know, owned by an actor,
/// is that actor's body or agent, and its slot takes the name in. A name
/// that another mention starts (`Russia's Vladimir Putin`) is left to it;
/// the name must end in a body's head noun, so products and places
/// (`Israel's SPYDER`, `Russia's Kursk region`) stay outside the slot.
fn extend_with_owned_name(text: &str, limit: usize, slot: &mut Slot) {
    if slot.form != Form::Nominal || slot.span.end >= limit {
        return;
    }
    let after = &text[slot.span.end..limit];
    // `Libya's Government of National Accord`: the agent noun the slot
    // ended on takes its own name.
    let found = OWNED_NAME.captures(after).or_else(|| {
        BODY_HEAD
            .is_match(&text[slot.span.clone()])
            .then(|| BODY_NAME.captures(after))
            .flatten()
    });
    let Some(name) = found.and_then(|c| c.get(1)) else {
        return;
    };
    slot.span.end += name.end();
}

static OWNED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^'s ((?:\p{Lu}[\w-]*)(?: (?:of|and|for|de|al|of the) \p{Lu}[\w-]*| \p{Lu}[\w-]*){0,4} (?:Corps|Forces|Force|Guards?|Army|Navy|Fleet|Ministry|Council|Agency|Service|Government|Command|Directorate|Bureau|Brigades?|Regiment|Division))(?:[ ,.;:)]|$)").unwrap()
});

static BODY_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:Government|Ministry|Council|Office|Department|Agency|Service|Committee|Command)$",
    )
    .unwrap()
});

static BODY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^( of (?:the )?\p{Lu}[\w-]*(?: (?:and|for|of) \p{Lu}[\w-]*| \p{Lu}[\w-]*){0,4})(?:[ ,.;:)]|$)").unwrap()
});

/// `and Western officials` → `officials`: the regional adjective after a
/// demonym names no actor of its own.
fn without_regional_conjunct(rest: &str) -> &str {
    const REGIONAL: &[&str] = &[
        "Western",
        "European",
        "Arab",
        "Gulf",
        "African",
        "Asian",
        "Nordic",
        "Baltic",
        "Latin",
        "allied",
        "Allied",
        "other",
        "foreign",
        "international",
    ];
    let Some(after_and) = rest
        .strip_prefix("and ")
        .or_else(|| rest.strip_prefix("or "))
    else {
        return rest;
    };
    match after_and.split_once(' ') {
        Some((word, next)) if REGIONAL.contains(&word) => next,
        _ => rest,
    }
}

/// An adjective-like word between a possessive and its agent noun (`new`,
/// `veteran`): lower case and not a function word, which would mean the
/// agent noun belongs to another phrase (`France's support for Emir Tamim`).
fn is_modifier(word: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "and", "or", "of", "the", "a", "an", "in", "to", "for", "with", "by", "from", "on", "at",
        "as", "into", "over", "against", "between", "about", "than", "that", "which", "who",
    ];
    !word.is_empty()
        && !FUNCTION_WORDS.contains(&word)
        && word.chars().all(|c| c.is_lowercase() || c == '-')
}

/// `President Lula`, `Secretary Rubio`: a title before a name is part of it,
/// so `President Trump met President Lula` reads `<N0> met <N1>`.
fn extend_with_title(text: &str, limit: usize, slot: &mut Slot, agents: &[String]) {
    if slot.form != Form::Nominal {
        return;
    }
    let Some(before) = text.get(limit..slot.span.start) else {
        return;
    };
    let Some(before) = before.strip_suffix(' ') else {
        return;
    };
    // `the Prime Minister of Japan`: the title before `of` joins the slot.
    let of = [" of the", " of"]
        .into_iter()
        .find_map(|of| before.strip_suffix(of).map(|head| (head, of)));
    if let Some((head, of)) = of {
        if let Some(len) = longest_agent_suffix(head, agents) {
            let coordinated = coordinated_title_len(&head[..head.len() - len], agents);
            slot.span.start -= coordinated + len + of.len() + 1;
        }
        return;
    }
    // `the authorities in Tripoli`: those who govern from a capital.
    if let Some(head) = before.strip_suffix(" in") {
        const GOVERNING: &[&str] = &[
            "authorities",
            "government",
            "regime",
            "leadership",
            "junta",
            "rulers",
        ];
        if let Some(word) = GOVERNING
            .iter()
            .find(|w| ends_with_word(head, w) || head.ends_with(*w))
        {
            let is_word =
                head.len() == word.len() || head[..head.len() - word.len()].ends_with(' ');
            if is_word {
                let modifiers = modifiers_after_article(&head[..head.len() - word.len()]);
                slot.span.start -= modifiers + word.len() + " in".len() + 1;
            }
        }
        return;
    }
    let title = longest_agent_suffix(before, agents).or_else(|| {
        let word = before.rsplit(' ').next().unwrap_or("");
        TITLES.contains(&word).then_some(word.len())
    });
    if let Some(len) = title {
        slot.span.start -= len + 1;
    }
}

/// `the Crown Prince and Prime Minister of Saudi Arabia`: one person holding
/// two offices of one state. Length of the `Crown Prince and ` that
/// `before` ends with, or zero.
fn coordinated_title_len(before: &str, agents: &[String]) -> usize {
    before
        .strip_suffix(" and ")
        .and_then(|first| longest_agent_suffix(first, agents))
        .map_or(0, |len| len + " and ".len())
}

/// `met the foreign ministers of Tunisia and Libya`, `the government of
/// Mali`: a lower-case agent noun (any line of `agents.txt`, `side` and
/// `state` included) before `of` names the state's agents when a definite
/// article opens it (a title needs none: `Prime Minister of
/// Japan`, and `extend_with_title` takes it). This runs after lists are
/// joined, so the phrase takes the whole list and never joins a list of its
/// own (`the invasion of Ukraine, the parliaments of Lithuania and Latvia`).
fn extend_with_definite_agents(text: &str, floor: usize, slots: &mut [Slot], agents: &[String]) {
    let mut floor = floor;
    for slot in slots.iter_mut() {
        let start = slot.span.start;
        if slot.form == Form::Nominal
            && let Some(head) = text.get(floor..start).and_then(|b| b.strip_suffix(" of "))
            && let Some(len) = definite_agent(head, agents)
        {
            slot.span.start -= len + " of ".len();
        }
        floor = slot.span.end;
    }
}

/// Length of `the <agent noun>` that `text` ends with, if any.
fn definite_agent(text: &str, agents: &[String]) -> Option<usize> {
    agents
        .iter()
        .filter(|a| ends_with_any_case(text, a))
        .filter_map(|a| {
            let before = &text[..text.len() - a.len()];
            let modifiers = modifiers_after_article(before);
            let before = &before[..before.len() - modifiers];
            let article = ["the ", "The "].into_iter().find(|t| before.ends_with(t))?;
            Some(a.len() + modifiers + article.len())
        })
        .max()
}

/// Nouns that make a compound with an agent noun (`member state`) rather
/// than describe the agent.
const NOT_AGENT_MODIFIERS: &[&str] = &["member", "partner", "observer", "candidate", "client"];

/// Length of the lower-case modifiers that `text` ends with, when an article
/// comes before them (`the new military ` of `the new military authorities
/// in Niamey`): up to two words, each with its space. Zero otherwise.
fn modifiers_after_article(text: &str) -> usize {
    let mut len = 0;
    for _ in 0..2 {
        let rest = &text[..text.len() - len];
        if rest.ends_with("the ") || rest.ends_with("The ") {
            break;
        }
        let Some(word) = rest.strip_suffix(' ').and_then(|r| r.rsplit(' ').next()) else {
            break;
        };
        // `the eleventh member state of ASEAN` names a member, not an agent.
        if !is_modifier(word) || NOT_AGENT_MODIFIERS.contains(&word) {
            break;
        }
        len += word.len() + 1;
    }
    let rest = &text[..text.len() - len];
    if rest.ends_with("the ") || rest.ends_with("The ") {
        len
    } else {
        0
    }
}

/// Length of the longest agent noun `text` ends with, as a whole word.
fn longest_agent_suffix(text: &str, agents: &[String]) -> Option<usize> {
    agents
        .iter()
        .filter(|a| ends_with_word(text, a))
        .map(String::len)
        .max()
}

/// Titles written before a name that the agent nouns do not cover.
const TITLES: &[&str] = &[
    "Captain",
    "Capt.",
    "Colonel",
    "Col.",
    "Lieutenant",
    "Major",
    "Marshal",
    "Secretary",
    "Senator",
    "Sen.",
    "Gen.",
    "General",
    "Admiral",
    "Adm.",
    "Mr.",
    "Ms.",
    "Mrs.",
    "Dr.",
    "Sheikh",
    "Emir",
    "King",
    "Queen",
    "Prince",
    "Crown Prince",
    "Commissioner",
    "Ambassador",
    "Envoy",
];

/// `text` ends with the word `word` written with a capital (`Prime Minister`),
/// as titles before a name are.
fn ends_with_word(text: &str, word: &str) -> bool {
    ends_with_any_case(text, word)
        && word.chars().next().is_some_and(|c| c.is_alphabetic())
        && text[text.len() - word.len()..].starts_with(|c: char| c.is_uppercase())
}

/// Length of the agent phrase `text` starts with: one agent noun, or several
/// in a row (`military leaders`, `foreign ministry spokesperson`). `None`
/// when there is none, or when the agent noun only modifies a noun that is
/// no actor (`Russia's closest military partner`).
fn agent_phrase_len(text: &str, agents: &[String]) -> Option<usize> {
    let longest = |t: &str| {
        agents
            .iter()
            .filter(|a| starts_with_word(t, a))
            .map(String::len)
            .max()
    };
    let mut len = longest(text)?;
    while let Some(next) = text[len..].strip_prefix(' ').and_then(longest) {
        len += 1 + next;
    }
    let following = text[len..]
        .strip_prefix(' ')
        .and_then(|t| t.split([' ', ',', '.', ';']).next());
    let modifies_a_thing =
        following.is_some_and(|w| NOT_AGENT_HEADS.contains(&w.to_ascii_lowercase().as_str()));
    (!modifies_a_thing).then_some(len)
}

/// Nouns an agent word can modify without the phrase acting for the state:
/// `military partner`, `government bonds`, `navy base`.
const NOT_AGENT_HEADS: &[&str] = &[
    "partner",
    "partners",
    "ally",
    "allies",
    "base",
    "bases",
    "aid",
    "assistance",
    "support",
    "exercises",
    "drills",
    "cooperation",
    "presence",
    "spending",
    "budget",
    "budgets",
    "power",
    "might",
    "doctrine",
    "strategy",
    "equipment",
    "hardware",
    "technology",
    "bonds",
    "debt",
    "procurement",
    "capabilities",
    "capability",
    "ties",
    "relations",
    "relationship",
    "sites",
    "facilities",
    "installations",
    "buildup",
    "build-up",
    "modernisation",
    "modernization",
];

fn starts_with_word(text: &str, word: &str) -> bool {
    text.len() >= word.len()
        && text.is_char_boundary(word.len())
        && text[..word.len()].eq_ignore_ascii_case(word)
        && !text[word.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// `Russian President Vladimir Putin`, `Mark Carney of Canada`: one actor
/// named twice in a row is one slot.
fn merge_same_actor(text: &str, slots: Vec<Slot>) -> Vec<Slot> {
    let mut out: Vec<Slot> = Vec::with_capacity(slots.len());
    for slot in slots {
        if let Some(last) = out.last_mut()
            && last.form == Form::Nominal
            && slot.form == Form::Nominal
            && last.parts.len() == 1
            && slot.parts.len() == 1
            && last.parts[0].0 == slot.parts[0].0
            && matches!(
                between(text, last, &slot),
                " " | ", "
                    | " of "
                    | " of the "
                    | "'s "
                    | " ("
                    | " on behalf of the "
                    | " on behalf of "
            )
        {
            last.span.end = slot.span.end;
            // `the United Arab Emirates (UAE)`: the bracket closes the name.
            if text[last.span.end..].starts_with(')') {
                last.span.end += 1;
            }
            continue;
        }
        out.push(slot);
    }
    out
}

static LIST_JOINER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?: \([^()<>]{1,24}\))?(?:,|,? and|,? or| nor|,? as well as|,? together with|,? along with| &|/)(?: [Tt]he)? $|^/$",
        // `Fiji, French Polynesia, Kiribati`: items that name no actor (a
        // territory, a body the lexicon lacks) between named ones.
        r"|^(?:, (?:[Tt]he )?\p{Lu}[\p{L}'.-]*(?: (?:of |and |the |de )?\p{Lu}[\p{L}'.-]*){0,3}){1,3},(?: and| or)?(?: [Tt]he)? $",
    ))
    .unwrap()
});

/// An abbreviation such as `U.S.` or `UK`, which English uses as an adjective.
fn is_attributive(text: &str, slot: &Slot) -> bool {
    let name = &text[slot.span.clone()];
    slot.form == Form::Nominal
        && slot.parts.len() == 1
        && name.len() <= 5
        && name.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// A last conjunct that names no actor but a set of further ones (`and
/// other donors`, `and ten European countries`): the named items before it
/// are a list, and the conjunct belongs to the same noun phrase.
static AND_OTHERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^,? (?:and|or) (?:others|(?:the |some |several |many |most |all |a few |a dozen |dozens of |",
        r"a number of |a handful of |\d+ |two |three |four |five |six |seven |eight |nine |ten |",
        r"eleven |twelve |twenty |thirty |forty |fifty )?(?:other |fellow |more |further )?",
        r"(?:[A-Za-z-]+ ){0,3}?(?:countries|states|nations|member states|members|governments|",
        r"partners|allies|donors|economies|powers|signatories|neighbours|neighbors|others))(?-u:\b)",
    ))
    .unwrap()
});

const POSSESSIVES: &[&str] = &["its", "their", "his", "her", "our", "your"];

/// `and other` without a noun this knows (`and other trading blocs`) still
/// closes a list of the names before it.
static AND_OTHER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,? (?:and|or) (?:several |many |some )?other(?-u:\b)").unwrap());

/// A last conjunct that is a name the lexicon does not know (`the UN, the
/// AU, ECOWAS and the Commonwealth`), ending the phrase: after a comma list
/// of two or more actors it closes the list as `and other ...` does.
static AND_UNKNOWN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^,? and (?:the )?[A-Z][\w'.-]*(?: (?:of |for |on |and |the |de )*[A-Z][\w'.-]*){0,5}(?:[.,;:)]|$)",
    )
    .unwrap()
});

/// Where the unnamed last conjunct after `slots[last]` ends, if it closes a
/// list there; never past the next slot.
fn unnamed_conjunct_end(text: &str, slots: &[Slot], first: usize, last: usize) -> Option<usize> {
    let at = slots[last].span.end;
    let limit = slots.get(last + 1).map_or(text.len(), |s| s.span.start);
    if limit <= at {
        return None;
    }
    let rest = &text[at..limit];
    // `Russia and other states`: a single name may have unnamed partners;
    // after a comma it is another clause (`..., and other states followed`).
    let after_a_list = last > first;
    let found = AND_OTHERS
        .find(rest)
        .filter(|m| after_a_list || !m.as_str().starts_with(','))
        // `Ukraine, the United Kingdom and its partners remain`: a possessive
        // points back to a subject, so the comma before was a clause's.
        .filter(|m| !m.as_str().split(' ').any(|w| POSSESSIVES.contains(&w)))
        .map(|m| m.end())
        .or_else(|| AND_OTHER.find(rest).filter(|_| after_a_list).map(|_| 0))
        .or_else(|| {
            let m = AND_UNKNOWN_NAME.find(rest).filter(|_| after_a_list)?;
            Some(m.as_str().trim_end_matches(['.', ',', ';', ':', ')']).len())
        })?;
    Some(at + found)
}

/// A predicate that repeats the one before it (`followed suit`, `did the
/// same`): the actor before it is the subject of an elliptical clause.
static ELLIPTICAL_PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ (?:soon |quickly |later |subsequently |then |promptly |swiftly |also )?(?:followed suit|followed|did the same|did likewise|did so)(?:[.,;]| (?:in|on|at|days|weeks|months|a|the|later|shortly|soon|suit|too|as well|within|after)\b)").unwrap()
});

static CLAUSE_CONJUNCTION_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:, and|;|, then) (?:then |later |soon )?$").unwrap());

fn opens_an_ellipsis(after_conjunct: &str) -> bool {
    ELLIPTICAL_PREDICATE.is_match(after_conjunct)
}

/// A clause that adds a subject to the predicate before it: `, and Niger
/// followed`, `; Chad did the same`; or a comparative one whose auxiliary
/// comes first and is the whole predicate: `, as did Brazil and Mexico`,
/// `, and so did Chad`.
static ELLIPTICAL_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:,? and|;|, then) (?:then |later |soon )?<[NA](?P<slot>\d+)>",
        r"|,? (?:as|and so|so) (?:did|does|do|has|have|had) (?:the )?<[NA](?P<inverted_slot>\d+)>(?:[.,;]|$| (?:too|as well|later|in|on|after)\b)",
    ))
    .unwrap()
});

/// `Mali severed diplomatic relations with Ukraine, and Niger followed`:
/// VP ellipsis. Each claim stated before the elliptical clause holds for
/// its subject too, with the same relation, object and polarity. Pairwise
/// claims are left alone: the new subject joins no list.
fn elliptical_claims(skeleton: &Skeleton, claims: &[Claim]) -> Vec<Claim> {
    let mut copies: Vec<Claim> = Vec::new();
    for clause in ELLIPTICAL_CLAUSE.captures_iter(&skeleton.text) {
        let whole = clause.get(0).expect("group 0 always matches");
        // The inverted form is its own predicate; the other needs one after.
        let index = match clause.name("inverted_slot") {
            Some(index) => index,
            None if opens_an_ellipsis(&skeleton.text[whole.end()..]) => {
                clause.name("slot").expect("one branch matched")
            }
            None => continue,
        };
        let Some(slot) = index
            .as_str()
            .parse::<usize>()
            .ok()
            .and_then(|i| skeleton.slots.get(i))
        else {
            continue;
        };
        // Only the elided predicate's own claims carry over: those of the
        // clause's subject, the first subject of a claim in the clause
        // (`<N0> condemned the raid on <N1> by <N2>, as did <N3>` gives <N3>
        // the condemnation, not the raid).
        let Some(first) = first_slot_of_clause(skeleton, whole.start()) else {
            continue;
        };
        let before = |claim: &Claim| {
            claim.subject_span.end <= slot.span.start && claim.object_span.end <= slot.span.start
        };
        let in_clause = |claim: &Claim| first.span.start <= claim.subject_span.start;
        let candidates: Vec<&Claim> = claims
            .iter()
            .filter(|c| !c.pairwise && before(c) && in_clause(c))
            .collect();
        let Some(subject) = candidates
            .iter()
            .map(|c| c.subject_span.clone())
            .min_by_key(|s| s.start)
        else {
            continue;
        };
        for claim in candidates.into_iter().filter(|c| c.subject_span == subject) {
            for (actor, span) in &slot.parts {
                if *actor == claim.object || *actor == claim.subject {
                    continue;
                }
                let mut copy = claim.clone();
                copy.subject = actor.clone();
                copy.subject_span = span.clone();
                if is_symmetric(&copy.relation) && copy.object < copy.subject {
                    std::mem::swap(&mut copy.subject, &mut copy.object);
                    std::mem::swap(&mut copy.subject_span, &mut copy.object_span);
                }
                let known = claims.iter().chain(&copies).any(|c| c.same_unit(&copy));
                if !known {
                    copies.push(copy);
                }
            }
        }
    }
    copies
}

/// A fronted adverbial clause, which holds no subject of the main clause
/// (`After <N0> had armed the rebels, <N1> severed ...`).
static FRONTED_ADVERBIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:After|When|While|Whereas|Although|Though|Since|As|Because|If|Once|Before|Until|Following|Despite|Amid|In response to)\b[^,]*|[^,<]*\d{4}), ").unwrap()
});

/// The first slot of the clause that ends at `end` in the skeleton: after
/// the last semicolon and after a fronted adverbial.
fn first_slot_of_clause(skeleton: &Skeleton, end: usize) -> Option<&Slot> {
    let text = &skeleton.text[..end];
    let mut start = text.rfind(';').map_or(0, |at| at + 1);
    if let Some(fronted) = FRONTED_ADVERBIAL.find(&text[start..]) {
        start += fronted.end();
    }
    let first = SLOT_TOKEN.captures(&text[start..])?;
    let index: usize = first[1].parse().ok()?;
    skeleton.slots.get(index)
}

fn joins_list(joiner: &str) -> bool {
    LIST_JOINER.is_match(joiner)
}

/// Whether a joiner that `joins_list` accepted has a conjunction (`and`,
/// `or`, `&`, `/`...) and so can close a list; a bare comma only continues one.
fn closes_list(joiner: &str) -> bool {
    LIST_CONJUNCTION.is_match(joiner)
}

static LIST_CONJUNCTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[ ,])(?:and|or|nor|&|as well as|together with|along with) |/").unwrap()
});

/// `We, the Prime Minister of ...`: the opening of a joint statement, whose
/// apposition lists everyone who speaks in it.
static SPEAKERS_APPOSITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\p{L}])We, (?:[Tt]he )?$").unwrap());

/// `Australia, the UK, and the U.S.` → one slot with three actors. A run
/// joined only by commas is not a list (`sanctions on Russia, China said`).
fn merge_lists(text: &str, slots: Vec<Slot>, only: Option<Form>) -> Vec<Slot> {
    // `text` ends where the sentence does, so no conjunct runs past it.
    let mut out: Vec<Slot> = Vec::with_capacity(slots.len());
    let mut i = 0;
    while i < slots.len() {
        let form = slots[i].form;
        let mut j = i;
        let mut last_close = None;
        let wanted = only.is_none_or(|f| {
            f == form || (f == Form::Adjectival && is_attributive(text, &slots[i]))
        });
        // In the demonym pass only demonyms join, whatever heads the list.
        let joinable = |next: &Slot| match only {
            Some(f) => next.form == f,
            None => next.form == form,
        };
        let names_the_speakers =
            only.is_none() && SPEAKERS_APPOSITION.is_match(&text[..slots[i].span.start]);
        while wanted && j + 1 < slots.len() && form != Form::Compound && joinable(&slots[j + 1]) {
            let joiner = between(text, &slots[j], &slots[j + 1]);
            if !joins_list(joiner) {
                break;
            }
            // `severed ties with Ukraine, and Niger followed`: the last
            // conjunct is the subject of an elliptical clause, no list item.
            // `..., and Burkina Faso and Niger followed` is one subject.
            if closes_list(joiner)
                && opens_an_ellipsis(&text[slots[j + 1].span.end..])
                && !CLAUSE_CONJUNCTION_BEFORE.is_match(&text[..slots[i].span.start])
            {
                break;
            }
            j += 1;
            // `Japan, India and France, and China, which ...`: a list ends
            // at its conjunction; a second one starts another constituent.
            // Not so where it names the speakers (`We, the President of A
            // and B, the Crown Prince and Prime Minister of C, ...`): there
            // each item may have its own conjunction.
            if names_the_speakers {
                last_close = Some(j);
            } else if closes_list(joiner) {
                last_close = Some(j);
                break;
            }
        }
        // `the United States, the United Kingdom and other donors`: a list
        // closed by a conjunct naming no actor is a list of its named items,
        // and the slot takes in that conjunct, so that the verb follows it.
        let unnamed_end = (last_close.is_none() && only.is_none() && form == Form::Nominal)
            .then(|| unnamed_conjunct_end(text, &slots, i, j))
            .flatten();
        let closed_by_others = unnamed_end.is_some();
        if closed_by_others {
            last_close = Some(j);
        }
        let mut end = last_close.unwrap_or(i);
        // `A, and B` with two items is clause coordination (`..., and U.S.
        // officials said`), not a list: a serial comma needs three items.
        // `A, B and other donors` has its third item.
        if end == i + 1
            && !closed_by_others
            && between(text, &slots[i], &slots[end]).starts_with(',')
        {
            end = i;
        }
        let mut merged = slots[i].clone();
        // `U.S. and British strikes`: an abbreviation used as an adjective
        // heads a list of demonyms, and the list is adjectival.
        if end > i && only == Some(Form::Adjectival) {
            merged.form = Form::Adjectival;
        }
        for next in &slots[i + 1..=end] {
            merged.span.end = next.span.end;
            merged.parts.extend(next.parts.iter().cloned());
        }
        if let Some(tail) = unnamed_end.filter(|_| end == j) {
            merged.span.end = tail;
        }
        out.push(merged);
        i = end + 1;
    }
    out
}

/// Extensions never should make slots overlap or leave the sentence; if one
/// does, the later slot gives way rather than the skeleton breaking.
fn without_overlaps(slots: Vec<Slot>, span: &Range<usize>) -> Vec<Slot> {
    let mut out: Vec<Slot> = Vec::with_capacity(slots.len());
    for slot in slots {
        let inside = slot.span.start >= span.start && slot.span.end <= span.end;
        let after_last = out.last().is_none_or(|l| slot.span.start >= l.span.end);
        if inside && after_last {
            out.push(slot);
        }
    }
    out
}

fn render(text: &str, span: Range<usize>, slots: &[Slot]) -> String {
    let mut out = String::with_capacity(span.len());
    let mut at = span.start;
    for (k, slot) in slots.iter().enumerate() {
        push_collapsed(&mut out, &text[at..slot.span.start]);
        out.push('<');
        out.push(slot.form.letter());
        out.push_str(&k.to_string());
        out.push('>');
        at = slot.span.end;
        // `Solomon Islands' principal partner`: a plural name's bare
        // apostrophe is its possessive, written `'s` for the patterns.
        let bare_possessive = text[..at].ends_with('s')
            && text[at..span.end].starts_with('\'')
            && !text[at + 1..span.end].starts_with(|c: char| c.is_alphanumeric());
        if bare_possessive {
            out.push_str("'s");
            at += 1;
        }
    }
    push_collapsed(&mut out, &text[at..span.end]);
    out.trim().to_string()
}

/// Appends `s` with every run of whitespace as one space, and no `<`/`>` of
/// its own (they delimit slots).
fn push_collapsed(out: &mut String, s: &str) {
    for c in s.chars() {
        let c = match c {
            // Quotation marks never change who does what to whom.
            '"' => continue,
            '<' | '>' => '|',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
}

/// `The Committee recommends that ...`, `We call on ...`: a sentence that
/// opens by recommending or requesting states no claim anywhere in it.
static RECOMMENDATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d+(?:\.\d+)*\.? )?(?:(?:The|We|It|[A-Z][a-z]+) (?:[A-Za-z]+ )?)?(?:therefore |also |further |strongly )?(?:recommends?|recommended|proposes?|suggests?|urges?|requests?|invites?|encourages?) that(?-u:\b)").unwrap()
});

static SLOT_TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[NAH](\d+)>").unwrap());

fn slots_in(captured: &str) -> Vec<usize> {
    SLOT_TOKEN
        .captures_iter(captured)
        .filter_map(|c| c[1].parse().ok())
        .collect()
}

/// A call to stop right before the cue: the relation it names holds now.
static PRESUPPOSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:urg\w*|call\w* (?:on|upon)|demand\w*|press\w*|ask\w*|told|tells?|warn\w*)(?: [^,;:]{0,40})? to (?:immediately |also )?(?:stop|cease|end|halt|discontinue) (?:its |their |all |(?:the )?<N\d+>'s )?$").unwrap()
});

/// A modal or a plan whose verb continues a present state (`will continue
/// to`, `intends to remain`): the state is presupposed, so no irrealis.
static CONTINUATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:will|shall|'ll|would|intends? to|plans? to|expects? to|aims? to)(?: also| further| therefore)? (?:continue|keep|remain|go on)(?-u:\b)").unwrap()
});

static NOT_NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)not (?:only|just|merely|least)(?-u:\b)|(?-u:\b)never(?:theless)(?-u:\b)|(?-u:\b)no (?:doubt|less|fewer|more than|sooner|matter)(?-u:\b)")
        .unwrap()
});
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:not|n't|never|no longer|neither|nor|refused to|refuses to|refusing to|declined to|declines to|failed to|fails to|has yet to|have yet to|stopped short of|denied|denies|rejected|rejects)(?-u:\b)|n't(?-u:\b)").unwrap()
});
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:may (?:well )?have|might have|could have|must have|(?:may|might|could) (?:well )?(?:also )?be|appears? to|appeared to|seems? to|seemed to|reportedly|allegedly|alleged|likely|probably|apparently|presumably|purportedly|suspected(?: of)?|(?:is|are|was|were) (?:widely )?(?:believed|thought|said|understood|reported) to|reports? (?:that|of|suggest)|according to reports)(?-u:\b)").unwrap()
});
static IRREALIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:should|shall|must|ought to|would|will|could|might|(?-i:may)|can|cannot|hopes? to|hoped to|hoping to|seeks? to|sought to|seeking to|aims? to|aimed to|aiming to|plans? to|planned to|planning to|intends? to|intended to|wants? to|wanted to|wishes? to|wished to|expects? to|expected to|(?:is|are|was|were) to|possibility|possible|possibly|potential|potentially|prospects?|if|unless|whether|without|in order to|so as to|calls? (?:on|for)|called (?:on|for)|urged?s?|urging|would-be|proposed|future|aspir\w*|ambitions? to|bid to|push(?:es|ed)? for|consider(?:s|ed|ing)?|could|risks?|threat of|threats of|hypothetical|look(?:s|ed|ing)? forward to|encourag(?:e|es|ed|ing) (?:the |an? )?(?:early|swift|speedy|prompt|timely|further|continued|conclusion|resumption|full)|encourag(?:e|es|ed|ing) (?:[a-z]+ ){1,3}to|(?:ready|willing|prepared|eager|keen) to|offer(?:s|ed|ing)? to|to (?:bring about|achieve|broker|facilitate|promote|pave the way for|lay the groundwork for))(?-u:\b)|'ll(?-u:\b)").unwrap()
});
/// Words that make the membership named right after them a goal, backed or
/// opposed (`opposed Sweden's NATO membership`).
static MEMBERSHIP_SOUGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:support|supports|supported|backing|backs|backed|oppos(?:e|es|ed|ing)|opposition|block(?:s|ed|ing)?|veto(?:es|ed|ing)?|objected|objects|resist(?:s|ed|ing)?|call|calls|called|push|pushes|pushed|bid|bids|application|applications|applied|candidacy|aspirations?|path|road|invitation|invited|request|requests|requested|progress|steps|talks|negotiations)(?: (?:for|to|towards|toward|on))? (?:the |its |their |a |an |eventual |full |future |swift |early |rapid |formal )*(?:<N\d+>'s (?:<N\d+> )?(?:eventual |full |future |swift |early |rapid |formal )*)?$").unwrap()
});
/// A threat is pressure in itself, but what is threatened has not happened
/// (`threatened to halt trade talks`, `Trump's threat to halt trade talks`).
static THREAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:threaten(?:s|ed|ing)?|warn(?:s|ed|ing)? of|(?:threats?|ultimatums?) to (?:halt|cut|suspend|stop|end|impose|withdraw|close|expel|block|cancel|freeze|break|sever|leave|quit|pull|raise|hit|attack|invade|strike))(?-u:\b)").unwrap()
});

/// Verbs that undo what follows them: `suspended its support for` denies the
/// support, and `has not suspended its support` affirms it again.
static REVERSAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{UNDOING_VERBS}|cut(?:s|ting)? off|abandon(?:s|ed|ing)?|withdr[ae]w(?:s|n|ing)?|suspension|termination|withdrawal|cancellation|end of|halt to|freeze of|freezing of|rather than|instead of)(?-u:\b)"
    ))
    .unwrap()
});

/// `the collapse of cross-border cooperation between A and B`: a noun of
/// ending right before a match that opens at its cue denies the relation.
static UNDONE_BEFORE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:collapse|breakdown|break-up|breakup|rupture|suspension|termination|freezing|severing) of (?:(?:the|their|its|all|bilateral|[a-z]+-[a-z]+) )*$").unwrap()
});

/// Verbs that undo what they govern, shared by both reversal checks.
const UNDOING_VERBS: &str = r"suspend(?:s|ed|ing)?|paus(?:e|es|ed|ing)|halt(?:s|ed|ing)?|stop(?:s|ped|ping)?|end(?:s|ed|ing)?|froze|freez(?:e|es|ing)|terminat(?:e|es|ed|ing)|cancel(?:s|led|ed|ling|ing)?|scrap(?:s|ped|ping)?|revok(?:e|es|ed|ing)|ban(?:s|ned|ning)?|prohibit(?:s|ed|ing)?";

/// A verb that undoes what the noun phrase after it names, with the
/// determiners and modifiers between them (`lifted a decades-old`).
static GOVERNING_REVERSAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{UNDOING_VERBS}|cut(?:s|ting)?(?: off)?|lift(?:s|ed|ing)?|restrict(?:s|ed|ing)?|curtail(?:s|ed|ing)?|block(?:s|ed|ing)?|veto(?:es|ed|ing)?|withh(?:e|o)ld(?:s|ing)?) (?:(?:a|an|the|its|their|all|most|some|remaining|further|existing|long-standing|longstanding|[a-z]+-old|[a-z]+-year|[a-z]+-long) )*$"
    ))
    .unwrap()
});

static PREPOSITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r" (?:on|of|to|for|in|against|from|with|by) ").unwrap());

/// Nouns that a state's name modifies (`US government assistance`).
static ATTRIBUTIVE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ (?:government|state|federal|military|defen[cs]e|security|arms|economic|financial|development|humanitarian|budget|aid|assistance|support|funding|loans?|weapons|sanctions|tariffs|embargo|trade|exports|imports|deliveries|supplies|shipments|investment)\b").unwrap()
});

static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[;:(),]|--|(?-u:\b)(?:but|while|whereas|although|though|because|since|after|before|when|that|which|who)(?-u:\b)",
    )
    .unwrap()
});
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:the )?<N(\d+)>[^<;]{0,60}?(?-u:\b)(?:said|says|stated|states|claimed|claims|alleged|alleges|announced|reported|reports|insisted|argued|argues|warned|noted|confirmed|told [^<;\s]+|accused [^<;\s]+ of)(?: that)?,? $").unwrap()
});
static ACCORDING_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)according to (?:the )?<N(\d+)>").unwrap());

/// The words of the clause before a pattern's cue, where hedges and irrealis
/// that govern it are written (`the possibility of`, `without`, `reportedly`).
fn scope(skeleton: &str, match_start: usize, cue_start: usize) -> &str {
    let before = &skeleton[..match_start];
    let left = CLAUSE_BREAK
        .find_iter(before)
        .last()
        .map(|m| m.end())
        .unwrap_or(0);
    // Look at most eight words before the match, so a cue far back in a long
    // clause does not reach it.
    let window_start = before[left..]
        .char_indices()
        .rev()
        .filter(|&(_, c)| c == ' ')
        .nth(8)
        .map(|(i, _)| left + i)
        .unwrap_or(left);
    &skeleton[window_start..cue_start.max(window_start)]
}

/// `None` when the words say the relation is only possible, wished or
/// conditional; otherwise its polarity and modality.
///
/// `scope` is the clause before the cue; `own` is the part of it inside the
/// match (the subject and its auxiliaries). Negation counts only there: in
/// `Beijing never condemned Russia's invasion of Ukraine` the `never` belongs
/// to `condemned`, not to the invasion.
pub fn judge(scope: &str, own: &str) -> Option<(Polarity, Modality)> {
    // `urged Iran to stop supplying drones to Russia`: what one is asked to
    // stop is going on, whatever mood the asking is in.
    if PRESUPPOSED.is_match(scope) {
        return Some((Polarity::Affirmed, Modality::Asserted));
    }
    let hedged = HEDGE.is_match(scope);
    let without_hedges = HEDGE.replace_all(scope, " ");
    let without_idioms = NOT_NEGATION.replace_all(&without_hedges, " ");
    // `will continue to work with`: what is to continue holds already.
    let without_idioms = CONTINUATION.replace_all(&without_idioms, " ");
    if IRREALIS.is_match(&without_idioms) {
        return None;
    }
    let own = NOT_NEGATION.replace_all(own, " ");
    // `held no bilateral talks`: `no` after a verb negates the cue it stands
    // before; elsewhere it is not a negation (`Putin's "no constraint" invasion`).
    // `There are no direct negotiations between`: an existential `no`
    // denies the cue it stands before, wherever the match began.
    let no_cue = NO_BEFORE_CUE.is_match(&own) || EXISTENTIAL_NO.is_match(scope);
    // `rather than members` denies; `has not suspended its support` affirms.
    let undone = REVERSAL.is_match(&own) || UNDONE_BEFORE_CUE.is_match(scope);
    let polarity = if (NEGATION.is_match(&own) || no_cue) != undone {
        Polarity::Negated
    } else {
        Polarity::Affirmed
    };
    let modality = if hedged {
        Modality::Hedged
    } else {
        Modality::Asserted
    };
    Some((polarity, modality))
}

/// A line the bullets under it continue.
#[derive(Debug, Clone)]
pub enum Lead {
    /// A line that names the subject of the bullets under it: `The United
    /// States has:`, `Since 2022, Japan has:`, `Support from Japan:`, or a
    /// heading that is only a name (`Japan`). Its bullets open with a verb.
    Subject {
        subject: Slot,
        /// The words between the subject and the colon (` has`, ` will`),
        /// kept so that the bullet is judged with them (`will` makes it a
        /// plan).
        words: String,
    },
    /// A clause that ends in a colon and names its actors (`Turkey has
    /// exported the TB2 to more than 30 countries, among them:`): bullets
    /// that open with a name (`- Azerbaijan and Pakistan`) complete it.
    Clause { skeleton: Skeleton },
}

static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // `5.2 The European Union has:`, `Since 2021, Japan has:`.
        r"^(?:\d+(?:\.\d+)*\.? )?(?:[^<>:]{0,40}, |(?i:(?:[a-z]+ )?(?:actions?|steps|measures|support|commitments?|contributions?|achievements|assistance|deliverables|highlights|outcomes|activities) (?:by|from) ))?",
        r"(?:[Tt]he )?<N0>(?P<words>(?: [a-z']+){0,4}):$",
        // A heading that opens with the actor: `Japan`, `Russia's Africa
        // Corps`, `European Union development funding`.
        r"|^(?:\d+(?:\.\d+)*\.? )?(?:[Tt]he )?<N0>(?:'s [A-Z][^<>:.;,]{0,40}| [a-z][a-z -]{0,40})?:?$",
    ))
    .unwrap()
});

impl Lead {
    /// The lead that `text[span]` is, if it is one: a single nominal slot
    /// in subject position, and a colon after it unless it is a bare name;
    /// or a clause with an actor in it that ends in a colon.
    pub fn parse(
        text: &str,
        span: Range<usize>,
        mentions: &[Mention],
        agents: &[String],
    ) -> Option<Lead> {
        let skeleton = skeleton(text, span, mentions, agents);
        if let Some(lead) = Lead::subject(&skeleton) {
            return Some(lead);
        }
        let names_an_actor = skeleton.slots.iter().any(|s| s.form == Form::Nominal);
        (names_an_actor && skeleton.text.trim_end().ends_with(':'))
            .then_some(Lead::Clause { skeleton })
    }

    fn subject(skeleton: &Skeleton) -> Option<Lead> {
        let [subject] = skeleton.slots.as_slice() else {
            return None;
        };
        if subject.form != Form::Nominal {
            return None;
        }
        let words = LEAD
            .captures(&skeleton.text)?
            .name("words")
            .map_or("", |w| w.as_str());
        Some(Lead::Subject {
            subject: subject.clone(),
            words: words.to_string(),
        })
    }
}

static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-*\u{2022}\u{2023}\u{2043}\u{25E6}\u{25AA}\u{25CF}\u{00B7}]|--|\(?\d{1,2}[.)]|\(?[a-z][.)]) +").unwrap()
});

/// Whether `sentence` starts with a list marker (`- `, `• `, `3. `, `(b) `).
pub fn is_list_item(sentence: &str) -> bool {
    LIST_MARKER.is_match(sentence)
}

/// A bullet that opens with a verb has no subject of its own:
/// `- Delivered 12 aircraft`, `• Provides training`, `- Has joined`.
static VERB_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:[a-z]+(?:ed|ing)|[a-z]+[^s']s|has|have|had|is|are|was|were|will|would|can|could|should|must|continues|sent|gave|made|led|held|met|took|built|sold|brought|bought|won|began|struck|hit|cut|put|set|kept|lent|spent|became|broke|sought|stood|withdrew|undertook|drew|paid|left|agreed|did|does|remains|signed)(?-u:\b)").unwrap()
});

/// Words that start a bullet with a subject or an adverbial of its own,
/// though they look like verbs to `VERB_FIRST`.
const NOT_VERBS: &[&str] = &[
    "this",
    "its",
    "his",
    "hers",
    "ours",
    "theirs",
    "was",
    "thus",
    "during",
    "according",
    "following",
    "including",
    "regarding",
    "concerning",
    "notwithstanding",
    "beginning",
    "starting",
];

/// The words of a bullet after its marker, when they open with a verb.
fn fragment_after_marker(skeleton: &str) -> Option<&str> {
    let marker = LIST_MARKER.find(skeleton)?;
    let fragment = &skeleton[marker.end()..];
    let first = fragment.split(' ').next()?.to_ascii_lowercase();
    let verb = VERB_FIRST.is_match(fragment) && !NOT_VERBS.contains(&first.as_str());
    verb.then_some(fragment)
}

/// A bullet that opens with a role noun phrase: `- Largest trading partner
/// of <N0>`, `- Founding member of <N1>`, `- Host of the port`.
static ROLE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:the|a|an) )?(?i:(?:largest|biggest|main|top|leading|principal|chief|key|major|founding|full|[a-z]+-largest|strategic|trading|trade|security|defen[cs]e|energy|arms|military|economic|important|close|closest|oldest|permanent|non-permanent|associate|dialogue|comprehensive|special|sole|only|single|fellow|original|first) ){0,3}(?i:members?|partners?|founders?|host|buyer|purchaser|customer|supplier|exporter|importer|creditor|lender|donor|ally|signatory|observer|rival|chair|beneficiary|recipient|investor|source) (?i:of|to|for|in|with)(?-u:\b)").unwrap()
});

/// The words of a bullet after its marker, as the predicate of a copula,
/// when they open with a role noun phrase.
fn predicate_after_marker(skeleton: &str) -> Option<String> {
    let marker = LIST_MARKER.find(skeleton)?;
    let fragment = &skeleton[marker.end()..];
    if !ROLE_FIRST.is_match(fragment) {
        return None;
    }
    let mut chars = fragment.chars();
    let initial = chars.next()?.to_lowercase();
    let predicate = format!("{initial}{}", chars.as_str());
    // The article a heading's bullet drops: `the` before a superlative or
    // a ranking word, `a` otherwise (`is a founding member of <N0>`).
    let first_word = predicate.split(' ').next().unwrap_or("");
    let article = if matches!(first_word, "the" | "a" | "an") {
        ""
    } else if first_word.ends_with("est")
        || matches!(
            first_word,
            "main" | "top" | "leading" | "principal" | "chief" | "sole" | "only"
        )
    {
        "the "
    } else {
        "a "
    };
    Some(format!("is {article}{predicate}"))
}

/// The words of a bullet after its marker, when they open with a name
/// (`- Azerbaijan and Pakistan`, `- Qatar, the first customer`).
fn items_after_marker(skeleton: &str) -> Option<&str> {
    let marker = LIST_MARKER.find(skeleton)?;
    let items = &skeleton[marker.end()..];
    let name = items.strip_prefix("the ").unwrap_or(items);
    name.starts_with("<N").then_some(items)
}

/// The patterns compiled for matching.
pub struct Extractor {
    patterns: PatternSet,
    /// (pattern, template) of every template.
    templates: Vec<(usize, usize)>,
    /// Index into `templates` of each member of `cues`.
    cue_members: Vec<usize>,
    /// The cues of all templates in one automaton: one pass over a reading
    /// says which templates can match, and only those run in full.
    cues: RegexSet,
    /// Templates without a cue, run on every reading.
    uncued: Vec<usize>,
}

impl Extractor {
    pub fn new(patterns: PatternSet) -> Extractor {
        let mut templates = Vec::new();
        let mut cued = Vec::new();
        let mut uncued = Vec::new();
        for (p, pattern) in patterns.patterns.iter().enumerate() {
            for (t, template) in pattern.templates.iter().enumerate() {
                match &template.cue {
                    Some(cue) => cued.push((templates.len(), cue.clone())),
                    None => uncued.push(templates.len()),
                }
                templates.push((p, t));
            }
        }
        let cues = RegexSetBuilder::new(cued.iter().map(|(_, cue)| format!("(?-u){cue}")))
            .size_limit(CUE_SET_SIZE_LIMIT)
            .dfa_size_limit(CUE_SET_SIZE_LIMIT)
            .build()
            .unwrap_or_else(|_| RegexSet::empty());
        // A cue that failed to join the set is checked like an uncued template.
        let (set_members, uncued) = if cues.len() == cued.len() {
            (cued.iter().map(|(i, _)| *i).collect(), uncued)
        } else {
            (Vec::new(), (0..templates.len()).collect())
        };
        Extractor {
            patterns,
            templates,
            cue_members: set_members,
            cues,
            uncued,
        }
    }

    pub fn patterns(&self) -> &PatternSet {
        &self.patterns
    }

    /// Claims stated by one sentence, given its mentions.
    pub fn extract(
        &self,
        lexicon: &Lexicon,
        text: &str,
        span: Range<usize>,
        sentence: usize,
        mentions: &[Mention],
    ) -> Vec<Claim> {
        let distinct: HashSet<&ActorId> =
            mentions.iter().filter_map(|m| m.actor.as_ref()).collect();
        if distinct.len() < 2 {
            return Vec::new();
        }
        let skeleton = skeleton(text, span, mentions, &lexicon.agents);
        self.claims_of_skeleton(lexicon, &skeleton, sentence)
    }

    /// Claims of a bullet under a lead line, or `None` when the bullet does
    /// not continue its lead and is read on its own.
    ///
    /// Under a subject lead (`The United States has:`), a bullet that is a
    /// fragment (`- Delivered 12 aircraft to Nigeria.`) reads as one
    /// sentence with the lead: `<N> has delivered 12 aircraft to <N>`.
    /// Under a clause lead, a bullet that opens with a name reads as the
    /// clause's last words (`... among them: <N>`), and on its own as well.
    pub fn extract_under(
        &self,
        lexicon: &Lexicon,
        lead: &Lead,
        text: &str,
        span: Range<usize>,
        sentence: usize,
        mentions: &[Mention],
    ) -> Option<Vec<Claim>> {
        let bullet = skeleton(text, span.clone(), mentions, &lexicon.agents);
        let joined = match lead {
            Lead::Subject { subject, words } => {
                // Under a bare heading (`Brazil`), a role noun phrase is
                // predicated of it: `- Founding member of BRICS`.
                let predicate = words
                    .is_empty()
                    .then(|| predicate_after_marker(&bullet.text))
                    .flatten();
                let fragment = match predicate {
                    Some(predicate) => predicate,
                    None => fragment_after_marker(&bullet.text)?.to_string(),
                };
                let slot = bullet.slots.len();
                let mut joined = bullet.clone();
                joined.text = format!("<N{slot}>{words} {fragment}");
                joined.slots.push(subject.clone());
                joined.surfaces.push(text[subject.span.clone()].to_string());
                joined
            }
            Lead::Clause { skeleton: clause } => {
                let items = items_after_marker(&bullet.text)?;
                let mut joined = clause.clone();
                let offset = clause.slots.len();
                let items = SLOT_TOKEN.replace_all(items, |c: &regex::Captures| {
                    let index: usize = c[1].parse().unwrap_or(0);
                    format!("{}{}>", &c[0][..2], index + offset)
                });
                joined.text = format!("{} {items}", clause.text.trim_end());
                joined.slots.extend(bullet.slots.iter().cloned());
                joined.surfaces.extend(bullet.surfaces.iter().cloned());
                // A claim between the lead's own actors is the lead's, found
                // where the lead is read: the bullet must name one party.
                let in_bullet = |r: &Range<usize>| span.start <= r.start && r.end <= span.end;
                let mut claims = self.claims_of_actors(lexicon, &joined, sentence);
                claims.retain(|c| in_bullet(&c.subject_span) || in_bullet(&c.object_span));
                for claim in self.claims_of_actors(lexicon, &bullet, sentence) {
                    if !claims.iter().any(|c| c.same_unit(&claim)) {
                        claims.push(claim);
                    }
                }
                return Some(claims);
            }
        };
        Some(self.claims_of_actors(lexicon, &joined, sentence))
    }

    /// Claims of a skeleton that names two actors or more.
    fn claims_of_actors(
        &self,
        lexicon: &Lexicon,
        skeleton: &Skeleton,
        sentence: usize,
    ) -> Vec<Claim> {
        let actors: HashSet<&ActorId> = skeleton
            .slots
            .iter()
            .flat_map(|s| s.parts.iter().map(|(actor, _)| actor))
            .collect();
        if actors.len() < 2 {
            return Vec::new();
        }
        self.claims_of_skeleton(lexicon, skeleton, sentence)
    }

    /// Every reading of a skeleton through every candidate template.
    fn claims_of_skeleton(
        &self,
        lexicon: &Lexicon,
        skeleton: &Skeleton,
        sentence: usize,
    ) -> Vec<Claim> {
        if skeleton.text.ends_with('?') || RECOMMENDATION.is_match(&skeleton.text) {
            return Vec::new();
        }
        // One pass of all cues says which templates can match at all. The
        // skeleton, not the sentence, is searched, so words inside names
        // (`United` States, European `Union`) are no cues. Readings only cut
        // text or repeat slots: no reading has a cue the skeleton lacks.
        let mut claims = appositive_members(lexicon, skeleton, sentence);
        let candidates = self.candidates(&skeleton.text);
        if candidates.is_empty() {
            return claims;
        }
        // One claim per (subject, relation, object), whatever the readings
        // add: a reading that cuts away a negation or a reversal (`ended its
        // cooperation with` read as `its cooperation with`) must not add the
        // opposite of what the sentence says. Both polarities are kept when
        // the sentence as written states them with two cues that do not
        // overlap (`were founding members of the Lima Group ...; Argentina
        // withdrew from the Lima Group`), or when a later reading finds a cue
        // that no earlier match of the triple contains.
        type Triple = (ActorId, String, ActorId);
        let mut first: HashMap<Triple, (Polarity, Range<usize>, bool)> = claims
            .iter()
            .map(|c| {
                let triple = (c.subject.clone(), c.relation.clone(), c.object.clone());
                (triple, (c.polarity, 0..0, false))
            })
            .collect();
        // The matches that stated each triple, in any reading and with
        // either polarity.
        let mut matches_of: HashMap<Triple, Vec<String>> = HashMap::new();
        let org_slots: Vec<bool> = skeleton
            .slots
            .iter()
            .map(|slot| slot.parts.iter().all(|(a, _)| lexicon.is_organisation(a)))
            .collect();
        let text = without_enumerator(&skeleton.text);
        for (index, reading) in readings(text, &org_slots).iter().enumerate() {
            let as_written = index == 0;
            let found = self.claims_of_reading(lexicon, skeleton, reading, &candidates, sentence);
            for (claim, span, whole) in found {
                let triple = (
                    claim.subject.clone(),
                    claim.relation.clone(),
                    claim.object.clone(),
                );
                // A cue that no earlier match of this triple contains is
                // another predicate, whatever reading found it: `has not
                // endorsed Y's claim, but it has backed Y`. (`paused part of
                // its aid to Y` contains the cue of `its aid to Y`.)
                let cue = reading[span.clone()].to_ascii_lowercase();
                let earlier_matches = matches_of.entry(triple.clone()).or_default();
                let new_predicate = !earlier_matches.is_empty()
                    && !earlier_matches.iter().any(|m| contains_word(m, &cue));
                earlier_matches.push(reading[whole].to_ascii_lowercase());
                match first.get_mut(&triple) {
                    None => {
                        first.insert(triple, (claim.polarity, span, false));
                        claims.push(claim);
                    }
                    Some((polarity, earlier, both)) => {
                        let apart = span.start >= earlier.end || span.end <= earlier.start;
                        let stated_apart = (as_written && apart) || new_predicate;
                        if stated_apart && !*both && *polarity != claim.polarity {
                            *both = true;
                            claims.push(claim);
                        }
                    }
                }
            }
        }
        // Pairs first: states named as the members of a group are no
        // pairwise partners even when the group turns out to be a namesake.
        drop_pairs_within_groups(&mut claims);
        drop_homonym_groups(lexicon, &mut claims);
        let elliptical = elliptical_claims(skeleton, &claims);
        claims.extend(elliptical);
        claims
    }

    /// Whether any template matches the skeleton `text`, whatever the
    /// judgement of the match: only templates whose cue occurs are tried.
    pub fn any_template_matches(&self, text: &str) -> bool {
        self.candidates(text).into_iter().any(|index| {
            let (p, t) = self.templates[index];
            let regex = self.patterns.patterns[p].templates[t].regex.get();
            regex.is_some_and(|r| r.is_match(text.as_bytes()))
        })
    }

    /// Templates whose cue occurs in `text`, and those without a cue.
    fn candidates(&self, text: &str) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .cues
            .matches(text.as_bytes())
            .into_iter()
            .map(|i| self.cue_members[i])
            .collect();
        found.extend(&self.uncued);
        found.sort_unstable();
        found
    }

    /// Every candidate template over one reading of the skeleton.
    fn claims_of_reading(
        &self,
        lexicon: &Lexicon,
        skeleton: &Skeleton,
        reading: &str,
        candidates: &[usize],
        sentence: usize,
    ) -> Vec<(Claim, Range<usize>, Range<usize>)> {
        let mut claims = Vec::new();
        let has_group = skeleton.slots.iter().any(|s| s.parts.len() > 1);
        let has_demonym = skeleton.slots.iter().any(|s| s.form == Form::Adjectival);
        for &index in candidates {
            let (p, t) = self.templates[index];
            let pattern = &self.patterns.patterns[p];
            let template = &pattern.templates[t];
            // Cheap checks before the regex: a {PAIR} needs a slot with two
            // actors, an {X:adj} a demonym.
            if (template.has_pair() && !has_group) || (template.needs_demonym() && !has_demonym) {
                continue;
            }
            let Some(regex) = template.regex.get() else {
                continue;
            };
            // Most candidates do not match; finding that out without
            // capture slots costs about half as much.
            if !regex.is_match(reading.as_bytes()) {
                continue;
            }
            for caps in regex.captures_iter(reading.as_bytes()) {
                // Templates are byte regexes: a class such as `[^-]` can end a
                // match inside a multi-byte character, and the judging below
                // slices the reading at match and group bounds. Such a match
                // names no word, so it is skipped, whatever template made it.
                let on_char_bounds = caps.iter().flatten().all(|m| {
                    reading.is_char_boundary(m.start()) && reading.is_char_boundary(m.end())
                });
                if !on_char_bounds {
                    continue;
                }
                // Where the cue is, or the whole match for a template without one.
                let whole = caps.get(0).expect("group 0 always matches").range();
                let span = caps.name("cue").map_or(whole.clone(), |cue| cue.range());
                let found = Found {
                    pattern,
                    template,
                    caps,
                    reading,
                    skeleton,
                };
                claims.extend(
                    found
                        .claims(lexicon, sentence)
                        .into_iter()
                        .map(|c| (c, span.clone(), whole.clone())),
                );
            }
        }
        claims
    }
}

/// Whether `words` holds `phrase` between word boundaries.
fn contains_word(words: &str, phrase: &str) -> bool {
    words.match_indices(phrase).any(|(at, _)| {
        let before = words[..at].chars().next_back();
        let after = words[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// From the end of a subject to the end of its cue: a relative pronoun and a
/// third-person singular verb (`, which supplies`, `, who has long backed`).
static SINGULAR_RELATIVE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^,? (?:which|who) (?:(?:also|now|still|reportedly|allegedly|[a-z]+ly) )*",
        r"(?:(?:has|is|was|does)(?-u:\b)|[a-z]+[^s\s]s(?-u:\b))",
    ))
    .unwrap()
});

/// An actor and the words that name it.
type Part = (ActorId, Range<usize>);

/// Adds the parts whose actor `parties` does not name yet.
fn push_new_parties(parties: &mut Vec<Part>, new: Vec<Part>) {
    for part in new {
        if !parties.iter().any(|(a, _)| *a == part.0) {
            parties.push(part);
        }
    }
}

/// One match of one template on one reading of a sentence.
struct Found<'a> {
    pattern: &'a Pattern,
    template: &'a Template,
    caps: regex::bytes::Captures<'a>,
    reading: &'a str,
    skeleton: &'a Skeleton,
}

impl Found<'_> {
    fn claims(&self, lexicon: &Lexicon, sentence: usize) -> Vec<Claim> {
        let whole = self.caps.get(0).expect("group 0 always matches");
        if !self.pattern.unless.is_empty()
            && self.pattern.vetoes(self.surface(whole.range()).as_bytes())
        {
            return Vec::new();
        }
        let Some((polarity, modality)) = self.judgement() else {
            return Vec::new();
        };
        let attributed_to = attribution(self.skeleton, self.reading, whole.start());
        let relation = &self.pattern.relation;
        self.pairs(lexicon)
            .into_iter()
            .filter(|(x, y)| x.0 != y.0)
            .map(|(x, y)| {
                let (x, y) = if is_symmetric(relation) && y.0 < x.0 {
                    (y, x)
                } else {
                    (x, y)
                };
                Claim {
                    sentence,
                    subject: x.0,
                    relation: relation.clone(),
                    object: y.0,
                    polarity,
                    modality,
                    subject_span: x.1,
                    object_span: y.1,
                    pattern: self.pattern.id.clone(),
                    attributed_to: attributed_to.clone(),
                    pairwise: self.template.is_pairwise(),
                }
            })
            .collect()
    }

    /// The reading's `range` with each slot put back as written.
    fn surface(&self, range: Range<usize>) -> String {
        SLOT_TOKEN
            .replace_all(&self.reading[range], |c: &regex::Captures| {
                let index: usize = c[1].parse().unwrap_or(usize::MAX);
                self.skeleton
                    .surfaces
                    .get(index)
                    .cloned()
                    .unwrap_or_else(|| c[0].to_string())
            })
            .into_owned()
    }

    /// Polarity and modality from the clause before the cue, or `None` when
    /// it is no claim.
    fn judgement(&self) -> Option<(Polarity, Modality)> {
        let whole = self.caps.get(0).expect("group 0 always matches");
        let cue_start = self.caps.name("cue").map_or(whole.start(), |c| c.start());
        // A template may mark where the words judged for this claim begin,
        // `(?P<own>...)`, when its match opens with another clause.
        let own_start = self.caps.name("own").map_or(whole.start(), |o| o.start());
        let own = &self.reading[own_start..cue_start.max(own_start)];
        let (before, after) = (&self.reading[..whole.start()], &self.reading[whole.end()..]);
        if is_hypothetical_event(before, &self.reading[whole.range()], after) {
            return None;
        }
        // An apposition (`the Philippines, a founding member of ASEAN`)
        // predicates on its own: what governs the clause around it does not.
        // `X urged calm and X has not imposed tariffs`: a subject right after
        // `and` opens a clause of its own, whatever came before it.
        let new_clause = self
            .caps
            .name("X")
            .is_some_and(|x| x.start() == whole.start())
            && (before.ends_with(" and ") || before.ends_with(", and "));
        let apposition = APPOSITION_START.is_match(own);
        let scope = if apposition || own_start != whole.start() || new_clause {
            own
        } else {
            scope(self.reading, whole.start(), cue_start)
        };
        if self.pattern.relation != "pressures" && THREAT.is_match(scope) {
            return None;
        }
        // `our support for the full membership of Palestine`: a membership
        // backed, sought or applied for is not held yet.
        // A chair or presidency is held, whoever backs it (`support for South
        // Africa's G20 Presidency`).
        if self.pattern.relation == "member_of"
            && !self.cue_names_an_office()
            && MEMBERSHIP_SOUGHT.is_match(scope)
        {
            return None;
        }
        // `called on China, as a permanent member of the Security Council,
        // to ...`: an apposition holds of its head wherever the head stands.
        if self.subject_closes_an_aside(before)
            || self.object_before_a_participle(before)
            || (!apposition && self.subject_after_a_preposition(before))
        {
            return None;
        }
        let (polarity, modality) = judge(scope, own)?;
        // `concluded no agreement with`, `provided no support to`: a negative
        // determiner on the cue's object denies the relation.
        let after_cue = self
            .caps
            .name("cue")
            .map_or("", |c| &self.reading[c.end()..]);
        let polarity = if after_cue.starts_with(" no ") {
            flip(polarity)
        } else {
            polarity
        };
        // `Neither Montenegro nor Albania is a member`: the negation opens
        // the subject list, just before the match.
        // `It was not NATO aircraft that entered`: a cleft denies its focus.
        let opener = last_word(before);
        let negated_subject = matches!(opener.to_ascii_lowercase().as_str(), "neither" | "no")
            || CLEFT_NOT.is_match(before);
        // `Switzerland belongs to neither NATO nor the EU`: the same
        // negation opening the object list.
        let negated_object = self
            .caps
            .name("Y")
            .is_some_and(|y| NEITHER_BEFORE.is_match(&self.reading[..y.start()]));
        let flips = usize::from(negated_subject)
            + usize::from(negated_object)
            + usize::from(self.reversed_from_outside(before))
            + usize::from(self.pattern.negated);
        let polarity = if flips % 2 == 1 {
            flip(polarity)
        } else {
            polarity
        };
        Some((polarity, modality))
    }

    /// Whether the cue names an office a member holds in its organisation
    /// (`presidency`, `Chair`, `chairship year`).
    fn cue_names_an_office(&self) -> bool {
        let Some(cue) = self.caps.name("cue") else {
            return false;
        };
        let office = self.reading[cue.range()].to_ascii_lowercase();
        matches!(
            office.strip_suffix(" year").unwrap_or(&office),
            "presidency" | "chair" | "chairship" | "chairmanship"
        )
    }

    /// `lifted a decades-old US arms embargo on Cyprus`, `restricted US
    /// government assistance to Azerbaijan`: a match that opens with its
    /// subject as a modifier is a noun phrase, and the verb governing that
    /// phrase, before the match, can reverse it.
    fn reversed_from_outside(&self, before: &str) -> bool {
        let Some(x) = self.opening_subject() else {
            return false;
        };
        let after_x = &self.reading[x.end()..];
        let modifier = self.reading[x.range()].starts_with("<A")
            || after_x.starts_with("'s ")
            || ATTRIBUTIVE_HEAD.is_match(after_x);
        // The cue must head the phrase: in `lifted its embargo on arms sales
        // to Vietnam` the verb undoes the embargo, not the sales.
        let cue_start = self.caps.name("cue").map_or(x.end(), |c| c.start());
        let heads = !PREPOSITION.is_match(&self.reading[x.end()..cue_start.max(x.end())]);
        if !modifier || !heads {
            return false;
        }
        // `called on them to stop Israeli attacks`: what one is asked to
        // stop is going on.
        GOVERNING_REVERSAL
            .find(before)
            .is_some_and(|r| !before[..r.start()].ends_with("to "))
    }

    /// The subject slot (X, or a PAIR that acts together) when it opens
    /// the match: the checks below judge what stands before a subject, so a
    /// match that opens elsewhere has none to judge.
    fn opening_subject(&self) -> Option<regex::bytes::Match<'_>> {
        let x = self.caps.name("X").or_else(|| self.caps.name("PAIR"))?;
        let whole = self.caps.get(0).expect("group 0 always matches");
        (x.start() == whole.start()).then_some(x)
    }

    /// `Rwanda severed relations with Belgium, accusing Brussels of ...`: a
    /// participle after a comma says what the clause's subject did, not what
    /// the object before the comma did. The shared-subject reading gives the
    /// participle its real subject.
    fn object_before_a_participle(&self, before: &str) -> bool {
        let (Some(x), Some(cue)) = (self.opening_subject(), self.caps.name("cue")) else {
            return false;
        };
        let participle = self.reading[cue.range()].ends_with("ing");
        if !participle || &self.reading[x.end()..cue.start()] != ", " {
            return false;
        }
        let word = last_word(before);
        let governs = word.chars().all(|c| c.is_ascii_lowercase()) && !word.is_empty();
        governs && !CLAUSE_OPENERS.contains(&word)
    }

    /// `Takaichi's remarks on Taiwan interfere in China's affairs`,
    /// `Ankara has stayed inside NATO while buying missiles from Moscow`: a
    /// name governed by a preposition is no verb's subject. A possessive
    /// (`the scale of China's support`) is left alone: it names its owner.
    fn subject_after_a_preposition(&self, before: &str) -> bool {
        const PREPOSITIONS: &[&str] = &[
            "on",
            "about",
            "over",
            "regarding",
            "concerning",
            "towards",
            "toward",
            "inside",
            "within",
            "into",
            "against",
            "near",
            "across",
            "than",
            "amid",
        ];
        let Some(x) = self.opening_subject() else {
            return false;
        };
        let demonym = self.reading[x.range()].contains("<A");
        if demonym || self.reading[x.end()..].starts_with("'s") {
            return false;
        }
        PREPOSITIONS.contains(&last_word(before))
    }

    /// `Albania, which joined NATO together with Croatia, opened talks`:
    /// a subject slot that ends a relative clause or apposition (it is
    /// followed by the aside's closing comma) is not the main verb's subject.
    /// The reading without asides finds the real one.
    fn subject_closes_an_aside(&self, before: &str) -> bool {
        // Only a subject that opens the match can close an aside before it.
        let Some(x) = self.opening_subject() else {
            return false;
        };
        let whole = self.caps.get(0).expect("group 0 always matches");
        // The aside closes at a comma between the subject and the cue
        // (`Fico, who met Putin in May, accused`). `..., where Qatar, working
        // alongside Egypt, negotiated`: a comma that opens a participle or
        // another aside closes nothing.
        let cue_start = self.caps.name("cue").map_or(whole.end(), |c| c.start());
        let Some(comma) = self.reading[x.end()..cue_start.max(x.end())].find(',') else {
            return false;
        };
        let after = &self.reading[x.end() + comma..];
        let next_word = after
            .trim_start_matches([',', ' '])
            .split(' ')
            .next()
            .unwrap_or("");
        let opens_aside =
            next_word.ends_with("ing") || ASIDE_OPENER.is_match(&format!(" {next_word}"));
        let closes = !opens_aside;
        let segment = before.rsplit(',').next().unwrap_or(before);
        let opened = ASIDE_OPENER.is_match(segment) || PARTICIPLE_AGENT.is_match(segment);
        closes && opened
    }

    /// (subject, object) pairs: X × Y, or every pair of PAIR.
    fn pairs(&self, lexicon: &Lexicon) -> Vec<(Part, Part)> {
        if self.template.has_pair() {
            // `{X:state} brought {PAIR} together`: an X in a pair template
            // names no party, but its form still has to hold.
            if self.caps.name("X").is_some() && !self.allowed(lexicon, "X", &self.parts("X")) {
                return Vec::new();
            }
            return self
                .with_co_agents(lexicon, self.parts("PAIR"))
                .map_or_else(Vec::new, |parties| self.every_pair(parties));
        }
        if self.template.is_pairwise() {
            let xs = self.parts("X");
            if !self.allowed(lexicon, "X", &xs) {
                return Vec::new();
            }
            let mut parties = Vec::with_capacity(xs.len());
            push_new_parties(&mut parties, xs);
            return self
                .with_co_agents(lexicon, parties)
                .map_or_else(Vec::new, |parties| self.every_pair(parties));
        }
        // `according to UK assessments` names a source, not an object.
        if let Some(y) = self.caps.name("Y")
            && self.reading[..y.start()].ends_with("according to ")
        {
            return Vec::new();
        }
        // `Baku and Moscow have both criticised its presence`, read with
        // `its` as the list: one slot on both sides relates no two parties.
        if self.same_slot_on_both_sides() {
            return Vec::new();
        }
        let (xs, ys) = (self.agreeing_subjects(self.parts("X")), self.parts("Y"));
        if !self.allowed(lexicon, "X", &xs) || !self.allowed(lexicon, "Y", &ys) {
            return Vec::new();
        }
        let Some(xs) = self.with_co_agents(lexicon, xs) else {
            return Vec::new();
        };
        xs.iter()
            .flat_map(|x| ys.iter().map(move |y| (x.clone(), y.clone())))
            .collect()
    }

    /// `The UAE and Iran, which supplies drones to the SAF,`: a relative
    /// clause whose verb is singular agrees with the last conjunct of a
    /// list, not with the list, so that conjunct alone is its subject.
    fn agreeing_subjects(&self, mut xs: Vec<Part>) -> Vec<Part> {
        let (Some(x), Some(cue)) = (self.caps.name("X"), self.caps.name("cue")) else {
            return xs;
        };
        if xs.len() < 2 || x.end() > cue.start() {
            return xs;
        }
        let verb_phrase = &self.reading[x.end()..cue.end()];
        if !SINGULAR_RELATIVE_VERB.is_match(verb_phrase) {
            return xs;
        }
        xs.sort_by_key(|(_, span)| span.start);
        xs.split_off(xs.len() - 1)
    }

    fn same_slot_on_both_sides(&self) -> bool {
        let slots = |name: &str| {
            self.caps
                .name(name)
                .map(|m| slots_in(&self.reading[m.range()]))
                .unwrap_or_default()
        };
        let xs = slots("X");
        slots("Y").iter().any(|y| xs.contains(y))
    }

    /// `parties` with the template's co-agents added, if it has a `{CO}`
    /// slot; `None` when the co-agents are not of the slot's form.
    fn with_co_agents(&self, lexicon: &Lexicon, mut parties: Vec<Part>) -> Option<Vec<Part>> {
        if self.template.has_co_agents() {
            let cos = self.parts("CO");
            if !self.allowed(lexicon, "CO", &cos) {
                return None;
            }
            push_new_parties(&mut parties, cos);
        }
        Some(parties)
    }

    /// Every pair of `parties`: both ways for a relation that is not
    /// symmetric (`X and Y fought a war`).
    fn every_pair(&self, parties: Vec<Part>) -> Vec<(Part, Part)> {
        let both_ways = !is_symmetric(&self.pattern.relation);
        let mut pairs = Vec::new();
        for (i, a) in parties.iter().enumerate() {
            for b in &parties[i + 1..] {
                pairs.push((a.clone(), b.clone()));
                if both_ways {
                    pairs.push((b.clone(), a.clone()));
                }
            }
        }
        pairs
    }

    fn parts(&self, slot: &str) -> Vec<Part> {
        self.caps
            .name(slot)
            .map(|m| slots_in(std::str::from_utf8(m.as_bytes()).unwrap_or("")))
            .unwrap_or_default()
            .into_iter()
            .flat_map(|k| self.skeleton.slots[k].parts.clone())
            .collect()
    }

    /// `{X:org}` and `{X:state}` constrain what the actors are.
    fn allowed(&self, lexicon: &Lexicon, slot: &str, parts: &[Part]) -> bool {
        match self.template.forms.get(slot) {
            Some(SlotForm::Organisation) => parts.iter().all(|(a, _)| lexicon.is_organisation(a)),
            Some(SlotForm::State) => parts.iter().all(|(a, _)| !lexicon.is_organisation(a)),
            _ => true,
        }
    }
}

/// A sentence that names two or more states as members of a group whose
/// membership the lexicon knows, most of them outsiders, speaks of another
/// group with the same name: the Sudan `Quad` of the United States, Saudi
/// Arabia, the UAE and Egypt is not the Indo-Pacific one. Its membership
/// claims are dropped rather than given the wrong id. One outsider among
/// members (a new or former member) stays, and so do departures (`Mali,
/// Burkina Faso and Niger left ECOWAS`), which name former members. The
/// price: a batch of newcomers the lexicon has not heard of yet is lost
/// until `organisations.tsv` lists them.
fn drop_homonym_groups(lexicon: &Lexicon, claims: &mut Vec<Claim>) {
    let is_membership = |c: &Claim| c.relation == "member_of" && c.polarity == Polarity::Affirmed;
    let mut named: HashMap<&ActorId, (usize, usize)> = HashMap::new();
    for claim in claims.iter().filter(|c| is_membership(c)) {
        let Some(group) = lexicon.actors.get(&claim.object) else {
            continue;
        };
        if group.members.is_empty() {
            continue;
        }
        let entry = named.entry(&claim.object).or_default();
        entry.0 += 1;
        entry.1 += usize::from(!group.members.contains(&claim.subject));
    }
    let homonyms: HashSet<ActorId> = named
        .into_iter()
        .filter(|(_, (all, outsiders))| *all >= 2 && 2 * outsiders > *all)
        .map(|(group, _)| group.clone())
        .collect();
    claims.retain(|c| !(is_membership(c) && homonyms.contains(&c.object)));
}

/// A paragraph number or list label before a sentence (`1. We, the
/// Ministers ...`, `4.2 The Committee ...`, `(b) Japan ...`, `- Japan ...`) is
/// layout, not a word of it: without it, templates and readings that look
/// for a sentence's start see the sentence.
static ENUMERATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+|\(?[a-z][.)]|[-*\u{2022}\u{00B7}]|--) +")
        .unwrap()
});

fn without_enumerator(text: &str) -> &str {
    match ENUMERATOR.find(text) {
        Some(m) if text[m.end()..].starts_with(|c: char| c.is_uppercase() || c == '<') => {
            &text[m.end()..]
        }
        _ => text,
    }
}

/// The contract's group rule: when a sentence names states as members of a
/// group, the members get `member_of` and no pairwise `cooperates_with`
/// drawn from the same list; nor pairwise talks, when they meet as the
/// group (`the leaders of A, B and C met for the BRICS summit`), nor talks
/// or cooperation of a member with its own group drawn from one list (`the
/// ministers of the Weimar Triangle, France, Germany and Poland, met`). A
/// relation the sentence states between two separately named members
/// (`hosts a Russian base`) stays.
fn drop_pairs_within_groups(claims: &mut Vec<Claim>) {
    let memberships: HashSet<(ActorId, ActorId)> = claims
        .iter()
        .filter(|c| c.relation == "member_of" && c.polarity == Polarity::Affirmed)
        .map(|c| (c.subject.clone(), c.object.clone()))
        .collect();
    let is_member = |a: &ActorId| memberships.iter().any(|(m, _)| m == a);
    let belongs = |a: &ActorId, b: &ActorId| {
        memberships.contains(&(a.clone(), b.clone()))
            || memberships.contains(&(b.clone(), a.clone()))
    };
    claims.retain(|c| {
        let paired =
            matches!(c.relation.as_str(), "cooperates_with" | "negotiates_with") && c.pairwise;
        let co_members = is_member(&c.subject) && is_member(&c.object);
        !(paired && (co_members || belongs(&c.subject, &c.object)))
    });
}

/// `the Weimar Triangle, France, Germany and Poland, met`: a group, then its
/// known members in apposition, read as one list. The sentence presents the
/// states as the group's members, so each is `member_of` it (the group
/// rule); the list names no partners.
fn appositive_members(lexicon: &Lexicon, skeleton: &Skeleton, sentence: usize) -> Vec<Claim> {
    let mut claims = Vec::new();
    for (index, (slot, surface)) in skeleton.slots.iter().zip(&skeleton.surfaces).enumerate() {
        let Some((group, _)) = slot.parts.first() else {
            continue;
        };
        // `the Shanghai Cooperation Organisation (SCO), Kazakhstan, ...`:
        // the group may be named twice before its members.
        let named = slot.parts.iter().take_while(|(a, _)| a == group).count();
        let (group_span, items) = (&slot.parts[named - 1].1, &slot.parts[named..]);
        let Some(known) = lexicon.actors.get(group) else {
            continue;
        };
        if items.len() < 2 || !items.iter().all(|(a, _)| known.members.contains(a)) {
            continue;
        }
        // An apposition closes with a comma; `the EU, Germany and France
        // pledged aid` is a list of three actors.
        if !skeleton.text.contains(&format!("<N{index}>,")) {
            continue;
        }
        let gap_start = group_span.end.saturating_sub(slot.span.start);
        let gap_end = items[0].1.start.saturating_sub(slot.span.start);
        let Some(gap) = surface.get(gap_start..gap_end) else {
            continue;
        };
        // `... Organisation (SCO), Kazakhstan`: an acronym in brackets may
        // come between.
        let gap = match gap.strip_prefix(" (") {
            Some(rest) => rest.split_once(')').map_or(gap, |(_, after)| after),
            None => gap,
        };
        if !matches!(gap, ", " | ", the ") {
            continue;
        }
        claims.extend(membership_claims(group, group_span, items, sentence));
    }
    claims
}

fn membership_claims(
    group: &ActorId,
    group_span: &Range<usize>,
    members: &[(ActorId, Range<usize>)],
    sentence: usize,
) -> impl Iterator<Item = Claim> {
    members.iter().map(move |(member, span)| Claim {
        sentence,
        subject: member.clone(),
        relation: "member_of".to_string(),
        object: group.clone(),
        polarity: Polarity::Affirmed,
        modality: Modality::Asserted,
        subject_span: span.clone(),
        object_span: group_span.clone(),
        pattern: "member.apposition".to_string(),
        attributed_to: None,
        pairwise: false,
    })
}

/// Words after which a name opens a clause rather than ending a phrase; and
/// `by`, whose agent acts through what it made (`a resolution, tabled by
/// Georgia, urging Russia to withdraw`).
const CLAUSE_OPENERS: &[&str] = &[
    "by", "and", "but", "or", "yet", "so", "then", "while", "whilst", "whereas", "that", "which",
    "who", "when", "as", "because", "after", "before", "since", "though", "although", "where",
    "once", "until", "if", "unless",
];

fn flip(polarity: Polarity) -> Polarity {
    match polarity {
        Polarity::Affirmed => Polarity::Negated,
        Polarity::Negated => Polarity::Affirmed,
    }
}

/// The word right before a match (`Neither`, `inside`, `any`).
fn last_word(before: &str) -> &str {
    before.trim_end().rsplit(' ').next().unwrap_or("")
}

/// The opening of a negated cleft, right before its focus.
static CLEFT_NOT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)it (?:was|is|has been|were) (?:not|never) (?:the )?$").unwrap()
});

static NEITHER_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[^a-z])neither (?:the )?$").unwrap());

static APPOSITION_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:the )?<N\d+>, (?:a|an|the|one of the|itself a|long a|as a|as an|as the|as one of the) ").unwrap()
});

static EXISTENTIAL_NO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)there (?:is|are|was|were|has been|have been|had been) (?:still |currently |now |yet )?no (?:[a-z-]+ ){0,2}$").unwrap()
});

static NO_BEFORE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:has|have|had|held|holds|hold|is|are|was|were|with|reached|signed|made|conducted|offered|gave|received|sent|imposed|maintains?|maintained) no (?:[a-z-]+ )?$").unwrap()
});

static ASIDE_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ (?:which|who|whose|whom|where|a|an|the|itself|once|long|founded|launched|created)(?-u:\b)").unwrap()
});

/// `The coalition, led by France and Britain, met`: the agent of a
/// participle aside is not the subject of the verb after it.
static PARTICIPLE_AGENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ (?:[a-z]+ly )?(?:[a-z]+ed|led|held|run|driven|brought|built|made|taken|won|sent|co-led) by (?:the )?$").unwrap()
});

static MODAL_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,? (?:could|would|might|may|will|should|must|can)(?-u:\b)").unwrap()
});

/// `Any technical agreement between Ethiopia and Somalia should ...`:
/// `any` with modifiers between it and the cue.
static ANY_KIND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[^a-z])any (?:[a-z-]+ ){1,2}$").unwrap());

/// `a Chinese attack on Taiwan could ...`: an indefinite event that a modal
/// predicates is hypothetical, unlike `the Russian invasion of Ukraine will`.
fn is_hypothetical_event(before: &str, matched: &str, after: &str) -> bool {
    let article = |s: &str| s == "a" || s == "an" || s == "A" || s == "An";
    // `monitor any transfer of Russian technology to the DPRK`: `any` makes
    // the event a kind, not one that happened.
    let any = |s: &str| s.eq_ignore_ascii_case("any");
    let last_before = last_word(before);
    let first_matched = matched.split(' ').next().unwrap_or("");
    any(last_before)
        || any(first_matched)
        || ANY_KIND.is_match(before)
        || ((article(last_before) || article(first_matched)) && MODAL_NEXT.is_match(after))
}

/// `Ukrainian officials said <claim>` or `according to <N>`: who reports it.
fn attribution(skeleton: &Skeleton, reading: &str, match_start: usize) -> Option<ActorId> {
    let before = &reading[..match_start];
    let slot = ATTRIBUTION
        .captures(before)
        .or_else(|| ACCORDING_TO.captures(reading))
        .and_then(|c| c[1].parse::<usize>().ok())?;
    skeleton.slots.get(slot).map(|s| s.parts[0].0.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (scope words, expected judgement)
    const JUDGEMENTS: &[(&str, Option<(Polarity, Modality)>)] = &[
        ("<N0> has ", Some((Polarity::Affirmed, Modality::Asserted))),
        (
            "<N0> will continue to ",
            Some((Polarity::Affirmed, Modality::Asserted)),
        ),
        (
            "The Leaders called on <N0> to cease its ",
            Some((Polarity::Affirmed, Modality::Asserted)),
        ),
        ("<N0> may stop ", None),
        ("<N0> will ", None),
        (
            "<N0> did not ",
            Some((Polarity::Negated, Modality::Asserted)),
        ),
        (
            "<N0> refused to ",
            Some((Polarity::Negated, Modality::Asserted)),
        ),
        (
            "<N0> is no longer ",
            Some((Polarity::Negated, Modality::Asserted)),
        ),
        (
            "<N0> reportedly ",
            Some((Polarity::Affirmed, Modality::Hedged)),
        ),
        (
            "<N0> may have ",
            Some((Polarity::Affirmed, Modality::Hedged)),
        ),
        ("<N0> should ", None),
        ("<N0> hopes to ", None),
        ("the possibility of future ", None),
        ("the efforts of <N0> to bring about ", None),
        ("<N1> was ready to host a ", None),
        ("without stronger ", None),
        (
            "<N0> not only ",
            Some((Polarity::Affirmed, Modality::Asserted)),
        ),
        (
            "<N0> has not suspended its ",
            Some((Polarity::Affirmed, Modality::Asserted)),
        ),
        (
            "<N0> suspended its ",
            Some((Polarity::Negated, Modality::Asserted)),
        ),
        (
            "<N0>, which are partners rather than ",
            Some((Polarity::Negated, Modality::Asserted)),
        ),
        (
            "on 24 May 1993 <N0> ",
            Some((Polarity::Affirmed, Modality::Asserted)),
        ),
        ("<N0> may ", None),
        (
            "There are no direct ",
            Some((Polarity::Negated, Modality::Asserted)),
        ),
        (
            "once again <N0> ",
            Some((Polarity::Affirmed, Modality::Asserted)),
        ),
    ];

    #[test]
    fn judges_negation_hedges_and_irrealis() {
        for (scope, expected) in JUDGEMENTS {
            assert_eq!(judge(scope, scope), *expected, "{scope}");
        }
        // A negation outside the match belongs to another verb.
        assert_eq!(
            judge("<N0> never condemned <N1>'s ", "<N1>'s "),
            Some((Polarity::Affirmed, Modality::Asserted))
        );
    }
}
#[cfg(test)]
mod lead_tests {
    use super::*;

    #[test]
    fn bullets_that_open_with_a_verb_are_fragments() {
        let fragments = [
            (
                "- Delivered boats to <N0>.",
                Some("Delivered boats to <N0>."),
            ),
            (
                "\u{2022} Provides training to <N0>.",
                Some("Provides training to <N0>."),
            ),
            ("(b) Has joined the <N0>.", Some("Has joined the <N0>.")),
            (
                "3. Signed a pact with <N0>.",
                Some("Signed a pact with <N0>."),
            ),
            ("- <N0> and <N1> held talks.", None),
            ("- The <N0> signed a pact.", None),
            ("- This year <N0> joined.", None),
            ("- Its navy visited <N0>.", None),
            ("Signed a pact with <N0>.", None),
        ];
        for (skeleton, wanted) in fragments {
            assert_eq!(fragment_after_marker(skeleton), wanted, "{skeleton}");
        }
    }

    #[test]
    fn bullets_that_open_with_a_role_are_predicates_with_their_article() {
        let predicates = [
            (
                "- Founding member of <N0>.",
                Some("is a founding member of <N0>."),
            ),
            (
                "- Largest trading partner of <N0>.",
                Some("is the largest trading partner of <N0>."),
            ),
            ("- A key ally of <N0>.", Some("is a key ally of <N0>.")),
            ("- Supplied arms to partner <N0>.", None),
            ("- Member states met in <N0>.", None),
            ("Founding member of <N0>.", None),
        ];
        for (skeleton, wanted) in predicates {
            assert_eq!(
                predicate_after_marker(skeleton).as_deref(),
                wanted,
                "{skeleton}"
            );
        }
    }

    #[test]
    fn bullets_that_open_with_a_name_are_items() {
        let items = [
            ("- <N0> and <N1>", Some("<N0> and <N1>")),
            ("- the <N0>, from 2019", Some("the <N0>, from 2019")),
            ("- Delivered boats to <N0>.", None),
            ("- Ordered drones in 2021: <N0>", None),
            ("<N0> and <N1>", None),
        ];
        for (skeleton, wanted) in items {
            assert_eq!(items_after_marker(skeleton), wanted, "{skeleton}");
        }
    }

    #[test]
    fn a_lead_names_its_subject_before_a_colon_or_alone() {
        for (lead, words) in [
            ("The <N0> has:", Some(" has")),
            ("Since 2021, the <N0> has:", Some(" has")),
            ("Support from <N0>:", Some("")),
            ("<N0>", Some("")),
            ("Assistance to <N0>:", None),
            ("5.2 The <N0> has:", Some(" has")),
            ("<N0>'s Africa Corps", Some("")),
            ("<N0> development and migration funding", Some("")),
            ("<N0> has trained officers.", None),
            (
                "The <N0> has taken these steps:",
                Some(" has taken these steps"),
            ),
        ] {
            let found = LEAD
                .captures(lead)
                .map(|c| c.name("words").map_or("", |w| w.as_str()));
            assert_eq!(found, words, "{lead}");
        }
    }
}
