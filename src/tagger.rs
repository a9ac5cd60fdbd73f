//! Finding actor, person, region and demonym mentions with one Aho-Corasick
//! automaton built from the lexicon.
//!
//! Each lexicon name is searched as written, with its first letter upper-cased
//! and in all capitals, never lower-cased: `US` does not match `us`, `Quad`
//! matches `QUAD`. Matches are leftmost-longest and must sit between word
//! boundaries, where hyphens, dashes and apostrophes count as boundaries, so
//! `China-Russia`, `U.S.-Japan` and `China's` all give their parts.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use crate::lexicon::{Lexicon, Referent};
use crate::model::{ActorId, Mention, MentionKind};

mod groupings;

/// The lexicon compiled for searching. Build once, share across threads.
pub struct Tagger {
    automaton: AhoCorasick,
    /// For each automaton pattern, the index of its lexicon name.
    pattern_names: Vec<usize>,
    lexicon: Lexicon,
}

impl Tagger {
    pub fn new(lexicon: Lexicon) -> Tagger {
        let (patterns, pattern_names) = search_forms(&lexicon);
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("lexicon names are short literals well under automaton limits");
        Tagger {
            automaton,
            pattern_names,
            lexicon,
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Every search form with the actor and kind it stands for, for
    /// `claimex lexicon list`.
    pub fn search_forms(&self) -> Vec<(String, Option<ActorId>, MentionKind)> {
        let (patterns, names) = search_forms(&self.lexicon);
        patterns
            .into_iter()
            .zip(names)
            .map(|(form, i)| {
                let name = &self.lexicon.names[i];
                (form, self.resolve(&name.referent, None), name.kind)
            })
            .collect()
    }

    fn resolve(&self, referent: &Referent, date: Option<&str>) -> Option<ActorId> {
        match referent {
            Referent::Actor(id) => Some(id.clone()),
            Referent::Person(i) => self.lexicon.people[*i].actor_on(date),
            Referent::Region => None,
        }
    }

    /// Names a document gives its actors. An acronym defined in brackets for
    /// a known actor (`the United Arab Emirates (UAE)`) names it; an unknown
    /// name with an organisation head (`the Joint Expeditionary Force (JEF)`)
    /// becomes an organisation whose id is the acronym. Groupings named
    /// without an acronym are found by the shape of their names (see
    /// `groupings`).
    pub fn definitions(&self, text: &str) -> Definitions {
        let mut defs = Definitions::default();
        for c in DEFINITION.captures_iter(text) {
            let (whole, acronym) = (c.get(1).expect("group 1"), &c[2]);
            let Some(name) = defined_name(whole.as_str(), acronym) else {
                continue;
            };
            let name_start = whole.end() - name.len();
            let known = self.tag(text, name_start..whole.end(), 0, None);
            let acronym_known = !self.tag(acronym, 0..acronym.len(), 0, None).is_empty();
            if acronym_known || defs.forms.iter().any(|(f, _, _)| f == acronym) {
                continue;
            }
            let single = known.len() == 1 && known[0].span == (name_start..whole.end());
            let (actor, kind) = match known.first() {
                Some(m) if single && m.actor.is_some() => {
                    (m.actor.clone().expect("checked"), m.kind)
                }
                // `the Royal Solomon Islands Police Force (RSIPF)`: a state's
                // own forces or agency, which act for it as the name does.
                // Named for the state (`Sudanese Armed Forces`), it is a noun
                // phrase of its own, whatever the kind of the name inside.
                Some(m) if self.names_an_agent_of(name, whole.end(), &known) => {
                    (m.actor.clone().expect("checked"), MentionKind::Metonym)
                }
                _ if names_a_body(name) => {
                    (ActorId(acronym.to_uppercase()), MentionKind::Organisation)
                }
                _ => continue,
            };
            if !single {
                defs.forms.push((name.to_string(), actor.clone(), kind));
            }
            defs.forms.push((acronym.to_string(), actor, kind));
        }
        for (name, id) in groupings::named_groupings(self, text, &defs.forms) {
            defs.forms.push((name, id, MentionKind::Organisation));
        }
        defs
    }

    /// True when `name`, ending at byte `name_end` of the text, is one
    /// state's name followed by an agent noun (`Uganda People's Defence
    /// Force`, `China Coast Guard`) or an agent noun of that state (`Armed
    /// Forces of the Philippines`).
    fn names_an_agent_of(&self, name: &str, name_end: usize, known: &[Mention]) -> bool {
        let [state] = known else {
            return false;
        };
        let is_state = state
            .actor
            .as_ref()
            .is_some_and(|a| !self.lexicon.is_organisation(a));
        let ends_with_agent = self.lexicon.agents.iter().any(|agent| {
            name.len() > agent.len()
                && name.is_char_boundary(name.len() - agent.len())
                && name[name.len() - agent.len()..].eq_ignore_ascii_case(agent)
                && name[..name.len() - agent.len()].ends_with(' ')
        });
        let agent_of_state = state.span.end == name_end
            && self.lexicon.agents.iter().any(|agent| {
                name.len() > agent.len()
                    && name.is_char_boundary(agent.len())
                    && name[..agent.len()].eq_ignore_ascii_case(agent)
                    && name[agent.len()..].starts_with(" of ")
            });
        is_state && (ends_with_agent || agent_of_state)
    }

    /// Mentions of one sentence read on its own, with the acronyms it
    /// defines in brackets, as `lexicon check`, `lexicon explain` and the
    /// regression tests read their example sentences.
    pub fn tag_sentence(&self, text: &str) -> Vec<Mention> {
        let defined = self.definitions(text);
        self.tag_with(&defined, text, 0..text.len(), 0, None)
    }

    /// Mentions of `text[span]` including the names a document defined,
    /// which win over lexicon mentions they overlap (`Organisation of African
    /// Unity` over `African`).
    pub fn tag_with(
        &self,
        defs: &Definitions,
        text: &str,
        span: Range<usize>,
        sentence: usize,
        date: Option<&str>,
    ) -> Vec<Mention> {
        let mut mentions = self.tag(text, span.clone(), sentence, date);
        if defs.forms.is_empty() {
            return mentions;
        }
        let slice = &text[span.clone()];
        for (form, actor, kind) in &defs.forms {
            for (i, _) in slice.match_indices(form.as_str()) {
                let (start, end) = (span.start + i, span.start + i + form.len());
                // `Hassan Sheikh`, learned as `Sheikh`: a form inside a
                // longer name the lexicon found leaves that name alone.
                let inside_longer = mentions.iter().any(|m| {
                    m.span.start <= start && end <= m.span.end && m.span.len() > form.len()
                });
                if !at_word_boundaries(text, start, end) || inside_longer {
                    continue;
                }
                mentions.retain(|m| m.span.end <= start || m.span.start >= end);
                mentions.push(Mention {
                    sentence,
                    span: start..end,
                    actor: Some(actor.clone()),
                    kind: *kind,
                });
            }
        }
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        mentions
    }

    /// Mentions in `text[span]`, with offsets into `text`.
    pub fn tag(
        &self,
        text: &str,
        span: Range<usize>,
        sentence: usize,
        date: Option<&str>,
    ) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let mut at = span.start;
        while at < span.end {
            let input = Input::new(text).span(at..span.end);
            let Some(m) = self.automaton.find(input) else {
                break;
            };
            if at_word_boundaries(text, m.start(), m.end()) {
                let name = &self.lexicon.names[self.pattern_names[m.pattern().as_usize()]];
                let not_an_actor = match name.kind {
                    MentionKind::Organisation => {
                        names_a_states_own_organ(text, m.range(), mentions.last())
                    }
                    MentionKind::Metonym => names_an_instrument(&text[m.end()..]),
                    _ => false,
                };
                if not_an_actor {
                    at = m.end();
                    continue;
                }
                mentions.push(Mention {
                    sentence,
                    span: m.start()..m.end(),
                    actor: self.resolve(&name.referent, date),
                    kind: name.kind,
                });
                at = m.end();
            } else {
                at = next_char_boundary(text, m.start());
            }
        }
        mentions
    }
}

/// Words that name a state's institutions as readily as an international
/// one's: `Security Council` is the UN's, but also Russia's and, inside
/// `Supreme National Security Council`, Iran's.
const ORGAN_WORDS: &[&str] = &[
    "Security", "Council", "National", "Supreme", "Federal", "State", "General", "Assembly",
    "Defence", "Defense",
];

/// Nouns after which a possessive organ is the international one
/// (`Japan's Security Council seat`, `Russia's Security Council veto`).
const INTERNATIONAL_ORGAN_USES: &[&str] = &[
    "seat",
    "seats",
    "veto",
    "vetoes",
    "vote",
    "votes",
    "bid",
    "membership",
    "presidency",
    "resolution",
    "resolutions",
    "ambitions",
    "reform",
    "colleagues",
    "partners",
    "mandate",
    "role",
    "term",
    "candidacy",
    "campaign",
];

/// True when an organisation's name made only of institution words names
/// a state's own organ: it continues a longer name (`National Security
/// Council`) or belongs to a state (`Russia's Security Council`, `the
/// Russian Security Council`), unless what follows makes it the
/// international body (`Japan's Security Council seat`). Left untagged, it
/// reads as an agent of the state before it, or of none.
fn names_a_states_own_organ(text: &str, name: Range<usize>, previous: Option<&Mention>) -> bool {
    let generic = |words: &str| words.split(' ').all(|w| ORGAN_WORDS.contains(&w));
    if !generic(&text[name.clone()]) {
        return false;
    }
    let before = &text[..name.start];
    let longer_name = before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
        .is_some_and(|w| ORGAN_WORDS.contains(&w));
    let owned = previous.is_some_and(|p| {
        let between = &text[p.span.end.min(name.start)..name.start];
        p.kind != MentionKind::Organisation && matches!(between, "'s " | "' " | " ")
    });
    let next_word = text[name.end..]
        .strip_prefix(' ')
        .and_then(|rest| rest.split([' ', ',', '.', ';']).next())
        .unwrap_or("");
    longer_name || (owned && !INTERNATIONAL_ORGAN_USES.contains(&next_word))
}

/// Capitalised nouns that make a city before them the name of a document or
/// a meeting (`the Athens Declaration`, `the Minsk Agreements`, `the Astana
/// Format`), which is no actor, where the city alone would be its state.
static INSTRUMENT_AFTER_CITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ (?:Declarations?|Agreements?|Accords?|Treat(?:y|ies)|Protocols?|Process|Format|Charter|Conventions?|Consensus|Communiqu(?:e|é)|Statement|Memorandum|Document|Summit|Principles|Plan|Framework|Group|Dialogue|Initiative)\b").unwrap()
});

/// True when the words after a capital's name make it part of a document's
/// or meeting's name.
fn names_an_instrument(after: &str) -> bool {
    INSTRUMENT_AFTER_CITY.is_match(after)
}

/// Names a document defines for itself: acronyms in brackets (`the
/// Minerals Security Partnership (MSP)`, `the United Arab Emirates (UAE)`),
/// and the surnames of people it has named in full (`Irfaan Ali` ... `Ali`).
#[derive(Debug, Default, Clone)]
pub struct Definitions {
    /// (surface form, actor, kind), long names and acronyms alike.
    forms: Vec<(String, ActorId, MentionKind)>,
    /// Surnames that two people of different states share in this
    /// document (they name no one), and surnames the lexicon already knows
    /// (left to it).
    ambiguous: Vec<String>,
}

impl Definitions {
    /// Learns the surname of every person named in full in `mentions`, so
    /// that later sentences may name them by surname alone, as news writing
    /// does after a first full mention. A surname the lexicon already knows
    /// (as anything) is left to the lexicon.
    pub fn learn_surnames(&mut self, tagger: &Tagger, text: &str, mentions: &[Mention]) {
        for m in mentions {
            let (MentionKind::Person, Some(actor)) = (m.kind, &m.actor) else {
                continue;
            };
            let Some(surname) = surname_of(&text[m.span.clone()]) else {
                continue;
            };
            if self.ambiguous.iter().any(|a| a == surname) {
                continue;
            }
            match self.forms.iter().position(|(f, _, _)| f == surname) {
                Some(i) if &self.forms[i].1 != actor => {
                    self.forms.remove(i);
                    self.ambiguous.push(surname.to_string());
                }
                Some(_) => {}
                // Checked last: a search of the lexicon, once per surname.
                None if !tagger.tag(surname, 0..surname.len(), 0, None).is_empty() => {
                    self.ambiguous.push(surname.to_string());
                }
                None => self
                    .forms
                    .push((surname.to_string(), actor.clone(), MentionKind::Person)),
            }
        }
    }
}

/// The last word of a full name (`Irfaan Ali` → `Ali`), when the name has
/// two or more words and the last is a capitalised word of two letters or
/// more that is no generational suffix.
fn surname_of(name: &str) -> Option<&str> {
    let (_, last) = name.rsplit_once(' ')?;
    let capitalised = last.starts_with(|c: char| c.is_uppercase())
        && last
            .chars()
            .skip(1)
            .all(|c| c.is_lowercase() || c == '-' || c == '\'');
    let suffix = matches!(last, "Jr." | "Sr." | "II" | "III" | "IV");
    (capitalised && last.chars().count() >= 2 && !suffix).then_some(last)
}

static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[A-Z][\w'.-]*|of|for|and|on|the|de|in|to)(?: (?:[A-Z][\w'.-]*|of|for|and|on|the|de|in|to)){1,10}) \(([A-Z][A-Za-z]{1,9})\)").unwrap()
});

/// Head nouns that make a defined name an organisation of the contract.
/// Names of agreements and plans, which have organisation words inside them
/// (`Enhanced Partnership and Cooperation Agreement`) but are no actors.
static INSTRUMENT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Agreement|Treaty|Accord|Declaration|Convention|Memorandum|Protocol|Charter|Act|Plan|Corridor|Roadmap|Compact|Deal)$").unwrap()
});

static ORGANISATION_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Partnership|Organi[sz]ation|Union|Alliance|Community|Council|Forum|Group|Bank|Pact|Force|Authority|Agency|Commission|Court|Fund|Initiative|Dialogue|Association|Conference|Cooperation|Co-operation|Mechanism|Coalition|Bloc|League|Assembly|Secretariat|Quad|Framework|Consortium|Club|Committee|Troika|Programme|Program)\b").unwrap()
});

/// True when a defined name's head noun makes it a body of states: the head
/// ends the name (`Joint Expeditionary Force`) or takes a complement
/// (`Alliance of Sahel States`, `Organisation for Economic Co-operation`).
/// `Alliance Fleuve Congo`, a rebel coalition, has its head first with no
/// complement; agreements and plans are instruments, whatever words they
/// contain.
fn names_a_body(name: &str) -> bool {
    let Some(head) = ORGANISATION_HEAD.find_iter(name).last() else {
        return false;
    };
    let rest = &name[head.end()..];
    let complemented = rest.is_empty()
        || [" of ", " for ", " on ", " in "]
            .iter()
            .any(|p| rest.starts_with(p))
        // `... Economic Cooperation Strategy (ACMECS)`: a format's own name.
        || matches!(rest, " Strategy" | " Process" | " Format" | " Area" | " Zone");
    complemented && !INSTRUMENT_TAIL.is_match(name)
}

fn initials<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn is_subsequence(short: &str, long: &str) -> bool {
    let mut long = long.chars();
    short.chars().all(|c| long.any(|l| l == c))
}

/// True when `acronym` abbreviates the capitalised words (`EAEU` for
/// Eurasian Economic Union takes a second letter of one word), the parts of
/// hyphenated words counted as words or not (`ACMECS` for Ayeyawady-Chao
/// Phraya-Mekong Economic Cooperation Strategy).
fn abbreviates(acronym: &str, words: &[&str]) -> bool {
    let acronym = acronym.to_uppercase();
    let word_initials = initials(words.iter().copied());
    let part_initials = initials(words.iter().flat_map(|w| w.split('-')));
    [word_initials, part_initials].iter().any(|letters| {
        let first_matches = letters.chars().next() == acronym.chars().next();
        let close = letters.len().abs_diff(acronym.len()) <= 1;
        first_matches
            && close
            && (*letters == acronym
                || is_subsequence(letters, &acronym)
                || is_subsequence(&acronym, letters))
    })
}

/// The shortest tail of `name` whose capitalised words the acronym abbreviates.
fn defined_name<'a>(name: &'a str, acronym: &str) -> Option<&'a str> {
    let words: Vec<&str> = name.split(' ').collect();
    (0..words.len()).rev().find_map(|k| {
        let tail = &words[k..];
        let starts_capitalised =
            tail[0].starts_with(|c: char| c.is_uppercase()) && tail[0] != "The";
        (starts_capitalised && abbreviates(acronym, tail)).then(|| {
            let start = name.len() - tail.join(" ").len();
            &name[start..]
        })
    })
}

/// The strings the automaton searches, and the name each came from. Forms as
/// written win over derived capitalisations when two names collide.
fn search_forms(lexicon: &Lexicon) -> (Vec<String>, Vec<usize>) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut patterns = Vec::new();
    let mut names = Vec::new();
    let variants: [fn(&str) -> String; 3] = [str::to_string, capitalise_first, str::to_uppercase];
    for variant in variants {
        for (i, name) in lexicon.names.iter().enumerate() {
            let form = variant(&name.text);
            if form.is_empty() || seen.contains_key(&form) {
                continue;
            }
            seen.insert(form.clone(), i);
            patterns.push(form);
            names.push(i);
        }
    }
    (patterns, names)
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let last = text[..end].chars().next_back();
    // A name ending in a full stop (`U.S.`) may be followed by anything.
    let open_after = last == Some('.') || !after.is_some_and(is_word_char);
    // `NZ$18 million`, `US$500 million`: a currency, not the state.
    let currency = after == Some('$');
    // `a major non-NATO ally`, `non-EU states`: the name is denied.
    let denied = text[..start].ends_with("non-") || text[..start].ends_with("Non-");
    !before.is_some_and(is_word_char) && open_after && !currency && !denied
}

fn next_char_boundary(text: &str, from: usize) -> usize {
    let mut i = from + 1;
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon;
    use std::sync::LazyLock;

    static TAGGER: LazyLock<Tagger> = LazyLock::new(|| Tagger::new(lexicon::load(None).unwrap()));

    fn found(text: &str) -> Vec<(String, String, &'static str)> {
        TAGGER
            .tag(text, 0..text.len(), 0, None)
            .into_iter()
            .map(|m| {
                let actor = m.actor.map(|a| a.0).unwrap_or_else(|| "-".into());
                (text[m.span].to_string(), actor, m.kind.as_str())
            })
            .collect()
    }

    fn pairs(text: &str) -> Vec<(String, String)> {
        found(text).into_iter().map(|(t, a, _)| (t, a)).collect()
    }

    fn p(t: &str, a: &str) -> (String, String) {
        (t.to_string(), a.to_string())
    }

    /// (sentence, expected (text, actor) mentions)
    #[test]
    fn tags_table() {
        let cases: Vec<(&str, Vec<(String, String)>)> = vec![
            (
                "the China-Russia partnership",
                vec![p("China", "CHN"), p("Russia", "RUS")],
            ),
            (
                "the U.S.-Japan-Korea trilateral",
                vec![p("U.S.", "USA"), p("Japan", "JPN"), p("Korea", "KOR")],
            ),
            (
                "U.S.-China rivalry",
                vec![p("U.S.", "USA"), p("China", "CHN")],
            ),
            (
                "China's rise and Beijing's leaders",
                vec![p("China", "CHN"), p("Beijing", "CHN")],
            ),
            ("let us go to the US", vec![p("US", "USA")]),
            (
                "QUAD and the Quad",
                vec![p("QUAD", "QUAD"), p("Quad", "QUAD")],
            ),
            (
                "Iranian drones, not Iran",
                vec![p("Iranian", "IRN"), p("Iran", "IRN")],
            ),
            ("North Korean troops", vec![p("North Korean", "PRK")]),
            (
                "the Kremlin and Washington",
                vec![p("Kremlin", "RUS"), p("Washington", "USA")],
            ),
            (
                "the Trump administration",
                vec![p("Trump administration", "USA")],
            ),
            ("Vladimir Putin's war", vec![p("Vladimir Putin", "RUS")]),
            ("Kissinger wrote", vec![p("Kissinger", "-")]),
            ("Russiagate and Chinatown", vec![]),
            ("a non-NATO ally, non-EU states", vec![]),
            (
                "Russia's Security Council and the Security Council",
                vec![p("Russia", "RUS"), p("Security Council", "UN")],
            ),
            (
                "the Russian Security Council, Iran's Supreme National Security Council",
                vec![p("Russian", "RUS"), p("Iran", "IRN")],
            ),
            (
                "Japan's Security Council seat",
                vec![p("Japan", "JPN"), p("Security Council", "UN")],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(pairs(text), expected, "{text}");
        }
    }

    /// Mentions of `text` read with the names it defines, as (text, actor).
    fn defined_and_tagged(text: &str) -> Vec<(String, String)> {
        let defs = TAGGER.definitions(text);
        TAGGER
            .tag_with(&defs, text, 0..text.len(), 0, None)
            .into_iter()
            .map(|m| {
                (
                    text[m.span].to_string(),
                    m.actor.map(|a| a.0).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn acronyms_defined_in_brackets_name_their_actor() {
        let text = "The Minerals Security Partnership (MSP) met. The United Arab Emirates (UAE) joined the MSP. Kenya joined the Organisation of African Unity (OAU).";
        let found = defined_and_tagged(text);
        assert!(
            found.contains(&p("Minerals Security Partnership", "MSP")),
            "{found:?}"
        );
        assert!(found.contains(&p("MSP", "MSP")), "{found:?}");
        assert!(
            found.contains(&p("Organisation of African Unity", "OAU")),
            "{found:?}"
        );
        assert!(!found.iter().any(|(t, _)| t == "African"), "{found:?}");
    }

    #[test]
    fn an_acronym_for_a_states_own_force_names_the_state() {
        let text = "Beijing trained the Royal Solomon Islands Police Force (RSIPF). Canberra funds the RSIPF.";
        let found = defined_and_tagged(text);
        assert!(found.contains(&p("RSIPF", "SLB")), "{found:?}");
        assert!(!found.iter().any(|(_, a)| a == "RSIPF"), "{found:?}");
        let found =
            defined_and_tagged("The Armed Forces of the Philippines (AFP) drilled. The AFP left.");
        assert!(found.contains(&p("AFP", "PHL")), "{found:?}");
        let text = "Egypt backs the Sudanese Armed Forces (SAF). Cairo is the SAF's closest ally.";
        let defs = TAGGER.definitions(text);
        let saf: Vec<MentionKind> = TAGGER
            .tag_with(&defs, text, 0..text.len(), 0, None)
            .into_iter()
            .filter(|m| &text[m.span.clone()] == "SAF")
            .map(|m| m.kind)
            .collect();
        assert_eq!(saf, [MentionKind::Metonym, MentionKind::Metonym]);
    }

    /// Named initiatives and programmes that states join are groupings to
    /// annotators (`the Lower Mekong Initiative`, `GCAP`); agreements and
    /// plans stay instruments.
    #[test]
    fn initiatives_and_programmes_defined_in_brackets_are_organisations() {
        let text = "The Lower Mekong Initiative (LMI) grew. The Global Combat Air Programme (GCAP) flew. The Paris Climate Agreement (PCA) held.";
        let defs = TAGGER.definitions(text);
        let ids: Vec<String> = defs.forms.iter().map(|(_, id, _)| id.0.clone()).collect();
        assert!(ids.contains(&"LMI".to_string()), "{ids:?}");
        assert!(ids.contains(&"GCAP".to_string()), "{ids:?}");
        assert!(!ids.contains(&"PCA".to_string()), "{ids:?}");
    }

    /// A rebel coalition named like an alliance, head first and with no
    /// complement, is no body of states; a head with `of` after it is.
    #[test]
    fn a_head_noun_first_needs_a_complement() {
        let text = "The Alliance Fleuve Congo (AFC) met. The Alliance of Coastal States (ACS) met. The Ayeyawady-Chao Phraya-Mekong Economic Cooperation Strategy (ACMECS) met.";
        let defs = TAGGER.definitions(text);
        let ids: Vec<String> = defs.forms.iter().map(|(_, id, _)| id.0.clone()).collect();
        assert!(!ids.contains(&"AFC".to_string()), "{ids:?}");
        assert!(ids.contains(&"ACS".to_string()), "{ids:?}");
        assert!(ids.contains(&"ACMECS".to_string()), "{ids:?}");
    }

    #[test]
    fn a_city_naming_a_document_or_meeting_is_no_actor() {
        let names: Vec<String> =
            found("Athens and Ankara signed the Athens Declaration; the Minsk Group met in Minsk.")
                .into_iter()
                .map(|(text, actor, _)| format!("{text}={actor}"))
                .collect();
        assert_eq!(names, ["Athens=GRC", "Ankara=TUR", "Minsk=BLR"]);
    }

    #[test]
    fn kinds_are_reported() {
        let kinds: Vec<&str> = found("Russian forces in Crimea, Moscow, NATO, Putin")
            .into_iter()
            .map(|(_, _, k)| k)
            .collect();
        assert_eq!(
            kinds,
            ["demonym", "region", "metonym", "organisation", "person"]
        );
    }

    /// Tags `sentences` in order as the pipeline does, learning surnames.
    fn tagged_in_order(sentences: &[&str]) -> Vec<Vec<(String, String)>> {
        let mut defs = Definitions::default();
        sentences
            .iter()
            .map(|text| {
                let found = TAGGER.tag_with(&defs, text, 0..text.len(), 0, None);
                defs.learn_surnames(&TAGGER, text, &found);
                found
                    .iter()
                    .map(|m| {
                        (
                            text[m.span.clone()].to_string(),
                            m.actor.clone().map_or(String::new(), |a| a.0),
                        )
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_surname_names_the_person_after_a_full_mention_only() {
        let found = tagged_in_order(&[
            "Sharif met Modi.",
            "Shehbaz Sharif spoke in Lahore.",
            "Sharif then left for Beijing.",
        ]);
        assert!(!found[0].iter().any(|(t, _)| t == "Sharif"), "{found:?}");
        assert!(found[2].contains(&p("Sharif", "PAK")), "{found:?}");
    }

    #[test]
    fn a_learned_surname_does_not_cut_a_longer_name() {
        let found = tagged_in_order(&[
            "Hassan Sheikh spoke in Mogadishu.",
            "Sisi received Hassan Sheikh in Cairo.",
        ]);
        assert!(found[1].contains(&p("Hassan Sheikh", "SOM")), "{found:?}");
    }

    #[test]
    fn a_surname_shared_across_states_names_no_one() {
        let found = tagged_in_order(&[
            "Penny Wong met Lawrence Wong in Singapore.",
            "Wong said the talks went well.",
        ]);
        assert!(found[1].is_empty(), "{found:?}");
    }
}
