//! Excerpts from the body: whole words, never a cut grapheme, a sensible length.

use crate::grapheme::{boundary_at_or_before, is_boundary};

/// The default excerpt length, in characters.
pub const DEFAULT_LENGTH: usize = 240;

/// An excerpt and whether it covers the whole text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The excerpt's text, ending with "…" when it was shortened mid-sentence.
    pub text: String,
    /// True when the excerpt is shorter than the text it was taken from.
    pub shortened: bool,
}

/// Takes an excerpt of at most `max` characters (plus the ellipsis) from the
/// paragraphs. Whitespace is collapsed. The cut falls, in order of preference: after
/// a sentence that ends in the last 40% of the window; before the last word that
/// does not fit (with "…"); or, when one word fills the window, at a certain
/// grapheme boundary (with "…"). A cut never splits a grapheme cluster: when no
/// certain boundary exists in the window, the whole text is kept. `max` below 1 is
/// treated as 1.
pub fn excerpt(paragraphs: &[String], max: usize) -> Excerpt {
    let max = max.max(1);
    // Collapse whitespace, stopping once the text is clearly longer than the window
    // (a long body need not be copied to cut its first few hundred characters).
    let enough = max.saturating_mul(4).saturating_add(64);
    let mut text = String::new();
    for word in paragraphs.iter().flat_map(|p| p.split_whitespace()) {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
        if text.len() > enough {
            break;
        }
    }
    // Byte offset after `max` characters, if the text is longer.
    let Some(cut) = crate::substring::char_offset(&text, max) else {
        return Excerpt {
            text,
            shortened: false,
        };
    };
    let window = &text[..cut];
    let min_sentence = window.len() * 3 / 5;
    // A sentence end: terminal punctuation followed by a space inside the window,
    // or at the window's end when the next character is a space.
    let sentence_end = window
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | '…' | '。') && text[i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, c)| i + c.len_utf8())
        .rfind(|&end| end >= min_sentence);
    if let Some(end) = sentence_end {
        return Excerpt {
            text: text[..end].to_string(),
            shortened: true,
        };
    }
    // The last space at or before the cut where a cut is a certain boundary.
    let mut prev = None;
    let mut word_end = None;
    for (i, c) in text.char_indices() {
        if i > cut {
            break;
        }
        if c == ' ' && is_boundary(prev, c) {
            word_end = Some(i);
        }
        prev = Some(c);
    }
    let end = match word_end {
        // Keep at least a third of the window; otherwise one long word would leave
        // a tiny excerpt, and cutting inside that word (at a grapheme) is better.
        Some(i) if i >= window.len() / 3 => i,
        _ => match boundary_at_or_before(&text, cut, 1) {
            Some(b) => b,
            None => {
                return Excerpt {
                    text,
                    shortened: false,
                }
            }
        },
    };
    // Drop trailing punctuation that would sit oddly before "…", but only where the
    // shorter cut is still a certain grapheme boundary.
    let mut end = end;
    while let Some(last) = text[..end].chars().next_back() {
        let before = text[..end - last.len_utf8()].chars().next_back();
        if matches!(last, ' ' | ',' | ';' | ':' | '—' | '–' | '-') && is_boundary(before, last)
        {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    let mut out = text[..end].to_string();
    out.push('…');
    Excerpt {
        text: out,
        shortened: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(s: &[&str]) -> Vec<String> {
        s.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn short_body_is_kept_whole_and_not_marked_shortened() {
        let e = excerpt(&paras(&["A short review.", "Two  paragraphs."]), 240);
        assert_eq!(e.text, "A short review. Two paragraphs.");
        assert!(!e.shortened);
    }

    #[test]
    fn cuts_between_words_with_an_ellipsis() {
        let e = excerpt(&paras(&["one two three four five six seven"]), 12);
        assert_eq!(e.text, "one two…");
        assert!(e.shortened);
    }

    #[test]
    fn prefers_a_sentence_end_near_the_limit() {
        let e = excerpt(
            &paras(&["First sentence here. Second one is much longer than the window."]),
            30,
        );
        assert_eq!(e.text, "First sentence here.");
    }

    #[test]
    fn never_cuts_a_grapheme_in_a_long_word() {
        // "e" + combining acute, repeated: each pair is one grapheme of two characters.
        let word = "e\u{301}".repeat(50);
        let e = excerpt(&paras(&[&word]), 10);
        assert_eq!(e.text, ["e\u{301}".repeat(5), "…".into()].concat());
        let e = excerpt(&paras(&[&word]), 11);
        assert_eq!(
            e.text,
            ["e\u{301}".repeat(5), "…".into()].concat(),
            "cut moves back, not into é"
        );
    }

    #[test]
    fn never_splits_emoji_sequences() {
        let family = "👨‍👩‍👧‍👦"; // 7 characters, one grapheme
        let e = excerpt(&paras(&[&family.repeat(5)]), 10);
        assert_eq!(e.text, [family, "…"].concat());
    }

    #[test]
    fn keeps_the_whole_text_rather_than_split_a_cluster() {
        let family = "👨‍👩‍👧‍👦";
        let e = excerpt(&paras(&[&family.repeat(2)]), 3);
        assert_eq!(e.text, family.repeat(2));
        assert!(!e.shortened);
    }

    #[test]
    fn counts_characters_not_bytes_for_cjk() {
        let e = excerpt(&paras(&["漢字漢字漢字漢字"]), 4);
        assert_eq!(e.text, "漢字漢字…");
    }

    #[test]
    fn trailing_punctuation_before_the_ellipsis_is_dropped() {
        let e = excerpt(&paras(&["alpha beta, gamma delta epsilon"]), 14);
        assert_eq!(e.text, "alpha beta…");
    }

    #[test]
    fn the_sample_body_gives_a_sentence_sized_excerpt() {
        let body = "There is a watery trope played throughout French writer/director Jacques Audiard’s film, which begins with a dreamlike swirl of waves, bubbles and submersion in blue-tinged liquid, interwoven with close-up images of a child’s sleeping face, his docile breathing providing the only soundtrack. The water is clear.";
        let e = excerpt(&paras(&[body]), DEFAULT_LENGTH);
        assert!(e.shortened);
        assert!(e.text.ends_with('…'), "{}", e.text);
        assert!(e.text.starts_with("There is a watery trope"));
        assert!(e.text.chars().count() <= DEFAULT_LENGTH + 1);
    }
}
