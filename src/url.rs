//! The one URL allow-list. A link in the card or the form may only be an absolute
//! `http:` or `https:` URL, a relative reference, or (where a caller allows it) `mailto:`.

/// Why a URL was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    /// The text is empty or only whitespace.
    Empty,
    /// A scheme other than those allowed, such as `javascript:` or `data:`.
    Scheme,
    /// Spaces, control characters or a backslash, which browsers "repair" unpredictably.
    Characters,
    /// An absolute URL without a host (`https://` or `https:///x`).
    NoHost,
}

/// Returns the URL's scheme (lowercased) when it has one.
fn scheme_of(url: &str) -> Option<String> {
    let colon = crate::substring::find_any(url, b":")?;
    // A scheme ends before the first `/`, `?` or `#`; a colon after those belongs to a path.
    if let Some(stop) = crate::substring::find_any(url, b"/?#") {
        if stop < colon {
            return None;
        }
    }
    let scheme = &url[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic()
        || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        // Not a syntactic scheme, e.g. "a b:c". Treat it as scheme-like anyway so that
        // nothing with a colon before the path slips through as "relative".
        return Some(scheme.to_ascii_lowercase());
    }
    Some(scheme.to_ascii_lowercase())
}

/// Checks `url` against the allow-list and returns it trimmed.
///
/// Allowed: `http://host…`, `https://host…`, relative references (`/review`, `../x`,
/// `?page=2`, `#comments`, `review.html`) and, when `allow_mailto` is set, `mailto:`.
/// Refused: every other scheme, protocol-relative `//host` (it changes meaning with the
/// page's scheme but is otherwise harmless; refused to keep one rule), whitespace inside,
/// control characters and backslashes.
pub fn check_url(url: &str, allow_mailto: bool) -> Result<&str, UrlError> {
    let url = url.trim();
    if url.is_empty() {
        return Err(UrlError::Empty);
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Err(UrlError::Characters);
    }
    match scheme_of(url).as_deref() {
        None => {
            if url.starts_with("//") {
                Err(UrlError::Scheme)
            } else {
                Ok(url)
            }
        }
        Some("http") | Some("https") => {
            let rest = &url[crate::substring::find_any(url, b":").map_or(0, |i| i + 1)..];
            let host = rest
                .strip_prefix("//")
                .map(|r| crate::substring::before_any(r, b"/?#"));
            match host {
                Some(h) if !h.is_empty() && !h.starts_with('@') && !h.starts_with(':') => Ok(url),
                _ => Err(UrlError::NoHost),
            }
        }
        Some("mailto") if allow_mailto && url.len() > "mailto:".len() => Ok(url),
        Some(_) => Err(UrlError::Scheme),
    }
}

/// The origin of an absolute `http:` or `https:` URL (`https://example.com:8443`,
/// lowercased), or `None` for a relative reference or another scheme.
pub fn origin(url: &str) -> Option<String> {
    split_origin(url).map(|(origin, _)| origin)
}

/// An absolute `http:`/`https:` URL's origin, and the rest (path, query, fragment).
fn split_origin(url: &str) -> Option<(String, &str)> {
    let scheme = scheme_of(url)?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let rest = url[scheme.len() + 1..].strip_prefix("//")?;
    let authority = crate::substring::before_any(rest, b"/?#");
    // Credentials are not part of an origin.
    let host =
        crate::substring::rfind_byte(authority, b'@').map_or(authority, |i| &authority[i + 1..]);
    if host.is_empty() {
        return None;
    }
    let origin = [scheme.as_str(), "://", &host.to_ascii_lowercase()].concat();
    Some((origin, &rest[authority.len()..]))
}

/// Resolves `reference` (a URL the allow-list accepted) against `base`, an absolute
/// `http:` or `https:` URL, as a browser does (RFC 3986, section 5): `../x`,
/// `/x`, `?q` and `#f` become absolute; absolute URLs are returned as they are.
/// Returns `reference` unchanged when `base` is not such a URL.
pub fn resolve(base: &str, reference: &str) -> String {
    let Some((origin, after)) = split_origin(base) else {
        return reference.to_string();
    };
    if scheme_of(reference).is_some() {
        return reference.to_string();
    }
    // The base's own parts: the path and the query, without its fragment.
    let after = crate::substring::before_any(after, b"#");
    let path_end = crate::substring::find_any(after, b"?").unwrap_or(after.len());
    let (base_path, base_query) = after.split_at(path_end);
    let base_path = if base_path.is_empty() { "/" } else { base_path };
    let split = crate::substring::find_any(reference, b"?#").unwrap_or(reference.len());
    let (path, tail) = reference.split_at(split);
    if reference.starts_with("//") {
        // A network-path reference: the allow-list refuses these.
        return reference.to_string();
    }
    let mut out = origin;
    if path.is_empty() {
        out.push_str(base_path);
        if tail.starts_with('#') {
            out.push_str(base_query);
        }
        out.push_str(tail);
        return out;
    }
    let merged;
    let full = if path.starts_with('/') {
        path
    } else {
        let dir = &base_path[..crate::substring::rfind_byte(base_path, b'/').map_or(0, |i| i + 1)];
        merged = [dir, path].concat();
        &merged
    };
    push_without_dot_segments(&mut out, full);
    out.push_str(tail);
    out
}

/// Appends `path` (absolute) with its `.` and `..` segments resolved.
fn push_without_dot_segments(out: &mut String, path: &str) {
    let mut segments: Vec<&str> = Vec::new();
    let mut parts = crate::substring::split_any(path, b"/").skip(1).peekable();
    while let Some(seg) = parts.next() {
        let last = parts.peek().is_none();
        match seg {
            "." | ".." => {
                if seg == ".." {
                    segments.pop();
                }
                if last {
                    segments.push("");
                }
            }
            _ => segments.push(seg),
        }
    }
    for seg in segments {
        out.push('/');
        out.push_str(seg);
    }
    if path == "/" || path.is_empty() {
        out.push('/');
    }
}

/// Resolves every link of `review` against `base` (see [`resolve`]).
pub fn resolve_review(review: &mut crate::model::Review, base: &str) {
    if let Some(url) = review.url.as_mut() {
        *url = resolve(base, url);
    }
    if let Some(url) = review.author.as_mut().and_then(|a| a.url.as_mut()) {
        *url = resolve(base, url);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_http_https_and_relative() {
        for ok in [
            "https://example.com/review",
            "http://example.com",
            "HTTPS://EXAMPLE.COM",
            "/reviews/rust-and-bone",
            "rust-and-bone.html",
            "../x?y=1#z",
            "#comments",
            "?page=2",
            "/a:b",
        ] {
            assert_eq!(check_url(ok, false), Ok(ok), "{ok}");
        }
    }

    #[test]
    fn refuses_other_schemes_in_any_case() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "//evil.example/x",
            "mailto:a@example.com",
        ] {
            assert_eq!(check_url(bad, false), Err(UrlError::Scheme), "{bad}");
        }
    }

    #[test]
    fn refuses_hidden_characters_that_browsers_strip() {
        for bad in [
            "java\tscript:alert(1)",
            "java\nscript:x",
            "https://a b",
            "\\\\evil",
        ] {
            assert_eq!(check_url(bad, false), Err(UrlError::Characters), "{bad:?}");
        }
    }

    #[test]
    fn refuses_http_without_host() {
        for bad in ["https://", "https:///x", "http:example.com", "https://@x"] {
            assert_eq!(check_url(bad, false), Err(UrlError::NoHost), "{bad}");
        }
    }

    #[test]
    fn mailto_only_when_allowed() {
        assert_eq!(
            check_url("mailto:a@example.com", true),
            Ok("mailto:a@example.com")
        );
        assert_eq!(check_url("mailto:", true), Err(UrlError::Scheme));
    }

    #[test]
    fn resolves_like_a_browser() {
        let base = "https://Reviews.example.com/2012/films/rust-and-bone.json?v=2#top";
        for (reference, expected) in [
            (
                "rust-and-bone.html",
                "https://reviews.example.com/2012/films/rust-and-bone.html",
            ),
            ("../books/", "https://reviews.example.com/2012/books/"),
            ("../../../../x", "https://reviews.example.com/x"),
            (
                "./a/./b/../c?x=1#y",
                "https://reviews.example.com/2012/films/a/c?x=1#y",
            ),
            ("/about", "https://reviews.example.com/about"),
            (
                "?page=2",
                "https://reviews.example.com/2012/films/rust-and-bone.json?page=2",
            ),
            (
                "#comments",
                "https://reviews.example.com/2012/films/rust-and-bone.json?v=2#comments",
            ),
            (".", "https://reviews.example.com/2012/films/"),
            ("..", "https://reviews.example.com/2012/"),
            ("https://other.example/x", "https://other.example/x"),
        ] {
            assert_eq!(resolve(base, reference), expected, "{reference}");
        }
        assert_eq!(resolve("https://a.example", "x"), "https://a.example/x");
        assert_eq!(
            resolve("https://u:p@a.example/d/f", "x"),
            "https://a.example/d/x"
        );
        assert_eq!(resolve("not a base", "x"), "x");
    }

    #[test]
    fn origins_of_http_urls_only() {
        assert_eq!(
            origin("HTTPS://user@Example.com:8443/x?y").as_deref(),
            Some("https://example.com:8443")
        );
        assert_eq!(origin("/x"), None);
        assert_eq!(origin("mailto:a@example.com"), None);
    }
}
