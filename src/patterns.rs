//! Reading `lexicons/patterns.txt`: relation patterns an analyst can read.
//!
//! A pattern is a block of `key value` lines:
//!
//! ```text
//! pattern  supports.supply_to
//! relation supports
//! match    {X} {aux} [[{supply}]] {np} to {Y}
//! example  Iran supplied drones to Russia. => IRN supports RUS
//! counter  Iran hopes to supply drones to Russia.
//! ```
//!
//! `match` templates are regular expressions over a sentence *skeleton* in
//! which every actor mention is replaced by a slot (`<N0>` for a name or a
//! coordinated list of names, `<A1>` for a demonym, `<H2>` for a hyphenated
//! compound). Macros in braces expand to slots and to common gaps; `[[...]]`
//! marks the cue word, which negation and modality are judged against.
//! `define name = regex` lines outside blocks add macros. The header of
//! `patterns.txt` documents every macro.

use regex::Regex;
use std::collections::HashMap;
use std::fmt;
use std::sync::{LazyLock, OnceLock};

use crate::lexicon::{Origin, Problem};
use crate::model::Polarity;

/// The twelve relations of the contract.
pub const RELATIONS: &[(&str, bool)] = &[
    ("member_of", false),
    ("cooperates_with", true),
    ("supports", false),
    ("trades_with", true),
    ("depends_on", false),
    ("negotiates_with", true),
    ("competes_with", true),
    ("deters", false),
    ("pressures", false),
    ("condemns", false),
    ("sanctions", false),
    ("attacks", false),
];

pub fn is_symmetric(relation: &str) -> bool {
    RELATIONS.iter().any(|&(r, sym)| r == relation && sym)
}

/// What a slot macro accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotForm {
    /// A name, metonym, person or agent phrase, or a coordinated list of them.
    Nominal,
    /// A demonym used as an adjective (`Russian`, `Chinese-supplied`).
    Adjectival,
    /// Either of the above.
    Any,
    /// A nominal slot whose actors are all organisations.
    Organisation,
    /// A nominal slot whose actors are all states.
    State,
    /// Actors before a hyphenated participle, coordinated or not
    /// (`U.S.- and NATO-supplied`, `Chinese-made`).
    Hyphenated,
}

/// A claim an example sentence must give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedClaim {
    pub subject: String,
    pub relation: String,
    pub object: String,
    pub polarity: Polarity,
}

impl fmt::Display for ExpectedClaim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.polarity == Polarity::Negated {
            " -"
        } else {
            ""
        };
        write!(
            f,
            "{} {} {}{sign}",
            self.subject, self.relation, self.object
        )
    }
}

#[derive(Debug, Clone)]
pub struct Example {
    pub sentence: String,
    pub claims: Vec<ExpectedClaim>,
    pub origin: Origin,
}

/// One compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub id: String,
    pub relation: String,
    pub templates: Vec<Template>,
    pub examples: Vec<Example>,
    /// Sentences on which this pattern must give nothing.
    pub counters: Vec<(String, Origin)>,
    /// The cue itself denies the relation (`left NATO`): polarity is flipped.
    pub negated: bool,
    /// `unless` lines: a match that contains one of these is no claim of this
    /// pattern (`signed a peace agreement` is talks, not partnership).
    pub unless: Vec<LazyRegex>,
    pub origin: Origin,
}

impl Pattern {
    /// Whether an `unless` line vetoes the matched text.
    pub fn vetoes(&self, matched: &[u8]) -> bool {
        self.unless
            .iter()
            .filter_map(LazyRegex::get)
            .any(|u| u.is_match(matched))
    }
}

/// A template regex, checked when the file is read and built on first use.
///
/// Building all 596 templates took 1.4 of the 1.6 seconds of a run over
/// one article, while a run over a few articles meets the cues of a fraction
/// of them. The syntax is checked up front, so a typo is still reported at
/// load with its line; what only the build can find (a template over the
/// size limit) is kept as [`LazyRegex::error`] and the template matches
/// nothing. `lexicon check` builds every template.
#[derive(Debug, Clone)]
pub struct LazyRegex {
    source: String,
    /// The line of the `match` or `unless` that wrote it.
    pub line: usize,
    built: OnceLock<Result<regex::bytes::Regex, String>>,
}

impl LazyRegex {
    /// Checks the syntax of `source` and keeps it for later. Only the parse
    /// is checked: translating with case folding cost as much as building.
    fn new(source: String, line: usize) -> Result<LazyRegex, String> {
        regex_syntax::ast::parse::Parser::new()
            .parse(&source)
            .map_err(|e| format!("template does not compile: {e}"))?;
        Ok(LazyRegex {
            source,
            line,
            built: OnceLock::new(),
        })
    }

    /// The regex, built now if this is its first use; `None` when it does not build.
    pub fn get(&self) -> Option<&regex::bytes::Regex> {
        self.build().as_ref().ok()
    }

    /// Why the regex does not build, once something has asked for it.
    pub fn error(&self) -> Option<&str> {
        self.built.get()?.as_ref().err().map(String::as_str)
    }

    fn build(&self) -> &Result<regex::bytes::Regex, String> {
        self.built.get_or_init(|| {
            regex::bytes::RegexBuilder::new(&self.source)
                .size_limit(REGEX_SIZE_LIMIT)
                .dfa_size_limit(DFA_CACHE_LIMIT)
                .build()
                .map_err(|e| format!("template does not compile: {e}"))
        })
    }
}

/// One compiled `match` line.
#[derive(Debug, Clone)]
pub struct Template {
    /// Matched against skeleton bytes with ASCII semantics (`(?-u)`): smaller
    /// automata than Unicode classes and case folding, and skeleton words
    /// around slots are ASCII in practice.
    pub regex: LazyRegex,
    /// The cue alone (`[[...]]` expanded), for a fast first look; `None`
    /// when the template marks no cue.
    pub cue: Option<String>,
    /// Form required of slots X and Y (and PAIR, which fans out to every pair).
    pub forms: HashMap<&'static str, SlotForm>,
}

impl Template {
    pub fn has_pair(&self) -> bool {
        self.forms.contains_key("PAIR")
    }

    /// `{X} took part in exercises alongside {CO}`: X and its co-agents act
    /// together, so the claims are every pair among them (and so with a
    /// `{PAIR}`); with a `{Y}` (`{X} belongs to {Y} alongside {CO}`), each of
    /// them relates to Y.
    pub fn has_co_agents(&self) -> bool {
        self.forms.contains_key("CO")
    }

    /// True when the template's claims are pairs among its parties, with no
    /// object of their own: `{PAIR}`, or `{X}` with `{CO}` and no `{Y}`.
    pub fn is_pairwise(&self) -> bool {
        self.has_pair() || (self.has_co_agents() && !self.forms.contains_key("Y"))
    }

    /// True when a slot must be a demonym (`{X:adj}`).
    pub fn needs_demonym(&self) -> bool {
        self.forms.values().any(|f| *f == SlotForm::Adjectival)
    }
}

/// All patterns, in file order (earlier patterns win ties).
#[derive(Debug, Clone, Default)]
pub struct PatternSet {
    pub patterns: Vec<Pattern>,
}

impl PatternSet {
    /// Every template and `unless` regex that failed to build so far, with
    /// its line; with `build_all`, each one is built first.
    pub fn build_problems(&self, build_all: bool) -> Vec<Problem> {
        let mut problems = Vec::new();
        for pattern in &self.patterns {
            let templates = pattern.templates.iter().map(|t| &t.regex);
            for regex in templates.chain(&pattern.unless) {
                if build_all {
                    regex.get();
                }
                if let Some(message) = regex.error() {
                    problems.push(Problem {
                        origin: Origin {
                            file: pattern.origin.file.clone(),
                            line: regex.line,
                        },
                        message: message.to_string(),
                    });
                }
            }
        }
        problems
    }
}

/// Compiled-regex size bound per template: a runaway pattern is an error, not
/// a memory blow-up.
const REGEX_SIZE_LIMIT: usize = 4 << 20;

/// Lazy-DFA cache per template: templates with long alternations fill the
/// default 2 MB cache and rebuild it over and over.
const DFA_CACHE_LIMIT: usize = 16 << 20;

const AUX_WORDS: &str = r"(?:has|have|had|having|is|are|was|were|be|been|being|will|would|shall|should|can|could|may|might|must|do|does|did|not|n't|never|no longer|also|already|still|reportedly|allegedly|repeatedly|openly|now|then|since|recently|further|again|both|all|jointly|itself|themselves|each|even|just|long|first|later|soon|once|meanwhile|earlier|afterwards|however|nonetheless|nevertheless|instead|likewise|similarly|thus|therefore|indeed|in turn|for (?:its|their) part|on (?:its|their) part|for instance|for example|on the other hand|by contrast|in contrast|in particular|at the same time|in practice|in effect|so far|to date|of course|in turn|above all|in recent years|for years|for decades|for now|in response|at times|on occasion|from time to time|time and again|more than once|once again|in (?:\d{4}|[A-Z]\w+ \d{4})|since \d{4}|last (?:year|month|week)|this (?:year|month|week)|(?:re|un)?(?:refuse|decline|fail|agree|continue|begin|began|start|move|vote|decide|threaten|pledge|promise|tr(?:y|ie)|hope|want|seek|sought|plan|intend|aim|appear|seem|need|wish|choose|chose|use|prepare|vow|expect|help|rush)(?:s|d|ed|ing)? to|(?:began|begin|begins|begun|started|starts|continued|continues|kept|keeps|keep|keeping|help|helps|helped|helping|stopped|resumed|resumes|ceased)|to (?:stop|cease|end|halt|discontinue)|(?:agreed|agrees|pledged|pledges|promised|vowed|decided|voted) (?:in (?:\d{4}|[A-Z]\w+ \d{4})|on \d{1,2} [A-Z]\w+(?: \d{4})?) to|went on to|going to|join(?:s|ed|ing)? (?:the )?(?:other |fellow )?(?:<[NA]\d+> )?(?:[a-z-]+ ){0,2}?in|(?:responded|responds|reacted|reacts|retaliated|retaliates) by|reported to|said to|believed to|thought to|known to|set to|about to|able to|which|who|that|whose (?:\w+ )?(?:government|governments|leaders|leadership|economy|economies|officials|forces|militaries|industries|companies|firms|banks|refiners)|\w+ly)";

/// Built-in macros: name → (regex, may match nothing). `{aux}` is an
/// unbounded run: a bounded one (`{0,6}`) copies the long word list six times
/// into every template's automata, which cost 110 MB of compiled templates
/// and a third of the run time for the same matches on every test set.
static BUILTINS: LazyLock<HashMap<&'static str, (String, bool)>> = LazyLock::new(|| {
    HashMap::from([
        ("aux", (format!(r"(?:{AUX_WORDS},? )*"), true)),
        ("np", (r"(?:[^<>\s]+ ){0,12}?".to_string(), true)),
        ("gap", (r"(?:[^<>\s]+ ){0,16}?".to_string(), true)),
        ("mods", (r"(?:[^<>\s,;]+ ){0,4}?".to_string(), true)),
        ("w", (r"[^<>\s]+".to_string(), false)),
        // Attributive modifiers between an actor and its noun (`American
        // military aid`): no verb forms (-ed) or adverbs (-ly), which would
        // mean the actor is a subject, not a modifier.
        (
            "adjs",
            (
                // Words of four letters or more not ending like a verb or an
                // adverb (-ed, -ly, -ing), or a few short adjectives; no
                // function words such as `of` (`London of orchestrating`).
                r"(?:(?:[a-z-]{3,}(?:[a-ce-fh-xz]|[^e\s<>]d|[^l\s<>]y|[^n\s<>]g|[^i\s<>]ng)|new|old|key|big|top|raw|net|own|sea|air|oil|gas|arms|its|their) ){0,3}?"
                    .to_string(),
                true,
            ),
        ),
    ])
});

fn slot_regex(name: &str, form: SlotForm) -> String {
    let body = match form {
        SlotForm::Adjectival => r"<A\d+>",
        SlotForm::Any => r"(?:the |a |an )?<[NA]\d+>",
        SlotForm::Hyphenated => r"(?:(?:the )?<[NA]\d+>- (?:and|or) )?(?:the )?<[NA]\d+>",
        // `met his Russian counterpart`: a possessive determiner before an
        // agent phrase still names that agent's state.
        _ => r"(?:(?-u:\b)(?:the|his|her|their) )?<N\d+>",
    };
    format!("(?P<{name}>{body})")
}

/// One list or compound slot, or compounds coordinated with each other
/// (`the Russia-China and North Korea-Russia partnerships`).
fn pair_regex() -> String {
    let compound = r"(?:the )?<H\d+>";
    format!(r"(?P<PAIR>{compound}(?:(?:,| and|, and) {compound})+|(?:the )?<[NAH]\d+>)")
}

/// Hyphenated compounds only (`the Italy-Libya memorandum`): a list before
/// a name's head word is often part of the name (`the Paris Agreement`).
fn compound_pair_regex() -> String {
    let compound = r"(?:the )?<H\d+>";
    format!(r"(?P<PAIR>{compound}(?:(?:,| and|, and) {compound})*)")
}

/// Unicode `\b` stops the regex engine's fast DFAs on any non-ASCII text
/// (names like `Türkiye`), making matching many times slower; skeleton words
/// around cues are ASCII in practice, so ASCII boundaries lose nothing.
fn ascii_word_boundaries(regex: &str) -> String {
    regex.replace(r"\b", r"(?-u:\b)")
}

/// Parses and compiles the patterns file; every problem is collected.
pub fn parse(file: &str, text: &str) -> Result<PatternSet, Vec<Problem>> {
    let mut parser = Parser::new(file);
    for (i, raw) in text.lines().enumerate() {
        parser.line(i + 1, raw.trim_end_matches('\r'));
    }
    parser.finish_block();
    if parser.problems.is_empty() {
        Ok(PatternSet {
            patterns: parser.patterns,
        })
    } else {
        Err(parser.problems)
    }
}

struct Draft {
    id: String,
    relation: Option<String>,
    templates: Vec<(String, usize)>,
    examples: Vec<Example>,
    counters: Vec<(String, Origin)>,
    negated: bool,
    unless: Vec<(String, usize)>,
    origin: Origin,
}

struct Parser {
    file: String,
    defines: HashMap<String, String>,
    draft: Option<Draft>,
    patterns: Vec<Pattern>,
    problems: Vec<Problem>,
    ids: HashMap<String, usize>,
}

impl Parser {
    fn new(file: &str) -> Parser {
        Parser {
            file: file.to_string(),
            defines: HashMap::new(),
            draft: None,
            patterns: Vec::new(),
            problems: Vec::new(),
            ids: HashMap::new(),
        }
    }

    fn origin(&self, line: usize) -> Origin {
        Origin {
            file: self.file.clone(),
            line,
        }
    }

    fn fail(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            origin: self.origin(line),
            message: message.into(),
        });
    }

    fn line(&mut self, number: usize, line: &str) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            self.finish_block();
            return;
        }
        if trimmed.starts_with('#') {
            return;
        }
        let (key, value) = match trimmed.split_once(char::is_whitespace) {
            Some((k, v)) => (k, v.trim()),
            None => (trimmed, ""),
        };
        match key {
            "define" => self.define(number, value),
            "pattern" => self.start(number, value),
            "relation" | "match" | "example" | "counter" | "note" | "polarity" | "unless" => {
                self.add(number, key, value)
            }
            other => self.fail(
                number,
                format!("unknown key `{other}`; use pattern, relation, match, unless, polarity, example, counter, note or define"),
            ),
        }
    }

    fn define(&mut self, number: usize, value: &str) {
        let Some((name, body)) = value.split_once('=') else {
            return self.fail(number, "write `define name = regex`");
        };
        let name = name.trim();
        if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || name.is_empty() {
            return self.fail(
                number,
                format!("macro name `{name}` must be letters, digits and `_`"),
            );
        }
        if BUILTINS.contains_key(name) || ["X", "Y", "CO", "PAIR"].contains(&name) {
            return self.fail(number, format!("`{name}` is a built-in macro"));
        }
        let body = body.trim().to_string();
        if let Err(e) = Regex::new(&format!("(?:{body})")) {
            return self.fail(number, format!("macro `{name}` is not a valid regex: {e}"));
        }
        self.defines.insert(name.to_string(), body);
    }

    fn start(&mut self, number: usize, id: &str) {
        self.finish_block();
        if id.is_empty() || id.contains(char::is_whitespace) {
            return self.fail(
                number,
                "a pattern needs an id without spaces, e.g. `pattern supports.supply_to`",
            );
        }
        if let Some(prev) = self.ids.get(id) {
            let prev = *prev;
            return self.fail(
                number,
                format!("pattern id `{id}` is already used at line {prev}"),
            );
        }
        self.ids.insert(id.to_string(), number);
        self.draft = Some(Draft {
            id: id.to_string(),
            relation: None,
            templates: Vec::new(),
            examples: Vec::new(),
            counters: Vec::new(),
            negated: false,
            unless: Vec::new(),
            origin: self.origin(number),
        });
    }

    fn add(&mut self, number: usize, key: &str, value: &str) {
        let origin = self.origin(number);
        let example = (key == "example").then(|| parse_example(value, origin.clone()));
        let Some(draft) = self.draft.as_mut() else {
            return self.fail(
                number,
                format!("`{key}` outside a pattern block; start the block with `pattern <id>`"),
            );
        };
        match key {
            "relation" => {
                if RELATIONS.iter().any(|(r, _)| *r == value) {
                    draft.relation = Some(value.to_string());
                } else {
                    let known: Vec<&str> = RELATIONS.iter().map(|(r, _)| *r).collect();
                    self.fail(
                        number,
                        format!(
                            "unknown relation `{value}`; use one of {}",
                            known.join(", ")
                        ),
                    );
                }
            }
            "match" => draft.templates.push((value.to_string(), number)),
            "unless" => draft.unless.push((value.to_string(), number)),
            "example" => match example.expect("parsed for example lines") {
                Ok(ex) => draft.examples.push(ex),
                Err(msg) => self.fail(number, msg),
            },
            "counter" => draft.counters.push((value.to_string(), origin)),
            "polarity" => match value {
                "negated" => draft.negated = true,
                "affirmed" => draft.negated = false,
                other => self.fail(
                    number,
                    format!("polarity `{other}` must be `negated` or `affirmed`"),
                ),
            },
            _ => {}
        }
    }

    fn finish_block(&mut self) {
        let Some(draft) = self.draft.take() else {
            return;
        };
        let line = draft.origin.line;
        let Some(relation) = draft.relation.clone() else {
            return self.fail(
                line,
                format!("pattern `{}` has no `relation` line", draft.id),
            );
        };
        if draft.templates.is_empty() {
            return self.fail(line, format!("pattern `{}` has no `match` line", draft.id));
        }
        if draft.examples.is_empty() {
            return self.fail(
                line,
                format!(
                    "pattern `{}` has no `example` line; every pattern carries one",
                    draft.id
                ),
            );
        }
        let mut templates = Vec::new();
        for (template, number) in &draft.templates {
            let mut forms = HashMap::new();
            let regex = match self.compile(template, *number, &mut forms) {
                Ok(regex) => regex,
                Err(msg) => {
                    self.fail(*number, msg);
                    continue;
                }
            };
            let cue = self.cue_source(template);
            let template = Template { regex, forms, cue };
            let has_x = template.forms.contains_key("X");
            let has_y = template.forms.contains_key("Y");
            let co = template.has_co_agents();
            let has_co = co && (has_x || template.has_pair());
            if co && !has_co {
                self.fail(*number, "{CO} goes with {X} or {PAIR}");
            } else if !(template.has_pair() || (has_x && has_y) || has_co) {
                self.fail(
                    *number,
                    "a template needs slots {X} and {Y}, {X} and {CO}, or {PAIR}",
                );
            } else {
                templates.push(template);
            }
        }
        let mut unless = Vec::new();
        for (veto, number) in &draft.unless {
            match self.compile(veto, *number, &mut HashMap::new()) {
                Ok(regex) => unless.push(regex),
                Err(msg) => self.fail(*number, msg),
            }
        }
        self.patterns.push(Pattern {
            id: draft.id,
            relation,
            templates,
            examples: draft.examples,
            counters: draft.counters,
            negated: draft.negated,
            unless,
            origin: draft.origin,
        });
    }

    /// Expands macros and checks one `match` (or `unless`) template from `line`.
    fn compile(
        &self,
        template: &str,
        line: usize,
        forms: &mut HashMap<&'static str, SlotForm>,
    ) -> Result<LazyRegex, String> {
        let expanded = self.expand(template, forms)?;
        LazyRegex::new(format!("(?i-u){expanded}"), line)
    }

    /// The regex of a template's cue, word-bounded and case-insensitive.
    fn cue_source(&self, template: &str) -> Option<String> {
        let start = template.find("[[")? + 2;
        let end = start + template[start..].find("]]")?;
        let inner = self
            .expand(&template[start..end], &mut HashMap::new())
            .ok()?;
        Some(ascii_word_boundaries(&format!(r"(?i)\b(?:{inner})\b")))
    }

    fn expand(
        &self,
        template: &str,
        forms: &mut HashMap<&'static str, SlotForm>,
    ) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = template;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("[[") {
                let end = after.find("]]").ok_or("`[[` without a closing `]]`")?;
                let inner = self.expand(&after[..end], forms)?;
                out.push_str(&format!(r"\b(?P<cue>{inner})\b"));
                rest = &after[end + 2..];
            } else if let Some(after) = rest.strip_prefix('{') {
                let end = after.find('}').ok_or("`{` without a closing `}`")?;
                let name = &after[..end];
                rest = &after[end + 1..];
                if name.chars().all(|c| c.is_ascii_digit() || c == ',') {
                    // A regex repetition such as `{0,3}`, not a macro.
                    out.push_str(&format!("{{{name}}}"));
                } else if let Some((regex, optional)) = BUILTINS.get(name) {
                    if matches!(name, "aux" | "gap") && out.ends_with(' ') {
                        // `{X} {aux}` also matches `X, for its part, ...`.
                        out.pop();
                        out.push_str(",? ");
                    }
                    out.push_str(regex);
                    // An optional macro brings its own trailing space.
                    if *optional {
                        rest = rest.strip_prefix(' ').unwrap_or(rest);
                    }
                } else if let Some(body) = self.defines.get(name) {
                    out.push_str(&format!("(?:{body})"));
                } else {
                    out.push_str(&self.slot(name, forms)?);
                }
            } else {
                let c = rest.chars().next().expect("rest is not empty");
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        Ok(out)
    }

    fn slot(
        &self,
        spec: &str,
        forms: &mut HashMap<&'static str, SlotForm>,
    ) -> Result<String, String> {
        let (name, form) = match spec.split_once(':') {
            Some((n, f)) => (n, f),
            None => (spec, ""),
        };
        let name: &'static str = match name {
            "X" => "X",
            "Y" => "Y",
            "CO" => "CO",
            "PAIR" => {
                let regex = match form {
                    "" => pair_regex(),
                    "compound" => compound_pair_regex(),
                    "adj" => r"(?P<PAIR>(?:the )?<A\d+>)".to_string(),
                    other => {
                        return Err(format!(
                            "unknown form `{other}` for PAIR; use {{PAIR}}, {{PAIR:compound}} or {{PAIR:adj}}"
                        ));
                    }
                };
                return insert_form(forms, "PAIR", SlotForm::Nominal).map(|_| regex);
            }
            other => {
                return Err(format!(
                    "unknown macro `{{{other}}}`; define it with `define {other} = ...`"
                ));
            }
        };
        let form = match form {
            "" => SlotForm::Nominal,
            "adj" => SlotForm::Adjectival,
            "any" => SlotForm::Any,
            "org" => SlotForm::Organisation,
            "state" => SlotForm::State,
            "hyphen" => SlotForm::Hyphenated,
            other => {
                return Err(format!(
                    "unknown slot form `{other}`; use adj, any, org, state or hyphen"
                ));
            }
        };
        insert_form(forms, name, form)?;
        Ok(slot_regex(name, form))
    }
}

fn insert_form(
    forms: &mut HashMap<&'static str, SlotForm>,
    name: &'static str,
    form: SlotForm,
) -> Result<(), String> {
    match forms.insert(name, form) {
        Some(previous) if previous != form => Err(format!(
            "slot {name} is used with two different forms in one pattern"
        )),
        _ => Ok(()),
    }
}

/// `Sentence. => IRN supports RUS; RUS attacks UKR -`
fn parse_example(value: &str, origin: Origin) -> Result<Example, String> {
    let (sentence, claims) = value.rsplit_once("=>").ok_or(
        "an example is `sentence => SUBJECT relation OBJECT` (add ` -` for a negated claim)",
    )?;
    let mut expected = Vec::new();
    for claim in claims.split(';') {
        let parts: Vec<&str> = claim.split_whitespace().collect();
        let polarity = match parts.get(3) {
            None => Polarity::Affirmed,
            Some(&"-") => Polarity::Negated,
            Some(&"+") => Polarity::Affirmed,
            Some(other) => return Err(format!("polarity `{other}` must be + or -")),
        };
        if parts.len() < 3 || parts.len() > 4 {
            return Err(format!(
                "`{}` is not `SUBJECT relation OBJECT [-]`",
                claim.trim()
            ));
        }
        if !RELATIONS.iter().any(|(r, _)| *r == parts[1]) {
            return Err(format!("unknown relation `{}` in example", parts[1]));
        }
        let (mut subject, mut object) = (parts[0].to_string(), parts[2].to_string());
        if is_symmetric(parts[1]) && object < subject {
            std::mem::swap(&mut subject, &mut object);
        }
        expected.push(ExpectedClaim {
            subject,
            relation: parts[1].to_string(),
            object,
            polarity,
        });
    }
    Ok(Example {
        sentence: sentence.trim().to_string(),
        claims: expected,
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        match parse("patterns.txt", text) {
            Ok(_) => Vec::new(),
            Err(p) => p.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_valid_block_compiles() {
        let set = parse(
            "patterns.txt",
            "define supply = supplie[sd]|sent\n\npattern s.one\nrelation supports\nmatch {X} {aux} [[{supply}]] {np} to {Y}\nexample Iran supplied drones to Russia. => IRN supports RUS\n",
        )
        .unwrap();
        let regex = set.patterns[0].templates[0].regex.get().unwrap();
        assert!(regex.is_match(b"<N0> has supplied drones to <N1>"));
        assert!(!regex.is_match(b"<N0> supplied <N1>"));
    }

    #[test]
    fn broken_blocks_are_reported_by_line() {
        let text = "pattern a\nrelation supports\nmatch {X} [[sends]] {Y}\n\npattern b\nrelation helps\nmatch {X} helps {Y}\nexample x => A supports B\n\npattern c\nrelation attacks\nmatch {X} (unclosed {Y}\nmatch {X} hits {Z}\nexample y => A attacks B\n";
        let p = problems(text);
        assert!(
            p.iter()
                .any(|m| m.starts_with("patterns.txt:1:") && m.contains("no `example`")),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|m| m.starts_with("patterns.txt:6:") && m.contains("unknown relation")),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|m| m.starts_with("patterns.txt:12:") && m.contains("does not compile")),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|m| m.starts_with("patterns.txt:13:") && m.contains("unknown macro")),
            "{p:?}"
        );
    }

    #[test]
    fn unless_lines_veto_matches_and_report_their_line() {
        let block = "pattern p\nrelation cooperates_with\nunless peace (?:deal|accord)\nmatch {PAIR} [[signed]] {np}(?:deal|accord)\nexample Japan and India signed a deal. => IND cooperates_with JPN\n";
        let set = parse("patterns.txt", block).unwrap();
        let pattern = &set.patterns[0];
        assert!(pattern.vetoes(b"<N0> signed a peace deal"));
        assert!(!pattern.vetoes(b"<N0> signed a trade deal"));
        let broken = block.replace("peace (?:deal|accord)", "peace (deal");
        let p = problems(&broken);
        assert!(
            p.iter()
                .any(|m| m.starts_with("patterns.txt:3:") && m.contains("does not compile")),
            "{p:?}"
        );
    }

    #[test]
    fn examples_sort_symmetric_ids() {
        let ex = parse_example(
            "s => USA cooperates_with JPN",
            Origin {
                file: "f".into(),
                line: 1,
            },
        )
        .unwrap();
        assert_eq!(ex.claims[0].to_string(), "JPN cooperates_with USA");
    }
}
