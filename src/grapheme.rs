//! Where a cut is certain to fall between grapheme clusters (UAX #29).
//!
//! Hand-written instead of using `unicode-segmentation` for the byte budget: its
//! tables cost about 30 kB of the release wasm (12 kB gzip), while excerpts only
//! need *a* safe cut near a position. The rule here is conservative: it answers
//! "boundary" only where UAX #29 certainly has one, and "not sure" elsewhere, so
//! the caller moves the cut a little earlier. `tests/props.rs` checks every
//! "boundary" answer against `unicode-segmentation` on random text.
//!
//! A boundary lies before `c` when `c`'s Grapheme_Cluster_Break property is `Other`
//! (no rule GB3–GB13 joins an `Other` to what precedes it) and the previous
//! character is neither `Prepend` (GB9b), ZWJ (GB11), CR (GB3), nor a Hangul
//! leading consonant before a syllable (GB6).

/// True when a grapheme cluster boundary certainly lies between `prev` and `c`.
pub fn is_boundary(prev: Option<char>, c: char) -> bool {
    let Some(p) = prev else { return true };
    if p == '\u{200D}' || p == '\r' || is_prepend(p) {
        return false;
    }
    let hangul_syllable = ('\u{AC00}'..='\u{D7A3}').contains(&c);
    if hangul_syllable {
        return !matches!(p, '\u{1100}'..='\u{115F}' | '\u{A960}'..='\u{A97C}');
    }
    is_surely_other(c)
}

/// Characters whose Grapheme_Cluster_Break is certainly `Other` (a subset).
fn is_surely_other(c: char) -> bool {
    matches!(c,
        '\u{20}'..='\u{7E}'
        | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{2FF}'     // Latin-1, Latin Extended, IPA, modifiers
        | '\u{370}'..='\u{377}' | '\u{37A}'..='\u{37F}' | '\u{384}'..='\u{3FF}' // Greek
        | '\u{400}'..='\u{482}' | '\u{48A}'..='\u{52F}'  // Cyrillic
        | '\u{531}'..='\u{556}' | '\u{559}'..='\u{58A}'  // Armenian
        | '\u{5D0}'..='\u{5EA}' | '\u{5EF}'..='\u{5F4}'  // Hebrew letters
        | '\u{620}'..='\u{64A}' | '\u{660}'..='\u{66F}' | '\u{671}'..='\u{6D3}' // Arabic letters
        | '\u{E01}'..='\u{E30}' | '\u{E32}' | '\u{E3F}'..='\u{E46}' | '\u{E4F}'..='\u{E5B}' // Thai
        | '\u{1E00}'..='\u{1FFF}'                        // Latin Extended Additional, Greek Extended
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' // punctuation
        | '\u{20A0}'..='\u{20C0}' | '\u{2100}'..='\u{218B}' | '\u{2190}'..='\u{23FF}'
        | '\u{2460}'..='\u{27BF}'                        // enclosed, shapes, symbols, dingbats
        | '\u{2E80}'..='\u{2FDF}' | '\u{3000}'..='\u{3029}' | '\u{3030}'..='\u{303F}'
        | '\u{3041}'..='\u{3096}' | '\u{309B}'..='\u{30FF}' // kana
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' // CJK
        | '\u{FF01}'..='\u{FF9D}'                        // fullwidth forms
        | '\u{1F300}'..='\u{1F3FA}' | '\u{1F400}'..='\u{1FAFF}' // emoji (not modifiers)
        | '\u{20000}'..='\u{2FFFD}')
}

/// Prepend characters (UAX #29 GB9b: no break after them).
fn is_prepend(c: char) -> bool {
    matches!(c,
        '\u{600}'..='\u{605}' | '\u{6DD}' | '\u{70F}' | '\u{890}'..='\u{891}' | '\u{8E2}' | '\u{D4E}'
        | '\u{110BD}' | '\u{110CD}' | '\u{111C2}'..='\u{111C3}' | '\u{113D1}' | '\u{1193F}' | '\u{11941}'
        | '\u{11A3A}' | '\u{11A84}'..='\u{11A89}' | '\u{11D46}' | '\u{11F02}')
}

/// The largest byte offset `<= at` in `text` where a cut certainly falls between
/// grapheme clusters and that is at least `min`; `None` when there is none.
pub fn boundary_at_or_before(text: &str, at: usize, min: usize) -> Option<usize> {
    let mut best = None;
    let mut prev = None;
    for (i, c) in text.char_indices() {
        if i > at {
            break;
        }
        if i >= min && is_boundary(prev, c) {
            best = Some(i);
        }
        prev = Some(c);
    }
    if at >= text.len() {
        // The end of the text is always a boundary.
        best = Some(text.len());
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obvious_cases() {
        assert!(is_boundary(Some('a'), 'b'));
        assert!(
            !is_boundary(Some('e'), '\u{301}'),
            "before a combining mark"
        );
        assert!(
            !is_boundary(Some('\u{200D}'), '👧'),
            "inside a ZWJ sequence"
        );
        assert!(!is_boundary(Some('👍'), '\u{1F3FD}'), "before a skin tone");
        assert!(
            !is_boundary(Some('\u{1F1EB}'), '\u{1F1F7}'),
            "inside a flag"
        );
        assert!(is_boundary(Some('漢'), '字'));
        assert!(!is_boundary(Some('\u{1100}'), '\u{AC00}'), "Hangul L + LV");
        assert!(!is_boundary(Some('\u{600}'), '1'), "after Prepend");
    }

    #[test]
    fn finds_the_last_safe_cut() {
        let s = "e\u{301}e\u{301}e\u{301}";
        // Byte 3 is after the first "é" cluster; byte 4 is inside the second.
        assert_eq!(boundary_at_or_before(s, 4, 0), Some(3));
        assert_eq!(boundary_at_or_before(s, 2, 1), None);
        assert_eq!(boundary_at_or_before(s, 99, 0), Some(s.len()));
    }
}
