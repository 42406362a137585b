//! Sending a comment: the request bodies WordPress expects and what its answers mean.
//! Pure functions, so the DOM layer only moves bytes.

use crate::comment::CommentInput;
use crate::json::push_json_string;
use crate::number::push_u64;
use crate::substring::{contains, find, replace, trim_prefix};

/// The `review-card:comment` event's detail, as JSON: the cleaned fields, the
/// review's URL, and the spam check that stopped it (`null` when none did).
pub fn event_detail(values: &CommentInput, review_url: Option<&str>, spam: Option<&str>) -> String {
    let mut o = String::from("{\"author\":");
    push_json_string(&mut o, &values.author);
    o.push_str(",\"email\":");
    push_json_string(&mut o, &values.email);
    o.push_str(",\"url\":");
    push_json_string(&mut o, &values.url);
    o.push_str(",\"comment\":");
    push_json_string(&mut o, &values.comment);
    o.push_str(",\"reviewUrl\":");
    match review_url {
        Some(u) => push_json_string(&mut o, u),
        None => o.push_str("null"),
    }
    o.push_str(",\"spam\":");
    match spam {
        Some(s) => push_json_string(&mut o, s),
        None => o.push_str("null"),
    }
    o.push('}');
    o
}

/// The JSON body for the WordPress REST API (`POST /wp-json/wp/v2/comments`).
pub fn wordpress_json(values: &CommentInput, post: Option<u64>) -> String {
    let mut o = String::from("{\"author_name\":");
    push_json_string(&mut o, &values.author);
    o.push_str(",\"author_email\":");
    push_json_string(&mut o, &values.email);
    o.push_str(",\"author_url\":");
    push_json_string(&mut o, &values.url);
    o.push_str(",\"content\":");
    push_json_string(&mut o, &values.comment);
    if let Some(p) = post {
        o.push_str(",\"post\":");
        push_u64(&mut o, p);
    }
    o.push('}');
    o
}

/// Appends `s` percent-encoded for `application/x-www-form-urlencoded`.
fn push_form_encoded(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
    }
}

/// The urlencoded body `wp-comments-post.php` expects.
pub fn form_body(values: &CommentInput, post: Option<u64>) -> String {
    let mut o = String::new();
    let pairs = [
        ("author", values.author.as_str()),
        ("email", values.email.as_str()),
        ("url", values.url.as_str()),
        ("comment", values.comment.as_str()),
    ];
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            o.push('&');
        }
        o.push_str(k);
        o.push('=');
        push_form_encoded(&mut o, v);
    }
    if let Some(p) = post {
        o.push_str("&comment_post_ID=");
        push_u64(&mut o, p);
    }
    o
}

/// What the server's answer means for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Published.
    Posted,
    /// Held for moderation.
    Held,
    /// Refused, with the server's reason (plain text, shortened).
    Refused(String),
}

/// Reads a REST API answer: 2xx with `"status":"approved"` is posted, any other
/// status (`hold`, `unapproved`, `spam`) is held; an error carries WordPress's
/// `message`; an answer that is not JSON is refused with the HTTP status.
pub fn wordpress_outcome(status: u16, body: &str) -> Outcome {
    let json = crate::json::parse(body).ok();
    let field = |k: &str| {
        json.as_ref()
            .and_then(|j| j.get(k))
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    if (200..300).contains(&status) {
        return match field("status").as_deref() {
            Some("approved") => Outcome::Posted,
            Some(_) => Outcome::Held,
            None => Outcome::Refused(unexpected(status)),
        };
    }
    match field("message") {
        Some(m) if !plain_text(&m).is_empty() => Outcome::Refused(plain_text(&m)),
        _ => Outcome::Refused(unexpected(status)),
    }
}

/// Reads a `wp-comments-post.php` answer: success redirects to the post (with
/// `unapproved=` when held); failure is a `wp_die` page whose text is the reason.
pub fn form_outcome(status: u16, redirected: bool, final_url: &str, body: &str) -> Outcome {
    if redirected && (200..300).contains(&status) {
        return if contains(final_url, "unapproved=") {
            Outcome::Held
        } else {
            Outcome::Posted
        };
    }
    let text = wp_die_text(body);
    if (200..300).contains(&status) && text.is_empty() {
        return Outcome::Posted;
    }
    if text.is_empty() {
        Outcome::Refused(unexpected(status))
    } else {
        Outcome::Refused(text)
    }
}

fn unexpected(status: u16) -> String {
    let mut s = String::from("the server answered ");
    push_u64(&mut s, u64::from(status));
    s
}

/// The text of a `wp_die` page: the content of its first `<p>` (or of the body).
fn wp_die_text(body: &str) -> String {
    let lower = body.to_ascii_lowercase();
    let slice = match (find(&lower, "<p"), find(&lower, "</p>")) {
        (Some(a), Some(b)) if a < b => &body[a..b],
        _ if contains(&lower, "<html") || contains(&lower, "<body") => "",
        _ => body,
    };
    plain_text(slice)
}

/// Decodes `&#NNNN;` and `&#xHHHH;` (WordPress writes typographic quotes that way).
fn decode_numeric_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = find(rest, "&#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let (hex, digits) = match after.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, after),
        };
        let end = crate::substring::find_any(digits, b";").filter(|&e| e > 0 && e <= 8);
        let ch = end
            .and_then(|e| crate::number::parse_int(&digits[..e], if hex { 16 } else { 10 }))
            .and_then(|n| char::from_u32(u32::try_from(n).ok()?))
            .filter(|c| !c.is_control());
        match (ch, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &digits[e + 1..];
            }
            _ => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Strips tags, decodes the common entities, collapses whitespace and shortens to
/// 300 characters, so a server message can be shown as text.
pub fn plain_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let mut decoded = decode_numeric_entities(&out);
    for (entity, c) in [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&nbsp;", " "),
        ("&amp;", "&"),
    ] {
        decoded = replace(&decoded, entity, c);
    }
    let mut text = String::new();
    for (i, word) in decoded.split_whitespace().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(word);
    }
    let text = trim_prefix(trim_prefix(&text, "Error:"), "ERROR:")
        .trim()
        .to_string();
    match crate::substring::char_offset(&text, 300) {
        Some(i) => [&text[..i], "…"].concat(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> CommentInput {
        CommentInput {
            author: "Ada & Co".into(),
            email: "ada@example.com".into(),
            url: "https://example.com".into(),
            comment: "Très bien!\nLine two".into(),
        }
    }

    #[test]
    fn wordpress_body_uses_rest_field_names() {
        assert_eq!(
            wordpress_json(&values(), Some(42)),
            r#"{"author_name":"Ada \u0026 Co","author_email":"ada@example.com","author_url":"https://example.com","content":"Très bien!\nLine two","post":42}"#
        );
    }

    #[test]
    fn form_body_matches_wp_comments_post() {
        assert_eq!(
            form_body(&values(), Some(7)),
            "author=Ada+%26+Co&email=ada%40example.com&url=https%3A%2F%2Fexample.com&comment=Tr%C3%A8s+bien%21%0ALine+two&comment_post_ID=7"
        );
    }

    #[test]
    fn rest_answers() {
        assert_eq!(
            wordpress_outcome(201, r#"{"id":5,"status":"approved"}"#),
            Outcome::Posted
        );
        assert_eq!(
            wordpress_outcome(201, r#"{"id":5,"status":"hold"}"#),
            Outcome::Held
        );
        assert_eq!(
            wordpress_outcome(
                409,
                r#"{"code":"comment_duplicate","message":"Duplicate comment detected; it looks as though you&#8217;ve already said that!"}"#
            ),
            Outcome::Refused(
                "Duplicate comment detected; it looks as though you’ve already said that!".into()
            )
        );
        assert_eq!(
            wordpress_outcome(500, "<html>oops"),
            Outcome::Refused("the server answered 500".into())
        );
        assert_eq!(
            wordpress_outcome(200, "garbage{"),
            Outcome::Refused("the server answered 200".into())
        );
        assert_eq!(
            wordpress_outcome(400, r#"{"message":"<b>Sorry</b>, you must be logged in."}"#),
            Outcome::Refused("Sorry , you must be logged in.".into())
        );
    }

    #[test]
    fn form_answers() {
        assert_eq!(
            form_outcome(
                200,
                true,
                "https://blog.example/rust-and-bone/#comment-12",
                ""
            ),
            Outcome::Posted
        );
        assert_eq!(
            form_outcome(
                200,
                true,
                "https://blog.example/rust-and-bone/?unapproved=12&moderation-hash=ab#comment-12",
                ""
            ),
            Outcome::Held
        );
        assert_eq!(
            form_outcome(409, false, "", "<html><body id=\"error-page\"><p><strong>Error:</strong> Duplicate comment detected.</p></body></html>"),
            Outcome::Refused("Duplicate comment detected.".into())
        );
        assert_eq!(
            form_outcome(502, false, "", "<html><body></body></html>"),
            Outcome::Refused("the server answered 502".into())
        );
    }

    #[test]
    fn numeric_entities_are_decoded_but_never_to_controls() {
        assert_eq!(
            plain_text("a&#8217;b &#x2014; &#0; &#xZZ; &#12345678901;"),
            "a’b — &#0; &#xZZ; &#12345678901;"
        );
    }

    #[test]
    fn server_text_is_shortened() {
        let long = "x ".repeat(400);
        assert_eq!(plain_text(&long).chars().count(), 301);
    }

    #[test]
    fn event_detail_reports_spam_and_review_url() {
        assert_eq!(
            event_detail(&values(), Some("/r"), Some("too_fast")),
            r#"{"author":"Ada \u0026 Co","email":"ada@example.com","url":"https://example.com","comment":"Très bien!\nLine two","reviewUrl":"/r","spam":"too_fast"}"#
        );
    }
}
