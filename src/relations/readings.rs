//! The ways one sentence skeleton is read. Writers say the same thing in
//! many shapes; each transform here rewrites a skeleton into a plainer
//! shape that the patterns already know (an aside cut out, a shared subject
//! repeated, a label or an apposition turned into a clause), so one pattern
//! per construction covers them all.

use super::SLOT_TOKEN;
use regex::Regex;
use std::sync::LazyLock;

static PARENTHETICAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(<[NA]\d+>(?:'s (?:[^\s<>,;]+ ){0,3}?[a-z-]+)?), (?:(?:itself|themselves|once|now|long|still|then|also|by then|too|in turn|for (?:its|their) part|[a-z]+ly) )?",
        r"(?:a|an|the|one of|home to|(?:most|many|some|all|several|none|half|two|three|both|each|one|the rest) of (?:them|which|whom)|which|who|whose|whom|where|itself|themselves|too|like|unlike|along with|together with|as well as|rivals|allies|allied|partners|neighbours|neighbors|enemies|adversaries|foes|friends|members|launched|founded|created|established|formed|signed|set up|visiting|speaking|writing|citing|using|announced|concluded|adopted|agreed|ratified|unveiled|inaugurated|based|headquartered|led|chaired|hosted|backed|known as|once|renamed|rebranded|formerly|previously|originally|also known as|better known as|now known as|[a-z]+ed|stung|torn|caught|driven|shaken|hit|bound|drawn|sworn|beset|wary|keen|eager|anxious|reluctant|unwilling|determined|mindful|fearful|desperate)(?-u:\b)[^;:,]{0,160}?(?:, (?:and|or) [^;:,]{0,80}?)?, ",
        r"|\s*\([^()]{0,160}\)|\s*--[^-]{0,160}?--",
    ))
    .unwrap()
});

/// `Eritrea's information minister, Yemane Gebremeskel, has accused`: a
/// person's name between commas after an actor names who spoke for it.
static NAME_APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(<[NA]\d+>(?:'s [a-z-]+(?: [a-z-]+)?)?), ",
        r"\p{Lu}[\p{L}'.-]+(?: (?:\p{Lu}[\p{L}'.-]+|al|bin|de|van|von|der|la|da)){1,5}, ([a-z])",
    ))
    .unwrap()
});

/// `Russian president Boris Yeltsin and Moldovan president Mircea Snegur
/// signed`: the person named after a role the tagger read (`<N0> Mircea
/// Snegur signed`) adds nothing the role does not say.
static NAME_AFTER_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(<N\d+>) (\p{Lu}[\p{L}'.-]+(?: \p{Lu}[\p{L}'.-]+){1,3})([ ,])").unwrap()
});

/// Last words that make a capitalised run a body, not a person
/// (`<N0> National Oil Company signed`).
const BODY_WORDS: &[&str] = &[
    "Company",
    "Corporation",
    "Bank",
    "Group",
    "Airways",
    "Airlines",
    "Holdings",
    "Agency",
    "Ministry",
    "Party",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Council",
    "Committee",
    "Fund",
    "Authority",
    "Institute",
    "University",
    "Front",
    "Movement",
    "Petroleum",
    "Oil",
    "Gas",
    "Energy",
    "Guard",
    "Service",
    "Services",
    "Office",
    "Parliament",
    "Assembly",
    "Court",
    "Commission",
    "Mission",
    "Initiative",
    "Agreement",
    "Treaty",
    "Summit",
    "Plan",
];

fn without_names_after_roles(reading: &str) -> String {
    NAME_AFTER_ROLE
        .replace_all(reading, |c: &regex::Captures| {
            let last = c[2].rsplit(' ').next().unwrap_or("");
            if BODY_WORDS.contains(&last) {
                c[0].to_string()
            } else {
                format!("{}{}", &c[1], &c[3])
            }
        })
        .into_owned()
}

/// The ways one skeleton is read: as written, and through each transform in
/// turn (labels, role appositions, asides cut, shared subjects repeated,
/// possessives bound, gapped verbs restored).
pub(super) fn readings(skeleton: &str, org_slots: &[bool]) -> Vec<String> {
    let mut out = vec![skeleton.to_string()];
    // Each way of reading applies to the readings before it, in this order:
    // an aside cut out can reveal a shared subject, and so on.
    let transforms: [fn(&str) -> Option<String>; 18] = [
        without_both,
        without_regional_conjuncts,
        with_predicate_first,
        with_label_subject,
        with_named_subject,
        with_named_examples,
        with_fronted_adjunct_subject,
        with_elided_verb_phrase,
        with_object_controlled_gerund,
        with_joined_agent,
        with_appositive_copula,
        with_second_predicate,
        without_parentheticals,
        with_shared_subjects,
        with_bound_possessives,
        with_comitative_subject,
        with_instrument_subject,
        with_purpose_subject,
    ];
    for transform in transforms {
        let new: Vec<String> = out.iter().filter_map(|r| transform(r)).collect();
        add_new(&mut out, new);
    }
    let room = MAX_READINGS.saturating_sub(out.len());
    let new: Vec<String> = out
        .iter()
        .flat_map(|r| later_conjuncts(r))
        .take(room)
        .collect();
    add_new(&mut out, new);
    // Gapped verbs last, and again on each restored clause, for chains.
    let mut at = 0;
    while at < out.len() && out.len() < MAX_READINGS {
        let new: Vec<String> = with_gapped_verbs(&out[at], org_slots).into_iter().collect();
        add_new(&mut out, new);
        at += 1;
    }
    out
}

/// A bound on one skeleton's readings; real sentences give a handful.
const MAX_READINGS: usize = 64;

fn add_new(out: &mut Vec<String>, new: Vec<String>) {
    for r in new {
        if !out.contains(&r) {
            out.push(r);
        }
    }
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:\(?[a-z0-9]{1,3}[.)] |[-*] )?(?P<label>(?:[Tt]he )?<N\d+>): (?:",
        r"(?P<anaphor>(?i:the bloc's (?:leaders|members)|the bloc|both governments|the two governments|both capitals|both|its government|its leaders|its leadership|the government|the country|the organi[sz]ation|the alliance|it|they))(?-u:\b)",
        r"|(?P<fragment>(?:the|a|an|one of|among) )",
        // `Australia: Conducted the largest drill`: a verb-first fragment.
        r"|(?P<verb>(?-i:[A-Z])[a-z]+ed|Has|Have|Holds|Hosts|Leads|Remains|Signs|Provides|Supplies|Sends|Supports|Backs|Continues|Maintains|Sold|Sent|Gave|Held|Led|Met|Built|Signed)(?-u:\b))",
    ))
    .unwrap()
});

/// `CARICOM: The bloc's leaders have backed Guyana` and `Turkey: the
/// decisive military backer of Tripoli`: a paragraph that opens with an
/// actor and a colon is about that actor, so an anaphoric subject right
/// after the colon is the label, and a bare noun phrase is predicated of it.
fn with_label_subject(reading: &str) -> Option<String> {
    let c = LABEL.captures(reading)?;
    let label = &c["label"];
    if let Some(anaphor) = c.name("anaphor") {
        return Some(format!("{label} {}", reading[anaphor.end()..].trim_start()));
    }
    if let Some(verb) = c.name("verb") {
        let lowered = verb.as_str().to_lowercase();
        return Some(format!("{label} {lowered}{}", &reading[verb.end()..]));
    }
    let fragment = c.name("fragment")?;
    Some(format!("{label} is {}", &reading[fragment.start()..]))
}

/// `We, the Foreign Ministers of <N0>, met` and `six of our members --
/// <N0> -- are also members of`: a pronoun or a bare noun phrase whose
/// apposition names the actors. The reading puts the names in its place.
static NAMED_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:We|They|Our (?:countries|governments|nations|states)), (?:the )?(?P<slot1><N\d+>)(?:,? and (?:the )?[^;:]{0,120}?)?, (?P<rest1>[a-z])",
        r"|(?:^|(?-u:\b)that |, |; |(?-u:\b)and |(?-u:\b)but )(?P<np>(?i:[a-z0-9]+ ){0,4}[a-z]+) -- (?:the )?(?P<slot2><N\d+>) -- (?P<rest2>[a-z])",
    ))
    .unwrap()
});

fn with_named_subject(reading: &str) -> Option<String> {
    let c = NAMED_SUBJECT.captures(reading)?;
    let slot = c.name("slot1").or_else(|| c.name("slot2"))?;
    let rest = c.name("rest1").or_else(|| c.name("rest2"))?;
    // The pronoun goes with its comma; the noun phrase alone, after
    // whatever led into it.
    let start = c.name("np").map_or(0, |np| np.start());
    Some(format!(
        "{}{} {}",
        &reading[..start],
        slot.as_str(),
        &reading[rest.start()..]
    ))
}

/// `twelve countries, including <N0>,` and `partners such as <N0>`: a set
/// named by its examples. What the sentence says of the set it says of each
/// example, so the reading puts the examples in the set's place.
static NAMED_EXAMPLES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?:the |its |their )?(?:(?:more than|fewer than|over|at least|about|around|nearly|almost|roughly|some) )?(?:(?:some|several|many|most|all|a few|a dozen|dozens of|a number of|",
        r"a handful of|numerous|other|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|",
        r"twenty|thirty|forty|fifty) )?(?:(?:[A-Z][a-z]+|[a-z-]+(?:an|ern|al|ic|ish|ese)|other|fellow|allied|developed|",
        r"developing|neighbouring|neighboring|leading|emerging|like-minded|major|key|smaller|larger|donor|partner|member|friendly) ){0,2}?(?:countries|states|nations|governments|",
        r"member states|members|partners|allies|donors|economies|powers|signatories|neighbours|neighbors|leaders|counterparts|heads of state|heads of government)",
        r"(?: today| yesterday| this week| last week)?",
        r"(?:(?P<open>,)? (?:including|among them|such as|notably|especially|in particular|namely)(?P<colon>:)? |(?P<dash>--| -- |: ))(?:the )?",
        r"(?P<slot><N\d+>)(?P<close>,|;|\.|$| --|--)",
    ))
    .unwrap()
});

fn with_named_examples(reading: &str) -> Option<String> {
    let c = NAMED_EXAMPLES.captures(reading)?;
    let whole = c.get(0)?;
    // `the <N0>'s member states, including <N1>` and `<A0> allies such as
    // <N1>`: a set that an actor qualifies is not the set's subject.
    if reading[..whole.start()].ends_with("'s ") || reading[..whole.start()].ends_with("> ") {
        return None;
    }
    let close = c.name("close")?.as_str();
    // The comma or dash that opened the examples closes with them.
    let paired = (c.name("open").is_some() && c.name("colon").is_none() && close == ",")
        || (c.name("dash").is_some() && close.trim() == "--");
    let close = if paired {
        if reading[whole.end()..].starts_with(' ') {
            ""
        } else {
            " "
        }
    } else if c.name("dash").is_some() && close.trim() == "--" {
        return None;
    } else {
        close
    };
    Some(format!(
        "{}{}{}{}",
        &reading[..whole.start()],
        &c["slot"],
        close,
        &reading[whole.end()..]
    ))
}

/// `Since joining the EU in 2004, Poland has ...` and `After its accession
/// to NATO, Finland ...`: a fronted adjunct has no subject of its own, or
/// only a pronoun, and the main clause's subject is its subject (subject
/// control). The reading gives the adjunct that subject. A fronted past
/// participle (`Concluded in 1971, the FPDA link ...`) is read without.
static FRONTED_ADJUNCT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?P<lead>(?:[A-Z][a-z]+ )?)(?P<adjunct>(?P<ing>[A-Za-z][a-z]+ing)|(?P<pronoun>its|their) [a-z]|(?P<participle>[A-Z][a-z]+ed|Set up|Built|Begun|Drawn up|Led|Known) (?:in|on|by|as|at|under|after|with|from|to|for|during|through)(?-u:\b))",
        r"[^,;:]{0,120}, (?:the )?(?P<subject><N\d+>) [a-z]",
    ))
    .unwrap()
});

/// Prepositions that end like participles: they open no clause of the subject.
const ING_PREPOSITIONS: &[&str] = &[
    "during",
    "according",
    "including",
    "regarding",
    "concerning",
    "excluding",
    "notwithstanding",
    "following",
    "pending",
    "considering",
];

fn with_fronted_adjunct_subject(reading: &str) -> Option<String> {
    let c = FRONTED_ADJUNCT.captures(reading)?;
    let subject = &c["subject"];
    if c.name("participle").is_some() {
        // `Concluded in 1971, the <N0> link ...`: the participle says what
        // the subject is; the clause reads on without it.
        let subject_start = c.name("subject")?.start();
        let start = reading[..subject_start]
            .rfind(", ")
            .map_or(subject_start, |i| i + 2);
        let rest = &reading[start..];
        let mut chars = rest.chars();
        return chars
            .next()
            .map(|first| format!("{}{}", first.to_uppercase(), chars.as_str()));
    }
    let mut out = reading.to_string();
    if let Some(pronoun) = c.name("pronoun") {
        out.replace_range(pronoun.range(), &format!("{subject}'s"));
    } else {
        let ing = c.name("ing")?;
        if ING_PREPOSITIONS.contains(&ing.as_str().to_ascii_lowercase().as_str()) {
            return None;
        }
        out.replace_range(c.name("lead")?.start()..ing.start(), &format!("{subject} "));
    }
    Some(out)
}

/// `Brazil rejoined UNASUR in 2023, as did Argentina`: `as did` stands for
/// the verb phrase before it (verb-phrase ellipsis). The reading gives the
/// new subject that verb phrase, `Argentina rejoined UNASUR in 2023`.
static ELIDED_VERB_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r",? (?:as|and so) (?:did|does|do|has|have|had|was|were|is|are) (?:the )?(?P<new><N\d+>)",
    )
    .unwrap()
});

/// A slot that opens a clause as its subject: at the start, or after a
/// comma, semicolon or conjunction, and followed by a finite verb.
static CLAUSE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:^|[;,] |(?-u:\b)(?:and|but|while) )(?:[Tt]he )?(?P<subject><N\d+>) ",
        r"(?:[a-z]+ed|[a-z]+s|has|have|had|was|were|is|are|did|does|will|also|then|later|left|sent|won|met|held|took|made|signed)(?-u:\b)",
    ))
    .unwrap()
});

fn with_elided_verb_phrase(reading: &str) -> Option<String> {
    let c = ELIDED_VERB_PHRASE.captures(reading)?;
    let (whole, new) = (c.get(0)?, c.name("new")?);
    let before = &reading[..whole.start()];
    // The verb phrase is that of the last clause before `as did`.
    let subject = CLAUSE_SUBJECT
        .captures_iter(before)
        .last()?
        .name("subject")?;
    Some(format!(
        "{}{}{}{}",
        &reading[..subject.start()],
        new.as_str(),
        &before[subject.end()..],
        &reading[new.end()..]
    ))
}

/// `commend Kenya for leading the mission in Haiti`, `condemned Russia for
/// invading Ukraine`, `sanctions on Iran for supplying Russia`: the gerund
/// after `for` has the object of praise or blame as its subject (object
/// control), and what it says is presupposed. `accused India of backing
/// the Afghan side` reports the same shape as the accuser's claim, which
/// the contract counts like any reported speech. The reading states it:
/// `Kenya leading the mission in Haiti`.
static OBJECT_CONTROLLED_GERUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?:(?:(?i:commend|thank|prais|congratulat|applaud|salut|honou?r|recogni[sz]|critici[sz]|condemn|blam|punish|sanction|reward)|(?P<accusation>(?i:accus)))[a-z]* (?:also |again |repeatedly |publicly |openly )?",
        r"|(?:sanctions|penalties|restrictive measures|tariffs) (?:on|against) )",
        r"(?P<object>(?:[Tt]he )?<N\d+>)(?:, among (?:other|many|several) [A-Za-z]+,)?,? (?:for|over|of) (?P<gerund>[a-z]+ing)(?-u:\b)",
    ))
    .unwrap()
});

fn with_object_controlled_gerund(reading: &str) -> Option<String> {
    let c = OBJECT_CONTROLLED_GERUND.captures(reading)?;
    // An accusation stays the accuser's word: `alleged that` lets the
    // claim carry its source in `attributed_to`.
    let accusation = c.name("accusation").is_some();
    let prefix = if accusation { "alleged that " } else { "" };
    gerund_with_subject(reading, &c, "object", prefix)
}

/// The reading with the whole match replaced by `prefix`, the slot named
/// `subject` and the gerund with what follows it.
fn gerund_with_subject(
    reading: &str,
    c: &regex::Captures,
    subject: &str,
    prefix: &str,
) -> Option<String> {
    let (whole, gerund) = (c.get(0)?, c.name("gerund")?);
    Some(format!(
        "{}{}{} {}",
        &reading[..whole.start()],
        prefix,
        c.name(subject)?.as_str(),
        &reading[gerund.start()..]
    ))
}

/// `Canada joined the United States in sanctioning Nicaraguan officials`:
/// the one joined does what the joiner does, so the gerund is also read
/// with it as subject (`the United States sanctioning ...`). The joiner's
/// own reading needs no rewrite: `joined <N> in` is one of `{aux}`'s words.
static JOINED_AGENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"<N\d+> (?:[a-z]+ ){0,2}?(?:joined|joins|join|joining) ",
        r"(?P<joined>(?:the )?<N\d+>) in (?P<gerund>[a-z]+ing)(?-u:\b)",
    ))
    .unwrap()
});

fn with_joined_agent(reading: &str) -> Option<String> {
    let c = JOINED_AGENT.captures(reading)?;
    gerund_with_subject(reading, &c, "joined", "")
}

/// Role nouns that an apposition can give its head (`Beijing, Venezuela's
/// largest creditor`).
const ROLE_NOUNS: &str = "ally|allies|partner|partners|backer|backers|supplier|suppliers|source|creditor|creditors|sponsor|patron|protector|guarantor|customer|customers|buyer|buyers|lender|donor|rival|rivals|adversary|member|members";

/// `good relations with both <N1>`: `both` before a named list adds
/// nothing the list does not say, and stands between a preposition and
/// its object.
static BOTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:both|Both) ((?:the )?<[NA]\d+>)").unwrap());

fn without_both(reading: &str) -> Option<String> {
    replaced(&BOTH, reading, "$1")
}

/// `reading` with every match of `regex` replaced, or `None` when nothing
/// matched, so that an unchanged reading is not added again.
fn replaced(regex: &Regex, reading: &str, with: &str) -> Option<String> {
    match regex.replace_all(reading, with) {
        std::borrow::Cow::Owned(changed) => Some(changed),
        std::borrow::Cow::Borrowed(_) => None,
    }
}

/// `<N0>'s largest trading partner is <N1>`: a specificational copula
/// names its subject last; read it the other way round, `<N1> is <N0>'s
/// largest trading partner`, the order the patterns know.
static PREDICATE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<owner><N\d+>)'s (?P<role>(?:[a-z-]+ ){{0,3}}?(?:{ROLE_NOUNS})) (?P<copula>is|was|remains|remained|has been|had been|became|has become) (?:now |also |still |again )?(?P<filler>(?:the )?<N\d+>)(?P<end>[.,;:]|$)"
    ))
    .unwrap()
});

fn with_predicate_first(reading: &str) -> Option<String> {
    let c = PREDICATE_FIRST.captures(reading)?;
    let whole = c.get(0)?.range();
    let swapped = format!(
        "{} {} {}'s {}{}",
        &c["filler"], &c["copula"], &c["owner"], &c["role"], &c["end"]
    );
    let mut out = reading.to_string();
    out.replace_range(whole, &swapped);
    Some(out)
}

/// `criticised Western and <A1> strikes on <N2>`: a regional adjective
/// coordinated with a demonym names no actor, and the demonym keeps its
/// claim when the region is left out.
static REGIONAL_CONJUNCT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:Western|European|Arab|Gulf|African|Asian|Nordic|Baltic|Latin American|allied|other|foreign|international) (?:and|or) (<A\d+>)").unwrap()
});

fn without_regional_conjuncts(reading: &str) -> Option<String> {
    replaced(&REGIONAL_CONJUNCT, reading, "$1")
}

/// `<N0> is the largest trading partner of most states and a major
/// creditor of <N1>`: two predicate nouns share the copula, and the second
/// is what names the other actor.
static SECOND_PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<head><N\d+> (?:(?:now|also|still|already|long) )?(?:is|are|was|were|remains|remained|has been|have been|had been|became|has become|have become) (?:(?:now|also|still|already|long) )?)",
        r"(?P<first>(?:the|a|an) [^<>,;]{1,80}?,? and )(?P<second>(?:the|a|an|one of the) )",
    ))
    .unwrap()
});

fn with_second_predicate(reading: &str) -> Option<String> {
    let first = SECOND_PREDICATE.captures(reading)?.name("first")?.range();
    let mut out = reading.to_string();
    out.replace_range(first, "");
    Some(out)
}

static APPOSITIVE_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    // After an article, title case as well (`a Special Strategic Partner of
    // <N1>`); without one, lower case only (`among other Allies` is no role).
    let owner = r"(?:<[NA]\d+>'s |<[NA]\d+> )?";
    Regex::new(&format!(
        r"(?P<head><N\d+>), (?:[^<>,;]{{1,50}}? and )?(?P<role>(?:(?:the|a|an|one of(?: the)?) {owner}(?:[A-Za-z-]+ ){{0,3}}?(?i:{ROLE_NOUNS})|{owner}(?:[a-z-]+ ){{0,3}}?(?:{ROLE_NOUNS}))(?: of (?:the )?<N\d+>)?)(?-u:\b)"
    ))
    .unwrap()
});

/// `Beijing, Venezuela's largest creditor, ...` says that Beijing is
/// Venezuela's largest creditor: an apposition that names a role is read as
/// a copula, so the patterns for `X is Y's ally` see it.
fn with_appositive_copula(reading: &str) -> Option<String> {
    let c = APPOSITIVE_ROLE.captures(reading)?;
    let (head, role) = (c.name("head")?, c.name("role")?);
    // `<N0>, a member of the <N1> in 1954, remains an ally of <N2>`: the
    // comma that closed the apposition now joins two clauses of the head,
    // so the verb after it keeps the head as its subject, not `<N1>`.
    let tail = &reading[role.end()..];
    let closing = tail.find(", ").filter(|&at| {
        let between = &tail[..at];
        let next = tail[at + 2..].split(' ').next().unwrap_or("");
        between.len() <= 40
            && next.starts_with(|ch: char| ch.is_ascii_lowercase())
            && !matches!(
                next,
                "which" | "who" | "whose" | "and" | "but" | "or" | "the" | "a" | "an"
            )
    });
    let mut out = String::with_capacity(reading.len() + 16);
    out.push_str(&reading[..head.end()]);
    out.push_str(" is ");
    out.push_str(&reading[role.start()..role.end()]);
    match closing {
        Some(at) => {
            out.push_str(&tail[..at]);
            out.push_str(", and ");
            out.push_str(head.as_str());
            out.push(' ');
            out.push_str(&tail[at + 2..]);
        }
        None => out.push_str(tail),
    }
    Some(out)
}

static GAPPING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<verb>(?-u:\b)[a-z]+(?: [a-z]+){0,2}) (?P<object>(?:the )?<N\d+>)",
        r" (?:in|on|by) [^<>,;]{1,24}?(?:, (?:and |while |followed by |then )?| (?:and |while |followed by |then ))",
        r"(?P<remnant>(?:the )?<N\d+>)(?P<gap>) (?:in|on|by) (?:\d{4}|[A-Z][a-z]+(?: \d{4})?)(?-u:\b)",
    ))
    .unwrap()
});

/// Whether the slot in `token` names organisations, if it is known.
fn slot_is_org(token: &str, org_slots: &[bool]) -> Option<bool> {
    let index: usize = SLOT_TOKEN.captures(token)?[1].parse().ok()?;
    org_slots.get(index).copied()
}

/// Gapping leaves out the verb with either its subject or its object, and
/// only what the remnant is says which (there are two kinds, states and
/// organisations). `Poland joined NATO in 1999, and
/// Romania in 2004` leaves out `joined NATO`: a state, like the subject,
/// and unlike the object. `Russia attacked Georgia in 2008 and Ukraine in
/// 2014` leaves out `Russia attacked`: where the remnant is the same kind
/// of actor as the object, it is read as another object, the commoner
/// construction. Each reading restores one clause; a chain (`the UN in
/// 1977, ASEAN in 1995 and the WTO in 2007`) is read link by link.
fn with_gapped_verbs(reading: &str, org_slots: &[bool]) -> Option<String> {
    let c = GAPPING.captures(reading)?;
    let (verb, object, remnant) = (c.name("verb")?, c.name("object")?, c.name("remnant")?);
    let mut out = reading.to_string();
    if slot_is_org(remnant.as_str(), org_slots) == slot_is_org(object.as_str(), org_slots) {
        // `<S> verb <O> in 1977, <R> in 1995` → `<S> verb <R> in 1995`.
        let slot = SLOT_TOKEN.find(remnant.as_str())?.as_str();
        out.replace_range(object.start()..remnant.end(), slot);
    } else {
        let restored = format!(" {} {}", verb.as_str(), object.as_str());
        out.insert_str(c.name("gap")?.start(), &restored);
    }
    Some(out)
}

static BOUND_POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^(?:[^<>,;]{1,40}?,? )?(?:[Tt]he )?|[;] |(?-u:\b)(?:and|but|while|led|forced|prompted|pushed|allowed|caused|persuaded) (?:the )?)(?P<subj><N\d+>),? (?P<verb>(?:[a-z-]+,? ){1,8}?)(?P<pronoun>its|their) ").unwrap()
});

/// `The EU reiterated its condemnation of Russia's war`: `its` after a verb
/// is the subject's, so the nominalisation reads `<EU>'s condemnation of`.
/// `NATO, whose 1999 air campaign against Serbian forces ...` reads
/// `NATO's 1999 air campaign against ...`: a possessive relative says what
/// belongs to the name before it.
static WHOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?P<owner><N\d+>), whose ").unwrap());

fn with_bound_possessives(reading: &str) -> Option<String> {
    let mut out = reading.to_string();
    let mut changed = false;
    if let Some(c) = BOUND_POSSESSIVE.captures(reading) {
        let (subject, pronoun) = (&c["subj"], c.name("pronoun")?);
        out.replace_range(pronoun.start()..pronoun.end() + 1, &format!("{subject}'s "));
        changed = true;
    }
    if WHOSE.is_match(&out) {
        out = WHOSE.replace_all(&out, "$owner's ").into_owned();
        changed = true;
    }
    changed.then_some(out)
}

/// `France delivered, together with Italy, a SAMP/T system to Ukraine`: a
/// comitative aside names a second agent of the same act, so the clause is
/// also read with it as the subject: `Italy delivered a SAMP/T system to
/// Ukraine`. The words before the aside must be the verb group, not a
/// clause of speech (`said that, together with ...`).
static COMITATIVE_ASIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<subject>(?:[Tt]he )?<N\d+>) (?P<verb>(?:[a-z-]+ ){0,3}[a-z-]+), ",
        r"(?:together|jointly|along) with (?P<co>(?:the )?<N\d+>), ",
    ))
    .unwrap()
});

fn with_comitative_subject(reading: &str) -> Option<String> {
    let c = COMITATIVE_ASIDE.captures(reading)?;
    let verb = &c["verb"];
    if verb.split(' ').any(|w| {
        matches!(
            w,
            "that" | "which" | "who" | "said" | "says" | "and" | "but"
        )
    }) {
        return None;
    }
    let (whole, subject) = (c.get(0)?, c.name("subject")?);
    Some(format!(
        "{}{} {} {}",
        &reading[..subject.start()],
        &c["co"],
        verb,
        &reading[whole.end()..]
    ))
}

/// `Trump signed executive orders imposing a tariff on imports from
/// Mexico`: what an order, decree or law does, its signer does; the
/// participle after the instrument is read with the signer as its subject
/// (`Trump imposing a tariff on ...`).
static INSTRUMENT_PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<subject>(?:[Tt]he )?<N\d+>) (?:(?:has|have|had|also|then|later) )*",
        r"(?:signed|signs|issued|issues|announced|announces|adopted|adopts|passed|passes|approved|approves|decreed|enacted|enacts|published|publishes) ",
        r"(?:an? |the |two |three |several |new )?(?:[a-z-]+ ){0,2}?",
        r"(?:executive orders?|orders?|decrees?|laws?|bills?|legislation|resolutions?|regulations?|proclamations?|directives?|packages?) ",
        r"(?P<participle>[a-z]+ing )",
    ))
    .unwrap()
});

fn with_instrument_subject(reading: &str) -> Option<String> {
    // Prepositions that end in -ing (`signed the bill following talks`).
    const NOT_PARTICIPLES: &[&str] = &[
        "following ",
        "during ",
        "including ",
        "regarding ",
        "concerning ",
        "according ",
        "notwithstanding ",
        "excluding ",
        "pending ",
    ];
    let c = INSTRUMENT_PARTICIPLE.captures(reading)?;
    let (subject, participle) = (c.name("subject")?, c.name("participle")?);
    if NOT_PARTICIPLES.contains(&participle.as_str()) {
        return None;
    }
    Some(format!(
        "{}{} {}",
        &reading[..subject.start()],
        subject.as_str(),
        &reading[participle.start()..]
    ))
}

/// `Trump invoked the International Emergency Economic Powers Act to impose
/// tariffs on Mexico`: a verb that takes an instrument (a law, a power, a
/// veto) and a purpose infinitive; the purpose is the subject's own act, so
/// it is read with that subject (`Trump impose tariffs on ...`). Verbs whose
/// object does the act (`urged Japan to impose`) are not in the list, and
/// the instrument names no actor.
static INSTRUMENT_PURPOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<subject>(?:[Tt]he )?<N\d+>) (?:(?:has|have|had|also|then|later|again|repeatedly|once again) )*",
        r"(?:invoked|invokes|used|uses|employed|employs|wielded|wields|leveraged|leverages|exploited|exploits|signed|signs|issued|issues|passed|passes|enacted|enacts|cited|cites) ",
        r"(?:the |an? |its |their |his |her )[^<>,;:]{1,80}? to (?P<verb>[a-z]+)(?-u:\b)",
    ))
    .unwrap()
});

fn with_purpose_subject(reading: &str) -> Option<String> {
    let c = INSTRUMENT_PURPOSE.captures(reading)?;
    let (subject, verb) = (c.name("subject")?, c.name("verb")?);
    Some(format!(
        "{}{} {}",
        &reading[..subject.start()],
        subject.as_str(),
        &reading[verb.start()..]
    ))
}

/// Conjuncts that lists do not join, because words stand between them. Each
/// later one shares what governs the first, so it is read in the first
/// one's place:
/// - `buys American F-16s and, reportedly, Israeli loitering munitions`: a
///   demonym phrase coordinated with another;
/// - `sanctioned Iran Air and Iranian officials, as well as senior North
///   Korean officers`: `as well as`, which joins noun phrases, not clauses;
/// - `under pressure from India and, reportedly, from the United States`:
///   the same preposition repeated (checked in code: no backreferences).
static LATER_CONJUNCT: LazyLock<Regex> = LazyLock::new(|| {
    const ADVERB: &str =
        "(?:,? (?:reportedly|allegedly|also|possibly|later|more recently|then),?)?";
    const PREPOSITION: &str = "(?:from|to|with|against|on|by|for)";
    Regex::new(&format!(
        concat!(
            r"(?:<A\d+> (?:[A-Za-z0-9-]+ ){{0,3}}?[A-Za-z0-9-]+(?: and|,? as well as|, plus){adverb} (?P<demonym><A\d+>)",
            r"|<N\d+>(?: [A-Za-z0-9-]+){{0,4}}?,? as well as (?:(?:senior|other|several|some|many|the) )?(?P<noun><N\d+>)",
            r"|(?-u:\b)(?P<prep>{preposition}) (?:the )?<N\d+>(?: (?:since|in|from|until|during|by) [^<>,;]{{1,24}}?)?,? (?:and|as well as){adverb} ",
            r"(?P<prep2>{preposition}) (?P<object>(?:the )?<N\d+>)",
            // `to 12 Pacific Island countries and <N1>`: a plural noun
            // phrase that names no actor, then one that does.
            r"|(?-u:\b){preposition} (?P<unnamed>(?:the |some |several |other |many |\d+ )?(?:[A-Za-z-]+ ){{0,3}}?[a-z-]+s),? (?:and|as well as) (?P<named>(?:the )?<N\d+>))",
        ),
        adverb = ADVERB,
        preposition = PREPOSITION,
    ))
    .unwrap()
});

/// Finite auxiliaries: a clause has begun where one stands.
const FINITE_AUXILIARIES: &[&str] = &["is", "are", "was", "were", "has", "have", "had"];

/// `Japan condemned Russian strikes and Chinese officials stayed silent`:
/// a verb just after the later conjunct's head makes it a clause of its
/// own, not a second object. A demonym's head is the word after it; a
/// name is its own head, and an -ed word after it is as often a reduced
/// relative (`officers linked to it`), so only auxiliaries count there.
fn opens_a_clause(after_conjunct: &str, demonym: bool) -> bool {
    after_conjunct
        .split_whitespace()
        .skip(usize::from(demonym))
        .take(2)
        .take_while(|w| !w.starts_with('<'))
        .any(|w| {
            let w = w.trim_end_matches([',', '.', ';', ':']);
            FINITE_AUXILIARIES.contains(&w)
                || matches!(w, "said" | "says" | "will" | "would")
                || (demonym && w.ends_with("ed"))
        })
}

fn later_conjuncts(reading: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last = reading.to_string();
    let mut from = 0;
    while out.len() < 4 {
        let Some(c) = LATER_CONJUNCT.captures_at(&last, from) else {
            break;
        };
        let Some(whole) = c.get(0) else {
            break;
        };
        let cut = match (c.name("prep"), c.name("prep2"), c.name("object")) {
            // `from A and from B` keeps one `from`; `from A and to B` is no pair.
            (Some(prep), Some(prep2), Some(object)) if prep.as_str() == prep2.as_str() => {
                prep.end() + 1..object.start()
            }
            (Some(_), _, _) => {
                from = whole.start() + 1;
                continue;
            }
            _ if c.name("unnamed").is_some() => match (c.name("unnamed"), c.name("named")) {
                (Some(unnamed), Some(named)) if !opens_a_clause(&last[named.end()..], false) => {
                    unnamed.start()..named.start()
                }
                _ => {
                    from = whole.start() + 1;
                    continue;
                }
            },
            _ => match c.name("demonym").or(c.name("noun")) {
                Some(next) if opens_a_clause(&last[next.end()..], c.name("demonym").is_some()) => {
                    from = whole.start() + 1;
                    continue;
                }
                Some(next) => whole.start()..next.start(),
                None => break,
            },
        };
        let mut shorter = last.clone();
        shorter.replace_range(cut, "");
        out.push(shorter.clone());
        last = shorter;
        from = 0;
    }
    out
}

/// The conjunction at the start of a shared-subject joint (`, and `, `; `).
static CONJUNCTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,? and |, but |, yet |, while |, whereas |; but |; |, | while | whilst )")
        .unwrap()
});

static SHARED_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:^(?:[^<>,;]{1,40}?,? )?|[,;] |(?-u:\b)(?:and|but|while) (?:(?:by|in|on|at|after|before|during|since|until|within|over|from) [^<>,;]{1,30}? )?)(?P<subj>(?:[Tt]he )?<N\d+>) (?P<body>(?:[^;:<,]|, [^<;:])*(?:<[NAH]\d+>(?:[^;:<,]|, [^<;:])*)*?)(?P<conj>,? and(?:, (?:in|on|at|by|after|before|during|since|from|over|within|later|then|meanwhile)(?: [^<>,;]{1,30}?)?,)? (?P<pronoun>it |they |he |she )?(?:(?:also|then|later|subsequently|still|now|again|currently|increasingly|eventually|finally|soon|quickly|promptly|even|effectively|largely|has|have|had|not|never|no longer|did not|does not|[a-z]+ly) ){0,3}|(?:, but|, yet|, while|, whereas|;|; but|:) (?P<pronoun2>it |they )(?:(?:also|then|later|subsequently|still|has|have|had) ){0,3}|, (?:(?:then|also|thereby|while|so|even|all the while|having(?: already| also| earlier| previously| first)?) )?| (?:while|whilst) (?:(?:also|still|at the same time) )?|,? (?:when|after|before|as|once|until|because|since|although|though) (?P<pronoun3>he |she |it |they )(?:(?:also|then|later|first|finally|had|has) ){0,2})",
        r"(?P<verb>(?:accus|condemn|blam|criticis|criticiz|denounc|supply|provid|send|deliver|arm|back|support|threaten|pressur|demand|join|sign|impos|levy|invad|attack|strik|bomb|shell|target|cutt|halt|stopp|block|expell|recall|suspend|withdraw|buy|sell|export|import|host|fund|train|sanction|ban)ing|[a-z]+ed|sent|sold|gave|took|made|struck|held|met|signed|began|won|lost|led|left|built|brought|bought|fought|kept|put|cut|hit|spoke|wrote|paid|sought|broke|stood|became|tore|froze|chose|drew|grew|lent|shot|withdrew|undertook|overran|hosts|remains|remaining|is|are|was|were|holds|buys|sells|imports|exports|backs|supports|depends|relies|maintains|keeps|opposes|condemns|supplies|sends|provides|delivers|arms|funds|trains|cooperates|works|trades|competes|negotiates|imposes|sanctions|threatens|accuses|criticises|criticizes|joins|signs|leads|belongs|deploys|finances|invests|coordinates|shares)(?-u:\b)",
    ))
    .unwrap()
});

/// A coordinated clause that names its own subject (`, and by the end of
/// that year <N2> had`).
static NEW_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:,? and|, but|;|, while) (?:(?:by|in|on|at|after|before|during|since|until|within|over|from) [^<>,;]{1,30}? )?(?:[Tt]he )?<N\d+> (?:has |have |had |was |were )?[a-z]+(?:ed|ent|ave|ook|ade|uck|eld|et|igned)\b").unwrap()
});

/// `Egypt signed a protocol with Somalia and delivered weapons to Mogadishu`
/// reads `... and <Egypt> delivered weapons to Mogadishu`: coordinated verbs
/// share the subject, and so does a participle phrase after a comma (`Mali
/// broke off relations with Ukraine, accusing Kyiv of ...`). `None` when no
/// verb follows.
fn with_shared_subjects(reading: &str) -> Option<String> {
    let mut out = reading.to_string();
    let mut changed = false;
    for _ in 0..3 {
        let Some(mut c) = SHARED_SUBJECT.captures(&out) else {
            break;
        };
        // `X did A, and by then Y had done B and ordered C`: the verb after
        // the last clause with a subject of its own shares that subject.
        let body = c.name("body").expect("always captured");
        if let Some(clause) = NEW_CLAUSE.find_iter(body.as_str()).last()
            && let Some(nearer) = SHARED_SUBJECT.captures_at(&out, body.start() + clause.start())
        {
            c = nearer;
        }
        // `X is a member of Y, whose first summit, held in 2009, brought
        // together ...`: a `whose` clause inside the body has a subject of
        // its own, so the verb after it is not X's. (A `which` clause may go
        // on in X's name: `X adopted a resolution, which condemned ...`.)
        if c["body"].contains(", whose ") {
            break;
        }
        let conj = c.name("conj").expect("always captured");
        let subject = c["subj"].to_string();
        // `..., and it joined the UN`: the pronoun is the subject named first.
        // `Putin apologised when he met Aliyev`: a person's pronoun in a
        // clause that hangs on the main one refers to its subject too.
        let pronoun = c
            .name("pronoun")
            .or_else(|| c.name("pronoun2"))
            .or_else(|| c.name("pronoun3"));
        let conj_text = match pronoun {
            Some(p) => conj
                .as_str()
                .replacen(p.as_str(), &format!("{subject} "), 1),
            // `and has not imposed`: the subject goes before the auxiliaries,
            // where negation and hedges are judged.
            None => {
                let conj = conj.as_str();
                let at = CONJUNCTION.find(conj).map_or(conj.len(), |m| m.end());
                format!("{}{subject} {}", &conj[..at], &conj[at..])
            }
        };
        out.replace_range(conj.range(), &conj_text);
        changed = true;
    }
    changed.then_some(out)
}

/// `BRICS, whose first summit, held in 2009, brought together ...`: a
/// `whose` phrase with no verb before its comma is the subject of a clause
/// that goes on past the comma, so cutting it up to there would hand its
/// verb to the sentence's subject. Plural nouns pass for verbs here, which
/// only keeps the old cut.
fn verbless_relative(aside: &str) -> bool {
    let Some(rest) = aside.strip_prefix(", whose ") else {
        return false;
    };
    const IRREGULAR_PAST: &[&str] = &[
        "fought", "led", "held", "sent", "made", "built", "met", "took", "gave", "sold", "won",
        "lost", "became", "began", "struck", "kept", "left", "brought", "bought", "paid", "sought",
        "broke", "stood", "chose", "drew", "grew", "lent", "shot", "wrote", "spoke", "ran", "saw",
        "went", "came", "did", "fell", "rose", "hit", "put", "set", "cut",
    ];
    !rest.split([' ', ',']).any(|word| {
        FINITE_AUXILIARIES.contains(&word)
            || word == "remains"
            || IRREGULAR_PAST.contains(&word)
            || word.ends_with("ed")
            || word.ends_with('s')
    })
}

/// The skeleton with appositions, non-restrictive relative clauses and
/// bracketed asides cut out (`Washington, itself a belligerent, did not
/// criticise Israel` reads as `Washington did not criticise Israel`). Patterns
/// run on both readings; `None` when there is nothing to cut.
fn without_parentheticals(skeleton: &str) -> Option<String> {
    let mut reduced = skeleton.to_string();
    // Asides follow one another (`MSP (<N>), launched in 2022, brings`):
    // cutting one can reveal the next.
    for _ in 0..3 {
        let next = PARENTHETICAL.replace_all(&reduced, |c: &regex::Captures| match c.get(1) {
            Some(head) if verbless_relative(&c[0][head.len()..]) => c[0].to_string(),
            Some(head) => format!("{} ", head.as_str()),
            // `states--<N1>--with`: a dash aside between two words leaves
            // a space behind.
            None => {
                let whole = c.get(0).expect("group 0 always matches");
                let word_before =
                    reduced[..whole.start()].ends_with(|ch: char| ch.is_alphanumeric());
                let word_after =
                    reduced[whole.end()..].starts_with(|ch: char| ch.is_alphanumeric());
                if word_before && word_after { " " } else { "" }.to_string()
            }
        });
        let next = NAME_APPOSITION.replace_all(&next, "$1 $2");
        let next = without_names_after_roles(&next);
        if next == reduced {
            break;
        }
        reduced = next;
    }
    (reduced != skeleton).then_some(reduced)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (skeleton, a reading it must have)
    const READINGS: &[(&str, &str)] = &[
        (
            "<N0> denied the charge; it has also supplied drones to <N1>.",
            "<N0> denied the charge; <N0> has also supplied drones to <N1>.",
        ),
        (
            "The <N0> (<N1>), launched in 2022, brings together <N2>.",
            "The <N0> brings together <N2>.",
        ),
        (
            "<N0>, whose state oil company developed <N1>'s field, has kept trading with <N2>, even after.",
            "<N0> has kept trading with <N2>, even after.",
        ),
        (
            "<N0>, long rivals, now coordinate their positions within <N1>.",
            "<N0> now coordinate their positions within <N1>.",
        ),
        (
            "<N0>, itself a belligerent, did not criticise <N1>.",
            "<N0> did not criticise <N1>.",
        ),
        (
            "<N0>'s September 2023 offensive, which ended <A1> control, was condemned by <N2>.",
            "<N0>'s September 2023 offensive was condemned by <N2>.",
        ),
        (
            "<N0> competes with <N1>, cooperates with <N2> and depends on <N3>.",
            "<N0> competes with <N1>, <N0> cooperates with <N2> and <N0> depends on <N3>.",
        ),
        (
            "<N0> has stayed neutral, although it joined other <N1> members.",
            "<N0> has stayed neutral, although <N0> joined other <N1> members.",
        ),
        (
            "<N0> joined the <N1> in sanctioning <A2> officials.",
            "the <N1> sanctioning <A2> officials.",
        ),
        (
            "<N0>, long divided by history, now hold regular summits.",
            "<N0> now hold regular summits.",
        ),
        (
            "<N0>, deeply alarmed by the incursion, summoned the <N1>.",
            "<N0> summoned the <N1>.",
        ),
        (
            "On 21 July 1992 <N0> Mircea Snegur signed an agreement in <N1>.",
            "On 21 July 1992 <N0> signed an agreement in <N1>.",
        ),
        (
            "<N0> insist on peace; <N1>, Yemane Gebremeskel, has accused <N2> of plotting.",
            "<N0> insist on peace; <N1> has accused <N2> of plotting.",
        ),
        (
            "<N0> signed a protocol with <N1> and delivered weapons to <N2>.",
            "<N0> signed a protocol with <N1> and <N0> delivered weapons to <N2>.",
        ),
        (
            "<N0> lost its coastline in 1993 and now depends on <N1> for trade.",
            "<N0> lost its coastline in 1993 and <N0> now depends on <N1> for trade.",
        ),
        (
            "<N0> was formed in 1960, and it joined the <N1> in the same year.",
            "<N0> was formed in 1960, and <N0> joined the <N1> in the same year.",
        ),
        (
            "<N0> gave <N1> a month to leave, and by the end of that year <N2> had expelled the <N3> and ordered <N4> to withdraw.",
            "<N0> gave <N1> a month to leave, and by the end of that year <N2> had expelled the <N3> and <N2> ordered <N4> to withdraw.",
        ),
        (
            "<N0> apologised for the air disaster when he met <N1> in Dushanbe.",
            "<N0> apologised for the air disaster when <N0> met <N1> in Dushanbe.",
        ),
        (
            "<N0> broke off relations with <N1>, accusing <N2> of terrorism.",
            "<N0> broke off relations with <N1>, <N0> accusing <N2> of terrorism.",
        ),
        (
            "We, the <N0>, and the High <N1> for Security Policy, met under <N2>'s <N3> Presidency.",
            "<N0> met under <N2>'s <N3> Presidency.",
        ),
        (
            "We note that six of our members -- <N0> -- are also members of the <N1>.",
            "We note that <N0> are also members of the <N1>.",
        ),
        (
            "<N0>: The bloc's leaders have backed <N1>.",
            "<N0> have backed <N1>.",
        ),
        (
            "- <N0>: Conducted the largest bilateral drill with the <N1> in August 2025.",
            "<N0> conducted the largest bilateral drill with the <N1> in August 2025.",
        ),
        (
            "<N0>: the decisive backer of <N1> since 2020.",
            "<N0> is the decisive backer of <N1> since 2020.",
        ),
        (
            "<N0>, <N1>'s largest creditor, upgraded relations.",
            "<N0> is <N1>'s largest creditor, and <N0> upgraded relations.",
        ),
        (
            "<N0>, whose 1999 air campaign against <A1> forces still shapes views, has led the mission.",
            "<N0>'s 1999 air campaign against <A1> forces still shapes views, has led the mission.",
        ),
        (
            "The <N0> reiterated its condemnation of <N1>.",
            "The <N0> reiterated <N0>'s condemnation of <N1>.",
        ),
        (
            "Commend also <N0> for deploying personnel to <N2> under the Mission.",
            "<N0> deploying personnel to <N2> under the Mission.",
        ),
        (
            "The <N0> imposed sanctions on <N1> for supplying <N2> with drones.",
            "The <N0> imposed <N1> supplying <N2> with drones.",
        ),
        (
            "<N0> has accused <N1> of backing the <N2>.",
            "<N0> has alleged that <N1> backing the <N2>.",
        ),
        (
            "On 1 February, <N0> signed executive orders imposing a tariff on imports from <N1>.",
            "On 1 February, <N0> imposing a tariff on imports from <N1>.",
        ),
        (
            "<N0> delivered, together with <N1>, a SAMP/T system to <N2>.",
            "<N1> delivered a SAMP/T system to <N2>.",
        ),
        (
            "<N0> buys <A1> F-16s and, reportedly, <A2> loitering munitions and <A3> drones.",
            "<N0> buys <A3> drones.",
        ),
        (
            "Under pressure from <N0> and, reportedly, from the <N1>, <N2> imposed a moratorium.",
            "Under pressure from the <N1>, <N2> imposed a moratorium.",
        ),
        (
            "The <N0> has sanctioned <N1> Air and <N2>, as well as senior <N3> linked to it.",
            "The <N0> has sanctioned <N1> Air and <N3> linked to it.",
        ),
        (
            "<N0> responded with harsh measures: it imposed sanctions on <N2>.",
            "<N0> responded with harsh measures: <N0> imposed sanctions on <N2>.",
        ),
        (
            "<N0>, a founding member of the <N1> in 1954, remains an ally of the <N2>.",
            "<N0> is a founding member of the <N1> in 1954, and <N0> remains an ally of the <N2>.",
        ),
        (
            "<N0> is now the largest trading partner of most states and a major creditor of <N1>.",
            "<N0> is now a major creditor of <N1>.",
        ),
        (
            "<N0>, Africa's largest economy and an <N1> member, hosted the talks.",
            "<N0> is an <N1> member, and <N0> hosted the talks.",
        ),
        (
            "<N0> is a member of both the <N1> and <N2>.",
            "<N0> is a member of the <N1> and <N2>.",
        ),
        (
            "<N0> maintains good relations with both <N1>.",
            "<N0> maintains good relations with <N1>.",
        ),
        (
            "<N0> met a number of leaders today, including <N1>.",
            "<N0> met <N1>.",
        ),
        (
            "<N0> arrived on Monday, and he met <N1> in the evening.",
            "<N0> arrived on Monday, and <N0> met <N1> in the evening.",
        ),
        (
            "<N0> has supplied drones to <N1> since 2022, and reportedly to <N2>.",
            "<N0> has supplied drones to <N2>.",
        ),
        (
            "<N0> is providing patrol boats to 12 island countries and <N1>.",
            "<N0> is providing patrol boats to <N1>.",
        ),
        (
            "In 2022, <N0>, most of them <A1>, were deployed to <N2>.",
            "In 2022, <N0> were deployed to <N2>.",
        ),
        (
            "<N0> built a logistics hub and, in July 2025, signed an agreement with <N1>.",
            "<N0> built a logistics hub and, in July 2025, <N0> signed an agreement with <N1>.",
        ),
        (
            "<N0> rejoined <N1> in 2023, as did <N2> under its new president.",
            "<N2> rejoined <N1> in 2023 under its new president.",
        ),
        (
            "Concluded in 1971, the <N0> link <N1> in a commitment.",
            "The <N0> link <N1> in a commitment.",
        ),
        (
            "<N0> brings together the eight Arctic states--<N1>--with six groups.",
            "<N0> brings together <N1> with six groups.",
        ),
        (
            "<N0> withdrew from the <N1> in 2023, having already left the <N4> in 2022.",
            "<N0> withdrew from the <N1> in 2023, <N0> having already left the <N4> in 2022.",
        ),
        (
            "Since joining the <N1> in 2004, <N0> has received transfers.",
            "<N0> joining the <N1> in 2004, <N0> has received transfers.",
        ),
        (
            "After its accession to <N1> in 2023, <N0> raised spending.",
            "After <N0>'s accession to <N1> in 2023, <N0> raised spending.",
        ),
        (
            "<N0> was founded in 1949 by twelve countries, including the <N1>.",
            "<N0> was founded in 1949 by <N1>.",
        ),
        (
            "Forty countries, including <N0>, have imposed sanctions on <N1>.",
            "<N0> have imposed sanctions on <N1>.",
        ),
        (
            "<N0> has attacked several neighbours such as <N1> --",
            "<N0> has attacked <N1> --",
        ),
        (
            "<N0> joined the <N1> in 1999, and <N2> in 2004.",
            "<N0> joined the <N1> in 1999, and <N2> joined the <N1> in 2004.",
        ),
        (
            "<N0> established relations with <N3> in 1992, <N2> in May 1993.",
            "<N0> established relations with <N2> in May 1993.",
        ),
        (
            "<N0> attacked <N2> in 2008 and <N3> in 2014.",
            "<N0> attacked <N3> in 2014.",
        ),
        (
            "<N0> joined the <N1> in 1977, <N4> in 1995 and the <N5> in 2007.",
            "<N0> joined the <N5> in 2007.",
        ),
        (
            "<N0> criticised Western and <A2> strikes on <N3>.",
            "<N0> criticised <A2> strikes on <N3>.",
        ),
        (
            "<N0>'s largest trading partner is <N2>.",
            "<N2> is <N0>'s largest trading partner.",
        ),
    ];

    /// A verb after an aside shares the subject of the clause, not a slot
    /// inside the aside (`..., which vetoed <N1>'s entry to <N2>, remains`).
    #[test]
    fn a_shared_subject_is_never_taken_from_inside_an_aside() {
        let all = readings(
            "<N0>, which tried to admit <N1> to the <N2>, remains <N3>'s backer.",
            &[false, false, true, false],
        );
        assert!(
            all.iter()
                .all(|r| !r.contains("<N1> remains") && !r.contains("<N2> remains")),
            "{all:#?}"
        );
    }

    /// `whose first summit, held in 2009, brought together`: the `whose`
    /// phrase is the subject of `brought`, so neither a cut aside nor a
    /// shared subject may give that verb to <N0>.
    #[test]
    fn a_verb_after_a_whose_phrase_is_not_the_main_subjects() {
        let all = readings(
            "<N0> is a founding member of <N1>, whose first summit, held in 2009, brought together <N2>.",
            &[false, true, false],
        );
        assert!(
            all.iter().all(|r| !r.contains("<N0> brought")
                && !r.contains("<N0> is a founding member of <N1> held")),
            "{all:#?}"
        );
    }

    /// Gapping needs a clause boundary: `suspended from <N1> by the <N2> in
    /// 1986` is one clause, and `<N2>` is its agent, not a second subject.
    #[test]
    fn gapping_needs_a_comma_or_a_conjunction() {
        let all = readings(
            "<N0> was suspended from <N1> by the <N2> in 1986.",
            &[false, true, false],
        );
        assert!(
            all.iter().all(|r| !r.contains("<N2> was suspended")),
            "{all:#?}"
        );
    }

    #[test]
    fn skeletons_are_also_read_without_asides_and_with_shared_subjects() {
        for (skeleton, wanted) in READINGS {
            // Slots <N1>, <N4> and <N5> name organisations, the others states.
            let all = readings(skeleton, &[false, true, false, false, true, true]);
            assert!(
                all.iter().any(|r| r == wanted),
                "{skeleton}\n gave {all:#?}"
            );
        }
    }
}
