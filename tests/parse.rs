//! The data format: good input is read field by field; bad input is refused with a
//! message that names the field path and the problem.
// Native: JSON text is read with serde_json (the browser path is tested in web.rs).
#![cfg(not(target_arch = "wasm32"))]

use review_card::model::{Date, Kind};
use review_card::parse_review;

const SAMPLE: &str = include_str!("fixtures/rust-and-bone.json");

fn err(json: &str) -> String {
    match parse_review(json) {
        Ok(r) => panic!("expected an error for {json}, got {r:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn reads_the_sample_review() {
    let r = parse_review(SAMPLE).unwrap();
    assert_eq!(r.title, "Rust & Bone");
    assert_eq!(r.kind, Kind::Film);
    let s = r.score.unwrap();
    assert_eq!((s.value, s.min, s.max), (7.2, 0.0, 10.0));
    assert_eq!(r.credits[0].role, "Director");
    assert_eq!(r.credits[0].name, "Jacques Audiard");
    assert_eq!(r.author.as_ref().unwrap().name, "Piers Marchant");
    assert_eq!(r.body.len(), 5);
    assert!(r.body[0].starts_with("There is a watery trope"));
    assert_eq!(r.lang.as_deref(), Some("en"));
}

#[test]
fn minimal_review_needs_only_a_title_and_fills_defaults() {
    let r = parse_review(r#"{"title":"Drive"}"#).unwrap();
    assert_eq!(r.kind, Kind::Other);
    assert!(r.score.is_none() && r.url.is_none() && r.author.is_none());
    assert!(r.body.is_empty() && r.credits.is_empty());
}

#[test]
fn score_as_number_defaults_to_zero_to_ten() {
    let r = parse_review(r#"{"title":"x","score":3}"#).unwrap();
    let s = r.score.unwrap();
    assert_eq!((s.value, s.min, s.max), (3.0, 0.0, 10.0));
    let r = parse_review(r#"{"title":"x","score":{"value":4,"max":5,"min":1}}"#).unwrap();
    let s = r.score.unwrap();
    assert_eq!((s.value, s.min, s.max), (4.0, 1.0, 5.0));
}

#[test]
fn unknown_fields_and_nulls_are_ignored() {
    let r =
        parse_review(r#"{"title":"x","rating":5,"excerpt":null,"author":null,"extra":{"a":[1]}}"#)
            .unwrap();
    assert_eq!(r.title, "x");
    assert!(r.excerpt.is_none());
}

#[test]
fn author_may_be_a_plain_name() {
    let r = parse_review(r#"{"title":"x","author":"Piers Marchant"}"#).unwrap();
    assert_eq!(r.author.unwrap().name, "Piers Marchant");
}

#[test]
fn body_splits_into_paragraphs_at_blank_lines() {
    let r = parse_review(
        "{\"title\":\"x\",\"body\":\"one\\r\\nstill one\\r\\n\\r\\n  \\n two \\n\\n\\n\\nthree\"}",
    )
    .unwrap();
    assert_eq!(r.body, vec!["one\nstill one", "two", "three"]);
}

#[test]
fn dates_keep_the_day_and_accept_date_times() {
    let r = parse_review(r#"{"title":"x","published":"2012-11-16T09:30:00Z"}"#).unwrap();
    assert_eq!(
        r.published,
        Some(Date {
            year: 2012,
            month: 11,
            day: 16
        })
    );
    let r = parse_review(r#"{"title":"x","published":"2024-02-29"}"#).unwrap();
    assert_eq!(
        r.published,
        Some(Date {
            year: 2024,
            month: 2,
            day: 29
        })
    );
}

#[test]
fn kind_is_case_insensitive() {
    assert_eq!(
        parse_review(r#"{"title":"x","kind":"Album"}"#)
            .unwrap()
            .kind,
        Kind::Album
    );
}

#[test]
fn control_characters_are_removed_from_text() {
    let r = parse_review("{\"title\":\"a\\u0000b\\u0007c\\u000bd\"}").unwrap();
    assert_eq!(r.title, "abcd");
}

#[test]
fn each_bad_input_gets_a_precise_message() {
    let cases: &[(&str, &str)] = &[
        (r#"{}"#, "title: is required"),
        (r#"{"title":"   "}"#, "title: must not be empty"),
        (r#"{"title":12}"#, "title: expected a string, got a number"),
        (r#"[]"#, "expected a JSON object, got a list"),
        (r#""x""#, "expected a JSON object, got a string"),
        (
            r#"{"title":"x","kind":"movie"}"#,
            "kind: \"movie\" is not one of film, book, album, game, show, product, other",
        ),
        (
            r#"{"title":"x","kind":3}"#,
            "kind: expected a string, got a number",
        ),
        (r#"{"title":"x","score":12}"#, "score: 12 is above max 10"),
        (
            r#"{"title":"x","score":{"value":12}}"#,
            "score.value: 12 is above max 10",
        ),
        (
            r#"{"title":"x","score":{"value":-1}}"#,
            "score.value: -1 is below min 0",
        ),
        (
            r#"{"title":"x","score":{"value":0.5,"min":1,"max":5}}"#,
            "score.value: 0.5 is below min 1",
        ),
        (
            r#"{"title":"x","score":{"value":3,"min":5,"max":5}}"#,
            "score: min 5 must be below max 5",
        ),
        (
            r#"{"title":"x","score":{"max":5}}"#,
            "score.value: is required",
        ),
        (
            r#"{"title":"x","score":"7.2"}"#,
            "score: expected a number or an object, got a string",
        ),
        (
            r#"{"title":"x","score":{"value":"7"}}"#,
            "score.value: expected a number, got a string",
        ),
        (
            r#"{"title":"x","score":{"value":1,"max":true}}"#,
            "score.max: expected a number, got a boolean",
        ),
        (
            r#"{"title":"x","url":"javascript:alert(1)"}"#,
            "url: \"javascript:alert(1)\" is not allowed: use an http, https or relative URL",
        ),
        (
            r#"{"title":"x","url":"data:text/html,hi"}"#,
            "url: \"data:text/html,hi\" is not allowed: use an http, https or relative URL",
        ),
        (
            r#"{"title":"x","url":"https://"}"#,
            "url: \"https://\" has no host name",
        ),
        (
            r#"{"title":"x","url":"https://a b.com"}"#,
            "url: \"https://a b.com\" contains spaces or control characters",
        ),
        (
            r#"{"title":"x","author":{"name":"A","url":"vbscript:x"}}"#,
            "author.url: \"vbscript:x\" is not allowed: use an http, https or relative URL",
        ),
        (
            r#"{"title":"x","author":{"bio":"b"}}"#,
            "author.name: is required",
        ),
        (
            r#"{"title":"x","author":7}"#,
            "author: expected an object or a name, got a number",
        ),
        (
            r#"{"title":"x","credits":{}}"#,
            "credits: expected a list, got an object",
        ),
        (
            r#"{"title":"x","credits":[{"role":"Director","name":"J"},{"role":"Star"}]}"#,
            "credits[1].name: is required",
        ),
        (
            r#"{"title":"x","credits":["Audiard"]}"#,
            "credits[0]: expected an object with role and name, got a string",
        ),
        (
            r#"{"title":"x","credits":[{"role":"","name":"J"}]}"#,
            "credits[0].role: must not be empty",
        ),
        (
            r#"{"title":"x","published":"2012-13-01"}"#,
            "published: \"2012-13-01\" is not an ISO date like 2012-11-16",
        ),
        (
            r#"{"title":"x","published":"2023-02-29"}"#,
            "published: \"2023-02-29\" is not an ISO date like 2012-11-16",
        ),
        (
            r#"{"title":"x","published":"16/11/2012"}"#,
            "published: \"16/11/2012\" is not an ISO date like 2012-11-16",
        ),
        (
            r#"{"title":"x","lang":"english language"}"#,
            "lang: \"english language\" is not a language tag like en or fr-FR",
        ),
        (
            r#"{"title":"x","body":["a"]}"#,
            "body: expected a string, got a list",
        ),
        (
            "{\"title\":\"x\"",
            "the JSON ends too early (line 1, column 12)",
        ),
        (
            "{\"title\":'x'}",
            "the text is not valid JSON (line 1, column 10)",
        ),
        ("", "the JSON ends too early (line 1, column 0)"),
        (
            r#"{"title":"x","score":{"value":2e15,"max":1e16}}"#,
            "score.max: must be at most 1000000000000000 to be shown",
        ),
        (
            r#"{"title":"x","score":{"value":-2e15,"min":-1e16}}"#,
            "score.min: must be at least -1000000000000000 to be shown",
        ),
        (
            r#"{"title":"x","score":{"value":5e-11,"max":1e-10}}"#,
            "score: min and max must differ by at least 0.01 to be shown",
        ),
        (
            "{\"title\":\"\\u200b\\u200d\\u2066\\u202e\\ufeff\\u2069\"}",
            "title: has no visible characters",
        ),
        (
            "{\"title\":\"x\",\"credits\":[{\"role\":\"Director\",\"name\":\"\\u200e\\u00ad\"}]}",
            "credits[0].name: has no visible characters",
        ),
    ];
    for (json, expected) in cases {
        assert_eq!(&err(json), expected, "input: {json}");
    }
}

#[test]
fn numbers_beyond_f64_are_refused_not_infinite() {
    assert_eq!(
        err(r#"{"title":"x","score":1e400}"#),
        "a number is too large (line 1, column 26)"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = [
        "{\"title\":\"x\",\"extra\":",
        &"[".repeat(100_000),
        &"]".repeat(100_000),
        "}",
    ]
    .concat();
    assert_eq!(err(&deep), "the JSON is nested too deeply");
}

#[test]
fn huge_documents_are_refused_with_their_size() {
    let huge = [
        "{\"title\":\"x\",\"body\":\"",
        &"a".repeat(10 * 1024 * 1024),
        "\"}",
    ]
    .concat();
    assert!(huge.len() > 10 * 1024 * 1024);
    let expected = [
        "the review is ",
        &huge.len().to_string(),
        " bytes; the limit is 2000000",
    ]
    .concat();
    assert_eq!(err(&huge), expected);
}

#[test]
fn long_values_are_shortened_in_messages() {
    let long = "y".repeat(500);
    let e = err(&["{\"title\":\"x\",\"kind\":\"", &long, "\"}"].concat());
    assert!(e.len() < 160, "{e}");
    assert!(e.contains('…'));
}

#[test]
fn text_with_invisible_characters_keeps_them_when_something_shows() {
    let r = parse_review("{\"title\":\"\\u200fRust \\u0026 Bone\"}").unwrap();
    assert_eq!(r.title, "\u{200f}Rust & Bone");
}

#[test]
fn the_largest_and_finest_scales_that_can_be_shown_are_accepted() {
    let r = parse_review(r#"{"title":"x","score":{"value":1e14,"max":1e15}}"#).unwrap();
    assert_eq!(r.score.unwrap().max, 1e15);
    let r = parse_review(r#"{"title":"x","score":{"value":0.005,"max":0.01}}"#).unwrap();
    assert_eq!(r.score.unwrap().value, 0.005);
}

#[test]
fn image_is_a_url_or_src_with_alt_and_size() {
    let r = parse_review(r#"{"title":"x","image":" /posters/x.jpg "}"#).unwrap();
    let i = r.image.unwrap();
    assert_eq!(
        (i.src.as_str(), i.alt.as_str(), i.size),
        ("/posters/x.jpg", "", None)
    );
    let r = parse_review(
        r#"{"title":"x","image":{"src":"https://example.com/p.png","alt":"A poster","width":200,"height":300}}"#,
    )
    .unwrap();
    let i = r.image.unwrap();
    assert_eq!(i.src, "https://example.com/p.png");
    assert_eq!(i.alt, "A poster");
    assert_eq!(i.size, Some((200, 300)));
    let r = parse_review(r#"{"title":"x","image":{"src":"p.png","alt":""}}"#).unwrap();
    assert_eq!(r.image.unwrap().alt, "");
    assert_eq!(
        parse_review(r#"{"title":"x","image":null}"#).unwrap().image,
        None
    );
}

#[test]
fn image_urls_go_through_the_allow_list() {
    assert_eq!(
        err(r#"{"title":"x","image":"javascript:alert(1)"}"#),
        "image: \"javascript:alert(1)\" is not allowed: use an http, https or relative URL"
    );
    assert_eq!(
        err(r#"{"title":"x","image":{"src":"data:image/png;base64,iVBORw0KGgo=","alt":"x"}}"#),
        "image.src: \"data:image/png;base64,iVBORw0KGgo=\" is not allowed: use an http, https or relative URL"
    );
    assert_eq!(
        err(r#"{"title":"x","image":{"src":"//evil.example/p.png","alt":"x"}}"#),
        "image.src: \"//evil.example/p.png\" is not allowed: use an http, https or relative URL"
    );
}

#[test]
fn image_needs_alt_src_and_a_sane_size() {
    assert_eq!(
        err(r#"{"title":"x","image":{"src":"p.png"}}"#),
        "image.alt: is required: describe the image, or use \"\" when the title says it all"
    );
    assert_eq!(
        err(r#"{"title":"x","image":{"alt":"x"}}"#),
        "image.src: is required"
    );
    assert_eq!(
        err(r#"{"title":"x","image":{"src":"p.png","alt":"x","width":200}}"#),
        "image.height: is required with width"
    );
    assert_eq!(
        err(r#"{"title":"x","image":{"src":"p.png","alt":"x","width":0,"height":3}}"#),
        "image.width: must be a whole number of pixels from 1 to 10000"
    );
    assert_eq!(
        err(r#"{"title":"x","image":{"src":"p.png","alt":"x","width":2,"height":2.5}}"#),
        "image.height: must be a whole number of pixels from 1 to 10000"
    );
    assert_eq!(
        err(r#"{"title":"x","image":5}"#),
        "image: expected a URL or an object with src and alt, got a number"
    );
}

#[test]
fn price_is_a_value_with_a_currency_code() {
    let r = parse_review(r#"{"title":"x","price":{"value":1395,"currency":"USD"}}"#).unwrap();
    let p = r.price.unwrap();
    assert_eq!((p.value, p.currency.as_str()), (1395.0, "USD"));
    assert_eq!(
        err(r#"{"title":"x","price":{"value":-1,"currency":"USD"}}"#),
        "price.value: must not be negative"
    );
    assert_eq!(
        err(r#"{"title":"x","price":{"value":1,"currency":"dollars"}}"#),
        "price.currency: \"dollars\" is not a currency code like EUR or USD"
    );
    assert_eq!(
        err(r#"{"title":"x","price":{"value":1}}"#),
        "price.currency: is required"
    );
    assert_eq!(
        err(r#"{"title":"x","price":12}"#),
        "price: expected an object with value and currency, got a number"
    );
}
