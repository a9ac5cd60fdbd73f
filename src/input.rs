//! Finding input files and decoding them.
//!
//! Scraped input is hostile: binary files saved as `.txt`, Windows-1252 text,
//! UTF-16 exports, empty pages, symlink loops. This stage turns each path into
//! either decoded text or a reason it was skipped or failed; it never stops
//! the batch.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::normalize::OffsetMap;

/// One file found under the inputs, before it is read.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// Path to open.
    pub path: PathBuf,
    /// The contract's `doc`: path relative to the input root, `/`-separated.
    pub name: String,
}

/// A path found while walking that is not a readable regular file.
#[derive(Debug, Clone)]
pub struct Unreadable {
    pub name: String,
    pub reason: String,
}

/// Everything found under the given paths, sorted by name so that the
/// processing order never depends on the order files appear on disk.
#[derive(Debug, Default)]
pub struct Inventory {
    pub files: Vec<InputFile>,
    pub skipped: Vec<Unreadable>,
}

/// Walks files and folders (recursively), recording links that dangle or loop.
pub fn discover(paths: &[PathBuf]) -> io::Result<Inventory> {
    let mut inventory = Inventory::default();
    for root in paths {
        let meta = fs::metadata(root)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", root.display())))?;
        if meta.is_dir() {
            let mut visited = HashSet::new();
            if let Ok(canonical) = fs::canonicalize(root) {
                visited.insert(canonical);
            }
            walk_dir(root, root, &mut visited, &mut inventory);
        } else {
            let name = root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| root.display().to_string());
            inventory.files.push(InputFile {
                path: root.clone(),
                name,
            });
        }
    }
    inventory.files.sort_by(|a, b| a.name.cmp(&b.name));
    inventory
        .files
        .dedup_by(|a, b| a.name == b.name && a.path == b.path);
    inventory.skipped.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(inventory)
}

fn walk_dir(root: &Path, dir: &Path, visited: &mut HashSet<PathBuf>, inv: &mut Inventory) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            inv.skipped.push(Unreadable {
                name: relative_name(root, dir),
                reason: format!("folder could not be read: {e}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        classify_entry(root, &path, visited, inv);
    }
}

fn classify_entry(root: &Path, path: &Path, visited: &mut HashSet<PathBuf>, inv: &mut Inventory) {
    let name = relative_name(root, path);
    let link = fs::symlink_metadata(path).map(|m| m.file_type().is_symlink());
    let target = fs::metadata(path);
    let meta = match (link, target) {
        (_, Ok(meta)) => meta,
        (Ok(true), Err(e)) if is_loop(&e) => return skip(inv, name, "symlink loop"),
        (Ok(true), Err(_)) => return skip(inv, name, "dangling link"),
        (_, Err(e)) => return skip(inv, name, &format!("could not be read: {e}")),
    };
    if meta.is_dir() {
        // A folder reached twice (through a link) would be walked forever.
        let canonical = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !visited.insert(canonical) {
            return skip(inv, name, "symlink loop");
        }
        walk_dir(root, path, visited, inv);
    } else if meta.is_file() {
        if is_hidden(path) {
            return skip(inv, name, "hidden file (name starts with `.`)");
        }
        inv.files.push(InputFile {
            path: path.to_path_buf(),
            name,
        });
    } else {
        skip(inv, name, "not a regular file");
    }
}

fn is_loop(e: &io::Error) -> bool {
    // ELOOP has no stable io::ErrorKind on every toolchain; its message is stable.
    e.raw_os_error() == Some(40) || e.to_string().contains("symbolic links")
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn skip(inv: &mut Inventory, name: String, reason: &str) {
    inv.skipped.push(Unreadable {
        name,
        reason: reason.to_string(),
    });
}

fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        path.display().to_string()
    } else {
        parts.join("/")
    }
}

/// Text decoded from a file, with the way back to its bytes.
#[derive(Debug)]
pub struct DecodedText {
    pub text: String,
    /// Maps offsets in `text` to byte offsets in the file.
    pub map: OffsetMap,
    /// The encoding it was read as (`utf-8`, `utf-16le`, `windows-1252`...).
    pub encoding: &'static str,
    /// Problems met while decoding that the user should know of.
    pub warnings: Vec<String>,
}

/// Why a file produced no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// Nothing to read: a reason for `skipped`.
    Skip(String),
}

/// Decodes the bytes of one file, or says why they hold no text to read.
pub fn decode(bytes: &[u8]) -> Result<DecodedText, Unusable> {
    if bytes.is_empty() {
        return Err(Unusable::Skip("empty file".into()));
    }
    if let Some(decoded) = decode_utf16_with_bom(bytes) {
        return Ok(decoded);
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(Unusable::Skip(format!("binary file ({kind})")));
    }
    let (body, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    let decoded = match std::str::from_utf8(body) {
        Ok(text) => DecodedText {
            text: text.to_string(),
            map: OffsetMap::shifted(bom),
            encoding: "utf-8",
            warnings: Vec::new(),
        },
        Err(_) if looks_like_utf8(body) => decode_lossy_utf8(body, bom),
        Err(_) => decode_windows_1252(body, bom),
    };
    if decoded.text.trim().is_empty() {
        return Err(Unusable::Skip("no text (whitespace only)".into()));
    }
    Ok(decoded)
}

/// Names the binary format when the bytes are not text: a known magic
/// number, or NUL bytes (which no text encoding but UTF-16/32 produces).
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"PK\x03\x04", "zip archive"),
        (b"%PDF", "pdf"),
        (b"\x89PNG", "png image"),
        (b"GIF8", "gif image"),
        (b"\xFF\xD8\xFF", "jpeg image"),
        (b"\x1F\x8B", "gzip archive"),
        (b"\x7FELF", "executable"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    (nuls > 0).then_some("contains NUL bytes")
}

fn decode_utf16_with_bom(bytes: &[u8]) -> Option<DecodedText> {
    let (little_endian, encoding) = match bytes {
        [0xFF, 0xFE, ..] => (true, "utf-16le"),
        [0xFE, 0xFF, ..] => (false, "utf-16be"),
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        if little_endian {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut map = OffsetMap::shifted(2);
    let mut raw = 2;
    let mut replaced = 0;
    for unit in char::decode_utf16(units) {
        let (c, width) = match unit {
            Ok(c) => (c, c.len_utf16() * 2),
            Err(_) => {
                replaced += 1;
                (char::REPLACEMENT_CHARACTER, 2)
            }
        };
        map.push(text.len(), raw);
        text.push(c);
        raw += width;
    }
    map.push(text.len(), raw);
    let mut warnings = Vec::new();
    if replaced > 0 {
        warnings.push(format!("{replaced} unpaired UTF-16 surrogates replaced"));
    }
    if bytes.len() % 2 == 1 {
        warnings.push("odd trailing byte ignored".into());
    }
    Some(DecodedText {
        text,
        map,
        encoding,
        warnings,
    })
}

/// True when the bytes are mostly valid UTF-8 with a few broken sequences
/// (a file damaged in places), rather than text in a legacy encoding.
fn looks_like_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut broken_runs = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        // Consecutive bad bytes come as chunks with nothing valid between
        // them: one damaged spot, one run.
        let starts_run = !chunk.valid().is_empty() || broken_runs == 0;
        if !chunk.invalid().is_empty() && starts_run {
            broken_runs += 1;
        }
    }
    // In a legacy encoding every accented letter is a separate broken run
    // and valid multi-byte UTF-8 almost never forms; a damaged UTF-8 file
    // has its accents intact around a few broken runs.
    valid_multibyte > 0 && valid_multibyte * 4 >= broken_runs
}

fn decode_lossy_utf8(bytes: &[u8], bom: usize) -> DecodedText {
    let mut text = String::with_capacity(bytes.len());
    let mut map = OffsetMap::shifted(bom);
    let mut raw = bom;
    let mut replaced = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        raw += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            replaced += 1;
            map.push(text.len(), raw);
            text.push(char::REPLACEMENT_CHARACTER);
            raw += chunk.invalid().len();
            map.push(text.len(), raw);
        }
    }
    DecodedText {
        text,
        map,
        encoding: "utf-8",
        warnings: vec![format!(
            "invalid UTF-8: {replaced} broken sequences replaced with U+FFFD"
        )],
    }
}

fn decode_windows_1252(bytes: &[u8], bom: usize) -> DecodedText {
    let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let mut map = OffsetMap::shifted(bom);
    let mut offset = 0;
    for (i, c) in decoded.chars().enumerate() {
        offset += c.len_utf8();
        if c.len_utf8() != 1 {
            map.push(offset, bom + i + 1);
        }
    }
    DecodedText {
        text: decoded.into_owned(),
        map,
        encoding: "windows-1252",
        warnings: vec!["not UTF-8: decoded as Windows-1252".into()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> String {
        decode(bytes).expect("decodes").text
    }

    #[test]
    fn utf8_bom_is_stripped_and_offsets_shift() {
        let d = decode(b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!(d.text, "Hello");
        assert_eq!(d.map.map(0), 3);
    }

    #[test]
    fn windows_1252_is_recognised() {
        let d = decode(b"Caf\xE9 \x93quoted\x94 text").unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, "Caf\u{e9} \u{201C}quoted\u{201D} text");
        // "text" starts at byte 14 of the file.
        let pos = d.text.find("text").unwrap();
        assert_eq!(d.map.map(pos), 14);
    }

    #[test]
    fn a_few_bad_bytes_in_utf8_keep_the_rest() {
        let mut bytes = "Moscow\u{2019}s ".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xFF allies");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.contains("allies"));
        assert!(!d.warnings.is_empty());
    }

    #[test]
    fn a_run_of_bad_bytes_does_not_outvote_valid_utf8() {
        let mut bytes = "Türkiye and Zürich. ".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xFF\xFE\xFD\xFC\xFB then more text.");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.starts_with("Türkiye and Zürich."));
    }

    #[test]
    fn one_accent_and_one_bad_run_is_still_utf8() {
        let d = decode(
            b"T\xC3\xBCrkiye condemned Israel. \xFF\xFF\xFF\xFF\xFF Russia attacked Ukraine.",
        )
        .unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.starts_with("Türkiye"));
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Kyiv".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(text_of(&bytes), "Kyiv");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.map.map(1), 4);
    }

    #[test]
    fn empty_and_binary_files_are_skipped_with_a_reason() {
        assert!(matches!(decode(b""), Err(Unusable::Skip(r)) if r == "empty file"));
        assert!(matches!(decode(b"  \n\t "), Err(Unusable::Skip(r)) if r.contains("whitespace")));
        assert!(matches!(decode(b"PK\x03\x04rest"), Err(Unusable::Skip(r)) if r.contains("zip")));
        assert!(matches!(decode(b"text\0more"), Err(Unusable::Skip(r)) if r.contains("NUL")));
    }
}
