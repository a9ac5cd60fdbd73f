//! `claimex run`: the whole pipeline over files and folders, written for review.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use crate::input;
use crate::output::{Output, RunInfo};
use crate::pipeline::{self, Engine, Limits, Status, Timings};

/// Checked settings for one run.
#[derive(Debug, Clone)]
pub struct RunArgs {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    pub lexicons: Option<PathBuf>,
    pub threads: usize,
    pub quiet: bool,
    pub timings: bool,
    pub bom: bool,
    pub limits: Limits,
}

/// Exit codes, as ripgrep uses them: success, some input failed, unusable setup.
pub const EXIT_OK: i32 = 0;
pub const EXIT_SOME_FAILED: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

/// Runs the pipeline and returns the process exit code.
pub fn run(args: &RunArgs) -> i32 {
    let engine = match super::load_engine(args.lexicons.as_deref(), args.limits.clone()) {
        Ok(engine) => engine,
        Err(code) => return code,
    };
    let inventory = match input::discover(&args.inputs) {
        Ok(inventory) => inventory,
        Err(e) => {
            eprintln!("claimex: {e}");
            return EXIT_USAGE;
        }
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
    {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("claimex: cannot start {} threads: {e}", args.threads);
            return EXIT_USAGE;
        }
    };
    let result = pool.install(|| execute(args, &engine, inventory));
    super::warn_unbuilt(&engine);
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("claimex: cannot write to {}: {e}", args.out.display());
            EXIT_USAGE
        }
    }
}

/// What writing a batch found besides the outputs.
#[derive(Debug, Default)]
pub struct Written {
    /// CPU time per stage, summed over files.
    pub timings: Timings,
    /// `name: reason` of each file that failed.
    pub failed: Vec<String>,
    /// `name: reason` of each file that was skipped.
    pub skipped: Vec<String>,
}

/// Runs the pipeline over `files` on the current rayon pool and writes every
/// outcome to `output`.
pub fn write_batch(
    engine: &Engine,
    files: &[input::InputFile],
    output: &mut Output,
    progress: impl FnMut(u64) + Send,
) -> std::io::Result<Written> {
    let mut written = Written::default();
    pipeline::run_batch(
        engine,
        files,
        |outcome| {
            let write_start = Instant::now();
            output.write(&outcome)?;
            written.timings.add(&outcome.timings);
            written.timings.write += write_start.elapsed();
            match &outcome.status {
                Status::Failed(reason) => {
                    written.failed.push(format!("{}: {reason}", outcome.name))
                }
                Status::Skipped(reason) => {
                    written.skipped.push(format!("{}: {reason}", outcome.name))
                }
                Status::Processed => {}
            }
            Ok(())
        },
        progress,
    )?;
    Ok(written)
}

fn execute(args: &RunArgs, engine: &Engine, inventory: input::Inventory) -> std::io::Result<i32> {
    let started = Instant::now();
    let mut output = Output::create(&args.out, args.bom)?;
    for unreadable in &inventory.skipped {
        output.record_unreadable(&unreadable.name, &unreadable.reason)?;
    }
    let total_bytes: u64 = inventory
        .files
        .iter()
        .filter_map(|f| std::fs::metadata(&f.path).ok().map(|m| m.len()))
        .sum();
    let bar = progress_bar(total_bytes, args.quiet);
    let written = write_batch(engine, &inventory.files, &mut output, |bytes| {
        bar.inc(bytes)
    })?;
    bar.finish_and_clear();
    let (timings, failed) = (written.timings, written.failed);
    let interrupted = crate::interrupted();
    if interrupted {
        eprintln!(
            "claimex: interrupted; previous outputs in {} are left as they were",
            args.out.display()
        );
        return Ok(130);
    }
    let counts = output.finish(&RunInfo::describe(&args.inputs, engine))?;
    let seconds = started.elapsed().as_secs_f64();
    for line in &failed {
        eprintln!("claimex: failed: {line}");
    }
    if !args.quiet {
        let mb = counts.bytes as f64 / 1e6;
        eprintln!(
            "claimex: {} files ({} processed, {} skipped, {} failed), paragraphs {} kept / {} removed, {} sentences, {} mentions, {} claims; {:.2} MB in {:.2} s ({:.1} MB/s) -> {}",
            counts.files,
            counts.processed,
            counts.skipped,
            counts.failed,
            counts.paragraphs_kept,
            counts.paragraphs_removed,
            counts.sentences,
            counts.mentions,
            counts.claims,
            mb,
            seconds,
            mb / seconds.max(1e-9),
            args.out.display()
        );
    }
    if args.timings {
        print_timings(&timings, counts.bytes, seconds);
    }
    Ok(if counts.failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

fn progress_bar(total: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// Per-stage CPU time (summed over threads) and throughput, on stderr.
fn print_timings(t: &Timings, bytes: u64, wall: f64) {
    let mb = bytes as f64 / 1e6;
    eprintln!("stage       cpu_s    MB/s(cpu)");
    for (stage, d) in t.stages() {
        let s = d.as_secs_f64();
        let rate = if s > 0.0 { mb / s } else { f64::INFINITY };
        eprintln!("{stage:<10} {s:>7.3} {rate:>11.1}");
    }
    eprintln!("wall       {wall:>7.3} {:>11.1}", mb / wall.max(1e-9));
}
