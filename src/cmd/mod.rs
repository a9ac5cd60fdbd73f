//! One file per subcommand: its arguments, checked, and its `run`.

pub mod discover;
pub mod eval;
pub mod gold;
pub mod lexicon;
pub mod run;

use std::path::Path;

use crate::pipeline::{Engine, Limits};

/// Loads the lexicons and patterns, or prints every problem with
/// `file:line` and returns the usage exit code.
pub fn load_engine(dir: Option<&Path>, limits: Limits) -> Result<Engine, i32> {
    Engine::load(dir, limits).map_err(|problems| {
        for p in &problems {
            eprintln!("claimex: lexicon error: {p}");
        }
        eprintln!("claimex: fix the lines above (`claimex lexicon check` lists them all)");
        run::EXIT_USAGE
    })
}

/// Warns of templates that failed to build when a cue first called for them
/// (only the size limit can do that once the syntax checked out at load):
/// they matched nothing in this run.
pub fn warn_unbuilt(engine: &Engine) {
    for p in engine.extractor.patterns().build_problems(false) {
        eprintln!("claimex: warning: {p} (this template matched nothing in this run)");
    }
}
