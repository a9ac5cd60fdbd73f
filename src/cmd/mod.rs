//! One file per subcommand: its arguments, checked, and its `run`.

pub mod discover;
pub mod eval;
pub mod gold;
pub mod lexicon;
pub mod run;
