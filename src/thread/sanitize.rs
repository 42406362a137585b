//! The one allow-list for comment markup. WordPress sends a comment's text as HTML
//! (`content.rendered`); it is never handed to the browser as it came. It is read
//! here as a stream of tags and text and written again through the crate's HTML
//! writer: only the tags WordPress allows in comments come out as tags, without any
//! attribute except an `a`'s `href` that passed the URL allow-list; every other tag
//! comes out as visible text, and all text is escaped.

use crate::entities::decode_entities;
use crate::render::Html;

/// The tags kept, as WordPress allows them in comments (`$allowedtags`, less the
/// obsolete and attribute-only ones).
const ALLOWED: [&str; 11] = [
    "p",
    "br",
    "a",
    "em",
    "strong",
    "code",
    "blockquote",
    "q",
    "cite",
    "abbr",
    "del",
];

/// Nesting deeper than this is written as text: a comment cannot make the thread's
/// markup arbitrarily deep.
const MAX_OPEN: usize = 16;

/// The comment's markup, allow-listed and escaped (see the module documentation).
pub fn sanitize(html: &str) -> String {
    let mut h = Html {
        out: String::with_capacity(html.len() + 16),
        ids: "",
    };
    push_sanitized(&mut h, html);
    h.out
}

/// A tag as read: its name as written, whether it closes, and its `href` if any.
struct Tag<'a> {
    name: &'a str,
    closing: bool,
    href: Option<&'a str>,
}

/// Reads a tag at the start of `s` (which starts with `<`): the tag and its length
/// in bytes. `None` when `s` does not start a tag (`a < b`, `<3`, no `>`).
fn read_tag(s: &str) -> Option<(Tag<'_>, usize)> {
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let start = i;
    while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    if i == start || !b[start].is_ascii_alphabetic() {
        return None;
    }
    let name = &s[start..i];
    let mut href = None;
    // Attributes, as an HTML tokenizer reads them: names up to `=`, whitespace, `/`
    // or `>`; values quoted or up to whitespace or `>`.
    loop {
        while b
            .get(i)
            .is_some_and(|c| c.is_ascii_whitespace() || *c == b'/')
        {
            i += 1;
        }
        match b.get(i) {
            None => return None,
            Some(b'>') => {
                return Some((
                    Tag {
                        name,
                        closing,
                        href,
                    },
                    i + 1,
                ))
            }
            _ => {}
        }
        let name_start = i;
        i += 1; // a first `=` belongs to the name
        while b
            .get(i)
            .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'/' | b'>' | b'='))
        {
            i += 1;
        }
        let attr = &s[name_start..i];
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let mut value = None;
        if b.get(i) == Some(&b'=') {
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match b.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let end = b[i + 1..].iter().position(|&c| c == q)? + i + 1;
                    value = Some(&s[i + 1..end]);
                    i = end + 1;
                }
                _ => {
                    let v_start = i;
                    while b
                        .get(i)
                        .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>')
                    {
                        i += 1;
                    }
                    value = Some(&s[v_start..i]);
                }
            }
        }
        // The first `href` counts, as in a browser.
        if href.is_none() && attr.eq_ignore_ascii_case("href") {
            href = Some(value.unwrap_or(""));
        }
    }
}

/// An `href` kept on a comment's link: an absolute http(s) URL that passes the
/// crate's URL allow-list once its character references are decoded.
fn checked_href(raw: &str) -> Option<String> {
    let decoded = decode_entities(raw);
    let url = crate::url::check_url(&decoded, false).ok()?;
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| url.to_string())
}

/// Writes the comment's markup through `h` (see the module documentation).
pub(crate) fn push_sanitized(h: &mut Html<'_>, html: &str) {
    // Open allowed elements, innermost last; `true` when the tag was written (an `a`
    // whose href was refused is not, but its text is).
    let mut open: Vec<(&'static str, bool)> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = crate::substring::find_any(rest, b"<") else {
            h.text(&decode_entities(rest));
            break;
        };
        if lt > 0 {
            h.text(&decode_entities(&rest[..lt]));
            rest = &rest[lt..];
        }
        // An HTML comment is dropped, as a browser would not show it either.
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = crate::substring::find(after, "-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some((tag, len)) = read_tag(rest) else {
            h.text("<");
            rest = &rest[1..];
            continue;
        };
        let source = &rest[..len];
        rest = &rest[len..];
        let Some(name) = ALLOWED
            .iter()
            .copied()
            .find(|n| n.eq_ignore_ascii_case(tag.name))
        else {
            h.text(&decode_entities(source));
            continue;
        };
        if name == "br" {
            if !tag.closing {
                h.raw("<br>");
            }
            continue;
        }
        if tag.closing {
            // Close up to the matching element; a stray end tag is dropped.
            if let Some(at) = open.iter().rposition(|(n, _)| *n == name) {
                for (n, written) in open.drain(at..).rev() {
                    if written {
                        h.raw("</").raw(n).raw(">");
                    }
                }
            }
            continue;
        }
        if open.len() >= MAX_OPEN {
            h.text(&decode_entities(source));
            continue;
        }
        // A link inside a link would be taken apart by the browser's parser.
        if name == "a" && open.iter().any(|(n, _)| *n == "a") {
            open.push((name, false));
            continue;
        }
        let written = match name {
            "a" => match tag.href.and_then(checked_href) {
                Some(url) => {
                    h.raw("<a").attr("href", &url).raw(" rel=\"nofollow ugc\">");
                    true
                }
                None => false,
            },
            _ => {
                h.raw("<").raw(name).raw(">");
                true
            }
        };
        open.push((name, written));
    }
    for (n, written) in open.into_iter().rev() {
        if written {
            h.raw("</").raw(n).raw(">");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_allowed_tags_without_attributes() {
        assert_eq!(
            sanitize("<p class=\"x\" onclick=\"y()\">Hi <EM>there</EM><br/>you</p>\n"),
            "<p>Hi <em>there</em><br>you</p>\n"
        );
    }

    #[test]
    fn links_keep_only_a_checked_href_and_get_nofollow_ugc() {
        assert_eq!(
            sanitize("<a href='https://ex.com/?a=1&amp;b=2' target=_blank rel=x>x</a>"),
            "<a href=\"https://ex.com/?a=1&amp;b=2\" rel=\"nofollow ugc\">x</a>"
        );
        for bad in [
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"/relative\">x</a>",
            "<a href=\"java\tscript:x\">x</a>",
            "<a>x</a>",
        ] {
            assert_eq!(sanitize(bad), "x", "{bad}");
        }
    }

    #[test]
    fn other_tags_are_shown_as_text() {
        assert_eq!(
            sanitize("<script>alert(1)</script><img src=x onerror=y>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=y&gt;"
        );
    }

    #[test]
    fn unclosed_and_stray_tags_are_balanced() {
        assert_eq!(
            sanitize("<blockquote><p>a</em>b"),
            "<blockquote><p>ab</p></blockquote>"
        );
        assert_eq!(
            sanitize("<em><strong>a</em>b</strong>"),
            "<em><strong>a</strong></em>b"
        );
    }

    #[test]
    fn decodes_references_then_escapes() {
        assert_eq!(
            sanitize("It&#8217;s &lt;b&gt; &amp; &unknown; &#0; &#x110000; a<3"),
            "It’s &lt;b&gt; &amp; &amp;unknown; &amp;#0; &amp;#x110000; a&lt;3"
        );
    }

    #[test]
    fn comments_are_dropped() {
        assert_eq!(sanitize("a<!-- <script>x</script> -->b<!--"), "ab");
    }
}
