//! Loading the lexicon files: who the actors are and every name they go by.
//!
//! The files are plain text an analyst edits (see `lexicons/README.md`). The
//! binary embeds the shipped ones; a folder given with `--lexicons` replaces
//! any of them. Every problem is reported with `file:line`, and all problems
//! are collected before giving up, so one `lexicon check` shows them all.

use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use crate::model::{ActorId, MentionKind};
use crate::normalize::fold_str;

/// The lexicon files, by name, with the text the binary ships.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("states.tsv", include_str!("../lexicons/states.tsv")),
    (
        "organisations.tsv",
        include_str!("../lexicons/organisations.tsv"),
    ),
    ("people.tsv", include_str!("../lexicons/people.tsv")),
    ("regions.tsv", include_str!("../lexicons/regions.tsv")),
    ("agents.txt", include_str!("../lexicons/agents.txt")),
    ("patterns.txt", include_str!("../lexicons/patterns.txt")),
];

/// A place in a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A broken lexicon line and what to do about it.
#[derive(Debug, Clone)]
pub struct Problem {
    pub origin: Origin,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// One lexicon file as read, for the run report.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    /// `embedded` or the path it was read from.
    pub source: String,
    pub sha256: String,
    pub text: String,
}

/// What an actor id stands for.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    pub kind: MentionKind,
    pub members: Vec<ActorId>,
}

/// A term of office: the state a person stands for, and when.
#[derive(Debug, Clone)]
pub struct Term {
    pub actor: Option<ActorId>,
    pub role: String,
    pub from: String,
    pub to: String,
}

/// What a name found in text refers to.
#[derive(Debug, Clone)]
pub enum Referent {
    Actor(ActorId),
    /// A person: index into [`Lexicon::people`].
    Person(usize),
    Region,
}

/// One name the tagger looks for.
#[derive(Debug, Clone)]
pub struct Name {
    /// Folded, as written in the lexicon.
    pub text: String,
    pub kind: MentionKind,
    pub referent: Referent,
    pub origin: Origin,
}

/// A person with all their terms.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub terms: Vec<Term>,
}

impl Person {
    /// The state the person stands for on `date` (`YYYY-MM-DD`), or in their
    /// latest term when the date is unknown or outside every term.
    pub fn actor_on(&self, date: Option<&str>) -> Option<ActorId> {
        let in_office = |t: &&Term| {
            date.is_some_and(|d| t.from.as_str() <= d && (t.to.is_empty() || d <= t.to.as_str()))
        };
        let term = self
            .terms
            .iter()
            .find(in_office)
            .or_else(|| self.terms.iter().max_by(|a, b| a.from.cmp(&b.from)));
        term.and_then(|t| t.actor.clone())
    }
}

/// Everything the tagger and the pattern engine know.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub actors: BTreeMap<ActorId, Actor>,
    pub names: Vec<Name>,
    pub people: Vec<Person>,
    /// Nouns that make an actor of a demonym or possessive (`navy`, `officials`).
    pub agents: Vec<String>,
    pub files: Vec<SourceFile>,
}

impl Lexicon {
    /// Text of one of the lexicon files (the patterns file, for the pattern engine).
    pub fn file_text(&self, name: &str) -> Option<&SourceFile> {
        self.files.iter().find(|f| f.name == name)
    }

    /// True for organisations, including ones a document defines itself
    /// (`the Minerals Security Partnership (MSP)`), which no lexicon lists.
    pub fn is_organisation(&self, id: &ActorId) -> bool {
        self.actors
            .get(id)
            .is_none_or(|a| a.kind == MentionKind::Organisation)
    }
}

/// Reads the lexicon files from `dir` (any file missing there comes from the
/// embedded defaults), or only the embedded ones when `dir` is `None`.
pub fn read_files(dir: Option<&Path>) -> Result<Vec<SourceFile>, Vec<Problem>> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for (name, embedded) in EMBEDDED {
        let path = dir.map(|d| d.join(name));
        let (text, source) = match path {
            Some(p) if p.exists() => match std::fs::read(&p) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => (text, p.display().to_string()),
                    Err(e) => {
                        problems.push(problem(
                            name,
                            0,
                            format!("not UTF-8 ({e}); save the file as UTF-8"),
                        ));
                        continue;
                    }
                },
                Err(e) => {
                    problems.push(problem(
                        name,
                        0,
                        format!("cannot read {}: {e}", p.display()),
                    ));
                    continue;
                }
            },
            _ => (embedded.to_string(), "embedded".to_string()),
        };
        files.push(SourceFile {
            name: name.to_string(),
            source,
            sha256: sha256_hex(text.as_bytes()),
            text,
        });
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn problem(file: &str, line: usize, message: String) -> Problem {
    Problem {
        origin: Origin {
            file: file.to_string(),
            line,
        },
        message,
    }
}

/// Loads and validates the lexicon (without the patterns, which the pattern
/// engine reads from [`Lexicon::files`]).
pub fn load(dir: Option<&Path>) -> Result<Lexicon, Vec<Problem>> {
    let files = read_files(dir)?;
    build(files)
}

/// Builds the lexicon from file texts, collecting every problem.
pub fn build(files: Vec<SourceFile>) -> Result<Lexicon, Vec<Problem>> {
    let mut builder = Builder::default();
    for file in &files {
        match file.name.as_str() {
            "states.tsv" => builder.states(file),
            "organisations.tsv" => builder.organisations(file),
            "regions.tsv" => builder.regions(file),
            "agents.txt" => builder.agents(file),
            _ => {}
        }
    }
    // People refer to states, so they are read once every state is known.
    if let Some(file) = files.iter().find(|f| f.name == "people.tsv") {
        builder.people(file);
    }
    builder.check_members();
    builder.check_clashes();
    if !builder.problems.is_empty() {
        return Err(builder.problems);
    }
    let mut lexicon = builder.lexicon;
    lexicon.files = files;
    Ok(lexicon)
}

/// A data line of a TSV file: its number and fields.
struct Row<'a> {
    line: usize,
    fields: Vec<&'a str>,
}

fn rows(text: &str) -> impl Iterator<Item = Row<'_>> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        Some(Row {
            line: i + 1,
            fields: line.split('\t').map(str::trim).collect(),
        })
    })
}

fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

#[derive(Default)]
struct Builder {
    lexicon: Lexicon,
    problems: Vec<Problem>,
    /// Member lists to check once every state is known.
    pending_members: Vec<(ActorId, Origin)>,
}

impl Builder {
    fn fail(&mut self, file: &str, line: usize, message: impl Into<String>) {
        self.problems.push(problem(file, line, message.into()));
    }

    fn expect_fields(&mut self, file: &str, row: &Row, columns: &[&str]) -> bool {
        if row.fields.len() == columns.len() {
            return true;
        }
        self.fail(
            file,
            row.line,
            format!(
                "expected {} TAB-separated fields ({}), found {}; check for spaces used instead of TABs",
                columns.len(),
                columns.join(", "),
                row.fields.len()
            ),
        );
        false
    }

    fn add_name(&mut self, text: &str, kind: MentionKind, referent: Referent, origin: Origin) {
        let text = fold_str(text);
        if text.strip_prefix("the ").is_some() || text.strip_prefix("The ").is_some() {
            self.problems.push(Problem {
                origin: origin.clone(),
                message: format!("`{text}` starts with `the`; write the name without it"),
            });
        }
        self.lexicon.names.push(Name {
            text,
            kind,
            referent,
            origin,
        });
    }

    fn add_actor(&mut self, file: &str, line: usize, actor: Actor) -> bool {
        if let Some(existing) = self.lexicon.actors.get(&actor.id) {
            let name = existing.name.clone();
            self.fail(
                file,
                line,
                format!("id {} is already used for {name}", actor.id),
            );
            return false;
        }
        self.lexicon.actors.insert(actor.id.clone(), actor);
        true
    }

    fn states(&mut self, file: &SourceFile) {
        const COLUMNS: &[&str] = &["id", "name", "aliases", "demonyms", "metonyms"];
        for row in rows(&file.text) {
            if !self.expect_fields(&file.name, &row, COLUMNS) {
                continue;
            }
            let (id, name) = (row.fields[0], row.fields[1]);
            if !is_alpha3(id) {
                self.fail(&file.name, row.line, format!("state id `{id}` is not an ISO 3166-1 alpha-3 code (three upper-case letters)"));
                continue;
            }
            if name.is_empty() {
                self.fail(&file.name, row.line, "the name field is empty");
                continue;
            }
            let id = ActorId(id.to_string());
            let actor = Actor {
                id: id.clone(),
                name: name.to_string(),
                kind: MentionKind::State,
                members: Vec::new(),
            };
            if !self.add_actor(&file.name, row.line, actor) {
                continue;
            }
            let origin = Origin {
                file: file.name.clone(),
                line: row.line,
            };
            let referent = || Referent::Actor(id.clone());
            for alias in std::iter::once(name).chain(list(row.fields[2])) {
                self.add_name(alias, MentionKind::State, referent(), origin.clone());
            }
            for demonym in list(row.fields[3]) {
                self.add_name(demonym, MentionKind::Demonym, referent(), origin.clone());
            }
            for metonym in list(row.fields[4]) {
                self.add_name(metonym, MentionKind::Metonym, referent(), origin.clone());
            }
        }
    }

    fn organisations(&mut self, file: &SourceFile) {
        const COLUMNS: &[&str] = &["id", "name", "aliases", "members"];
        for row in rows(&file.text) {
            if !self.expect_fields(&file.name, &row, COLUMNS) {
                continue;
            }
            let id = row.fields[0];
            // `3_PLUS_3` names the 3+3 format: an id may open with a digit,
            // as long as it has a letter somewhere.
            let valid_id = id.bytes().any(|b| b.is_ascii_uppercase())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
            if !valid_id {
                self.fail(&file.name, row.line, format!("organisation id `{id}` must be upper-case letters, digits and `_` (e.g. WARSAW_PACT)"));
                continue;
            }
            let id = ActorId(id.to_string());
            let origin = Origin {
                file: file.name.clone(),
                line: row.line,
            };
            let members: Vec<ActorId> = list(row.fields[3])
                .map(|m| ActorId(m.to_string()))
                .collect();
            for m in &members {
                self.pending_members.push((m.clone(), origin.clone()));
            }
            let actor = Actor {
                id: id.clone(),
                name: row.fields[1].to_string(),
                kind: MentionKind::Organisation,
                members,
            };
            if !self.add_actor(&file.name, row.line, actor) {
                continue;
            }
            for alias in std::iter::once(row.fields[1]).chain(list(row.fields[2])) {
                self.add_name(
                    alias,
                    MentionKind::Organisation,
                    Referent::Actor(id.clone()),
                    origin.clone(),
                );
            }
        }
    }

    fn regions(&mut self, file: &SourceFile) {
        const COLUMNS: &[&str] = &["name", "aliases"];
        for row in rows(&file.text) {
            let fields = row.fields.len();
            if fields == 1 || fields == 2 {
                let origin = Origin {
                    file: file.name.clone(),
                    line: row.line,
                };
                let aliases = row.fields.get(1).copied().unwrap_or("");
                for name in std::iter::once(row.fields[0]).chain(list(aliases)) {
                    self.add_name(name, MentionKind::Region, Referent::Region, origin.clone());
                }
            } else {
                self.expect_fields(&file.name, &row, COLUMNS);
            }
        }
    }

    fn agents(&mut self, file: &SourceFile) {
        for (i, line) in file.text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.contains('\t') {
                self.fail(&file.name, i + 1, "one noun phrase per line, without TABs");
                continue;
            }
            self.lexicon.agents.push(fold_str(line));
        }
    }

    fn people(&mut self, file: &SourceFile) {
        const COLUMNS: &[&str] = &["name", "aliases", "actor", "role", "from", "to"];
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for row in rows(&file.text) {
            if !self.expect_fields(&file.name, &row, COLUMNS) {
                continue;
            }
            let [name, aliases, actor, role, from, to] = row.fields[..] else {
                continue;
            };
            let actor = match actor {
                "-" => None,
                id if self.lexicon.actors.contains_key(&ActorId(id.to_string())) => {
                    Some(ActorId(id.to_string()))
                }
                id => {
                    self.fail(
                        &file.name,
                        row.line,
                        format!("actor `{id}` is not an id from states.tsv or organisations.tsv, nor `-`"),
                    );
                    continue;
                }
            };
            if let Some(bad) = [from, to]
                .into_iter()
                .find(|d| !d.is_empty() && !is_date(d))
            {
                self.fail(
                    &file.name,
                    row.line,
                    format!("date `{bad}` is not YYYY, YYYY-MM or YYYY-MM-DD"),
                );
                continue;
            }
            let term = Term {
                actor,
                role: role.to_string(),
                from: from.to_string(),
                to: to.to_string(),
            };
            let origin = Origin {
                file: file.name.clone(),
                line: row.line,
            };
            let index = *by_name.entry(name.to_string()).or_insert_with(|| {
                self.lexicon.people.push(Person {
                    name: name.to_string(),
                    terms: Vec::new(),
                });
                self.lexicon.people.len() - 1
            });
            // Every term may bring aliases of its own (`Rutte` as NATO's
            // Secretary General); each name is added once per person.
            for alias in std::iter::once(name).chain(list(aliases)) {
                let folded = fold_str(alias);
                let known = self.lexicon.names.iter().any(|n| {
                    n.text == folded && matches!(n.referent, Referent::Person(p) if p == index)
                });
                if !known {
                    self.add_name(
                        alias,
                        MentionKind::Person,
                        Referent::Person(index),
                        origin.clone(),
                    );
                }
            }
            if is_head_of_government(role) && term.actor.is_some() {
                self.add_derived_names(name, term.actor.clone().unwrap(), origin);
            }
            self.lexicon.people[index].terms.push(term);
        }
    }

    /// `Biden administration`, `Albanese government`: the government a head leads.
    fn add_derived_names(&mut self, name: &str, actor: ActorId, origin: Origin) {
        let Some(surname) = name.split_whitespace().last() else {
            return;
        };
        for suffix in ["administration", "government"] {
            let derived = format!("{surname} {suffix}");
            if !self.lexicon.names.iter().any(|n| n.text == derived) {
                self.add_name(
                    &derived,
                    MentionKind::Metonym,
                    Referent::Actor(actor.clone()),
                    origin.clone(),
                );
            }
        }
    }

    fn check_members(&mut self) {
        let pending = std::mem::take(&mut self.pending_members);
        for (member, origin) in pending {
            let known = self.lexicon.actors.contains_key(&member);
            // A member state needs no row of its own, only a state id's shape.
            let historical = is_alpha3(&member.0);
            if !known && !historical {
                self.problems.push(Problem {
                    origin,
                    message: format!("member `{member}` is not a state id"),
                });
            }
        }
    }

    /// The same name may not stand for two different things.
    fn check_clashes(&mut self) {
        let mut first: HashMap<&str, &Name> = HashMap::new();
        let mut clashes = Vec::new();
        for name in &self.lexicon.names {
            match first.get(name.text.as_str()) {
                Some(prev) if !same_referent(&self.lexicon, prev, name) => clashes.push(Problem {
                    origin: name.origin.clone(),
                    message: format!(
                        "`{}` already names something else at {}; keep it in one place, or drop it if it is ambiguous",
                        name.text, prev.origin
                    ),
                }),
                Some(_) => {}
                None => {
                    first.insert(&name.text, name);
                }
            }
        }
        self.problems.extend(clashes);
    }
}

fn same_referent(lexicon: &Lexicon, a: &Name, b: &Name) -> bool {
    match (&a.referent, &b.referent) {
        (Referent::Actor(x), Referent::Actor(y)) => x == y,
        (Referent::Region, Referent::Region) => true,
        (Referent::Person(x), Referent::Person(y)) => {
            x == y || lexicon.people[*x].actor_on(None) == lexicon.people[*y].actor_on(None)
        }
        (Referent::Person(p), Referent::Actor(id)) | (Referent::Actor(id), Referent::Person(p)) => {
            lexicon.people[*p].actor_on(None).as_ref() == Some(id)
        }
        _ => false,
    }
}

/// The shape of an ISO 3166-1 alpha-3 code: three upper-case letters.
fn is_alpha3(id: &str) -> bool {
    id.len() == 3 && id.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let widths_ok = match parts.len() {
        1 => parts[0].len() == 4,
        2 => parts[0].len() == 4 && parts[1].len() == 2,
        3 => parts[0].len() == 4 && parts[1].len() == 2 && parts[2].len() == 2,
        _ => false,
    };
    widths_ok && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

fn is_head_of_government(role: &str) -> bool {
    let role = role.to_ascii_lowercase();
    ["president", "prime minister", "chancellor", "premier"]
        .iter()
        .any(|r| role.contains(r))
        && !role.contains("vice")
        && !role.contains("deputy")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile {
            name: name.into(),
            source: "test".into(),
            sha256: String::new(),
            text: text.into(),
        }
    }

    fn problems(files: Vec<SourceFile>) -> Vec<String> {
        match build(files) {
            Ok(_) => Vec::new(),
            Err(p) => p.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn embedded_lexicon_is_valid() {
        let lexicon = load(None).unwrap_or_else(|p| {
            panic!(
                "{}",
                p.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert!(lexicon.actors.len() > 200);
        assert!(lexicon.actors.contains_key(&ActorId("USA".into())));
        assert!(lexicon.actors.contains_key(&ActorId("NATO".into())));
    }

    #[test]
    fn broken_rows_are_reported_with_file_and_line() {
        let states = "# header\nUSA\tUnited States\tU.S.\tAmerican\tWashington\nusa\tBad\t\t\t\nFRA France\n";
        let p = problems(vec![file("states.tsv", states)]);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].starts_with("states.tsv:3:"), "{}", p[0]);
        assert!(
            p[1].starts_with("states.tsv:4:") && p[1].contains("TAB"),
            "{}",
            p[1]
        );
    }

    #[test]
    fn a_name_for_two_actors_is_a_clash() {
        let states = "USA\tUnited States\tAmerica\t\t\nMEX\tMexico\tAmerica\t\t\n";
        let p = problems(vec![file("states.tsv", states)]);
        assert_eq!(p.len(), 1);
        assert!(
            p[0].starts_with("states.tsv:2:") && p[0].contains("states.tsv:1"),
            "{}",
            p[0]
        );
    }

    #[test]
    fn person_resolves_by_date_then_latest_term() {
        let states = "USA\tUnited States\t\t\t\n";
        let people = "Henry Kissinger\tKissinger\tUSA\tSecretary of State\t1973-09-22\t1977-01-20\nHenry Kissinger\tKissinger\t-\tScholar\t1977-01-20\t2023-11-29\n";
        let lexicon = build(vec![file("states.tsv", states), file("people.tsv", people)]).unwrap();
        let person = &lexicon.people[0];
        assert_eq!(
            person.actor_on(Some("1975-01-01")),
            Some(ActorId("USA".into()))
        );
        assert_eq!(person.actor_on(None), None);
    }

    #[test]
    fn unknown_person_actor_and_bad_date_are_reported() {
        let states = "USA\tUnited States\t\t\t\n";
        let people = "A B\t\tXXX\tPresident\t2000\t\nC D\t\tUSA\tPresident\t20-01\t\n";
        let p = problems(vec![file("states.tsv", states), file("people.tsv", people)]);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].contains("people.tsv:1") && p[1].contains("people.tsv:2"));
    }
}
