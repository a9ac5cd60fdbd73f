//! Writing (or reusing) the seeded synthetic corpus.
//!
//! Layout: `<dir>/part-NNN/doc-NNNNNN.txt`, 1000 files per folder, one
//! paragraph per line. A stamp file beside the folder (`<dir>.stamp`, kept
//! out of it so the pipeline never reads it) records what was generated, so
//! a corpus is reused only when its size, seed, lexicon and generator
//! version match.

use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::prose::{self, Cast, Rng};

/// Bump when the generator changes, so stale corpora are rebuilt.
const GENERATOR_VERSION: u32 = 2;
const MIN_FILE: usize = 4 * 1024;
const MAX_FILE: usize = 12 * 1024;
const FILES_PER_FOLDER: usize = 1000;

/// What a corpus folder holds.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub dir: PathBuf,
    pub files: usize,
    pub bytes: u64,
    pub words: u64,
    /// False when an existing folder was reused.
    pub generated: bool,
    pub generate_seconds: f64,
}

/// The corpus for `mb` megabytes (10^6 bytes, as `claimex run` counts them)
/// and `seed`, generated unless `dir` already holds exactly that.
pub fn ensure(dir: &Path, mb: u64, seed: u64, cast: &Cast) -> io::Result<Corpus> {
    let wanted = stamp_text(mb, seed, &cast.lexicon_id);
    let stamp_path = dir.with_extension("stamp");
    if let Some(corpus) = reuse(dir, &stamp_path, &wanted) {
        return Ok(corpus);
    }
    let started = std::time::Instant::now();
    // Generate beside the target and rename, so an interrupted run never
    // leaves a half-written folder that a later run would reuse.
    let staging = dir.with_extension(format!("tmp-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    let _ = fs::remove_file(&stamp_path);
    let (files, bytes, words) = generate(&staging, mb * 1_000_000, seed, cast)?;
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    fs::rename(&staging, dir)?;
    // Written last: a run interrupted before this point regenerates.
    let stamp = format!("{wanted}files={files} bytes={bytes} words={words}\n");
    fs::write(&stamp_path, stamp)?;
    Ok(Corpus {
        dir: dir.to_path_buf(),
        files,
        bytes,
        words,
        generated: true,
        generate_seconds: started.elapsed().as_secs_f64(),
    })
}

fn stamp_text(mb: u64, seed: u64, lexicon: &str) -> String {
    format!("claimex-bench-corpus v{GENERATOR_VERSION} mb={mb} seed={seed} lexicon={lexicon} ")
}

/// The existing corpus when its stamp says it is the one wanted.
fn reuse(dir: &Path, stamp_path: &Path, wanted: &str) -> Option<Corpus> {
    if !dir.is_dir() {
        return None;
    }
    let stamp = fs::read_to_string(stamp_path).ok()?;
    let rest = stamp.strip_prefix(wanted)?;
    let field = |key: &str| -> Option<u64> {
        rest.split_whitespace()
            .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))?
            .parse()
            .ok()
    };
    Some(Corpus {
        dir: dir.to_path_buf(),
        files: field("files")? as usize,
        bytes: field("bytes")?,
        words: field("words")?,
        generated: false,
        generate_seconds: 0.0,
    })
}

/// File sizes drawn from one stream and contents from one stream per file,
/// so the corpus is the same whatever the thread count.
fn generate(dir: &Path, total: u64, seed: u64, cast: &Cast) -> io::Result<(usize, u64, u64)> {
    let sizes = plan_sizes(total, seed);
    for folder in 0..sizes.len().div_ceil(FILES_PER_FOLDER) {
        fs::create_dir_all(dir.join(format!("part-{folder:03}")))?;
    }
    let written: io::Result<Vec<(u64, u64)>> = sizes
        .par_iter()
        .enumerate()
        .map(|(i, &size)| {
            let text = document(&mut Rng::fork(seed, i as u64), size, cast);
            let path = dir
                .join(format!("part-{:03}", i / FILES_PER_FOLDER))
                .join(format!("doc-{i:06}.txt"));
            fs::write(path, &text)?;
            Ok((text.len() as u64, text.split_whitespace().count() as u64))
        })
        .collect();
    let written = written?;
    let bytes = written.iter().map(|w| w.0).sum();
    let words = written.iter().map(|w| w.1).sum();
    Ok((sizes.len(), bytes, words))
}

/// Target sizes of 4-12 KB adding up to `total`; the remainder is split so
/// that the last files stay in range too.
fn plan_sizes(total: u64, seed: u64) -> Vec<usize> {
    let mut rng = Rng::new(seed);
    let mut sizes = Vec::new();
    let mut left = total as usize;
    while left > 0 {
        let size = rng.range(MIN_FILE, MAX_FILE);
        let size = match left {
            l if l >= size + MIN_FILE => size,
            l if l <= MAX_FILE => l,
            l => l / 2,
        };
        sizes.push(size);
        left -= size;
    }
    sizes
}

/// One scraped article of about `size` bytes (always 4-12 KB): headline,
/// dateline, body paragraphs, and now and then page furniture and a
/// repeated paragraph.
fn document(rng: &mut Rng, size: usize, cast: &Cast) -> String {
    let mut lines = vec![prose::headline(rng, cast)];
    if rng.chance(0.7) {
        lines.push(prose::dateline(rng));
    }
    let body_start = lines.len();
    // Furniture is drawn first so the body can leave room for it.
    let tail = furniture_tail(rng, cast);
    let tail_len: usize = tail.iter().map(|l| l.len() + 1).sum();
    let repeat = rng.chance(0.1);
    let caption_at = rng
        .chance(0.3)
        .then(|| rng.range(body_start + 1, body_start + 2));
    let mut len = lines.iter().map(|l| l.len() + 1).sum::<usize>() + tail_len;
    loop {
        if caption_at == Some(lines.len()) {
            push(&mut lines, &mut len, prose::caption(rng, cast));
        }
        let paragraph = prose::paragraph(rng, cast);
        // Stop on whichever side of the target is nearer, so sizes add up,
        // but never below the minimum or above the maximum file size.
        let nearer_to_stop = len + paragraph.len() / 2 > size && len >= MIN_FILE;
        let too_big = len + paragraph.len() + 1 > MAX_FILE;
        if lines.len() > body_start && (nearer_to_stop || too_big) {
            break;
        }
        push(&mut lines, &mut len, paragraph);
    }
    if repeat {
        repeat_paragraph(rng, &mut lines, body_start, len);
    }
    lines.extend(tail);
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn push(lines: &mut Vec<String>, len: &mut usize, line: String) {
    *len += line.len() + 1;
    lines.push(line);
}

/// A body paragraph copied further down, as scrapers of paginated or
/// "sticky" layouts produce (if it fits the file size limit).
fn repeat_paragraph(rng: &mut Rng, lines: &mut Vec<String>, body_start: usize, len: usize) {
    let from = rng.range(body_start, lines.len() - 1);
    if len + lines[from].len() + 1 > MAX_FILE {
        return;
    }
    let at = rng.range(from + 1, lines.len());
    let copy = lines[from].clone();
    lines.insert(at, copy);
}

/// Page furniture at the foot of a scraped page: a "Recommended" link list
/// (a quarter of files) and a share prompt.
fn furniture_tail(rng: &mut Rng, cast: &Cast) -> Vec<String> {
    let mut tail = Vec::new();
    if rng.chance(0.25) {
        tail.push("Recommended".to_string());
        for _ in 0..rng.range(3, 5) {
            tail.push(prose::headline(rng, cast));
        }
    }
    if rng.chance(0.15) {
        tail.push("Share this article".to_string());
    }
    tail
}
