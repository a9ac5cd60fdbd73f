//! Folding typographic variants into plain forms for matching, without losing
//! the way back to the original offsets.
//!
//! Scraped text writes the same word many ways: `China’s` and `China's`,
//! `U.S.–Japan` and `U.S.-Japan`, a non-breaking space, a soft hyphen inside a
//! word. Lexicons and patterns are written once, in the plain forms, and the
//! text is folded to match them. Every output still reports offsets into the
//! file as read, through an [`OffsetMap`].

/// A piecewise-linear map from offsets in a derived text to offsets in the
/// text it was derived from.
///
/// It stores one checkpoint wherever the two drift apart, so plain ASCII text
/// costs nothing and each folded character costs one entry.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// `(derived, source)` pairs, sorted by `derived`; before the first one
    /// the offsets are shifted by `base`.
    points: Vec<(usize, usize)>,
    base: usize,
}

impl OffsetMap {
    /// The map that shifts every offset by `base` (a stripped byte-order mark).
    pub fn shifted(base: usize) -> Self {
        OffsetMap {
            points: Vec::new(),
            base,
        }
    }

    /// Records that `derived` corresponds to `source` from here on.
    pub fn push(&mut self, derived: usize, source: usize) {
        if let Some(last) = self.points.last_mut()
            && last.0 == derived
        {
            *last = (derived, source);
            return;
        }
        self.points.push((derived, source));
    }

    pub fn map(&self, pos: usize) -> usize {
        let i = self.points.partition_point(|&(d, _)| d <= pos);
        if i == 0 {
            pos + self.base
        } else {
            let (d, s) = self.points[i - 1];
            s + (pos - d)
        }
    }
}

/// What a character becomes in the folded text.
enum Fold {
    Keep,
    Replace(&'static str),
    Drop,
}

fn fold_char(c: char) -> Fold {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => {
            Fold::Replace("'")
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Fold::Replace("\""),
        // Hyphens and en dashes join compounds (`U.S.–Japan`), so they fold to `-`.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{FE63}'
        | '\u{FF0D}' => Fold::Replace("-"),
        // An em dash sets off a clause; `--` keeps it from reading as a compound.
        '\u{2014}' | '\u{2015}' => Fold::Replace("--"),
        '\u{2026}' => Fold::Replace("..."),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Fold::Replace(" ")
        }
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Fold::Drop,
        '\r' => Fold::Replace("\n"),
        '\u{2028}' | '\u{2029}' | '\u{0085}' => Fold::Replace("\n"),
        c if c.is_control() && c != '\n' && c != '\t' => Fold::Replace(" "),
        _ => Fold::Keep,
    }
}

/// An en dash with a space on each side sets off a clause as an em dash does
/// (`the E3 – France, Germany and the UK – and`); unspaced, it joins a
/// compound or a range (`U.S.–Japan`, `1864–1870`).
fn fold_in_context(c: char, bytes: &[u8], at: usize, width: usize) -> Fold {
    let spaced = at > 0 && bytes[at - 1] == b' ' && bytes.get(at + width) == Some(&b' ');
    if c == '\u{2013}' && spaced {
        return Fold::Replace("--");
    }
    fold_char(c)
}

/// The largest char boundary of `text` at or before `max` (or its end): where
/// a byte budget may cut text without splitting a character.
pub fn floor_char_boundary(text: &str, max: usize) -> usize {
    let mut i = max.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Folds `source` into the plain text used for matching and returns it with
/// the map from folded offsets back to `source` offsets.
///
/// CRLF becomes one `\n`, a lone CR becomes `\n`, typographic quotes, dashes,
/// spaces and ellipses become their ASCII forms, and invisible characters
/// (soft hyphen, zero-width space and joiners, stray BOMs) are dropped.
pub fn fold(source: &str) -> (String, OffsetMap) {
    let mut folded = String::with_capacity(source.len());
    let mut map = OffsetMap::default();
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: copy the run of plain ASCII that needs no folding.
        let run_end = plain_ascii_run_end(bytes, i);
        if run_end > i {
            folded.push_str(&source[i..run_end]);
            i = run_end;
            continue;
        }
        let c = source[i..].chars().next().expect("i is on a char boundary");
        let mut width = c.len_utf8();
        if c == '\r' && bytes.get(i + 1) == Some(&b'\n') {
            width = 2;
        }
        match fold_in_context(c, bytes, i, width) {
            Fold::Keep => folded.push(c),
            Fold::Replace(with) => {
                // Every byte of the replacement maps to the start of what it
                // replaces, so no offset lands inside a source character.
                for k in 0..with.len() {
                    map.push(folded.len() + k, i);
                }
                folded.push_str(with);
                map.push(folded.len(), i + width);
            }
            Fold::Drop => map.push(folded.len(), i + width),
        }
        i += width;
    }
    (folded, map)
}

fn plain_ascii_run_end(bytes: &[u8], from: usize) -> usize {
    let mut j = from;
    while j < bytes.len() {
        let b = bytes[j];
        if b >= 0x80 || (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7F {
            break;
        }
        j += 1;
    }
    j
}

/// Folds a lexicon or pattern string the same way as text, so that an entry
/// written with a typographic apostrophe still matches.
pub fn fold_str(s: &str) -> String {
    fold(s).0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, folded)
    const CASES: &[(&str, &str)] = &[
        ("plain text", "plain text"),
        ("China\u{2019}s rise", "China's rise"),
        ("\u{201C}limitless\u{201D}", "\"limitless\""),
        ("U.S.\u{2013}Japan\u{2013}Korea", "U.S.-Japan-Korea"),
        ("sentiment\u{2014}China", "sentiment--China"),
        (
            "the E3 \u{2013} France \u{2013} and",
            "the E3 -- France -- and",
        ),
        ("1864\u{2013}1870", "1864-1870"),
        ("wait\u{2026} no", "wait... no"),
        ("a\u{00A0}b", "a b"),
        ("co\u{00AD}operation", "cooperation"),
        ("zero\u{200B}width", "zerowidth"),
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("bell\u{0007}", "bell "),
    ];

    #[test]
    fn folds_typographic_variants() {
        for (input, expected) in CASES {
            assert_eq!(fold(input).0, *expected, "input {input:?}");
        }
    }

    #[test]
    fn every_folded_char_maps_back_to_its_source() {
        let source = "A\u{2019}b \u{201C}c\u{201D}\r\nd\u{00AD}e\u{2014}f\u{2026}g";
        let (folded, map) = fold(source);
        for (pos, c) in folded.char_indices() {
            let back = map.map(pos);
            assert!(
                source.is_char_boundary(back),
                "folded {pos} maps inside a char"
            );
            if c.is_ascii_alphabetic() {
                assert_eq!(
                    source[back..].chars().next(),
                    Some(c),
                    "folded {pos} maps to {back}"
                );
            }
        }
        assert_eq!(map.map(folded.len()), source.len());
    }

    #[test]
    fn shifted_map_accounts_for_a_stripped_bom() {
        let map = OffsetMap::shifted(3);
        assert_eq!(map.map(0), 3);
        assert_eq!(map.map(10), 13);
    }
}
