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

/// The byte offset of the first byte of `haystack` found in `set`. `set` holds ASCII
/// bytes, so the offset is a character boundary. In place of `str::find` with a `char`
/// or `[char; N]` pattern, whose searchers cost about a kilobyte in the wasm.
#[allow(clippy::manual_contains)] // see the comment inside
pub fn find_any(haystack: &str, set: &[u8]) -> Option<usize> {
    // `set.iter().any`, not `set.contains`: for bytes the latter is a memchr call per
    // byte scanned, which showed in the paragraph splits' time (BENCHMARKS.md).
    haystack.bytes().position(|b| set.iter().any(|&s| s == b))
}

/// The byte offset of the last `byte` (ASCII) in `haystack`, like `str::rfind`.
pub fn rfind_byte(haystack: &str, byte: u8) -> Option<usize> {
    haystack.bytes().rposition(|b| b == byte)
}

/// `haystack` up to the first byte found in `set` (all of it when none is).
pub fn before_any<'a>(haystack: &'a str, set: &[u8]) -> &'a str {
    haystack
        .get(..find_any(haystack, set).unwrap_or(haystack.len()))
        .unwrap_or(haystack)
}

/// The pieces of `haystack` between bytes found in `set` (ASCII), like `str::split`
/// with a `char` or `[char; N]` pattern.
pub fn split_any<'a>(haystack: &'a str, set: &'a [u8]) -> SplitAny<'a> {
    SplitAny {
        rest: Some(haystack),
        set,
    }
}

/// The iterator of [`split_any`].
pub struct SplitAny<'a> {
    rest: Option<&'a str>,
    set: &'a [u8],
}

impl<'a> Iterator for SplitAny<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match find_any(rest, self.set) {
            Some(i) => {
                self.rest = rest.get(i + 1..);
                rest.get(..i)
            }
            None => self.rest.take(),
        }
    }
}

/// The byte offset where the `n`th character (from 0) of `text` starts, like
/// `text.char_indices().nth(n)`: counted on bytes, without decoding characters.
pub fn char_offset(text: &str, n: usize) -> Option<usize> {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b & 0xC0 != 0x80)
        .nth(n)
        .map(|(i, _)| i)
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
        assert_eq!(find_any("ab/c?d", b"?/"), Some(2));
        assert_eq!(find_any("é:", b":"), Some(2));
        assert_eq!(rfind_byte("a@b@c", b'@'), Some(3));
        assert_eq!(before_any("host:80/path?q", b"/?#"), "host:80");
        assert_eq!(before_any("host", b"/?#"), "host");
        let parts: Vec<&str> = split_any(".a..é-b.", b".-").collect();
        assert_eq!(parts, ["", "a", "", "é", "b", ""]);
        assert_eq!(split_any("", b".").collect::<Vec<_>>(), [""]);
    }
}
