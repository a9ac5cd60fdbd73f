//! Removing repeated paragraphs and flagging page furniture.
//!
//! Scraped pages repeat themselves: whole blocks twice or three times, a
//! paragraph broken in two next to its unbroken copy, pull-quotes lifted from
//! the body, the same heading with each repeated block. Every paragraph that
//! does not go on to extraction gets a [`DedupDecision`] naming the kept
//! paragraph it repeats and how similar they are, so nothing is dropped
//! silently.
//!
//! Paragraphs are compared on their word sequence (lower-cased letters and
//! digits), so whitespace, case, typography and punctuation never hide a copy.

use std::collections::HashMap;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::boilerplate::{self, Furniture};
use crate::model::{DedupDecision, DedupReason, Paragraph};

/// Paragraphs shorter than this are only removed as exact copies: a heading's
/// few words are found, in order, in many paragraphs it does not repeat.
const MIN_CONTAINED_WORDS: usize = 8;
/// Share of a paragraph's words that must appear, in order, in a longer kept
/// paragraph for it to count as a copy of part of it.
const CONTAINMENT_THRESHOLD: f64 = 0.8;
/// Contained passages up to this many words are pull-quotes; longer ones are
/// reported as contained passages.
const PULL_QUOTE_MAX_WORDS: usize = 60;
/// Word n-gram length used to find candidate containers quickly.
const SHINGLE: usize = 3;

/// A paragraph reduced to what dedup compares.
#[derive(Debug, Clone)]
pub struct Shape {
    /// One hash per word, lower-cased, letters and digits only.
    pub words: Vec<u64>,
    /// Hash of the whole word sequence: equal text gives equal fingerprints.
    pub fingerprint: u64,
}

impl Shape {
    pub fn of(text: &str) -> Shape {
        let mut lowered = String::new();
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| word_hash(w, &mut lowered))
            .collect();
        let mut hasher = Xxh3::new();
        for w in &words {
            hasher.update(&w.to_le_bytes());
        }
        Shape {
            fingerprint: hasher.digest(),
            words,
        }
    }
}

/// Hash of a word in lower case; ASCII words (nearly all) are hashed in
/// place, others through one reused buffer.
fn word_hash(word: &str, buffer: &mut String) -> u64 {
    if word.bytes().all(|b| !b.is_ascii_uppercase()) && word.is_ascii() {
        return xxh3_64(word.as_bytes());
    }
    buffer.clear();
    buffer.extend(word.chars().flat_map(char::to_lowercase));
    xxh3_64(buffer.as_bytes())
}

/// The outcome of deduplicating one document on its own.
#[derive(Debug, Default)]
pub struct DocumentDedup {
    /// Removed paragraphs, in paragraph order.
    pub decisions: Vec<DedupDecision>,
    /// Fingerprint of every paragraph, kept or not, for cross-document checks.
    pub fingerprints: Vec<u64>,
}

impl DocumentDedup {
    /// Decisions are kept sorted by paragraph, so this is a binary search:
    /// it is asked once per sentence of every document.
    pub fn is_removed(&self, paragraph: usize) -> bool {
        self.decisions
            .binary_search_by_key(&paragraph, |d| d.paragraph)
            .is_ok()
    }
}

/// Deduplicates the paragraphs of one document against each other.
pub fn dedup_document(doc_name: &str, text: &str, paragraphs: &[Paragraph]) -> DocumentDedup {
    let texts: Vec<&str> = paragraphs.iter().map(|p| &text[p.span.clone()]).collect();
    let shapes: Vec<Shape> = texts.iter().map(|t| Shape::of(t)).collect();
    let mut removed: Vec<Option<DedupDecision>> = vec![None; paragraphs.len()];

    flag_boilerplate(&texts, &mut removed);
    remove_exact_repeats(doc_name, paragraphs, &texts, &shapes, &mut removed);
    remove_contained(doc_name, paragraphs, &texts, &shapes, &mut removed);

    DocumentDedup {
        decisions: removed.into_iter().flatten().collect(),
        fingerprints: shapes.iter().map(|s| s.fingerprint).collect(),
    }
}

fn decision(paragraph: usize, reason: DedupReason, detail: &'static str) -> DedupDecision {
    DedupDecision {
        paragraph,
        reason,
        detail,
        kept: None,
        similarity: 1.0,
    }
}

/// A paragraph removed as a repeat of the paragraph `kept` of document `doc`.
fn repeat_of(paragraph: usize, reason: DedupReason, doc: &str, kept: usize) -> DedupDecision {
    DedupDecision {
        kept: Some((doc.to_string(), kept)),
        ..decision(paragraph, reason, "")
    }
}

fn flag_boilerplate(texts: &[&str], removed: &mut [Option<DedupDecision>]) {
    let mut in_link_list = false;
    for (i, text) in texts.iter().enumerate() {
        let furniture = boilerplate::classify(text);
        if furniture == Some(Furniture::LinkListHeading) {
            in_link_list = true;
        } else if in_link_list && furniture.is_none() && boilerplate::is_list_item(text) {
            removed[i] = Some(decision(i, DedupReason::Boilerplate, "link list"));
            continue;
        } else {
            in_link_list = false;
        }
        if let Some(kind) = furniture {
            removed[i] = Some(decision(i, DedupReason::Boilerplate, kind.as_str()));
        }
    }
}

fn remove_exact_repeats(
    doc_name: &str,
    paragraphs: &[Paragraph],
    texts: &[&str],
    shapes: &[Shape],
    removed: &mut [Option<DedupDecision>],
) {
    let mut first_seen: HashMap<u64, usize> = HashMap::new();
    for (i, shape) in shapes.iter().enumerate() {
        if removed[i].is_some() || shape.words.is_empty() {
            continue;
        }
        match first_seen.get(&shape.fingerprint) {
            Some(&kept) => {
                let reason = if paragraphs[i].rejoined {
                    DedupReason::SplitCopy
                } else if looks_like_heading(texts[i]) {
                    DedupReason::RepeatedHeading
                } else {
                    DedupReason::Duplicate
                };
                removed[i] = Some(repeat_of(i, reason, doc_name, kept));
            }
            None => {
                first_seen.insert(shape.fingerprint, i);
            }
        }
    }
}

/// Removes paragraphs whose words appear, near-verbatim and in order, inside
/// a longer kept paragraph: pull-quotes and halves of a broken paragraph.
///
/// Longer paragraphs are settled first, so a paragraph is only ever compared
/// with containers that are themselves kept.
fn remove_contained(
    doc_name: &str,
    paragraphs: &[Paragraph],
    texts: &[&str],
    shapes: &[Shape],
    removed: &mut [Option<DedupDecision>],
) {
    let index = ShingleIndex::build(shapes, removed);
    let mut order: Vec<usize> = (0..shapes.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(shapes[i].words.len()), i));
    let mut container_of: Vec<Option<(usize, f64)>> = vec![None; shapes.len()];
    for &i in &order {
        let too_short = shapes[i].words.len() < MIN_CONTAINED_WORDS;
        if removed[i].is_some() || too_short || looks_like_heading(texts[i]) {
            continue;
        }
        if let Some((kept, similarity)) = best_container(i, shapes, &index, removed) {
            container_of[i] = Some((kept, similarity));
            removed[i] = Some(DedupDecision {
                similarity,
                ..repeat_of(i, DedupReason::Contained, doc_name, kept)
            });
        }
    }
    name_contained_reasons(paragraphs, shapes, &container_of, removed);
    point_at_kept_paragraphs(removed);
}

/// A repeat of a paragraph that containment removed afterwards names the
/// paragraph that was finally kept, with the lower of the two similarities.
fn point_at_kept_paragraphs(removed: &mut [Option<DedupDecision>]) {
    for i in 0..removed.len() {
        let mut hops = 0;
        while let Some(d) = &removed[i]
            && let Some((_, kept)) = &d.kept
            && let Some(next) = removed[*kept].clone()
            && let Some(target) = next.kept
            && hops < removed.len()
        {
            let similarity = d.similarity.min(next.similarity);
            let d = removed[i].as_mut().expect("checked above");
            d.kept = Some(target);
            d.similarity = similarity;
            hops += 1;
        }
    }
}

/// A split half has a neighbour contained in the same paragraph (or was
/// rejoined); a short passage is a pull-quote; the rest are contained.
fn name_contained_reasons(
    paragraphs: &[Paragraph],
    shapes: &[Shape],
    container_of: &[Option<(usize, f64)>],
    removed: &mut [Option<DedupDecision>],
) {
    for i in 0..container_of.len() {
        let Some((kept, _)) = container_of[i] else {
            continue;
        };
        let same_container = |j: usize| {
            container_of
                .get(j)
                .copied()
                .flatten()
                .is_some_and(|(k, _)| k == kept)
        };
        let split_half =
            paragraphs[i].rejoined || (i > 0 && same_container(i - 1)) || same_container(i + 1);
        let reason = if split_half {
            DedupReason::SplitCopy
        } else if shapes[i].words.len() <= PULL_QUOTE_MAX_WORDS {
            DedupReason::PullQuote
        } else {
            DedupReason::Contained
        };
        if let Some(d) = removed[i].as_mut() {
            d.reason = reason;
        }
    }
}

fn best_container(
    i: usize,
    shapes: &[Shape],
    index: &ShingleIndex,
    removed: &[Option<DedupDecision>],
) -> Option<(usize, f64)> {
    let words = &shapes[i].words;
    let mut best: Option<(usize, f64)> = None;
    for candidate in index.candidates(words) {
        if candidate == i || removed[candidate].is_some() {
            continue;
        }
        let longer = shapes[candidate].words.len();
        if longer < words.len() || (longer == words.len() && candidate > i) {
            continue;
        }
        let similarity = containment(words, &shapes[candidate].words);
        if similarity >= CONTAINMENT_THRESHOLD && best.is_none_or(|(_, s)| similarity > s) {
            best = Some((candidate, similarity));
        }
    }
    best
}

/// Share of `short`'s words found in order in `long` (longest common
/// subsequence over the length of `short`).
pub fn containment(short: &[u64], long: &[u64]) -> f64 {
    if short.is_empty() {
        return 0.0;
    }
    let mut prev = vec![0u32; long.len() + 1];
    let mut cur = vec![0u32; long.len() + 1];
    for &a in short {
        for (j, &b) in long.iter().enumerate() {
            cur[j + 1] = if a == b {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    f64::from(prev[long.len()]) / short.len() as f64
}

/// Word n-grams of the kept paragraphs, to find which ones may contain a
/// given paragraph without comparing every pair.
struct ShingleIndex {
    postings: HashMap<u64, Vec<usize>>,
}

impl ShingleIndex {
    fn build(shapes: &[Shape], removed: &[Option<DedupDecision>]) -> Self {
        let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, shape) in shapes.iter().enumerate() {
            if removed[i].is_some() {
                continue;
            }
            for gram in shingles(&shape.words) {
                let list = postings.entry(gram).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        ShingleIndex { postings }
    }

    /// Paragraphs that share at least half of the n-grams of `words`.
    fn candidates(&self, words: &[u64]) -> Vec<usize> {
        let grams: Vec<u64> = shingles(words).collect();
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for gram in &grams {
            if let Some(list) = self.postings.get(gram) {
                for &p in list {
                    *counts.entry(p).or_default() += 1;
                }
            }
        }
        let mut found: Vec<usize> = counts
            .into_iter()
            .filter(|&(_, n)| n * 2 >= grams.len())
            .map(|(p, _)| p)
            .collect();
        found.sort_unstable();
        found
    }
}

fn shingles(words: &[u64]) -> impl Iterator<Item = u64> + '_ {
    words.windows(SHINGLE.min(words.len().max(1))).map(|w| {
        w.iter().fold(0u64, |h, &x| {
            h.rotate_left(21) ^ x.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        })
    })
}

/// A short line without closing punctuation, like a section heading.
pub fn looks_like_heading(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let open_ending = !text.ends_with(['.', ',', ';', ':', '!']);
    let capitalised = text.chars().next().is_some_and(|c| c.is_uppercase());
    words <= 12 && open_ending && capitalised
}

/// Fingerprints of kept paragraphs across a batch, so that a paragraph seen
/// in an earlier document (in path order) is removed from later ones.
///
/// Memory is fixed per paragraph (a fingerprint and where it was first
/// seen), not the paragraph's text, so batches of any size fit.
#[derive(Debug, Default)]
pub struct BatchIndex {
    seen: SeenParagraphs,
    documents: Vec<String>,
}

/// First sightings of paragraph fingerprints: a sorted array (16 bytes a
/// paragraph, no hash-table slack) and a small table of recent ones, merged
/// into the array when it fills.
#[derive(Debug, Default)]
struct SeenParagraphs {
    sorted: Vec<(u64, u32, u32)>,
    recent: HashMap<u64, (u32, u32)>,
}

impl SeenParagraphs {
    const RECENT_CAPACITY: usize = 1 << 16;

    fn get(&self, fingerprint: u64) -> Option<(u32, u32)> {
        if let Some(&found) = self.recent.get(&fingerprint) {
            return Some(found);
        }
        let i = self.sorted.partition_point(|e| e.0 < fingerprint);
        self.sorted
            .get(i)
            .filter(|e| e.0 == fingerprint)
            .map(|e| (e.1, e.2))
    }

    fn insert(&mut self, fingerprint: u64, doc: u32, paragraph: u32) {
        self.recent.insert(fingerprint, (doc, paragraph));
        if self.recent.len() >= Self::RECENT_CAPACITY {
            self.sorted.reserve_exact(self.recent.len());
            self.sorted
                .extend(self.recent.drain().map(|(f, (d, p))| (f, d, p)));
            self.sorted.sort_unstable();
        }
    }
}

impl BatchIndex {
    /// Removes from `dedup` the paragraphs seen in earlier documents, and
    /// records this document's kept paragraphs. Call in path order.
    pub fn check_document(&mut self, doc_name: &str, dedup: &mut DocumentDedup) {
        let doc_id = self.documents.len() as u32;
        self.documents.push(doc_name.to_string());
        let mut repeats = Vec::new();
        for (i, &fp) in dedup.fingerprints.iter().enumerate() {
            if dedup.is_removed(i) {
                continue;
            }
            match self.seen.get(fp) {
                Some((doc, para)) if doc != doc_id => repeats.push(repeat_of(
                    i,
                    DedupReason::CrossDocument,
                    &self.documents[doc as usize],
                    para as usize,
                )),
                Some(_) => {}
                None => self.seen.insert(fp, doc_id, i as u32),
            }
        }
        // Added after the loop, so `is_removed` searches a sorted list.
        dedup.decisions.extend(repeats);
        dedup.decisions.sort_by_key(|d| d.paragraph);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paragraphs;

    fn reasons(text: &str) -> Vec<(usize, DedupReason, Option<usize>)> {
        let paragraphs = paragraphs::split(text);
        dedup_document("d.txt", text, &paragraphs)
            .decisions
            .into_iter()
            .map(|d| (d.paragraph, d.reason, d.kept.map(|k| k.1)))
            .collect()
    }

    const BODY_A: &str = "Moscow and Beijing have deepened their cooperation on energy, finance and military technology since the invasion began.";
    const BODY_B: &str = "Washington has responded with export controls on advanced chips and with sanctions on banks that serve the Russian defence industry.";

    #[test]
    fn exact_repeat_is_removed_and_points_to_first() {
        let text = format!("{BODY_A}\n{BODY_B}\n{BODY_A}\n");
        assert_eq!(reasons(&text), [(2, DedupReason::Duplicate, Some(0))]);
    }

    #[test]
    fn typography_and_case_do_not_hide_a_repeat() {
        let text = format!(
            "{BODY_A}\n{BODY_B}\n{}\n",
            BODY_A.to_uppercase().replace(',', " ,")
        );
        assert_eq!(reasons(&text), [(2, DedupReason::Duplicate, Some(0))]);
    }

    #[test]
    fn pull_quote_is_removed_in_either_order() {
        let quote = "Washington has responded with export controls on advanced chips.";
        let before = format!("{quote}\n{BODY_A}\n{BODY_B}\n");
        assert_eq!(reasons(&before), [(0, DedupReason::PullQuote, Some(2))]);
        let after = format!("{BODY_A}\n{BODY_B}\n{quote}\n");
        assert_eq!(reasons(&after), [(2, DedupReason::PullQuote, Some(1))]);
    }

    #[test]
    fn split_halves_at_a_sentence_break_are_split_copies() {
        let whole = "The first sentence of the paragraph says something about Russia and China. The second sentence of the paragraph adds more about Japan and Korea.";
        let (a, b) = whole.split_at(whole.find(" The second").unwrap());
        let text = format!("{whole}\n{BODY_A}\n{a}\n{}\n", b.trim());
        assert_eq!(
            reasons(&text),
            [
                (2, DedupReason::SplitCopy, Some(0)),
                (3, DedupReason::SplitCopy, Some(0))
            ]
        );
    }

    #[test]
    fn rejoined_paragraph_repeating_a_whole_one_is_a_split_copy() {
        let text = format!(
            "{BODY_A}\nMoscow and Beijing have deepened their cooperation on energy,\nfinance and military technology since the invasion began.\n"
        );
        assert_eq!(reasons(&text), [(1, DedupReason::SplitCopy, Some(0))]);
    }

    #[test]
    fn a_repeat_of_a_pull_quote_names_the_paragraph_finally_kept() {
        let text = "Russia attacked Ukraine near Kharkiv early on Monday and then withdrew its troops.\n\nRussia attacked Ukraine near Kharkiv early on Monday.\n\nRussia attacked Ukraine near Kharkiv early on Monday.\n";
        let r = reasons(text);
        assert_eq!(
            r,
            [
                (1, DedupReason::PullQuote, Some(0)),
                (2, DedupReason::Duplicate, Some(0))
            ]
        );
    }

    #[test]
    fn repeated_heading_is_named() {
        let text = format!("The Road Ahead\n{BODY_A}\nThe Road Ahead\n{BODY_B}\n");
        assert_eq!(reasons(&text), [(2, DedupReason::RepeatedHeading, Some(0))]);
    }

    #[test]
    fn link_list_under_a_heading_is_boilerplate() {
        let text = format!(
            "{BODY_A}\nRecommended\n\nWhy Alliances Fail\n\nThe Long Game in the Pacific\n"
        );
        let r = reasons(&text);
        assert_eq!(r.len(), 3);
        assert!(
            r.iter()
                .all(|(_, reason, _)| *reason == DedupReason::Boilerplate)
        );
    }

    #[test]
    fn cross_document_repeat_points_to_earlier_document() {
        let mut batch = BatchIndex::default();
        let first = format!("{BODY_A}\n{BODY_B}\n");
        let second =
            format!("{BODY_B}\nA new paragraph that only the second document has in it.\n");
        for (name, text) in [("a.txt", &first), ("b.txt", &second)] {
            let paragraphs = paragraphs::split(text);
            let mut d = dedup_document(name, text, &paragraphs);
            batch.check_document(name, &mut d);
            if name == "b.txt" {
                assert_eq!(d.decisions.len(), 1);
                assert_eq!(d.decisions[0].reason, DedupReason::CrossDocument);
                assert_eq!(d.decisions[0].kept, Some(("a.txt".to_string(), 1)));
            }
        }
    }

    #[test]
    fn seen_paragraphs_survive_merging_into_the_sorted_array() {
        let mut seen = SeenParagraphs::default();
        let n = SeenParagraphs::RECENT_CAPACITY as u64 * 2 + 7;
        for f in 0..n {
            seen.insert(f.wrapping_mul(0x9E37_79B9_7F4A_7C15), f as u32, 1);
        }
        for f in [0, 1, n / 2, n - 1] {
            assert_eq!(
                seen.get(f.wrapping_mul(0x9E37_79B9_7F4A_7C15)),
                Some((f as u32, 1))
            );
        }
        assert_eq!(seen.get(12345), None);
    }

    #[test]
    fn containment_is_in_order_share() {
        assert_eq!(containment(&[1, 2, 3], &[0, 1, 2, 3, 4]), 1.0);
        assert!((containment(&[1, 2, 3, 4], &[1, 9, 2, 4]) - 0.75).abs() < 1e-9);
    }
}
