//! The plain-text tables the bench prints on stdout.

use crate::SizeResult;
use crate::child::Measured;
use claimex::pipeline::Timings;

/// The stage names the child reports, in pipeline order.
fn stages() -> [&'static str; 7] {
    Timings::default().stages().map(|(stage, _)| stage)
}

fn get(m: &Measured, key: &str) -> f64 {
    m.get(key).copied().unwrap_or(0.0)
}

/// `a / b`, or infinity when `b` is zero (a stage too fast to register).
fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { f64::INFINITY }
}

fn mb(m: &Measured) -> f64 {
    get(m, "bytes") / 1e6
}

/// Everything measured for one corpus size.
pub fn print_size(r: &SizeResult) {
    print_corpus(r);
    print_configurations(r);
    print_stages(&r.one, &r.two);
    println!();
}

fn print_corpus(r: &SizeResult) {
    let c = &r.corpus;
    let origin = if c.generated {
        format!("generated in {:.1} s", c.generate_seconds)
    } else {
        "reused".to_string()
    };
    println!(
        "corpus {} (seed {}, {origin}): {} files, {:.2} MB, {:.0} words/MB",
        c.dir.display(),
        r.seed,
        c.files,
        c.bytes as f64 / 1e6,
        ratio(c.words as f64, c.bytes as f64 / 1e6),
    );
    let m = &r.two;
    println!(
        "pipeline counts: {} processed, {} skipped, {} failed; paragraphs {} kept / {} removed; {} sentences, {} mentions, {} claims",
        get(m, "processed"),
        get(m, "skipped"),
        get(m, "failed"),
        get(m, "paragraphs_kept"),
        get(m, "paragraphs_removed"),
        get(m, "sentences"),
        get(m, "mentions"),
        get(m, "claims"),
    );
    println!();
}

fn print_configurations(r: &SizeResult) {
    println!(
        "{:<24} {:>9} {:>9} {:>9} {:>10} {:>12} {:>9} {:>9}",
        "configuration", "wall_s", "MB/s", "cpu_s", "MB/cpu_s", "peak_RSS_MB", "setup_s", "load_1m"
    );
    let rows = [
        ("pipeline, 1 thread", &r.one),
        ("pipeline, 2 threads", &r.two),
        ("bare AC DFA, 1 thread", &r.dfa),
    ];
    for (name, m) in rows {
        let wall = get(m, "wall_s");
        println!(
            "{name:<24} {wall:>9.3} {:>9.2} {:>9.3} {:>10.2} {:>12.1} {:>9.3} {:>9.2}",
            ratio(mb(m), wall),
            get(m, "cpu_s"),
            ratio(mb(m), get(m, "cpu_s")),
            get(m, "peak_rss_kb") / 1024.0,
            get(m, "setup_s"),
            get(m, "load_avg_1m"),
        );
    }
    println!(
        "input MB: {:.2}; speed-up 2 vs 1 threads: {:.2}x; pipeline 2-thread wall / bare DFA wall: {:.1}x",
        mb(&r.two),
        ratio(get(&r.one, "wall_s"), get(&r.two, "wall_s")),
        ratio(get(&r.two, "wall_s"), get(&r.dfa, "wall_s")),
    );
    println!(
        "(wall_s excludes setup_s: lexicon and pattern compilation, or DFA construction over {} search forms;\n load_1m is the machine's load average when the child started: other work skews wall times)",
        get(&r.dfa, "patterns")
    );
    println!();
}

/// Stage time is summed over documents (and so over threads). `Timings`
/// measures each stage with a wall clock, so on a busy machine it includes
/// time the thread spent descheduled; `cpu_s` above is the process's own.
fn print_stages(one: &Measured, two: &Measured) {
    println!(
        "{:<14} {:>10} {:>10} {:>9} {:>10} {:>10}",
        "stage", "cpu_s(1t)", "MB/s(1t)", "share(1t)", "cpu_s(2t)", "MB/s(2t)"
    );
    let total = |m: &Measured| -> f64 {
        stages()
            .iter()
            .map(|s| get(m, &format!("stage_{s}_s")))
            .sum()
    };
    let (total_one, total_two) = (total(one), total(two));
    for stage in stages() {
        let key = format!("stage_{stage}_s");
        stage_row(stage, get(one, &key), get(two, &key), one, total_one);
    }
    stage_row("sum of stages", total_one, total_two, one, total_one);
    let (f1, f2) = (get(one, "finish_s"), get(two, "finish_s"));
    println!(
        "{:<14} {f1:>10.3} {:>10} {:>9} {f2:>10.3}",
        "(finish)", "", ""
    );
}

fn stage_row(name: &str, s1: f64, s2: f64, one: &Measured, total_one: f64) {
    println!(
        "{name:<14} {s1:>10.3} {:>10.1} {:>8.1}% {s2:>10.3} {:>10.1}",
        ratio(mb(one), s1),
        100.0 * ratio(s1, total_one),
        ratio(mb(one), s2),
    );
}

/// Peak RSS across corpus sizes, against the first (smallest) size listed.
pub fn print_rss_summary(results: &[SizeResult]) {
    let Some(first) = results.first() else {
        return;
    };
    let base = |m: &Measured| get(m, "peak_rss_kb");
    println!("peak RSS by corpus size (MB of RSS; ratio against the first size)");
    println!(
        "{:>9} {:>12} {:>12} {:>12} {:>9} {:>9}",
        "input_MB", "pipeline_1t", "pipeline_2t", "bare_DFA", "ratio_1t", "ratio_2t"
    );
    for r in results {
        println!(
            "{:>9.1} {:>12.1} {:>12.1} {:>12.1} {:>8.2}x {:>8.2}x",
            mb(&r.two),
            base(&r.one) / 1024.0,
            base(&r.two) / 1024.0,
            base(&r.dfa) / 1024.0,
            ratio(base(&r.one), base(&first.one)),
            ratio(base(&r.two), base(&first.two)),
        );
    }
    println!();
}
