//! One batch folder full of hostile input, run through the real binary.
//!
//! Every fixture is generated here; nothing large is committed. The batch
//! (without the 20 MB line) is built and run once and shared by the tests
//! below, one concern per test. The 20 MB single line has its own test that
//! runs the same batch with that file added, so its runtime shows on its own.

use std::collections::{BTreeMap, HashMap};
use std::os::unix::fs::symlink;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use serde_json::Value;

const CSV_FILES: [&str; 4] = ["claims.csv", "sentences.csv", "mentions.csv", "dedup.csv"];
const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

const GOOD: &str = "good-article.txt";
const CP1252: &str = "windows-1252.txt";
const BOM_CRLF: &str = "bom-crlf.txt";
const BROKEN_UTF8: &str = "broken-utf8.txt";
const ZIP: &str = "zip-saved-as.txt";
const EMPTY: &str = "empty.txt";
const WHITESPACE: &str = "whitespace-only.txt";
const CR_ONLY: &str = "cr-only.txt";
const FORMULAS: &str = "formulas.txt";
const FORMULA_NAME: &str = "=doc-name.txt";
const LONG_WORD: &str = "long-word.txt";
const BIG_LINE: &str = "big-line.txt";
const DANGLING: &str = "dangling-link.txt";
const PARENT_LOOP: &str = "loops/parent";
const SELF_LOOP: &str = "self-loop.txt";
const DEEP_DEPTH: usize = 40;

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

fn good_article() -> Vec<u8> {
    "Brussels, 12 March 2024\n\n\
     Russia invaded Ukraine in 2022. The invasion upended the security order that had \
     held in Europe for three decades.\n\n\
     The European Union imposed sanctions on Belarus after Minsk allowed its territory to \
     be used as a staging ground. Poland and Lithuania closed several border crossings.\n\n\
     France condemned Iran for supplying drones to Moscow. Meanwhile, the United States \
     supports Taiwan with arms sales that Beijing describes as provocative.\n\n\
     NATO criticised Russia at its summit in Vilnius. Few diplomats expect a settlement \
     before the end of the decade.\n"
        .as_bytes()
        .to_vec()
}

/// Curly quotes (0x93/0x94), a right single quote (0x92) and accented
/// letters (0xE9, 0xE8, 0xEF) as a Windows-1252 editor saves them.
fn windows_1252_article() -> Vec<u8> {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"Analysts at the caf\xE9 in Li\xE8ge were unsurprised. ");
    bytes.extend_from_slice(b"\x93Russia attacked Ukraine,\x94 one of them said. ");
    bytes.extend_from_slice(b"France condemned Iran. ");
    bytes.extend_from_slice(
        b"The na\xEFve hope of a quick peace faded, and Europe\x92s mood darkened.\r\n",
    );
    bytes
}

fn bom_crlf_article() -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        "Japan criticised China over the patrols.\r\n\
         The United States supports Taiwan.\r\n\
         \r\n\
         India condemned Pakistan after the attack.\r\n"
            .as_bytes(),
    );
    bytes
}

/// Valid UTF-8 with non-ASCII letters, broken by invalid sequences in the middle.
fn broken_utf8_article() -> Vec<u8> {
    let mut bytes =
        "Türkiye condemned Israel at the talks in Ankara. Russia attacked Ukraine near Kharkiv. "
            .as_bytes()
            .to_vec();
    bytes.extend_from_slice(b"\xC3\x28 \xFF\xFE\xA0\x80 ");
    bytes.extend_from_slice(
        "The European Union imposed sanctions on Belarus. Officials in Zürich welcomed the move.\n"
            .as_bytes(),
    );
    bytes
}

/// The first bytes of a real zip archive (local file header), then junk.
fn zip_bytes() -> Vec<u8> {
    let mut bytes = b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x21\x5a\x6e\x58".to_vec();
    bytes.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    bytes
}

fn whitespace_only() -> Vec<u8> {
    b"   \n\t\r\n  \t \n\n   ".to_vec()
}

fn cr_only_article() -> Vec<u8> {
    b"Germany supports Poland.\rTurkey condemned Israel.\rThe talks in Oslo ended without agreement.\r"
        .to_vec()
}

/// Lines that a spreadsheet would evaluate as formulas.
fn formula_lines() -> Vec<u8> {
    "=HYPERLINK(\"http://example.com/x\",\"Click for the report\")\n\
     +China sanctioned Japan.\n\
     -Russia attacked Ukraine.\n\
     @NATO criticised Russia.\n\
     \tFrance condemned Iran.\n\
     =1+2 is what the spreadsheet would compute.\n"
        .as_bytes()
        .to_vec()
}

/// A claim in a file whose name (the `doc` cell) starts with `=`.
fn formula_named_article() -> Vec<u8> {
    b"Norway supports Finland.\n".to_vec()
}

/// A 2 MB "word" with no spaces, between two claim sentences. The word is
/// made of actor names so that the tagger meets a match every few bytes.
fn long_word_article() -> Vec<u8> {
    let mut bytes = b"Spain condemned Venezuela. ".to_vec();
    let unit = b"RussiaUkraine";
    while bytes.len() < 2 * 1024 * 1024 {
        bytes.extend_from_slice(unit);
    }
    bytes.extend_from_slice(b". Italy supports Greece.\n");
    bytes
}

const BIG_LINE_SENTENCE: &str = "The ministers met in Geneva and Russia attacked Ukraine again. ";

/// 20 MB on one line: one sentence repeated, no newline anywhere.
fn big_line() -> Vec<u8> {
    let target = 20 * 1024 * 1024;
    let mut bytes = Vec::with_capacity(target + BIG_LINE_SENTENCE.len());
    while bytes.len() < target {
        bytes.extend_from_slice(BIG_LINE_SENTENCE.as_bytes());
    }
    bytes
}

fn deep_article() -> Vec<u8> {
    b"Deep in the archive, a cable noted that Canada sanctioned Venezuela.\nAustralia condemned North Korea.\n"
        .to_vec()
}

fn deep_name() -> String {
    let mut parts: Vec<String> = (1..=DEEP_DEPTH).map(|i| format!("d{i:02}")).collect();
    parts.push("deep.txt".into());
    parts.join("/")
}

/// What was put in the batch folder.
#[derive(Default)]
struct Batch {
    /// Regular files by their `doc` name, with their exact bytes.
    files: BTreeMap<String, Vec<u8>>,
    /// Symbolic links by their `doc` name.
    links: Vec<String>,
}

impl Batch {
    fn add_file(&mut self, root: &Path, name: &str, bytes: Vec<u8>) {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &bytes).unwrap();
        self.files.insert(name.to_string(), bytes);
    }

    fn add_link(&mut self, root: &Path, name: &str, target: &str) {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        symlink(target, &path).unwrap();
        self.links.push(name.to_string());
    }

    fn bytes(&self, doc: &str) -> &[u8] {
        &self.files[doc]
    }
}

/// Writes the hostile batch into `root`.
fn build_batch(root: &Path, with_big_line: bool) -> Batch {
    let mut batch = Batch::default();
    batch.add_file(root, GOOD, good_article());
    batch.add_file(root, CP1252, windows_1252_article());
    batch.add_file(root, BOM_CRLF, bom_crlf_article());
    batch.add_file(root, BROKEN_UTF8, broken_utf8_article());
    batch.add_file(root, ZIP, zip_bytes());
    batch.add_file(root, EMPTY, Vec::new());
    batch.add_file(root, WHITESPACE, whitespace_only());
    batch.add_file(root, CR_ONLY, cr_only_article());
    batch.add_file(root, FORMULAS, formula_lines());
    batch.add_file(root, FORMULA_NAME, formula_named_article());
    batch.add_file(root, LONG_WORD, long_word_article());
    batch.add_file(root, &deep_name(), deep_article());
    if with_big_line {
        batch.add_file(root, BIG_LINE, big_line());
    }
    batch.add_link(root, DANGLING, "no-such-target.txt");
    // A link to the folder it sits in: following it walks the same folder again.
    batch.add_link(root, PARENT_LOOP, ".");
    // A link to itself: the OS reports ELOOP.
    batch.add_link(root, SELF_LOOP, SELF_LOOP);
    batch
}

// ---------------------------------------------------------------------------
// Running the binary and reading what it wrote
// ---------------------------------------------------------------------------

struct Run {
    code: Option<i32>,
    signal: Option<i32>,
    stderr: String,
    elapsed: Duration,
    out: PathBuf,
}

fn run_claimex(input: &Path, out: &Path) -> Run {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_claimex"))
        .arg("run")
        .arg(input)
        .arg("--out")
        .arg(out)
        .args(["--quiet", "--threads", "2"])
        .output()
        .expect("the claimex binary starts");
    Run {
        code: output.status.code(),
        signal: output.status.signal(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: started.elapsed(),
        out: out.to_path_buf(),
    }
}

/// Every record of a CSV file, header included, as written (no trimming).
fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    reader
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("{}: {e}", path.display()))
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// Calls `check` on every cell of a CSV file without holding it in memory.
fn for_each_cell(path: &Path, mut check: impl FnMut(usize, usize, &str)) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut record = csv::StringRecord::new();
    let mut line = 0;
    while reader
        .read_record(&mut record)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    {
        for (column, cell) in record.iter().enumerate() {
            check(line, column, cell);
        }
        line += 1;
    }
}

/// Every cell of every CSV that starts with a formula trigger.
fn formula_cells(out: &Path) -> Vec<String> {
    let mut bad = Vec::new();
    for name in CSV_FILES {
        for_each_cell(&out.join(name), |line, column, cell| {
            if cell.starts_with(FORMULA_TRIGGERS) && bad.len() < 20 {
                bad.push(format!("{name} record {line} column {column}: {cell:?}"));
            }
        });
    }
    bad
}

/// A CSV held in memory with its header.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn load(path: &Path) -> Table {
        let mut records = read_csv(path);
        assert!(!records.is_empty(), "{} has no header", path.display());
        let header = records.remove(0);
        Table {
            header,
            rows: records,
        }
    }

    fn column(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {:?}", self.header))
    }

    /// Rows of one document, as column name → cell.
    fn rows_of(&self, doc: &str) -> Vec<HashMap<&str, &str>> {
        let doc_column = self.column("doc");
        self.rows
            .iter()
            .filter(|r| unneutralised(&r[doc_column]) == doc)
            .map(|r| {
                self.header
                    .iter()
                    .map(String::as_str)
                    .zip(r.iter().map(String::as_str))
                    .collect()
            })
            .collect()
    }
}

/// The cell as the author wrote it: the `'` that neutralises a formula removed.
fn unneutralised(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_TRIGGERS) => rest,
        _ => cell,
    }
}

/// The batch without the 20 MB line, run once, with everything it wrote.
struct Hostile {
    batch: Batch,
    run: Run,
    report: Value,
    claims: Table,
    sentences: Table,
    mentions: Table,
    formula_cells: Vec<String>,
}

static HOSTILE: LazyLock<Hostile> = LazyLock::new(|| {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("batch");
    std::fs::create_dir(&input).unwrap();
    let batch = build_batch(&input, false);
    let run = run_claimex(&input, &work.path().join("out"));
    assert!(
        run.out.join("run.json").exists(),
        "no run.json; exit {:?} signal {:?}\n{}",
        run.code,
        run.signal,
        run.stderr
    );
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(run.out.join("run.json")).unwrap()).unwrap();
    let hostile = Hostile {
        claims: Table::load(&run.out.join("claims.csv")),
        sentences: Table::load(&run.out.join("sentences.csv")),
        mentions: Table::load(&run.out.join("mentions.csv")),
        formula_cells: formula_cells(&run.out),
        batch,
        report,
        run,
    };
    drop(work);
    hostile
});

impl Hostile {
    fn file_report(&self, doc: &str) -> &Value {
        self.report["files"]
            .as_array()
            .expect("run.json has a files array")
            .iter()
            .find(|f| f["doc"] == doc)
            .unwrap_or_else(|| panic!("{doc} is not listed in run.json"))
    }

    fn status(&self, doc: &str) -> (&str, &str) {
        let f = self.file_report(doc);
        (
            f["status"].as_str().unwrap_or(""),
            f["reason"].as_str().unwrap_or(""),
        )
    }

    fn sentence_texts(&self, doc: &str) -> Vec<String> {
        self.sentences
            .rows_of(doc)
            .iter()
            .map(|r| unneutralised(r["text"]).to_string())
            .collect()
    }

    fn claim_triples(&self, doc: &str) -> Vec<String> {
        self.claims
            .rows_of(doc)
            .iter()
            .map(|r| format!("{} {} {}", r["subject"], r["relation"], r["object"]))
            .collect()
    }

    fn assert_has_sentence(&self, doc: &str, wanted: &str) {
        let texts = self.sentence_texts(doc);
        assert!(
            texts.iter().any(|t| t.contains(wanted)),
            "{doc}: no sentence containing {wanted:?}; sentences.csv has {texts:#?}"
        );
    }

    fn assert_has_claim(&self, doc: &str, triple: &str) {
        let claims = self.claim_triples(doc);
        assert!(
            claims.iter().any(|c| c == triple),
            "{doc}: claim {triple:?} missing; claims.csv has {claims:?}"
        );
    }

    fn encoding(&self, doc: &str) -> &str {
        self.file_report(doc)["encoding"].as_str().unwrap_or("")
    }
}

/// The file bytes at `[start, end)` decoded the way claimex read the file.
fn decode_slice(bytes: &[u8], encoding: &str) -> String {
    match encoding {
        "windows-1252" => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
        "utf-8" => String::from_utf8_lossy(bytes).into_owned(),
        other => panic!("test does not decode {other}"),
    }
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// For each row of `table` for `doc`, the bytes at `[start, end)` of the
/// original file must decode to the words of the `column` cell.
fn assert_offsets_point_at_text(h: &Hostile, table: &Table, doc: &str, column: &str) {
    let bytes = h.batch.bytes(doc);
    let encoding = h.encoding(doc);
    let rows = table.rows_of(doc);
    assert!(!rows.is_empty(), "{doc}: no rows to check");
    for row in rows {
        let start: usize = row["start"].parse().unwrap();
        let end: usize = row["end"].parse().unwrap();
        assert!(
            start < end && end <= bytes.len(),
            "{doc}: offsets {start}..{end} outside the file of {} bytes for {:?}",
            bytes.len(),
            row[column]
        );
        let at_offsets = decode_slice(&bytes[start..end], encoding);
        assert_eq!(
            words(&at_offsets),
            words(unneutralised(row[column])),
            "{doc}: bytes {start}..{end} of the file ({encoding}) do not hold the {column} cell"
        );
    }
}

// ---------------------------------------------------------------------------
// The run as a whole
// ---------------------------------------------------------------------------

#[test]
fn hostile_batch_exits_with_0_or_1_and_never_crashes() {
    let h = &*HOSTILE;
    assert_eq!(h.run.signal, None, "killed by a signal\n{}", h.run.stderr);
    assert!(
        matches!(h.run.code, Some(0 | 1)),
        "exit code {:?}\n{}",
        h.run.code,
        h.run.stderr
    );
    assert!(
        !h.run.stderr.contains("panicked"),
        "a panic was caught during the run:\n{}",
        h.run.stderr
    );
    let failed = h.report["counts"]["failed"].as_u64().unwrap();
    assert_eq!(
        h.run.code == Some(1),
        failed > 0,
        "exit code {:?} does not match {failed} failed files",
        h.run.code
    );
}

#[test]
fn run_json_lists_every_file_and_link_with_a_status_and_reasons() {
    let h = &*HOSTILE;
    let files = h.report["files"].as_array().unwrap();
    let mut listed: Vec<&str> = files.iter().map(|f| f["doc"].as_str().unwrap()).collect();
    listed.sort_unstable();
    let mut expected: Vec<&str> = h
        .batch
        .files
        .keys()
        .chain(h.batch.links.iter())
        .map(String::as_str)
        .collect();
    expected.sort_unstable();
    assert_eq!(
        listed, expected,
        "run.json files differ from the batch folder"
    );
    for f in files {
        let status = f["status"].as_str().unwrap();
        assert!(
            ["processed", "skipped", "failed"].contains(&status),
            "{f}: unknown status"
        );
        if status != "processed" {
            let reason = f["reason"].as_str().unwrap_or("");
            assert!(!reason.trim().is_empty(), "{f}: {status} without a reason");
        }
    }
    assert_eq!(
        h.report["counts"]["files"].as_u64(),
        Some(expected.len() as u64)
    );
}

#[test]
fn no_file_fails_with_an_internal_error() {
    let h = &*HOSTILE;
    for f in h.report["files"].as_array().unwrap() {
        let reason = f["reason"].as_str().unwrap_or("");
        assert!(
            !reason.contains("internal error"),
            "{} hit a panic: {reason}",
            f["doc"]
        );
    }
}

// ---------------------------------------------------------------------------
// Files that hold no text
// ---------------------------------------------------------------------------

#[test]
fn zip_saved_as_txt_is_skipped_as_binary() {
    let (status, reason) = HOSTILE.status(ZIP);
    assert_eq!(status, "skipped");
    assert!(reason.contains("binary"), "reason {reason:?}");
}

#[test]
fn empty_and_whitespace_only_files_are_skipped() {
    let (status, reason) = HOSTILE.status(EMPTY);
    assert_eq!(status, "skipped");
    assert!(reason.contains("empty"), "reason {reason:?}");
    let (status, reason) = HOSTILE.status(WHITESPACE);
    assert_eq!(status, "skipped");
    assert!(reason.contains("whitespace"), "reason {reason:?}");
}

#[test]
fn dangling_link_is_skipped_as_dangling() {
    let (status, reason) = HOSTILE.status(DANGLING);
    assert_eq!(status, "skipped");
    assert!(reason.contains("dangling"), "reason {reason:?}");
}

#[test]
fn symlink_loops_are_skipped_as_loops() {
    for link in [PARENT_LOOP, SELF_LOOP] {
        let (status, reason) = HOSTILE.status(link);
        assert_eq!(status, "skipped", "{link}");
        assert!(reason.contains("loop"), "{link}: reason {reason:?}");
    }
}

// ---------------------------------------------------------------------------
// Files that hold text
// ---------------------------------------------------------------------------

#[test]
fn every_text_file_is_processed_with_the_right_encoding() {
    let h = &*HOSTILE;
    let deep = deep_name();
    let expected = [
        (GOOD, "utf-8"),
        (CP1252, "windows-1252"),
        (BOM_CRLF, "utf-8"),
        (CR_ONLY, "utf-8"),
        (FORMULAS, "utf-8"),
        (FORMULA_NAME, "utf-8"),
        (LONG_WORD, "utf-8"),
        (deep.as_str(), "utf-8"),
    ];
    for (doc, encoding) in expected {
        let (status, reason) = h.status(doc);
        assert_eq!(status, "processed", "{doc}: {reason}");
        assert_eq!(h.encoding(doc), encoding, "{doc}");
    }
}

#[test]
fn good_article_claims_are_in_claims_csv() {
    let h = &*HOSTILE;
    for triple in [
        "RUS attacks UKR",
        "EU sanctions BLR",
        "FRA condemns IRN",
        "USA supports TWN",
        "NATO condemns RUS",
    ] {
        h.assert_has_claim(GOOD, triple);
    }
}

#[test]
fn windows_1252_sentences_and_claim_are_read() {
    let h = &*HOSTILE;
    h.assert_has_sentence(
        CP1252,
        "Analysts at the caf\u{e9} in Li\u{e8}ge were unsurprised.",
    );
    h.assert_has_sentence(
        CP1252,
        "\u{201c}Russia attacked Ukraine,\u{201d} one of them said.",
    );
    h.assert_has_sentence(CP1252, "France condemned Iran.");
    h.assert_has_sentence(CP1252, "Europe\u{2019}s mood darkened.");
    h.assert_has_claim(CP1252, "FRA condemns IRN");
}

#[test]
fn bom_crlf_sentences_are_read() {
    let h = &*HOSTILE;
    h.assert_has_sentence(BOM_CRLF, "Japan criticised China over the patrols.");
    h.assert_has_sentence(BOM_CRLF, "The United States supports Taiwan.");
    h.assert_has_sentence(BOM_CRLF, "India condemned Pakistan after the attack.");
    let texts = h.sentence_texts(BOM_CRLF);
    assert!(
        texts
            .iter()
            .all(|t| !t.contains('\u{feff}') && !t.contains('\r')),
        "BOM or CR leaked into a sentence: {texts:?}"
    );
}

#[test]
fn cr_only_sentences_are_read_separately() {
    let h = &*HOSTILE;
    let texts = h.sentence_texts(CR_ONLY);
    for wanted in [
        "Germany supports Poland.",
        "Turkey condemned Israel.",
        "The talks in Oslo ended without agreement.",
    ] {
        assert!(
            texts.iter().any(|t| t == wanted),
            "{wanted:?} is not a sentence of its own: {texts:?}"
        );
    }
    h.assert_has_claim(CR_ONLY, "DEU supports POL");
    h.assert_has_claim(CR_ONLY, "TUR condemns ISR");
}

#[test]
fn sentences_around_invalid_utf8_bytes_are_kept() {
    let h = &*HOSTILE;
    h.assert_has_sentence(BROKEN_UTF8, "Russia attacked Ukraine near Kharkiv.");
    h.assert_has_sentence(
        BROKEN_UTF8,
        "The European Union imposed sanctions on Belarus.",
    );
    // Regression guard: `looks_like_utf8` (src/input.rs) once let this run of
    // 5 bad bytes outvote the 2 accented letters, decoding the whole file as
    // Windows-1252 ("TÃ¼rkiye ...", "ZÃ¼rich ...").
    h.assert_has_sentence(
        BROKEN_UTF8,
        "Türkiye condemned Israel at the talks in Ankara.",
    );
    h.assert_has_sentence(BROKEN_UTF8, "Officials in Zürich welcomed the move.");
}

#[test]
fn mostly_valid_utf8_with_a_run_of_bad_bytes_is_read_as_utf8() {
    let h = &*HOSTILE;
    let (status, reason) = h.status(BROKEN_UTF8);
    assert_eq!(status, "processed", "{reason}");
    assert_eq!(
        h.encoding(BROKEN_UTF8),
        "utf-8",
        "valid UTF-8 with one damaged spot is decoded as Windows-1252"
    );
    let warnings = h.file_report(BROKEN_UTF8)["warnings"].to_string();
    assert!(warnings.contains("invalid UTF-8"), "no warning: {warnings}");
    // The actor name with a non-ASCII letter must still be found.
    h.assert_has_claim(BROKEN_UTF8, "TUR condemns ISR");
}

#[test]
fn sentences_around_a_two_megabyte_word_are_kept() {
    let h = &*HOSTILE;
    h.assert_has_sentence(LONG_WORD, "Spain condemned Venezuela.");
    h.assert_has_sentence(LONG_WORD, "Italy supports Greece.");
    h.assert_has_claim(LONG_WORD, "ESP condemns VEN");
    h.assert_has_claim(LONG_WORD, "ITA supports GRC");
}

#[test]
fn file_forty_folders_deep_is_read() {
    let h = &*HOSTILE;
    let deep = deep_name();
    h.assert_has_sentence(&deep, "Australia condemned North Korea.");
    h.assert_has_claim(&deep, "CAN sanctions VEN");
    h.assert_has_claim(&deep, "AUS condemns PRK");
}

#[test]
fn formula_lines_are_kept_as_sentences_and_claims() {
    let h = &*HOSTILE;
    h.assert_has_sentence(FORMULAS, "HYPERLINK");
    h.assert_has_sentence(FORMULAS, "China sanctioned Japan.");
    h.assert_has_sentence(FORMULAS, "Russia attacked Ukraine.");
    h.assert_has_claim(FORMULAS, "CHN sanctions JPN");
    h.assert_has_claim(FORMULAS, "RUS attacks UKR");
    h.assert_has_claim(FORMULA_NAME, "NOR supports FIN");
}

// ---------------------------------------------------------------------------
// Spreadsheet safety
// ---------------------------------------------------------------------------

#[test]
fn no_csv_cell_starts_with_a_formula_trigger() {
    let h = &*HOSTILE;
    assert!(
        h.formula_cells.is_empty(),
        "cells a spreadsheet would evaluate:\n{}",
        h.formula_cells.join("\n")
    );
}

#[test]
fn formula_cells_are_neutralised_not_dropped() {
    let h = &*HOSTILE;
    let doc_column = h.sentences.column("doc");
    let text_column = h.sentences.column("text");
    let raw_texts: Vec<&str> = h
        .sentences
        .rows
        .iter()
        .filter(|r| unneutralised(&r[doc_column]) == FORMULAS)
        .map(|r| r[text_column].as_str())
        .collect();
    assert!(
        raw_texts.iter().any(|t| t.starts_with("'=HYPERLINK(")),
        "=HYPERLINK line not written as '=HYPERLINK: {raw_texts:?}"
    );
    let doc_cells: Vec<&str> = h
        .claims
        .rows
        .iter()
        .map(|r| r[h.claims.column("doc")].as_str())
        .filter(|d| d.contains("doc-name"))
        .collect();
    assert!(
        !doc_cells.is_empty() && doc_cells.iter().all(|d| *d == "'=doc-name.txt"),
        "doc cells for {FORMULA_NAME}: {doc_cells:?}"
    );
}

// ---------------------------------------------------------------------------
// Offsets back into the original bytes
// ---------------------------------------------------------------------------

#[test]
fn sentence_offsets_point_into_the_bom_crlf_file() {
    let h = &*HOSTILE;
    assert_offsets_point_at_text(h, &h.sentences, BOM_CRLF, "text");
}

#[test]
fn sentence_offsets_point_into_the_windows_1252_file() {
    let h = &*HOSTILE;
    assert_offsets_point_at_text(h, &h.sentences, CP1252, "text");
}

#[test]
fn sentence_offsets_point_into_every_processed_file() {
    let h = &*HOSTILE;
    for doc in h.batch.files.keys() {
        if h.status(doc).0 == "processed" {
            assert_offsets_point_at_text(h, &h.sentences, doc, "text");
        }
    }
}

#[test]
fn mention_offsets_point_into_every_processed_file() {
    let h = &*HOSTILE;
    for doc in h.batch.files.keys() {
        if h.status(doc).0 == "processed" && !h.mentions.rows_of(doc).is_empty() {
            assert_offsets_point_at_text(h, &h.mentions, doc, "text");
        }
    }
}

#[test]
fn claim_offsets_point_at_their_sentence() {
    let h = &*HOSTILE;
    for doc in h.batch.files.keys() {
        if h.status(doc).0 == "processed" && !h.claims.rows_of(doc).is_empty() {
            assert_offsets_point_at_text(h, &h.claims, doc, "sentence");
        }
    }
}

// ---------------------------------------------------------------------------
// The 20 MB line
// ---------------------------------------------------------------------------

/// The whole hostile batch again, with a 20 MB single line added.
/// Correctness of the 20 MB line only: how long it takes is the benchmark's
/// business (`cargo bench --bench throughput`), never a timed test's.
#[test]
fn twenty_megabyte_single_line_in_the_batch_is_processed() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("batch");
    std::fs::create_dir(&input).unwrap();
    let batch = build_batch(&input, true);
    let run = run_claimex(&input, &work.path().join("out"));
    eprintln!(
        "20 MB batch: {:.1} s ({} build)",
        run.elapsed.as_secs_f64(),
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    assert_eq!(run.signal, None, "killed by a signal\n{}", run.stderr);
    assert!(
        matches!(run.code, Some(0 | 1)),
        "exit code {:?}\n{}",
        run.code,
        run.stderr
    );
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(run.out.join("run.json")).unwrap()).unwrap();
    let big = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["doc"] == BIG_LINE)
        .expect("the 20 MB file is listed");
    assert_eq!(big["status"], "processed", "{big}");
    let repeats = (batch.bytes(BIG_LINE).len() / BIG_LINE_SENTENCE.len()) as u64;
    assert_eq!(big["sentences"].as_u64(), Some(repeats), "{big}");
    assert_eq!(big["claims"].as_u64(), Some(repeats), "{big}");
    let bad = formula_cells(&run.out);
    assert!(bad.is_empty(), "formula cells:\n{}", bad.join("\n"));
}
