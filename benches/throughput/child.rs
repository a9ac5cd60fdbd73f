//! The measured configurations. Each runs in its own child process of the
//! bench binary, so that the peak RSS it reports (VmHWM) is its own and not
//! the corpus generator's or another configuration's.
//!
//! A child prints its results on stdout as `BENCH <key> <number>` lines,
//! which the parent collects into a [`Measured`].

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use claimex::cmd::run::write_batch;
use claimex::input;
use claimex::output::{Output, RunInfo};
use claimex::pipeline::{Engine, Limits};
use claimex::tagger::Tagger;

const RESULT_PREFIX: &str = "BENCH ";

/// Numbers reported by one child, by key.
pub type Measured = BTreeMap<String, f64>;

/// Runs the configuration named on the command line; returns the exit code.
pub fn main(kind: &str, threads: usize, dir: &Path) -> i32 {
    // Other work on the machine skews wall times; record how busy it was.
    let load = load_average();
    let result = match kind {
        "pipeline" => pipeline_run(dir, threads),
        "baseline" => baseline_run(dir),
        other => Err(format!("unknown child kind `{other}`")),
    };
    match result {
        Ok(mut measured) => {
            measured.insert("load_avg_1m".into(), load);
            report(&measured);
            0
        }
        Err(message) => {
            eprintln!("throughput child: {message}");
            2
        }
    }
}

fn report(measured: &Measured) {
    for (key, value) in measured {
        println!("{RESULT_PREFIX}{key} {value}");
    }
}

/// Parses the `BENCH` lines of a child's stdout.
pub fn parse(stdout: &str) -> Measured {
    stdout
        .lines()
        .filter_map(|line| line.strip_prefix(RESULT_PREFIX))
        .filter_map(|rest| {
            let (key, value) = rest.split_once(' ')?;
            Some((key.to_string(), value.trim().parse().ok()?))
        })
        .collect()
}

/// `claimex run` over `dir`, as `cmd::run::execute` does it, with outputs in
/// a temporary folder and per-stage timings kept.
fn pipeline_run(dir: &Path, threads: usize) -> Result<Measured, String> {
    let mut m = Measured::new();
    let started = Instant::now();
    let engine = Engine::load(None, Limits::default())
        .map_err(|problems| format!("lexicon: {} problems", problems.len()))?;
    m.insert("setup_s".into(), started.elapsed().as_secs_f64());
    let inventory = input::discover(&[dir.to_path_buf()]).map_err(|e| e.to_string())?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| e.to_string())?;
    let out = scratch_dir()?;
    let cpu_before = process_cpu_seconds();
    let wall = Instant::now();
    pool.install(|| execute(&engine, inventory, dir, out.path(), &mut m))
        .map_err(|e| format!("writing to {}: {e}", out.path().display()))?;
    m.insert("wall_s".into(), wall.elapsed().as_secs_f64());
    m.insert("cpu_s".into(), process_cpu_seconds() - cpu_before);
    m.insert("threads".into(), threads as f64);
    m.insert("peak_rss_kb".into(), peak_rss_kb());
    Ok(m)
}

/// The body of `cmd::run::execute`, minus the progress bar and summary.
fn execute(
    engine: &Engine,
    inventory: input::Inventory,
    input_dir: &Path,
    out: &Path,
    m: &mut Measured,
) -> std::io::Result<()> {
    let mut output = Output::create(out, false)?;
    for unreadable in &inventory.skipped {
        output.record_unreadable(&unreadable.name, &unreadable.reason)?;
    }
    // The same batch writer as `claimex run`, so the bench measures it.
    let written = write_batch(engine, &inventory.files, &mut output, |_| {})?;
    // The outputs are deleted afterwards, so say here what went wrong.
    for line in &written.failed {
        eprintln!("throughput child: failed: {line}");
    }
    for line in &written.skipped {
        eprintln!("throughput child: skipped: {line}");
    }
    let timings = written.timings;
    let finish = Instant::now();
    let counts = output.finish(&RunInfo::describe(&[input_dir.to_path_buf()], engine))?;
    m.insert("finish_s".into(), finish.elapsed().as_secs_f64());
    for (stage, spent) in timings.stages() {
        m.insert(format!("stage_{stage}_s"), spent.as_secs_f64());
    }
    let counted = [
        ("files", counts.files),
        ("processed", counts.processed),
        ("skipped", counts.skipped),
        ("failed", counts.failed),
        ("paragraphs_kept", counts.paragraphs_kept),
        ("paragraphs_removed", counts.paragraphs_removed),
        ("sentences", counts.sentences),
        ("mentions", counts.mentions),
        ("claims", counts.claims),
    ];
    for (key, n) in counted {
        m.insert(key.into(), n as f64);
    }
    m.insert("bytes".into(), counts.bytes as f64);
    Ok(())
}

/// Outputs go under `target/` rather than `/tmp`: they are about as large as
/// the input, and `/tmp` may be a RAM disk.
fn scratch_dir() -> Result<tempfile::TempDir, String> {
    let parent = crate::target_dir().join("bench-out");
    std::fs::create_dir_all(&parent).map_err(|e| e.to_string())?;
    tempfile::Builder::new()
        .prefix("run-")
        .tempdir_in(&parent)
        .map_err(|e| e.to_string())
}

/// The floor under the pipeline: one leftmost-longest DFA over every alias,
/// single-threaded, reading each file from disk and counting matches.
fn baseline_run(dir: &Path) -> Result<Measured, String> {
    let mut m = Measured::new();
    let forms = search_forms()?;
    let started = Instant::now();
    let dfa = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&forms)
        .map_err(|e| e.to_string())?;
    m.insert("setup_s".into(), started.elapsed().as_secs_f64());
    let files: Vec<PathBuf> = input::discover(&[dir.to_path_buf()])
        .map_err(|e| e.to_string())?
        .files
        .into_iter()
        .map(|f| f.path)
        .collect();
    let cpu_before = process_cpu_seconds();
    let wall = Instant::now();
    let (bytes, matches) = count_matches(&dfa, &files)?;
    m.insert("wall_s".into(), wall.elapsed().as_secs_f64());
    m.insert("cpu_s".into(), process_cpu_seconds() - cpu_before);
    m.insert("bytes".into(), bytes as f64);
    m.insert("matches".into(), matches as f64);
    m.insert("patterns".into(), forms.len() as f64);
    m.insert("dfa_heap_bytes".into(), dfa.memory_usage() as f64);
    m.insert("peak_rss_kb".into(), peak_rss_kb());
    Ok(m)
}

/// The tagger's search forms (what `engine.tagger.search_forms()` gives).
/// Built from a bare `Tagger`, not an `Engine`, so that compiling the
/// relation patterns does not set this configuration's peak RSS.
fn search_forms() -> Result<Vec<String>, String> {
    let lexicon = claimex::lexicon::load(None)
        .map_err(|problems| format!("lexicon: {} problems", problems.len()))?;
    Ok(Tagger::new(lexicon)
        .search_forms()
        .into_iter()
        .map(|(form, _, _)| form)
        .collect())
}

fn count_matches(dfa: &AhoCorasick, files: &[PathBuf]) -> Result<(u64, u64), String> {
    let mut buffer = Vec::new();
    let (mut bytes, mut matches) = (0u64, 0u64);
    for path in files {
        buffer.clear();
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut buffer))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += buffer.len() as u64;
        matches += dfa.find_iter(&buffer).count() as u64;
    }
    Ok((bytes, matches))
}

/// The 1-minute load average (Linux only; 0 elsewhere).
fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0)
}

/// Peak resident set size of this process, in kB (Linux only; 0 elsewhere).
fn peak_rss_kb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0)
}

/// User + system CPU seconds of the whole process, all threads (Linux only).
fn process_cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return 0.0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the file: indices 11 and 12 here.
    let ticks = |i: usize| fields.get(i).and_then(|s| s.parse::<f64>().ok());
    // /proc reports in USER_HZ, which Linux fixes at 100 for user space.
    match (ticks(11), ticks(12)) {
        (Some(user), Some(system)) => (user + system) / 100.0,
        _ => 0.0,
    }
}
