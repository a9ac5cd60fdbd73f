//! Synthetic geopolitical-analysis prose for the throughput bench.
//!
//! Sentences are recombined from templates written for this bench, with the
//! actors drawn from the shipped lexicon, so every stage sees the kind of
//! text it was built for: mentions in most sentences, claims in many, hedges
//! and negations the relation stage has to judge, and paragraphs distinct
//! enough that dedup removes little besides the planted page furniture.

use claimex::lexicon::{Lexicon, Referent};
use claimex::model::{ActorId, MentionKind};
use std::collections::BTreeMap;

/// splitmix64. Written out here (no `rand`) so the corpus depends on nothing
/// but the seed: the same bytes on every machine and toolchain.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// An independent stream for item `index` of the stream seeded `seed`,
    /// so files can be generated in any order (or in parallel).
    pub fn fork(seed: u64, index: u64) -> Rng {
        let mut mixer = Rng(seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        Rng(mixer.next_u64())
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; the modulo bias is irrelevant for picking words.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64) < p * (1u64 << 53) as f64
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// [`Rng::pick`] for template tables, returned by value so the
    /// template and the `Rng` filling it can be borrowed together.
    pub fn template(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
}

/// One state and the names the lexicon knows it by.
struct State {
    name: String,
    demonym: Option<String>,
    capital: Option<String>,
}

/// The actors sentences are written about, taken from the lexicon so that
/// the tagger finds them.
pub struct Cast {
    /// Identifies the lexicon the cast came from: the corpus depends on it
    /// as much as on the seed.
    pub lexicon_id: String,
    states: Vec<State>,
    /// Organisations as a sentence names them (`NATO`, `the African Union`).
    organisations: Vec<String>,
    /// Short upper-case organisation names, for `joined NATO`.
    acronyms: Vec<String>,
    leaders: Vec<String>,
    regions: Vec<String>,
    agents: Vec<String>,
}

impl Cast {
    pub fn from_lexicon(lexicon: &Lexicon) -> Cast {
        let mut demonyms: BTreeMap<&ActorId, &str> = BTreeMap::new();
        let mut capitals: BTreeMap<&ActorId, &str> = BTreeMap::new();
        let mut cast = Cast {
            lexicon_id: lexicon
                .files
                .iter()
                .map(|f| &f.sha256[..f.sha256.len().min(8)])
                .collect::<Vec<_>>()
                .join("-"),
            states: Vec::new(),
            organisations: Vec::new(),
            acronyms: Vec::new(),
            leaders: Vec::new(),
            regions: Vec::new(),
            agents: lexicon.agents.clone(),
        };
        for name in &lexicon.names {
            match (&name.referent, name.kind) {
                // The first demonym listed is the adjective (`Afghan`, not `Afghans`).
                (Referent::Actor(id), MentionKind::Demonym) => {
                    demonyms.entry(id).or_insert(&name.text);
                }
                (Referent::Actor(id), MentionKind::Metonym) => {
                    capitals.entry(id).or_insert(&name.text);
                }
                (Referent::Actor(_), MentionKind::Organisation) => {
                    cast.add_organisation(&name.text)
                }
                (Referent::Person(i), _) if lexicon.people[*i].actor_on(None).is_some() => {
                    cast.leaders.push(name.text.clone());
                }
                (Referent::Region, _) => cast.regions.push(name.text.clone()),
                _ => {}
            }
        }
        for actor in lexicon.actors.values() {
            if actor.kind == MentionKind::State && actor.id.as_str() != "SUN" {
                cast.states.push(State {
                    name: actor.name.clone(),
                    demonym: demonyms.get(&actor.id).map(|s| s.to_string()),
                    capital: capitals.get(&actor.id).map(|s| s.to_string()),
                });
            }
        }
        if cast.agents.is_empty() {
            cast.agents.push("officials".into());
        }
        cast
    }

    fn add_organisation(&mut self, text: &str) {
        let acronym = text.len() <= 6 && text.bytes().all(|b| b.is_ascii_uppercase());
        if acronym {
            self.acronyms.push(text.to_string());
            self.organisations.push(text.to_string());
        } else if text.contains(' ') {
            self.organisations.push(format!("the {text}"));
        }
    }

    /// Names of states appear far more often than anything else in the genre.
    fn nominal(&self, rng: &mut Rng) -> String {
        let state = rng.pick(&self.states);
        match rng.below(20) {
            0..=10 => state.name.clone(),
            11..=14 => state.capital.clone().unwrap_or_else(|| state.name.clone()),
            15..=17 => rng.pick(&self.leaders).clone(),
            _ => rng.pick(&self.organisations).clone(),
        }
    }

    fn demonym(&self, rng: &mut Rng) -> String {
        loop {
            if let Some(d) = &rng.pick(&self.states).demonym {
                return d.clone();
            }
        }
    }

    fn city(&self, rng: &mut Rng) -> String {
        loop {
            if let Some(c) = &rng.pick(&self.states).capital {
                return c.clone();
            }
        }
    }
}

/// A relation as a verb: base form, past, participle, and what follows it.
struct Verb {
    base: &'static str,
    past: &'static str,
    participle: &'static str,
    tail: &'static str,
}

const fn verb(
    base: &'static str,
    past: &'static str,
    participle: &'static str,
    tail: &'static str,
) -> Verb {
    Verb {
        base,
        past,
        participle,
        tail,
    }
}

const VERBS: &[Verb] = &[
    verb("attack", "attacked", "attacked", "{B}"),
    verb("invade", "invaded", "invaded", "{B}"),
    verb("launch", "launched", "launched", "{STRIKES} against {B}"),
    verb("supply", "supplied", "supplied", "{MAT} to {B}"),
    verb("send", "sent", "sent", "{MAT} to {B}"),
    verb("supply", "supplied", "supplied", "drones to {B}"),
    verb("deliver", "delivered", "delivered", "{MAT} to {B}"),
    verb("impose", "imposed", "imposed", "sanctions on {B}"),
    verb(
        "impose",
        "imposed",
        "imposed",
        "a new round of sanctions on {B}",
    ),
    verb("raise", "raised", "raised", "tariffs on {BD} goods"),
    verb("sign", "signed", "signed", "a trade deal with {B}"),
    verb(
        "sign",
        "signed",
        "signed",
        "a defence cooperation agreement with {B}",
    ),
    verb("hold", "held", "held", "talks with {B} in {CITY}"),
    verb("hold", "held", "held", "talks with {B} on {TOPIC}"),
    verb("condemn", "condemned", "condemned", "{B} over {ISSUE}"),
    verb("criticise", "criticised", "criticised", "{B} for {ISSUE}"),
    verb("back", "backed", "backed", "{B}"),
    verb("pressure", "pressured", "pressured", "{B} over {ISSUE}"),
    verb("coerce", "coerced", "coerced", "{B} at sea"),
    verb(
        "cooperate",
        "cooperated",
        "cooperated",
        "closely with {B} on {TOPIC}",
    ),
    verb("buy", "bought", "bought", "{BD} oil"),
    verb("deter", "deterred", "deterred", "{B}"),
    verb("join", "joined", "joined", "{ACR}"),
];

const MATERIEL: &[&str] = &[
    "drones",
    "artillery shells",
    "air defence systems",
    "long-range missiles",
    "armoured vehicles",
    "fighter jets",
    "ammunition",
    "military aid",
    "spare parts",
    "dual-use goods",
    "attack helicopters",
    "howitzers",
];
const STRIKES: &[&str] = &[
    "airstrikes",
    "missile strikes",
    "drone attacks",
    "a wave of strikes",
    "cyberattacks",
];
const ISSUES: &[&str] = &[
    "the border dispute",
    "human rights abuses",
    "the detention of journalists",
    "its nuclear programme",
    "repeated missile tests",
    "election interference",
    "the blockade of the grain corridor",
    "cyber espionage",
    "a series of maritime incidents",
    "the treatment of refugees",
    "its territorial claims",
    "the expulsion of diplomats",
];
const TOPICS: &[&str] = &[
    "maritime security",
    "energy supplies",
    "semiconductor export controls",
    "arms control",
    "food security",
    "critical minerals",
    "climate finance",
    "counter-terrorism",
    "debt relief",
    "the nuclear file",
    "migration",
    "port access",
];
const SOURCES: &[&str] = &[
    "the Centre for Strategic Studies",
    "the Institute for Security Policy",
    "a Geneva-based think tank",
    "the International Crisis Observatory",
    "a leading risk consultancy",
    "the Council on Regional Affairs",
];
const MONTHS: &[&str] = &claimex::pipeline::MONTHS;
const OPENERS: &[&str] = &[
    "In {MONTH} {YEAR}, ",
    "Meanwhile, ",
    "Last year, ",
    "For its part, ",
    "At the same time, ",
    "By {YEAR}, ",
    "According to {SOURCE}, ",
    "Earlier this month, ",
];
const CLOSERS: &[&str] = &[
    " in {MONTH} {YEAR}",
    ", officials said",
    " despite {ISSUE}",
    " after months of wrangling over {TOPIC}",
    ", according to diplomats in {CITY}",
    " for the first time since {YEAR}",
];
/// Constructions other than subject-verb-object: nominals, compounds, lists.
const NOMINAL: &[&str] = &[
    "{AD} sanctions on {B} tightened in {YEAR}.",
    "Talks between {A} and {B} resumed in {CITY}.",
    "The {S1}-{S2} partnership deepened over the summer.",
    "{A}'s support for {B} has grown steadily since {YEAR}.",
    "The {AD} invasion of {B} began in {MONTH} {YEAR}.",
    "{S1} joined {ACR} in {YEAR}.",
    "{S1} has never joined {ACR}.",
    "Trade between {A} and {B} doubled over the decade.",
    "{AD} {AGENT} condemned {B} over {ISSUE}.",
    "{A} and {B} held talks on {TOPIC}.",
    "Rivalry between {A} and {B} shapes the politics of {REGION}.",
    "{AD} drones delivered to {B} were used against {AD2} cities.",
];
/// Background sentences: mentions, but no claim.
const FILLER: &[&str] = &[
    "The decision came after months of debate about {TOPIC} in {REGION}.",
    "Analysts at {SOURCE} expect {TOPIC} to dominate the agenda until {YEAR}.",
    "{AD} {AGENT} declined to comment.",
    "Markets in {CITY} reacted calmly to the news.",
    "The question of {TOPIC} has divided opinion in {REGION} for years.",
    "Few observers expected such a shift before {YEAR}.",
    "Officials in {CITY} described the meeting as constructive but inconclusive.",
    "It remains unclear how long the arrangement will last.",
    "Some {NUM} percent of respondents in a {YEAR} survey favoured a cautious approach.",
    "{REGION} has become a testing ground for new thinking on {TOPIC}.",
    "The figures, published by {SOURCE}, are disputed.",
    "Much depends on what happens in {CITY} over the coming months.",
];
const HEADLINES: &[&str] = &[
    "{AD} policy on {TOPIC} under strain as {A} weighs its options",
    "Why {A} is betting on {TOPIC}",
    "{A} and {B}: an uneasy partnership",
    "What {ISSUE} means for {REGION}",
    "The limits of {AD} power in {REGION}",
    "Inside the fight over {TOPIC}",
];
const CAPTIONS: &[&str] = &[
    "Photo: {AD} troops during an exercise near {CITY}. / Reuters",
    "Image: delegations arrive for talks in {CITY} (AFP)",
    "File photo: a port in {REGION}. Credit: Getty Images",
];

/// Appends `template` to `out` with every `{SLOT}` filled.
fn fill(template: &str, rng: &mut Rng, cast: &Cast, out: &mut String) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("templates close their slots");
        slot(&rest[open + 1..close], rng, cast, out);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
}

fn slot(name: &str, rng: &mut Rng, cast: &Cast, out: &mut String) {
    let text = match name {
        "A" | "B" => cast.nominal(rng),
        "AD" | "AD2" | "BD" => cast.demonym(rng),
        "S1" | "S2" => rng.pick(&cast.states).name.clone(),
        "ACR" => rng.pick(&cast.acronyms).clone(),
        "CITY" => cast.city(rng),
        "REGION" => rng.pick(&cast.regions).clone(),
        "AGENT" => rng.pick(&cast.agents).clone(),
        "MAT" => rng.pick(MATERIEL).to_string(),
        "STRIKES" => rng.pick(STRIKES).to_string(),
        "ISSUE" => rng.pick(ISSUES).to_string(),
        "TOPIC" => rng.pick(TOPICS).to_string(),
        "SOURCE" => rng.pick(SOURCES).to_string(),
        "MONTH" => rng.pick(MONTHS).to_string(),
        "YEAR" => rng.range(1995, 2025).to_string(),
        "NUM" => rng.range(12, 88).to_string(),
        other => panic!("unknown template slot {{{other}}}"),
    };
    out.push_str(&text);
}

/// A subject-verb-object sentence in one of the modalities analysts use:
/// plain, hedged, negated, perfect, irrealis or reported.
fn relation_sentence(rng: &mut Rng, cast: &Cast, out: &mut String) {
    let v = rng.pick(VERBS);
    let frame = match rng.below(16) {
        0..=5 => format!("{{A}} {} ", v.past),
        6 => format!("{{A}} reportedly {} ", v.past),
        7 => format!("{{A}} may have {} ", v.participle),
        8 => format!("{{A}} did not {} ", v.base),
        9 => format!("{{A}} has never {} ", v.participle),
        10 => format!("{{A}} refused to {} ", v.base),
        11 | 12 => format!("{{A}} has {} ", v.participle),
        13 => format!("{{A}} is expected to {} ", v.base),
        14 => format!("{{A}} has not {} ", v.participle),
        _ => format!("{{AD}} {{AGENT}} said {{A}} had {} ", v.participle),
    };
    if rng.chance(0.3) {
        fill(rng.template(OPENERS), rng, cast, out);
    }
    fill(&frame, rng, cast, out);
    fill(v.tail, rng, cast, out);
    if rng.chance(0.35) {
        fill(rng.template(CLOSERS), rng, cast, out);
    }
    out.push('.');
}

fn sentence(rng: &mut Rng, cast: &Cast, out: &mut String) {
    let start = out.len();
    match rng.below(20) {
        0..=10 => relation_sentence(rng, cast, out),
        11..=13 => fill(rng.template(NOMINAL), rng, cast, out),
        _ => fill(rng.template(FILLER), rng, cast, out),
    }
    capitalise_at(out, start);
}

/// Upper-cases the first letter of what was appended at `start` (sentences
/// may open with `the African Union`).
fn capitalise_at(out: &mut String, start: usize) {
    if let Some(first) = out[start..].chars().next()
        && first.is_lowercase()
    {
        let upper: String = first.to_uppercase().collect();
        out.replace_range(start..start + first.len_utf8(), &upper);
    }
}

/// A body paragraph of 3 to 7 sentences, without a line break.
pub fn paragraph(rng: &mut Rng, cast: &Cast) -> String {
    let mut out = String::new();
    for i in 0..rng.range(3, 7) {
        if i > 0 {
            out.push(' ');
        }
        sentence(rng, cast, &mut out);
    }
    out
}

pub fn headline(rng: &mut Rng, cast: &Cast) -> String {
    let mut out = String::new();
    fill(rng.template(HEADLINES), rng, cast, &mut out);
    capitalise_at(&mut out, 0);
    out
}

pub fn caption(rng: &mut Rng, cast: &Cast) -> String {
    let mut out = String::new();
    fill(rng.template(CAPTIONS), rng, cast, &mut out);
    out
}

/// A dateline in one of the forms the pipeline reads a document date from.
pub fn dateline(rng: &mut Rng) -> String {
    let (year, month, day) = (rng.range(2000, 2025), rng.range(1, 12), rng.range(1, 28));
    if rng.chance(0.5) {
        format!("Published {year}-{month:02}-{day:02}")
    } else {
        format!("{} {day}, {year}", MONTHS[month - 1])
    }
}
