//! Reproducible end-to-end throughput bench for `claimex run`.
//!
//! ```text
//! cargo bench --bench throughput -- --smoke            # 2 MB corpus, seconds; what CI runs
//! cargo bench --bench throughput -- --mb 100           # the reference run (default: 100 MB)
//! cargo bench --bench throughput -- --mb 100 --seed 7  # another corpus of the same size
//! cargo bench --bench throughput -- --mb-list 100,400  # peak RSS at each size, side by side
//! ```
//!
//! What it does, for each corpus size:
//!
//! 1. Writes N MB (10^6 bytes) of synthetic geopolitical articles to
//!    `target/bench-corpus/<N>mb/` from a seeded generator (splitmix64, no
//!    `rand`), or reuses that folder when its stamp says it holds the same
//!    size, seed, lexicon and generator version (the actors come from the
//!    lexicon, so the same seed gives the same corpus for the same lexicon). Sentences are recombined from
//!    templates with actors from the shipped lexicon; files are 4-12 KB, one
//!    paragraph per line, with some scraped-page furniture (captions,
//!    "Recommended" lists, a repeated paragraph in ~10% of files).
//! 2. Runs the pipeline over it exactly as `claimex run` does (engine,
//!    `input::discover`, `pipeline::run_batch` in a rayon pool, `Output` to a
//!    temporary folder under `target/bench-out/`), with 1 and then 2 threads.
//! 3. Runs a floor: one leftmost-longest Aho-Corasick DFA over every lexicon
//!    search form, reading each file from disk and counting matches, on one
//!    thread.
//!
//! Each measured configuration runs in a child process (this binary,
//! re-executed with `--child pipeline|baseline --threads N --dir D`) so that
//! its peak RSS (VmHWM) is its own. Timings are printed, never asserted. The
//! bench exits non-zero only when the pipeline reports failed files, writes
//! no claims, or a child fails: that is what makes the CI smoke run useful.
//!
//! Reading the tables: `wall_s` and `MB/s` are end to end without setup
//! (lexicon and pattern compilation is `setup_s`); `cpu_s` is the child's
//! user+system time, so `MB/cpu_s` is the figure least skewed by other load
//! on the machine (`load_1m`). Stage times come from `pipeline::Timings`,
//! which clocks each stage per document and sums over threads. With
//! `--mb-list`, a last table gives peak RSS per size against the first size
//! (the "RSS at 400 MB <= 1.2x RSS at 100 MB" check is read from it).
//!
//! `--smoke` overrides `--mb`/`--mb-list`. Unknown flags are ignored,
//! because `cargo bench` passes `--bench`.

#[path = "throughput/child.rs"]
mod child;
#[path = "throughput/corpus.rs"]
mod corpus;
#[path = "throughput/prose.rs"]
mod prose;
#[path = "throughput/report.rs"]
mod report;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use child::Measured;
use corpus::Corpus;

const SMOKE_MB: u64 = 2;

/// The command line, parsed by hand.
#[derive(Debug)]
struct Args {
    sizes: Vec<u64>,
    seed: u64,
    child: Option<ChildArgs>,
}

#[derive(Debug)]
struct ChildArgs {
    kind: String,
    threads: usize,
    dir: PathBuf,
}

/// Everything measured for one corpus size.
pub struct SizeResult {
    pub corpus: Corpus,
    pub seed: u64,
    pub one: Measured,
    pub two: Measured,
    pub dfa: Measured,
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("throughput: {message}");
            return ExitCode::from(2);
        }
    };
    if let Some(c) = &args.child {
        return ExitCode::from(child::main(&c.kind, c.threads, &c.dir) as u8);
    }
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("throughput: {message}");
            ExitCode::from(2)
        }
    }
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args {
        sizes: vec![100],
        seed: 42,
        child: None,
    };
    let (mut smoke, mut kind, mut threads, mut dir) = (false, None, 1, None);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--mb" | "--mb-list" => args.sizes = number_list(&value()?)?,
            "--seed" => args.seed = number(&value()?)?,
            "--smoke" => smoke = true,
            "--child" => kind = Some(value()?),
            "--threads" => threads = number(&value()?)? as usize,
            "--dir" => dir = Some(PathBuf::from(value()?)),
            // `cargo bench` adds `--bench`; filters and the like mean nothing here.
            _ => {}
        }
    }
    if smoke {
        args.sizes = vec![SMOKE_MB];
    }
    if let Some(kind) = kind {
        let dir = dir.ok_or("--child needs --dir")?;
        args.child = Some(ChildArgs { kind, threads, dir });
    }
    Ok(args)
}

fn number(text: &str) -> Result<u64, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a whole number"))
}

fn number_list(text: &str) -> Result<Vec<u64>, String> {
    let sizes: Vec<u64> = text.split(',').map(number).collect::<Result<_, _>>()?;
    if sizes.contains(&0) {
        return Err("corpus sizes must be at least 1 MB".into());
    }
    Ok(sizes)
}

/// `$CARGO_TARGET_DIR`, or the package's `target/`.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// Benches every size; returns false when a pipeline run looks broken.
fn run(args: &Args) -> Result<bool, String> {
    let lexicon = claimex::lexicon::load(None)
        .map_err(|problems| format!("lexicon: {} problems", problems.len()))?;
    let cast = prose::Cast::from_lexicon(&lexicon);
    let mut results = Vec::new();
    let mut healthy = true;
    for &mb in &args.sizes {
        let result = bench_size(mb, args.seed, &cast)?;
        report::print_size(&result);
        healthy &= check(&result);
        results.push(result);
    }
    if results.len() > 1 {
        report::print_rss_summary(&results);
    }
    Ok(healthy)
}

fn bench_size(mb: u64, seed: u64, cast: &prose::Cast) -> Result<SizeResult, String> {
    let dir = target_dir().join("bench-corpus").join(format!("{mb}mb"));
    std::fs::create_dir_all(dir.parent().expect("has a parent")).map_err(|e| e.to_string())?;
    let corpus = corpus::ensure(&dir, mb, seed, cast)
        .map_err(|e| format!("writing corpus {}: {e}", dir.display()))?;
    // A reused corpus may be cold; the first configuration should not pay
    // for disk reads the others then get from the page cache.
    warm_page_cache(&dir);
    Ok(SizeResult {
        one: spawn_child("pipeline", 1, &dir)?,
        two: spawn_child("pipeline", 2, &dir)?,
        dfa: spawn_child("baseline", 1, &dir)?,
        corpus,
        seed,
    })
}

fn warm_page_cache(dir: &Path) {
    if let Ok(inventory) = claimex::input::discover(&[dir.to_path_buf()]) {
        for file in &inventory.files {
            let _ = std::fs::read(&file.path);
        }
    }
}

/// Re-runs this binary as a child for one configuration and collects its
/// `BENCH` lines; its stderr goes straight to ours.
fn spawn_child(kind: &str, threads: usize, dir: &Path) -> Result<Measured, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let output = Command::new(exe)
        .args(["--child", kind, "--threads", &threads.to_string(), "--dir"])
        .arg(dir)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start the {kind} child: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "the {kind} child ({threads} threads) failed: {}",
            output.status
        ));
    }
    Ok(child::parse(&String::from_utf8_lossy(&output.stdout)))
}

/// The smoke check: files failed, or nothing came out, means a broken build.
fn check(r: &SizeResult) -> bool {
    let mut healthy = true;
    for (label, m) in [("1 thread", &r.one), ("2 threads", &r.two)] {
        let failed = m.get("failed").copied().unwrap_or(f64::NAN);
        let claims = m.get("claims").copied().unwrap_or(0.0);
        if failed != 0.0 {
            eprintln!("throughput: FAIL: pipeline ({label}) reported {failed} failed files");
            healthy = false;
        }
        if claims == 0.0 {
            eprintln!("throughput: FAIL: pipeline ({label}) wrote zero claims");
            healthy = false;
        }
    }
    healthy
}
