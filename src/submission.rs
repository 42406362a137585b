//! Sending a comment: the request bodies WordPress expects and what its answers mean.
//! Pure functions over serde types, so the DOM layer only moves bytes.

use serde::{Deserialize, Serialize};

use crate::comment::CommentInput;
use crate::number::push_u64;
use crate::substring::{contains, find, trim_prefix};

/// The `review-card:comment` event's detail: the cleaned fields, the review's URL,
/// and the spam check that stopped it (`null` when none did).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventDetail<'a> {
    /// Name.
    pub author: &'a str,
    /// E-mail address.
    pub email: &'a str,
    /// Website.
    pub url: &'a str,
    /// Comment text.
    pub comment: &'a str,
    /// The review's URL, `null` when it has none.
    pub review_url: Option<&'a str>,
    /// `"honeypot"` or `"too_fast"` when a spam check stopped the comment.
    pub spam: Option<&'a str>,
}

impl<'a> EventDetail<'a> {
    /// The detail for these values.
    pub fn new(
        values: &'a CommentInput,
        review_url: Option<&'a str>,
        spam: Option<&'a str>,
    ) -> Self {
        EventDetail {
            author: &values.author,
            email: &values.email,
            url: &values.url,
            comment: &values.comment,
            review_url,
            spam,
        }
    }
}

impl<'a> EventDetail<'a> {
    /// The fields as its serde derive writes them with serde-wasm-bindgen's
    /// `serialize_missing_as_null` (`None` as `null`), like [`RestComment::fields`].
    pub fn fields(&self) -> [(&'static str, FieldValue<'a>); 6] {
        let text = |o: Option<&'a str>| o.map_or(FieldValue::Null, FieldValue::Text);
        [
            ("author", FieldValue::Text(self.author)),
            ("email", FieldValue::Text(self.email)),
            ("url", FieldValue::Text(self.url)),
            ("comment", FieldValue::Text(self.comment)),
            ("reviewUrl", text(self.review_url)),
            ("spam", text(self.spam)),
        ]
    }
}

/// The JSON body for the WordPress REST API (`POST /wp-json/wp/v2/comments`).
#[derive(Debug, Serialize)]
pub struct RestComment<'a> {
    /// Name.
    pub author_name: &'a str,
    /// E-mail address.
    pub author_email: &'a str,
    /// Website.
    pub author_url: &'a str,
    /// Comment text.
    pub content: &'a str,
    /// The post ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post: Option<u64>,
    /// The comment replied to ("Reply" in the thread); 0, not sent, for none.
    #[serde(skip_serializing_if = "is_zero")]
    pub parent: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl<'a> RestComment<'a> {
    /// The REST body for these values.
    pub fn new(values: &'a CommentInput, post: Option<u64>) -> Self {
        RestComment {
            author_name: &values.author,
            author_email: &values.email,
            author_url: &values.url,
            content: &values.comment,
            post,
            parent: 0,
        }
    }
}

impl<'a> RestComment<'a> {
    /// The fields as its serde derive writes them (names, order, the post ID left out
    /// when unknown), for the DOM layer to make a JS object of: serde-wasm-bindgen's
    /// serializer, inlined for both bodies, cost more than the card-with-form byte
    /// budget (#19) allows. The tests check them against the derive.
    pub fn fields(&self) -> Vec<(&'static str, FieldValue<'a>)> {
        let mut f = vec![
            ("author_name", FieldValue::Text(self.author_name)),
            ("author_email", FieldValue::Text(self.author_email)),
            ("author_url", FieldValue::Text(self.author_url)),
            ("content", FieldValue::Text(self.content)),
        ];
        if let Some(post) = self.post {
            f.push(("post", FieldValue::Number(post)));
        }
        if self.parent != 0 {
            f.push(("parent", FieldValue::Number(self.parent)));
        }
        f
    }
}

/// A value in a request body or the event's detail: text, a number (a JSON number
/// in the REST body) or `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldValue<'a> {
    /// Text.
    Text(&'a str),
    /// An ID.
    Number(u64),
    /// `null`.
    Null,
}

/// The urlencoded body `wp-comments-post.php` expects, in its own field names (the
/// browser's `URLSearchParams` encodes it). `redirect_to` is where WordPress sends
/// the browser after storing the comment (with `unapproved=` when held): the widget
/// asks for `wp-comments-post.php` itself, whose GET answers 405 at once without
/// loading WordPress, instead of a full render of the post.
#[derive(Debug, Serialize)]
#[allow(non_snake_case)]
pub struct FormComment<'a> {
    /// Name.
    pub author: &'a str,
    /// E-mail address.
    pub email: &'a str,
    /// Website.
    pub url: &'a str,
    /// Comment text.
    pub comment: &'a str,
    /// The post ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment_post_ID: Option<u64>,
    /// The comment replied to, 0 for none, as WordPress's own form sends it.
    pub comment_parent: u64,
    /// Where WordPress redirects after storing the comment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_to: Option<&'a str>,
}

impl<'a> FormComment<'a> {
    /// The form body for these values.
    /// `parent` is the comment replied to (`comment_parent`, 0 for none).
    pub fn new(
        values: &'a CommentInput,
        post: Option<u64>,
        parent: u64,
        redirect_to: Option<&'a str>,
    ) -> Self {
        FormComment {
            author: &values.author,
            email: &values.email,
            url: &values.url,
            comment: &values.comment,
            comment_post_ID: post,
            comment_parent: parent,
            redirect_to,
        }
    }
}

impl<'a> FormComment<'a> {
    /// The fields as its serde derive writes them, like [`RestComment::fields`].
    pub fn fields(&self) -> Vec<(&'static str, FieldValue<'a>)> {
        let mut f = vec![
            ("author", FieldValue::Text(self.author)),
            ("email", FieldValue::Text(self.email)),
            ("url", FieldValue::Text(self.url)),
            ("comment", FieldValue::Text(self.comment)),
        ];
        if let Some(post) = self.comment_post_ID {
            f.push(("comment_post_ID", FieldValue::Number(post)));
        }
        f.push(("comment_parent", FieldValue::Number(self.comment_parent)));
        if let Some(to) = self.redirect_to {
            f.push(("redirect_to", FieldValue::Text(to)));
        }
        f
    }
}

/// The fields this crate reads from a WordPress JSON answer: a REST comment
/// (`status`), a REST error (`code`, `message`) or a `wp_die` page in JSON (`code`
/// `"wp_die"`, `message` in HTML). Anything else in it is ignored.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
pub struct WpAnswer {
    /// The error code (`rest_comment_login_required`, `comment_duplicate`, `wp_die`).
    #[serde(default)]
    pub code: Option<String>,
    /// The error message (HTML for `wp_die`).
    #[serde(default)]
    pub message: Option<String>,
    /// A created comment's status: `approved`, `hold`, `spam`.
    #[serde(default)]
    pub status: Option<String>,
}

/// What the server's answer means for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Published.
    Posted,
    /// Held for moderation.
    Held,
    /// Sent to another site whose answer this page may not read (no CORS).
    Delivered,
    /// Refused, with WordPress's reason as plain text; `duplicate` for a 409.
    Refused {
        /// WordPress's words.
        reason: String,
        /// True when WordPress already has this comment (HTTP 409).
        duplicate: bool,
    },
    /// HTTP 200 with no redirect and no error page: nothing was stored (WordPress
    /// exits silently for a missing, draft, trashed or password-protected post).
    NotStored,
    /// The REST API refuses anonymous comments (`rest_allow_anonymous_comments`).
    RestClosed,
}

fn refused(status: u16, reason: String) -> Outcome {
    Outcome::Refused {
        reason,
        duplicate: status == 409,
    }
}

/// Reads a REST API answer: 2xx with `"status":"approved"` is posted, any other
/// status (`hold`, `unapproved`, `spam`) is held; a refusal carries WordPress's
/// `message`; an answer that is not JSON is refused with the HTTP status.
pub fn wordpress_outcome(status: u16, answer: Option<&WpAnswer>) -> Outcome {
    let field = |f: fn(&WpAnswer) -> &Option<String>| answer.and_then(|a| f(a).as_deref());
    if (200..300).contains(&status) {
        return match field(|a| &a.status) {
            Some("approved") => Outcome::Posted,
            Some(_) => Outcome::Held,
            None => refused(status, unexpected(status)),
        };
    }
    if field(|a| &a.code) == Some("rest_comment_login_required") {
        return Outcome::RestClosed;
    }
    match field(|a| &a.message).map(plain_text) {
        Some(m) if !m.is_empty() => refused(status, m),
        _ => refused(status, unexpected(status)),
    }
}

/// The held comment's ID in the URL `wp-comments-post.php` redirected to
/// (`…?unapproved=ID&moderation-hash=…`), when it is there.
pub fn unapproved_id(final_url: &str) -> Option<u64> {
    let at = find(final_url, "unapproved=")? + "unapproved=".len();
    let rest = &final_url[at..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    crate::number::parse_int(&rest[..digits], 10)
}

/// Reads a `wp-comments-post.php` answer: success redirects to the post, or to
/// `redirect_to` (with `unapproved=` when held; the page it lands on may answer
/// anything, 405 for `wp-comments-post.php`); a refusal is a `wp_die` page, in HTML
/// or (when the request accepts JSON) as `{"code":"wp_die","message":…}`, whose
/// text is the reason; a 200 with nothing else means nothing was stored.
pub fn form_outcome(
    status: u16,
    redirected: bool,
    final_url: &str,
    body: &str,
    json: Option<&WpAnswer>,
    redirect_to: Option<&str>,
) -> Outcome {
    let at_target =
        redirect_to.is_some_and(|t| crate::substring::before_any(final_url, b"?#") == t);
    if redirected && ((200..300).contains(&status) || at_target) {
        return if contains(final_url, "unapproved=") {
            Outcome::Held
        } else {
            Outcome::Posted
        };
    }
    let text = match json.and_then(|j| j.message.as_deref()) {
        Some(m) => plain_text(m),
        None if contains(body, "id=\"error-page\"") => wp_die_text(body),
        None => String::new(),
    };
    match (text.is_empty(), (200..300).contains(&status)) {
        (false, _) => refused(status, text),
        (true, true) => Outcome::NotStored,
        (true, false) => refused(status, unexpected(status)),
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
    let decoded = crate::entities::decode_entities(&out);
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

    fn answer(json: &str) -> WpAnswer {
        serde_json::from_str(json).unwrap_or_default()
    }

    fn rest(status: u16, json: &str) -> Outcome {
        wordpress_outcome(status, serde_json::from_str(json).ok().as_ref())
    }

    fn no(reason: &str) -> Outcome {
        Outcome::Refused {
            reason: reason.into(),
            duplicate: false,
        }
    }

    #[test]
    fn wordpress_body_uses_rest_field_names() {
        assert_eq!(
            serde_json::to_string(&RestComment::new(&values(), Some(42)))
                .ok()
                .as_deref(),
            Some(
                r#"{"author_name":"Ada & Co","author_email":"ada@example.com","author_url":"https://example.com","content":"Très bien!\nLine two","post":42}"#
            )
        );
        let v = values();
        let reply = RestComment {
            parent: 7,
            ..RestComment::new(&v, Some(42))
        };
        assert!(
            serde_json::to_string(&reply).is_ok_and(|j| j.ends_with(r#""post":42,"parent":7}"#))
        );
    }

    /// The body as the browser's `URLSearchParams` writes it, with serde_urlencoded
    /// (the same WHATWG urlencoded serializer) standing in for the browser.
    fn form_body(
        values: &CommentInput,
        post: Option<u64>,
        parent: u64,
        redirect_to: Option<&str>,
    ) -> String {
        serde_urlencoded::to_string(FormComment::new(values, post, parent, redirect_to))
            .unwrap_or_default()
    }

    #[test]
    fn form_body_matches_wp_comments_post() {
        assert_eq!(
            form_body(&values(), Some(7), 0, None),
            "author=Ada+%26+Co&email=ada%40example.com&url=https%3A%2F%2Fexample.com&comment=Tr%C3%A8s+bien%21%0ALine+two&comment_post_ID=7&comment_parent=0"
        );
        assert!(form_body(&values(), Some(7), 12, None)
            .ends_with("&comment_post_ID=7&comment_parent=12"));
        assert!(form_body(
            &values(),
            None,
            0,
            Some("https://b.example/wp-comments-post.php")
        )
        .ends_with("&redirect_to=https%3A%2F%2Fb.example%2Fwp-comments-post.php"));
    }

    fn json<T: Serialize + ?Sized>(v: &T) -> String {
        serde_json::to_string(v).unwrap_or_default()
    }

    /// What a JS object of `fields` gives through `JSON.stringify` (REST) or
    /// `URLSearchParams` (form), written by serde_json and serde_urlencoded.
    fn as_json(fields: &[(&str, FieldValue<'_>)]) -> String {
        let members: Vec<String> = fields
            .iter()
            .map(|(k, v)| {
                let v = match *v {
                    FieldValue::Text(t) => json(&t),
                    FieldValue::Number(n) => json(&n),
                    FieldValue::Null => "null".to_string(),
                };
                [json(k), v].join(":")
            })
            .collect();
        ["{", &members.join(","), "}"].concat()
    }

    fn as_form(fields: &[(&str, FieldValue<'_>)]) -> String {
        let pairs: Vec<(&str, String)> = fields
            .iter()
            .map(|(k, v)| {
                let v = match *v {
                    FieldValue::Text(t) => t.to_string(),
                    FieldValue::Number(n) => n.to_string(),
                    FieldValue::Null => "null".to_string(),
                };
                (*k, v)
            })
            .collect();
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }

    #[test]
    fn body_fields_are_what_the_derives_write() {
        let v = values();
        for post in [None, Some(42)] {
            for parent in [0, 7] {
                let rest = RestComment {
                    parent,
                    ..RestComment::new(&v, post)
                };
                assert_eq!(
                    as_json(&rest.fields()),
                    serde_json::to_string(&rest).unwrap_or_default()
                );
                for to in [None, Some("https://b.example/wp-comments-post.php")] {
                    let form = FormComment::new(&v, post, parent, to);
                    assert_eq!(as_form(&form.fields()), form_body(&v, post, parent, to));
                }
            }
        }
    }

    #[test]
    fn a_redirect_to_wp_comments_post_itself_is_read_by_its_url() {
        let target = Some("https://b.example/wp-comments-post.php");
        let held = "https://b.example/wp-comments-post.php?unapproved=3&moderation-hash=x";
        assert_eq!(
            form_outcome(405, true, held, "", None, target),
            Outcome::Held
        );
        assert_eq!(
            form_outcome(
                405,
                true,
                "https://b.example/wp-comments-post.php",
                "",
                None,
                target
            ),
            Outcome::Posted
        );
        assert_eq!(
            form_outcome(405, true, "https://b.example/elsewhere", "", None, target),
            no("the server answered 405")
        );
    }

    #[test]
    fn a_held_comments_id_is_read_from_the_redirect() {
        let url = "https://b.example/2026/11/rust/?unapproved=31&moderation-hash=ab#comment-31";
        assert_eq!(unapproved_id(url), Some(31));
        assert_eq!(
            unapproved_id("https://b.example/?p=1&unapproved=7"),
            Some(7)
        );
        for url in [
            "https://b.example/2026/11/rust/",
            "https://b.example/?unapproved=&x=1",
            "https://b.example/?unapproved=x1",
            "https://b.example/?unapproved=99999999999999999999999",
        ] {
            assert_eq!(unapproved_id(url), None, "{url}");
        }
    }

    #[test]
    fn rest_answers() {
        assert_eq!(
            rest(201, r#"{"id":5,"status":"approved"}"#),
            Outcome::Posted
        );
        assert_eq!(rest(201, r#"{"id":5,"status":"hold"}"#), Outcome::Held);
        assert_eq!(
            rest(
                409,
                r#"{"code":"comment_duplicate","message":"Duplicate comment detected; it looks as though you&#8217;ve already said that!"}"#
            ),
            Outcome::Refused {
                reason: "Duplicate comment detected; it looks as though you’ve already said that!"
                    .into(),
                duplicate: true
            }
        );
        assert_eq!(rest(500, "<html>oops"), no("the server answered 500"));
        assert_eq!(rest(200, "garbage{"), no("the server answered 200"));
        assert_eq!(
            rest(
                400,
                r#"{"code":"comment_flood","message":"<b>Sorry</b>, slow down."}"#
            ),
            no("Sorry , slow down.")
        );
        assert_eq!(
            rest(
                401,
                r#"{"code":"rest_comment_login_required","message":"Sorry, you must be logged in to comment.","data":{"status":401}}"#
            ),
            Outcome::RestClosed
        );
    }

    #[test]
    fn form_answers() {
        let form = |status, redirected, url, body: &str| {
            form_outcome(
                status,
                redirected,
                url,
                body,
                serde_json::from_str(body).ok().as_ref(),
                None,
            )
        };
        assert_eq!(
            form(200, true, "https://blog.example/rust-and-bone/", ""),
            Outcome::Posted
        );
        assert_eq!(
            form(
                200,
                true,
                "https://blog.example/rust-and-bone/?unapproved=12&moderation-hash=ab",
                ""
            ),
            Outcome::Held
        );
        assert_eq!(
            form(409, false, "", "<html><body id=\"error-page\"><p><strong>Error:</strong> Duplicate comment detected.</p></body></html>"),
            Outcome::Refused { reason: "Duplicate comment detected.".into(), duplicate: true }
        );
        assert_eq!(
            form(
                409,
                false,
                "",
                r#"{"code":"wp_die","message":"<p>Duplicate comment detected; it looks as though you&#8217;ve already said that!<\/p>","data":{"status":409},"additional_errors":[]}"#
            ),
            Outcome::Refused {
                reason: "Duplicate comment detected; it looks as though you’ve already said that!"
                    .into(),
                duplicate: true
            }
        );
        assert_eq!(
            form(
                200,
                false,
                "",
                r#"{"code":"wp_die","message":"<p><strong>Error:<\/strong> Please enter a valid email address.<\/p>","data":{"status":200}}"#
            ),
            no("Please enter a valid email address.")
        );
        assert_eq!(
            form(502, false, "", "<html><body></body></html>"),
            no("the server answered 502")
        );
        assert_eq!(form(200, false, "", ""), Outcome::NotStored);
        assert_eq!(
            form(200, false, "", "<html><body>a page</body></html>"),
            Outcome::NotStored
        );
    }

    #[test]
    fn answers_with_odd_shapes_are_read_leniently() {
        assert_eq!(
            answer(r#"{"status":"hold","extra":[1,2]}"#)
                .status
                .as_deref(),
            Some("hold")
        );
        assert_eq!(answer("[]"), WpAnswer::default());
    }

    #[test]
    fn numeric_entities_are_decoded_but_never_to_controls() {
        assert_eq!(
            plain_text("a&#8217;b &#x2014; &#0; &#xZZ; &#12345678901;"),
            "a’b — &#0; &#xZZ; &#12345678901;"
        );
    }

    #[test]
    fn named_entities_are_decoded_once() {
        assert_eq!(
            plain_text("&lt;b&gt; &quot;x&quot;&nbsp;&amp;lt; &amp;amp; &#38;lt; a & b &"),
            "<b> \"x\" &lt; &amp; &lt; a & b &"
        );
    }

    #[test]
    fn server_text_is_shortened() {
        let long = "x ".repeat(400);
        assert_eq!(plain_text(&long).chars().count(), 301);
    }

    #[test]
    fn event_detail_reports_spam_and_review_url() {
        let v = values();
        for (review_url, spam) in [(None, None), (Some("/r"), Some("honeypot"))] {
            let detail = EventDetail::new(&v, review_url, spam);
            let json = serde_json::to_string(&detail).unwrap_or_default();
            assert_eq!(as_json(&detail.fields()), json);
        }
        assert_eq!(
            serde_json::to_string(&EventDetail::new(&v, Some("/r"), Some("too_fast")))
                .ok()
                .as_deref(),
            Some(
                r#"{"author":"Ada & Co","email":"ada@example.com","url":"https://example.com","comment":"Très bien!\nLine two","reviewUrl":"/r","spam":"too_fast"}"#
            )
        );
    }
}
