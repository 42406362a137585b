//! Comment validation: WordPress's rules, byte limits, and messages that say how to fix.

use review_card::comment::{
    comment_bytes_left, complete_url, validate, validate_field, Code, CommentInput, Field,
    MAX_AUTHOR, MAX_COMMENT, MAX_EMAIL, MAX_URL,
};
use review_card::i18n::Locale;

fn input(author: &str, email: &str, url: &str, comment: &str) -> CommentInput {
    CommentInput {
        author: author.into(),
        email: email.into(),
        url: url.into(),
        comment: comment.into(),
    }
}

fn good() -> CommentInput {
    input("Ada", "ada@example.com", "", "Loved the review.")
}

fn codes(i: &CommentInput) -> Vec<(&'static str, &'static str)> {
    validate(i, Locale::En)
        .errors
        .iter()
        .map(|e| (e.field.name(), e.code.name()))
        .collect()
}

#[test]
fn a_complete_comment_is_valid_and_cleaned() {
    let v = validate(
        &input("  Ada  ", " ada@example.com ", "", "  Hello\r\nworld\r\n  "),
        Locale::En,
    );
    assert!(v.is_valid(), "{:?}", v.errors);
    assert_eq!(v.values.author, "Ada");
    assert_eq!(v.values.email, "ada@example.com");
    assert_eq!(v.values.comment, "Hello\nworld");
}

#[test]
fn empty_form_lists_required_fields_in_form_order() {
    assert_eq!(
        codes(&input("", "", "", "")),
        vec![
            ("comment", "required"),
            ("author", "required"),
            ("email", "required")
        ]
    );
}

#[test]
fn whitespace_only_counts_as_empty() {
    assert_eq!(codes(&input(" \t ", "\n", "   ", " \r\n ")).len(), 3);
}

#[test]
fn website_is_optional() {
    assert!(validate(&good(), Locale::En).is_valid());
}

#[test]
fn messages_say_how_to_fix() {
    let v = validate(&input("", "nope", "javascript:alert(1)", ""), Locale::En);
    let msgs: Vec<&str> = v.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        msgs,
        vec![
            "Enter your comment",
            "Enter your name",
            "Enter an email address like name@example.com",
            "Enter a website address like https://example.com, or leave it empty",
        ]
    );
}

#[test]
fn messages_in_french() {
    let v = validate(&input("", "nope", "", ""), Locale::Fr);
    assert_eq!(v.errors[0].message, "Saisissez votre commentaire");
    assert_eq!(
        v.errors[2].message,
        "Saisissez une adresse e-mail comme nom@exemple.fr"
    );
}

/// Builds a string of exactly `bytes` UTF-8 bytes from a repeated unit, padding with "a".
fn of_bytes(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes / unit.len());
    s.push_str(&"a".repeat(bytes - s.len()));
    assert_eq!(s.len(), bytes);
    s
}

#[test]
fn limits_count_bytes_at_and_one_past_each_limit() {
    for (field, max) in [(Field::Comment, MAX_COMMENT), (Field::Author, MAX_AUTHOR)] {
        for unit in ["a", "é", "漢", "😀"] {
            let at = of_bytes(unit, max);
            let over = of_bytes(unit, max + 1);
            assert_eq!(
                validate_field(field, &at, Locale::En),
                None,
                "{field:?} {unit} at limit"
            );
            let e = validate_field(field, &over, Locale::En).unwrap();
            assert_eq!(e.code, Code::TooLong, "{field:?} {unit} one past");
        }
    }
}

#[test]
fn multibyte_text_hits_the_limit_with_fewer_characters() {
    // 21842 "漢" are 65526 bytes but only 21842 characters: refused, as WordPress would.
    let text = "漢".repeat(21842);
    assert_eq!(text.chars().count(), 21842);
    let e = validate_field(Field::Comment, &text, Locale::En).unwrap();
    assert_eq!(e.code, Code::TooLong);
    assert_eq!(
        e.message,
        "Shorten your comment by 1 byte: the limit is 65,525 bytes (accented letters and emoji count as 2 to 4)"
    );
    // 16381 emoji are 65524 bytes: accepted.
    assert_eq!(
        validate_field(Field::Comment, &"😀".repeat(16381), Locale::En),
        None
    );
}

#[test]
fn email_limit_is_100_bytes() {
    let local_at = "a".repeat(MAX_EMAIL - "@example.com".len());
    let at = [local_at.as_str(), "@example.com"].concat();
    assert_eq!(at.len(), 100);
    assert_eq!(validate_field(Field::Email, &at, Locale::En), None);
    let over = ["a", &at].concat();
    assert_eq!(
        validate_field(Field::Email, &over, Locale::En)
            .unwrap()
            .code,
        Code::TooLong
    );
}

#[test]
fn url_limit_is_200_bytes_after_completion() {
    let path = "a".repeat(MAX_URL - "https://example.com/".len());
    let at = ["https://example.com/", &path].concat();
    assert_eq!(validate_field(Field::Url, &at, Locale::En), None);
    assert_eq!(
        validate_field(Field::Url, &[&at, "b"].concat(), Locale::En)
            .unwrap()
            .code,
        Code::TooLong
    );
    // Bare host: completion adds 8 bytes, so 193 typed bytes become 201.
    let bare = ["example.com/", &"a".repeat(181)].concat();
    assert_eq!(bare.len(), 193);
    assert_eq!(
        validate_field(Field::Url, &bare, Locale::En).unwrap().code,
        Code::TooLong
    );
}

#[test]
fn bare_hosts_are_completed_to_https() {
    let v = validate(
        &input("Ada", "ada@example.com", "example.com", "Hi"),
        Locale::En,
    );
    assert!(v.is_valid());
    assert_eq!(v.values.url, "https://example.com");
    assert_eq!(
        complete_url("www.example.org/blog?x=1").as_deref(),
        Some("https://www.example.org/blog?x=1")
    );
    assert_eq!(
        complete_url("example.com:8080/x").as_deref(),
        Some("https://example.com:8080/x")
    );
    assert_eq!(
        complete_url("http://example.com").as_deref(),
        Some("http://example.com")
    );
    assert_eq!(
        complete_url("HTTPS://Example.com").as_deref(),
        Some("HTTPS://Example.com")
    );
    assert_eq!(
        complete_url("http://localhost:3000").as_deref(),
        Some("http://localhost:3000")
    );
}

#[test]
fn non_http_urls_and_broken_ones_are_refused() {
    for bad in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.com",
        "mailto:a@example.com",
        "https://",
        "http:///path",
        "https://exa mple.com",
        "example com",
        "localhost",
        "just-a-word",
        "https://-bad-.com",
        "https://example.com:port",
        "//example.com",
        "https://a\"b.com",
    ] {
        assert_eq!(
            validate_field(Field::Url, bad, Locale::En).map(|e| e.code),
            Some(Code::InvalidUrl),
            "{bad:?}"
        );
    }
}

#[test]
fn control_characters_are_refused_but_newline_and_tab_are_fine() {
    assert_eq!(
        validate_field(Field::Comment, "line one\n\tline two", Locale::En),
        None
    );
    for bad in [
        "a\u{0}b",
        "bell\u{7}",
        "esc\u{1b}[31m",
        "del\u{7f}",
        "c1\u{85}x",
        "vt\u{b}x",
    ] {
        let e = validate_field(Field::Comment, bad, Locale::En).unwrap();
        assert_eq!(e.code, Code::InvalidChars, "{bad:?}");
        assert_eq!(
            e.message,
            "Remove the invisible control characters from your comment"
        );
        assert_eq!(
            validate_field(Field::Author, bad, Locale::En).unwrap().code,
            Code::InvalidChars
        );
    }
}

#[test]
fn crlf_is_normalised_before_counting() {
    // 32762 CRLF pairs + "a" = 65525 bytes after normalising to LF + 1... build exactly:
    let body = ["a", &"\r\nb".repeat(32762)].concat(); // raw 98287 bytes, cleaned 65525
    assert_eq!(body.replace("\r\n", "\n").len(), 65525);
    assert_eq!(validate_field(Field::Comment, &body, Locale::En), None);
    assert_eq!(comment_bytes_left(&body), 0);
    assert_eq!(comment_bytes_left("é"), 65523);
}

#[test]
fn invalid_email_is_reported_with_its_code() {
    assert_eq!(
        codes(&input("Ada", "ada@localhost", "", "x")),
        vec![("email", "invalid_email")]
    );
}

#[test]
fn trims_as_php_does_so_no_break_and_ideographic_spaces_are_text() {
    // WordPress keeps a comment of only U+00A0 or U+3000 (PHP's trim strips ASCII
    // whitespace, NUL and vertical tab only): the widget must not call it empty.
    for text in ["\u{a0}\u{a0}", "\u{3000}", " \u{a0} "] {
        assert_eq!(codes(&input("Ada", "ada@example.com", "", text)), vec![]);
    }
    let v = validate(
        &input("Ada", "ada@example.com", "", "\u{b}\0hello\u{b}"),
        Locale::En,
    );
    assert_eq!(v.values.comment, "hello");
    assert_eq!(
        codes(&input("Ada", "ada@example.com", "", " \t\r\n\u{b}")),
        vec![("comment", "required")]
    );
}

#[test]
fn the_name_loses_its_tags_before_the_required_and_length_checks() {
    use review_card::comment::strip_tags;
    assert_eq!(
        codes(&input("<b></b>", "ada@example.com", "", "Hi")),
        vec![("author", "required")]
    );
    assert_eq!(
        codes(&input("<!-- x -->", "ada@example.com", "", "Hi")),
        vec![("author", "required")]
    );
    let v = validate(
        &input("<i>Ada</i>", "ada@example.com", "", "Hi"),
        Locale::En,
    );
    assert_eq!(v.values.author, "Ada");
    // 246 bytes typed, 240 once the tags go: within WordPress's 245.
    let tagged = ["<b>", &"a".repeat(236), "</b>bbbb"].concat();
    assert_eq!(codes(&input(&tagged, "ada@example.com", "", "Hi")), vec![]);
    assert_eq!(strip_tags("a < b"), "a < b");
    assert_eq!(strip_tags("a <b title='>'>c</b>"), "a c");
    assert_eq!(strip_tags("unclosed <b"), "unclosed ");
}

// Native: reviews are read from JSON text with serde_json.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn draft_keys_are_unique_per_review_without_a_url() {
    use review_card::form::storage_key;
    let a = review_card::parse_review(r#"{"title":"Rust & Bone","excerpt":"One"}"#);
    let b = review_card::parse_review(r#"{"title":"Rust & Bone","excerpt":"Two"}"#);
    let c = review_card::parse_review(r#"{"title":"Rust & Bone","url":"https://blog.example/r"}"#);
    let (Ok(a), Ok(b), Ok(c)) = (a, b, c) else {
        panic!("the sample reviews parse");
    };
    assert_ne!(storage_key(&a), storage_key(&b));
    assert_eq!(storage_key(&a), storage_key(&a.clone()));
    assert!(storage_key(&a).starts_with("review:"));
    assert_eq!(storage_key(&c), "https://blog.example/r");
}
