//! claimex turns geopolitical analysis articles into reviewable claims: who
//! does what to whom, each with the sentence that says it.
//!
//! The pipeline, one module per stage:
//! [`input`] (find and decode files) → [`normalize`] (fold typography) →
//! [`paragraphs`] and [`dedup`] (drop repeats and page furniture) →
//! [`sentences`] → [`tagger`] (actor mentions) → [`relations`] (claims from
//! [`patterns`]) → [`output`] (CSV and `run.json` for review).
//! [`eval`] scores claims against gold files.

pub mod boilerplate;
pub mod cmd;
pub mod dedup;
pub mod discover;
pub mod eval;

pub mod input;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod output;
pub mod paragraphs;
pub mod patterns;
pub mod pipeline;
pub mod relations;
pub mod sentences;
pub mod tagger;

use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Asks a running batch to stop after the chunk in progress (Ctrl-C).
pub fn interrupt() {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

/// True once [`interrupt`] was called.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}
