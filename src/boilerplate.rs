//! Recognising page furniture that scrapers keep: image captions, author bios,
//! "Recommended" link lists and share prompts.
//!
//! These are judged on the paragraph alone (plus, for link lists, the
//! paragraph before), from cues that hold across sites: a caption names an
//! image and its credit, a bio is a short third-person paragraph about a
//! person's post, a link list is a run of headline-like lines under a
//! heading such as "Related".

use regex::Regex;
use std::sync::LazyLock;

/// What kind of boilerplate a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    Caption,
    AuthorBio,
    LinkListHeading,
    SharePrompt,
}

impl Furniture {
    pub fn as_str(self) -> &'static str {
        match self {
            Furniture::Caption => "caption",
            Furniture::AuthorBio => "author bio",
            Furniture::LinkListHeading => "link list",
            Furniture::SharePrompt => "share prompt",
        }
    }
}

static CAPTION_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:photo|photograph|image|picture|illustration|graphic|video|credit|caption|file photo)s?\b\s*(?::|by\b|courtesy\b|\()").unwrap()
});
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\S+ ){0,3}(?:photo(?:graph)?|image|picture|illustration|graphic)\b.{0,80}\b(?:created|generated|taken|courtesy|credit(?:ed)?)\b").unwrap()
});
static AGENCY_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:/|\(|\||—|--)\s*(?:Reuters|AP|AFP|EPA|Getty Images|Shutterstock|Bloomberg|Xinhua|TASS|Anadolu|Wikimedia Commons|Flickr|[A-Z][\w.]+ via [A-Z]\w+)\)?\.?\s*$").unwrap()
});
static CREDIT_IN_BRACKETS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\((?:photo|photograph|image|picture|illustration|credit|source|video)s?(?: by| credit)?:? [^()]{1,80}\)\.?\s*$").unwrap()
});
static BIO_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:is|was) (?:a|an|the)\b|(?:Dr\.? |Prof\.? )?[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3},? (?:is|was|serves as|works as) (?:a|an|the)\b)").unwrap()
});
static BIO_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:fellow|researcher|research (?:associate|assistant)|professor|analyst|director|editor|correspondent|journalist|author|lecturer|scholar|student|candidate|writer|contributor|specialist|adviser|advisor|consultant)\b").unwrap()
});
static BIO_AFFILIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:university|institute|foundation|cent(?:er|re)|school|college|council|programme|program|think tank|holds an? |received (?:his|her|their) |is the author of|follows? (?:him|her|them))|\bat (?:the )?\p{Lu}").unwrap()
});
static LINK_LIST_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:recommended(?: for you| reading| articles| stories)?|related(?: articles| stories| reading| posts| content| coverage)?|read (?:more|next|also)|also read|more (?:from|on|by) .{1,40}|more stories|further reading|you (?:may|might) also (?:like|enjoy)|most (?:read|popular|viewed)|popular(?: now)?|trending(?: now)?|see also|latest(?: news| stories)?|what to read next|references|bibliography|sources|citations|footnotes|external links|works cited)\s*:?$").unwrap()
});
static SHARE_PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:share(?: this)?(?: article| story| page)?|share on \w+|follow us\b.*|subscribe\b.*|sign up\b.*|join our newsletter.*|advertisement|sponsored(?: content)?|click here\b.*|print(?: this)?(?: article)?|email|tweet|comments?|leave a comment|copyright\b.*|\(c\).*|©.*|all rights reserved.*|tags?:.*|topics?:.*|filed under:?.*|listen to this article.*|\d+ min(?:ute)? read|this page was last (?:edited|updated|modified)\b.*|last (?:edited|updated|modified) (?:on|in)\b.*)\s*\.?$").unwrap()
});

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Classifies a paragraph on its own text.
pub fn classify(text: &str) -> Option<Furniture> {
    if is_link_list_block(text) {
        return Some(Furniture::LinkListHeading);
    }
    let words = word_count(text);
    if words <= 8 && is_link_list_heading(text) {
        return Some(Furniture::LinkListHeading);
    }
    if words <= 15 && SHARE_PROMPT.is_match(text) {
        return Some(Furniture::SharePrompt);
    }
    if words <= 45 && is_caption(text) {
        return Some(Furniture::Caption);
    }
    if words <= 100 && is_author_bio(text) {
        return Some(Furniture::AuthorBio);
    }
    None
}

fn is_caption(text: &str) -> bool {
    CAPTION_START.is_match(text)
        || CAPTION_CREDIT.is_match(text)
        || AGENCY_CREDIT.is_match(text)
        || CREDIT_IN_BRACKETS.is_match(text)
}

/// A "Related" heading with its headlines on the following lines, all in one
/// block (no blank lines between them).
fn is_link_list_block(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    let items: Vec<&str> = lines.collect();
    !items.is_empty() && is_link_list_heading(first) && items.iter().all(|l| is_list_item(l))
}

/// A link-list heading, also in wiki (`== See also ==`) or Markdown (`## Related`) markup.
fn is_link_list_heading(line: &str) -> bool {
    let bare = line.trim().trim_matches(|c| c == '=' || c == '#').trim();
    LINK_LIST_HEADING.is_match(bare)
}

fn is_author_bio(text: &str) -> bool {
    BIO_OPENING.is_match(text) && BIO_ROLE.is_match(text) && BIO_AFFILIATION.is_match(text)
}

/// True for a line that reads like a linked headline in a list under a
/// "Related" heading: short, and not a sentence of the body; or a numbered
/// citation under "References", however long its title.
pub fn is_list_item(text: &str) -> bool {
    let words = word_count(text);
    let ends_as_sentence = text.ends_with('.') && words > 12;
    (words <= 16 && !ends_as_sentence) || (words <= 60 && CITATION.is_match(text))
}

/// `12. "Title". Publisher. 2025.`, `3. de Waal, Thomas (2013). Black Garden.`
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\[?\d{1,3}[.)\]] (?:"|[\p{Lu}][\w'-]*,? |[a-z]{1,4} [\p{Lu}][\w'-]*, )"#)
        .unwrap()
});

#[cfg(test)]
mod tests {
    use super::*;

    /// (paragraph, expected classification)
    const CASES: &[(&str, Option<Furniture>)] = &[
        (
            "This illustration has been created by AI to use only in this article.",
            Some(Furniture::Caption),
        ),
        (
            "Photo: Finnish troops during an exercise in Lapland.",
            Some(Furniture::Caption),
        ),
        (
            "Ships at anchor off Aden. / Reuters",
            Some(Furniture::Caption),
        ),
        (
            "is a 2024 fellow at the Foundation for Policy Research and a security researcher. He holds an M.A. from a university.",
            Some(Furniture::AuthorBio),
        ),
        (
            "Jane Doe is a senior fellow at the Centre for Maritime Studies.",
            Some(Furniture::AuthorBio),
        ),
        ("Recommended", Some(Furniture::LinkListHeading)),
        ("References", Some(Furniture::LinkListHeading)),
        (
            "This page was last edited on 14 October 2025.",
            Some(Furniture::SharePrompt),
        ),
        ("Related articles:", Some(Furniture::LinkListHeading)),
        (
            "== See also ==\n* Collective Security Treaty Organization\n* Kyrgyzstan–Tajikistan border conflict",
            Some(Furniture::LinkListHeading),
        ),
        ("## Related", Some(Furniture::LinkListHeading)),
        ("More from Foreign Desk", Some(Furniture::LinkListHeading)),
        ("Share this article", Some(Furniture::SharePrompt)),
        (
            "A conscript on patrol in Lapland, March 2025.\n(Image: Finnish Defence Forces)",
            Some(Furniture::Caption),
        ),
        (
            "Anna Berg is a senior fellow at the Nordic Security Forum in\nStockholm, where she works on Baltic security.",
            Some(Furniture::AuthorBio),
        ),
        (
            "is a research associate at the West Africa Policy Lab in Dakar, where he covers the Sahel.",
            Some(Furniture::AuthorBio),
        ),
        (
            "Related\nSvalbard's Uneasy Status Quo\nGreenland Is Not for Sale, Again",
            Some(Furniture::LinkListHeading),
        ),
        (
            "Related talks between Japan and China resumed in May after a pause of two years.",
            None,
        ),
        ("Russia is a member of the CSTO and the SCO.", None),
        (
            "The image of NATO was damaged by the crisis, analysts said.",
            None,
        ),
        ("Xi Jinping is the general secretary of the party.", None),
    ];

    #[test]
    fn classifies_furniture_table() {
        for (text, expected) in CASES {
            assert_eq!(classify(text), *expected, "{text}");
        }
    }

    #[test]
    fn numbered_citations_are_list_items_however_long() {
        for citation in [
            "1. de Waal, Thomas (2013). Black Garden: Armenia and Azerbaijan Through Peace and War (2nd ed.). New York University Press.",
            "5. \"Joint Declaration of the Republic of Armenia and the Republic of Azerbaijan\". The White House. 8 August 2025.",
            "[3] Written evidence, HND0002.",
        ] {
            assert!(is_list_item(citation), "{citation}");
        }
        let body = "12. the committee heard that Norway signed a Supplementary Defence Cooperation Agreement with the United States in April 2021, giving US forces access to agreed areas.";
        assert!(!is_list_item(body));
    }
}
