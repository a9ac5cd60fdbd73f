//! Splitting a document into paragraphs.
//!
//! Two layouts occur in scraped text: paragraphs separated by blank lines
//! (often hard-wrapped inside), and one paragraph per line with no blank lines
//! at all. The layout is detected per document. In both, a paragraph that a
//! stray line break cut mid-sentence is put back together.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

use crate::model::Paragraph;

/// How the document separates its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Blank lines separate paragraphs; single newlines are wrapping.
    BlankLines,
    /// Every line is a paragraph.
    OnePerLine,
}

/// Lines are this long or shorter when a text is hard-wrapped...
const WRAP_WIDTH: usize = 100;
/// ...and this long or longer, except the last line of a paragraph.
const MIN_WRAPPED_LINE: usize = 40;

/// Splits `text` into paragraphs, rejoining ones broken by stray breaks.
pub fn split(text: &str) -> Vec<Paragraph> {
    let blocks = blocks_between_blank_lines(text);
    let blocks = match detect_layout(text, &blocks) {
        Layout::BlankLines => split_list_items(text, blocks),
        Layout::OnePerLine => non_blank_lines(text),
    };
    let mut paragraphs = rejoin_broken(text, blocks);
    for (i, p) in paragraphs.iter_mut().enumerate() {
        p.index = i;
    }
    paragraphs
}

/// A document is hard-wrapped when most of its lines sit inside multi-line
/// blocks and are no longer than a wrap width; otherwise each line is a
/// paragraph (long lines with no blank lines between them). `blocks` are
/// the text's blocks between blank lines.
pub fn detect_layout(text: &str, blocks: &[Paragraph]) -> Layout {
    let mut lines_in_multiline_blocks = 0usize;
    let mut inner_lines = 0usize;
    let mut wrapped_lines = 0usize;
    let mut lines = 0usize;
    for block in blocks {
        let block_lines: Vec<&str> = text[block.span.clone()].lines().collect();
        lines += block_lines.len();
        if block_lines.len() > 1 {
            lines_in_multiline_blocks += block_lines.len();
            let inner = &block_lines[..block_lines.len() - 1];
            inner_lines += inner.len();
            wrapped_lines += inner.iter().filter(|l| looks_wrapped(l)).count();
        }
    }
    let wrapped = lines_in_multiline_blocks * 2 > lines && wrapped_lines * 2 > inner_lines;
    let separated = blocks.len() > 1 && lines_in_multiline_blocks == 0;
    if wrapped || separated {
        Layout::BlankLines
    } else {
        Layout::OnePerLine
    }
}

/// A line cut by wrapping: of a wrap width, and ending mid-sentence. A short
/// line without closing punctuation is a heading, not a wrapped line.
fn looks_wrapped(line: &str) -> bool {
    let line = line.trim_end();
    let closed = line.ends_with(['.', '!', '?', ':', '"', '\'', ')']);
    !closed && line.len() >= MIN_WRAPPED_LINE && line.len() <= WRAP_WIDTH
}

fn line_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let span = start..start + line.trim_end_matches('\n').len();
        start += line.len();
        span
    })
}

fn is_blank(text: &str, span: &Range<usize>) -> bool {
    text[span.clone()].trim().is_empty()
}

fn trimmed(text: &str, span: Range<usize>) -> Range<usize> {
    let slice = &text[span.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    span.start + lead..span.end - trail
}

fn paragraph(span: Range<usize>) -> Paragraph {
    Paragraph {
        index: 0,
        span,
        rejoined: false,
    }
}

fn blocks_between_blank_lines(text: &str) -> Vec<Paragraph> {
    let mut blocks = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for span in line_spans(text) {
        if is_blank(text, &span) {
            if let Some(block) = current.take() {
                blocks.push(paragraph(trimmed(text, block)));
            }
        } else {
            current = Some(match current {
                Some(block) => block.start..span.end,
                None => span,
            });
        }
    }
    if let Some(block) = current {
        blocks.push(paragraph(trimmed(text, block)));
    }
    blocks
}

/// A line that opens with a list marker (`- `, `• `, `3. `, `b) `).
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*\u{2022}\u{2023}\u{2043}\u{25E6}\u{25AA}\u{25CF}\u{2013}]|\(?(?:\d{1,2}|[a-z])[.)]) ")
        .expect("valid regex")
});

/// Blocks cut before every line that opens a list item: a list under a
/// heading is one block between blank lines, but its items are no wrapped
/// prose, and a bullet without a full stop would run into the next one.
/// A line without a marker stays with the item it continues.
fn split_list_items(text: &str, blocks: Vec<Paragraph>) -> Vec<Paragraph> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let mut start = block.span.start;
        for line in line_spans(&text[block.span.clone()]).skip(1) {
            let line = block.span.start + line.start..block.span.start + line.end;
            if LIST_ITEM.is_match(&text[line.clone()]) {
                out.push(paragraph(trimmed(text, start..line.start)));
                start = line.start;
            }
        }
        out.push(paragraph(trimmed(text, start..block.span.end)));
    }
    out
}

fn non_blank_lines(text: &str) -> Vec<Paragraph> {
    line_spans(text)
        .filter(|span| !is_blank(text, span))
        .map(|span| paragraph(trimmed(text, span)))
        .collect()
}

/// Joins a paragraph with the next when it stops mid-sentence and the next
/// starts in lower case: a line break no author would put there.
fn rejoin_broken(text: &str, blocks: Vec<Paragraph>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(blocks.len());
    for block in blocks {
        if let Some(last) = out.last_mut()
            && breaks_mid_sentence(&text[last.span.clone()], &text[block.span.clone()])
        {
            last.span = last.span.start..block.span.end;
            last.rejoined = true;
            continue;
        }
        out.push(block);
    }
    out
}

fn breaks_mid_sentence(before: &str, after: &str) -> bool {
    let ends_open = before
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || c == ',');
    let starts_lower = after.chars().next().is_some_and(|c| c.is_lowercase());
    let before_is_sentence = before.split_whitespace().nth(3).is_some();
    ends_open && starts_lower && before_is_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|p| &text[p.span]).collect()
    }

    #[test]
    fn each_list_item_of_a_block_is_a_paragraph() {
        let text = "SUDAN\n\nIn 2020 Moscow and Khartoum signed a deal for a naval\nlogistics centre near Port Sudan, never ratified since then.\n\n- Moscow now backs the army\n- Russia vetoed a UK draft; London condemned the veto\n  and its timing\n3. Numbered items too\n\nARMS SALES\n";
        assert_eq!(
            texts(text),
            [
                "SUDAN",
                "In 2020 Moscow and Khartoum signed a deal for a naval\nlogistics centre near Port Sudan, never ratified since then.",
                "- Moscow now backs the army",
                "- Russia vetoed a UK draft; London condemned the veto\n  and its timing",
                "3. Numbered items too",
                "ARMS SALES",
            ]
        );
    }

    #[test]
    fn one_paragraph_per_line() {
        let text = "First paragraph is a long line of text.\nSecond one.\n\nThird.\n";
        assert_eq!(
            detect_layout(text, &blocks_between_blank_lines(text)),
            Layout::OnePerLine
        );
        assert_eq!(
            texts(text),
            [
                "First paragraph is a long line of text.",
                "Second one.",
                "Third."
            ]
        );
    }

    #[test]
    fn blank_line_separated_and_wrapped() {
        let first = "A wrapped paragraph that goes on for a while and\nthen on to a second line.";
        let second = "Another paragraph that is also wrapped at the\nsame width as the first one.";
        let text = format!("{first}\n\n{second}\n");
        assert_eq!(
            detect_layout(&text, &blocks_between_blank_lines(&text)),
            Layout::BlankLines
        );
        assert_eq!(texts(&text), [first, second]);
    }

    #[test]
    fn stray_break_is_rejoined() {
        let text = "Unlike the containment of Russia, rooted in rivalry and\nthe threat of a response, it differs.\nNext paragraph.";
        let paragraphs = split(text);
        assert_eq!(paragraphs.len(), 2);
        assert!(paragraphs[0].rejoined);
    }

    #[test]
    fn headings_are_not_joined_to_the_next_line() {
        let text = "Europe Meets Asia\nThe theoretical bridging has long been studied.";
        assert_eq!(split(text).len(), 2);
    }
}
