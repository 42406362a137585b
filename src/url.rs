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

/// Whether `url` is an absolute `http:` or `https:` URL (by its scheme).
pub fn is_http(url: &str) -> bool {
    matches!(scheme_of(url).as_deref(), Some("http" | "https"))
}

/// Whether `url`, an absolute URL as the URL parser writes it (`href`), is on
/// `origin` (`https://example.com:8443`, as the parser writes it: lowercased).
pub fn is_on_origin(url: &str, origin: &str) -> bool {
    url.strip_prefix(origin)
        .is_some_and(|rest| matches!(rest.bytes().next(), None | Some(b'/' | b'?' | b'#')))
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
    fn origins_by_the_parsers_spelling() {
        assert!(is_http("HTTPS://a.example/x") && is_http("http://a.example"));
        assert!(!is_http("/x") && !is_http("mailto:a@example.com"));
        let own = "https://a.example";
        for url in [
            "https://a.example",
            "https://a.example/x",
            "https://a.example?q",
            "https://a.example#f",
        ] {
            assert!(is_on_origin(url, own), "{url}");
        }
        for url in [
            "https://a.example.net/",
            "https://a.example:8443/",
            "http://a.example/",
        ] {
            assert!(!is_on_origin(url, own), "{url}");
        }
    }
}
