//! `claimex lexicon list|check`: what the tagger searches, and whether the
//! lexicon files are sound.

use std::io::{self, Write};
use std::path::Path;

use crate::cmd::run::{EXIT_OK, EXIT_USAGE};
use crate::lexicon;
use crate::patterns;
use crate::pipeline::{Engine, Limits};
use crate::relations::Extractor;
use crate::tagger::Tagger;

/// Prints every search form as `alias<TAB>actor<TAB>kind`.
pub fn list(dir: Option<&Path>) -> i32 {
    let engine = match Engine::load(dir, Limits::default()) {
        Ok(e) => e,
        Err(problems) => return report_problems(&problems),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let _ = writeln!(out, "alias\tactor\tkind");
    for (form, actor, kind) in engine.tagger.search_forms() {
        let actor = actor.map(|a| a.0).unwrap_or_else(|| "-".into());
        if writeln!(out, "{form}\t{actor}\t{}", kind.as_str()).is_err() {
            break; // A closed pipe (`| head`) is not an error.
        }
    }
    EXIT_OK
}

/// Validates every lexicon file and runs every pattern on its own examples.
pub fn check(dir: Option<&Path>) -> i32 {
    let files = match lexicon::read_files(dir) {
        Ok(files) => files,
        Err(problems) => return report_problems(&problems),
    };
    let patterns_file = files.iter().find(|f| f.name == "patterns.txt").cloned();
    let mut problems = Vec::new();
    let lexicon = lexicon::build(files).map_err(|p| problems.extend(p)).ok();
    let patterns = patterns_file.and_then(|f| {
        let set = patterns::parse(&f.name, &f.text)
            .map_err(|p| problems.extend(p))
            .ok()?;
        // A run builds templates as their cues occur; a check builds them all.
        let unbuilt = set.build_problems(true);
        problems.extend(unbuilt);
        Some(set)
    });
    if !problems.is_empty() {
        return report_problems(&problems);
    }
    let (lexicon, patterns) = (
        lexicon.expect("no problems"),
        patterns.expect("no problems"),
    );
    let summary = format!(
        "{} actors, {} names, {} people, {} patterns",
        lexicon.actors.len(),
        lexicon.names.len(),
        lexicon.people.len(),
        patterns.patterns.len()
    );
    let failures = example_failures(lexicon, patterns);
    for f in &failures {
        eprintln!("{f}");
    }
    if failures.is_empty() {
        println!("lexicon ok: {summary}, every example extracts its claims");
        EXIT_OK
    } else {
        eprintln!("{} example problems", failures.len());
        EXIT_USAGE
    }
}

fn report_problems(problems: &[lexicon::Problem]) -> i32 {
    for p in problems {
        eprintln!("{p}");
    }
    eprintln!("{} problems in the lexicon files", problems.len());
    EXIT_USAGE
}

/// Every pattern must extract the claims its examples promise, and nothing
/// from its counter-examples. Returns one message per failure, with file:line.
pub fn example_failures(lexicon: lexicon::Lexicon, patterns: patterns::PatternSet) -> Vec<String> {
    let tagger = Tagger::new(lexicon);
    let mut failures = Vec::new();
    for pattern in &patterns.patterns {
        let alone = Extractor::new(patterns::PatternSet {
            patterns: vec![pattern.clone()],
        });
        for example in &pattern.examples {
            let got = claims_of(&tagger, &alone, &example.sentence);
            for expected in &example.claims {
                if !got.contains(&expected.to_string()) {
                    failures.push(format!(
                        "{}: pattern {} does not extract `{expected}` from its example (got: {})",
                        example.origin,
                        pattern.id,
                        if got.is_empty() {
                            "nothing".to_string()
                        } else {
                            got.join("; ")
                        }
                    ));
                }
            }
        }
        for (counter, origin) in &pattern.counters {
            let got = claims_of(&tagger, &alone, counter);
            if !got.is_empty() {
                failures.push(format!(
                    "{origin}: pattern {} extracts `{}` from a counter-example",
                    pattern.id,
                    got.join("; ")
                ));
            }
        }
    }
    failures
}

/// Claims of one sentence as `SUBJ relation OBJ[ -]` strings.
pub fn claims_of(tagger: &Tagger, extractor: &Extractor, sentence: &str) -> Vec<String> {
    let text = crate::normalize::fold_str(sentence);
    let mentions = tagger.tag_sentence(&text);
    extractor
        .extract(tagger.lexicon(), &text, 0..text.len(), 0, &mentions)
        .into_iter()
        .map(|c| {
            let sign = if c.polarity == crate::model::Polarity::Negated {
                " -"
            } else {
                ""
            };
            format!("{} {} {}{sign}", c.subject, c.relation, c.object)
        })
        .collect()
}

/// Shows how one sentence is read: its mentions, its skeleton and its claims.
pub fn explain(dir: Option<&Path>, sentence: &str) -> i32 {
    let engine = match Engine::load(dir, Limits::default()) {
        Ok(e) => e,
        Err(problems) => return report_problems(&problems),
    };
    let text = crate::normalize::fold_str(sentence);
    let mentions = engine.tagger.tag_sentence(&text);
    for m in &mentions {
        let actor = m.actor.as_ref().map(|a| a.as_str()).unwrap_or("-");
        println!(
            "mention\t{}\t{actor}\t{}",
            &text[m.span.clone()],
            m.kind.as_str()
        );
    }
    let skeleton =
        crate::relations::skeleton(&text, 0..text.len(), &mentions, &engine.lexicon().agents);
    println!("skeleton\t{}", skeleton.text);
    for c in engine
        .extractor
        .extract(engine.lexicon(), &text, 0..text.len(), 0, &mentions)
    {
        println!(
            "claim\t{} {} {} {} {}\t{}",
            c.subject,
            c.relation,
            c.object,
            c.polarity.as_str(),
            c.modality.as_str(),
            c.pattern
        );
    }
    EXIT_OK
}
