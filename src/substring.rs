//! Substring search over bytes, for the few places that look for a word in a short
//! text. `str::find`, `contains`, `replace` and `trim_start_matches` with a string
//! pattern pull core's two-way searcher into the wasm; this plain scan is enough for
//! texts of a few hundred bytes and is property-tested against those methods.

/// The byte offset of the first `needle` in `haystack` (`Some(0)` for an empty needle).
///
/// A match of valid UTF-8 in valid UTF-8 always starts on a character boundary, so
/// the offset can be used to slice `haystack`.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    if n.is_empty() {
        return Some(0);
    }
    haystack.as_bytes().windows(n.len()).position(|w| w == n)
}

/// Whether `needle` occurs in `haystack`.
pub fn contains(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// `haystack` with every non-overlapping `from` (left to right) replaced by `to`.
/// `from` must not be empty.
pub fn replace(haystack: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(haystack.len());
    let mut rest = haystack;
    while let Some(i) = find(rest, from).filter(|_| !from.is_empty()) {
        let (Some(before), Some(after)) = (rest.get(..i), rest.get(i + from.len()..)) else {
            break;
        };
        out.push_str(before);
        out.push_str(to);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// `text` without any repetitions of `prefix` at its start.
pub fn trim_prefix<'a>(mut text: &'a str, prefix: &str) -> &'a str {
    while let Some(rest) = text.strip_prefix(prefix).filter(|_| !prefix.is_empty()) {
        text = rest;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_replaces_and_trims_like_str() {
        assert_eq!(find("a://b", "://"), Some(1));
        assert_eq!(find("ab", "abc"), None);
        assert_eq!(find("é&#39;", "&#"), Some(2));
        assert!(contains("x?unapproved=1", "unapproved="));
        assert_eq!(replace("a&amp;amp;b&amp;", "&amp;", "&"), "a&amp;b&");
        assert_eq!(replace("aaa", "aa", "b"), "ba");
        assert_eq!(replace("none", "x", "y"), "none");
        assert_eq!(trim_prefix("Error:Error: x", "Error:"), " x");
        assert_eq!(trim_prefix("x", ""), "x");
    }
}
