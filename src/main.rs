//! The `claimex` binary: parses arguments and calls the library.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

use claimex::cmd;
use claimex::pipeline::Limits;

#[derive(Parser)]
#[command(
    name = "claimex",
    version,
    about = "Turns geopolitical analysis articles into reviewable who-does-what-to-whom claims"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract claims from files and folders and write them for review.
    Run(RunCli),
    /// Score claims against gold files (P/R/F1 overall, per relation, per document).
    Eval(EvalCli),
    /// List the names and phrasings the lexicons and patterns miss, most frequent first.
    Discover(DiscoverCli),
    /// Turn reviewed claim sheets into gold files.
    Gold {
        #[command(subcommand)]
        action: GoldAction,
    },
    /// List or check the lexicon files.
    Lexicon {
        #[command(subcommand)]
        action: LexiconAction,
        /// Folder of lexicon files to use instead of the embedded ones.
        #[arg(long, global = true)]
        lexicons: Option<PathBuf>,
    },
}

#[derive(Args)]
struct RunCli {
    /// Files or folders to read (folders recursively).
    #[arg(default_value = "corpus")]
    paths: Vec<PathBuf>,
    /// Folder to write the outputs to.
    #[arg(long, default_value = "out")]
    out: PathBuf,
    /// Folder of lexicon files to use instead of the embedded ones (missing files fall back to them).
    #[arg(long)]
    lexicons: Option<PathBuf>,
    /// Worker threads (default: all cores). Outputs are identical for any number.
    #[arg(long)]
    threads: Option<usize>,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    quiet: bool,
    /// Print CPU time and throughput per stage after the run.
    #[arg(long)]
    timings: bool,
    /// Start each CSV with a UTF-8 byte-order mark, for Excel.
    #[arg(long)]
    bom: bool,
    /// Skip files larger than this many bytes.
    #[arg(long, default_value_t = Limits::default().max_file_bytes)]
    max_file_bytes: u64,
    /// Tag but do not pattern-match sentences longer than this many bytes.
    #[arg(long, default_value_t = Limits::default().max_sentence_bytes)]
    max_sentence_bytes: usize,
}

#[derive(Args)]
struct EvalCli {
    /// A gold TSV file or a folder of them (repeat the flag for more).
    #[arg(long, required = true)]
    gold: Vec<PathBuf>,
    /// Score this claims.csv instead of running the pipeline.
    #[arg(long, conflicts_with = "inputs")]
    claims: Option<PathBuf>,
    /// Files or folders to run the pipeline on (the folder the gold was made for).
    inputs: Vec<PathBuf>,
    /// Folder of lexicon files to use instead of the embedded ones.
    #[arg(long)]
    lexicons: Option<PathBuf>,
    /// Print one JSON object instead of tables.
    #[arg(long)]
    json: bool,
    /// List every miss and false alarm with its sentence.
    #[arg(long)]
    show: bool,
    /// Exit 1 when F1 is below this.
    #[arg(long)]
    min_f1: Option<f64>,
    /// Exit 1 when a true positive recorded here is lost or F1 drops.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Record the scores and true positives to compare later runs with.
    #[arg(long)]
    write_baseline: Option<PathBuf>,
}

#[derive(Args)]
struct DiscoverCli {
    /// Files or folders to read (folders recursively).
    #[arg(default_value = "corpus")]
    paths: Vec<PathBuf>,
    /// CSV file to write.
    #[arg(long, default_value = cmd::discover::DEFAULT_OUT)]
    out: PathBuf,
    /// Folder of lexicon files to use instead of the embedded ones (missing files fall back to them).
    #[arg(long)]
    lexicons: Option<PathBuf>,
    /// Leave out rows seen fewer times than this.
    #[arg(long, default_value_t = 1)]
    min_count: usize,
    /// At most this many rows of each kind (0: no limit).
    #[arg(long, default_value_t = 500)]
    limit: usize,
}

#[derive(Subcommand)]
enum GoldAction {
    /// Convert a reviewed claims.csv (review column: ok, wrong, fix: S rel O, missing) into gold.
    FromReview {
        /// The reviewed claims.csv.
        reviewed: PathBuf,
        /// Gold file to write; known false alarms go beside it as NAME.false-alarms.tsv.
        #[arg(long, default_value = "gold.tsv")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum LexiconAction {
    /// Print every alias the tagger searches as alias<TAB>actor<TAB>kind.
    List,
    /// Validate the lexicon and pattern files; report problems with file:line.
    Check,
    /// Show the mentions, skeleton and claims of one sentence.
    Explain {
        /// The sentence to read.
        sentence: String,
    },
}

fn main() -> ExitCode {
    // A bug in one file is caught and that file reported as failed; say so
    // in one line instead of a backtrace in the middle of a batch.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("claimex: internal error (please report): {info}");
    }));
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Run(r) => cmd::run::run(&run_args(r)),
        Command::Eval(e) => cmd::eval::run(&cmd::eval::EvalArgs {
            gold: e.gold,
            claims: e.claims,
            inputs: e.inputs,
            lexicons: e.lexicons,
            json: e.json,
            show: e.show,
            min_f1: e.min_f1,
            baseline: e.baseline,
            write_baseline: e.write_baseline,
        }),
        Command::Discover(d) => cmd::discover::run(&cmd::discover::DiscoverArgs {
            inputs: d.paths,
            out: d.out,
            lexicons: d.lexicons,
            min_count: d.min_count,
            limit: d.limit,
        }),
        Command::Gold {
            action: GoldAction::FromReview { reviewed, out },
        } => cmd::gold::from_review(&reviewed, &out),
        Command::Lexicon { action, lexicons } => match action {
            LexiconAction::List => cmd::lexicon::list(lexicons.as_deref()),
            LexiconAction::Check => cmd::lexicon::check(lexicons.as_deref()),
            LexiconAction::Explain { sentence } => {
                cmd::lexicon::explain(lexicons.as_deref(), &sentence)
            }
        },
    };
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

fn run_args(r: RunCli) -> cmd::run::RunArgs {
    let _ = ctrlc::set_handler(claimex::interrupt);
    let threads = r
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    cmd::run::RunArgs {
        inputs: r.paths,
        out: r.out,
        lexicons: r.lexicons,
        threads,
        quiet: r.quiet,
        timings: r.timings,
        bom: r.bom,
        limits: Limits {
            max_file_bytes: r.max_file_bytes,
            max_sentence_bytes: r.max_sentence_bytes,
        },
    }
}
