//! The card's markup: what a reader and a screen reader get, and that no text can
//! become markup.
// Native: JSON text is read with serde_json (the browser path is tested in web.rs).
#![cfg(not(target_arch = "wasm32"))]

use review_card::{parse_options, parse_review, render_card, render_document, Settings};

const SAMPLE: &str = include_str!("fixtures/rust-and-bone.json");

fn card(json: &str) -> String {
    render_card(&parse_review(json).unwrap(), &Settings::new())
}

fn card_with(json: &str, options: &str) -> String {
    render_card(
        &parse_review(json).unwrap(),
        &parse_options(options).unwrap(),
    )
}

#[test]
fn sample_card_is_an_article_labelled_by_its_heading() {
    let html = card(SAMPLE);
    assert!(html.starts_with("<article class=\"card\" part=\"card\" data-theme=\"auto\" lang=\"en\" aria-labelledby=\"rc-title\">"), "{html}");
    assert!(html.contains(
        "<h2 class=\"title\" part=\"title\" dir=\"auto\" id=\"rc-title\">Rust &amp; Bone</h2>"
    ));
    assert!(html.contains("<p class=\"kind\" part=\"kind\">Film</p>"));
    assert!(html.contains("<dt><bdi>Director</bdi></dt><dd><bdi>Jacques Audiard</bdi></dd>"));
    assert!(html.ends_with("</article>"));
}

#[test]
fn score_is_announced_in_words_not_colour() {
    let html = card(SAMPLE);
    assert!(
        html.contains("role=\"img\" aria-label=\"Score: 7.2 out of 10\" data-band=\"high\""),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"score-value\">7.2</span><span class=\"score-max\">/10</span>")
    );
    assert!(html.contains("data-fill=\"7\""));
    let low = card(r#"{"title":"x","score":{"value":2,"min":1,"max":5}}"#);
    assert!(
        low.contains("aria-label=\"Score: 2 out of 5, lowest possible 1\" data-band=\"low\""),
        "{low}"
    );
}

#[test]
fn body_gets_an_excerpt_and_a_disclosure_button() {
    let html = card(SAMPLE);
    assert!(html.contains(
        "<p class=\"excerpt\" part=\"excerpt\" dir=\"auto\" data-derived>There is a watery trope"
    ));
    assert!(html.contains(
        "<div class=\"body\" part=\"body\" id=\"rc-body\" hidden><p dir=\"auto\">There is a watery trope"
    ));
    // The whole button is in tests/snapshots/card.html; what it must say and control:
    assert!(html.contains("<button type=\"button\" class=\"more\" part=\"more\" aria-expanded=\"false\" aria-controls=\"rc-body\">"), "{html}");
    assert!(
        html.contains("<span class=\"vh\">: review of <bdi>Rust &amp; Bone</bdi></span></button>")
    );
    assert_eq!(
        html.matches("<p dir=\"auto\">").count(),
        5,
        "five paragraphs in the body"
    );
}

#[test]
fn without_body_read_more_is_a_link_naming_the_review() {
    let html = card(r#"{"title":"Drive","url":"https://example.com/drive","excerpt":"Tense."}"#);
    assert!(html.contains("<a class=\"more\" part=\"more\" href=\"https://example.com/drive\">Read more<span class=\"vh\">: review of <bdi>Drive</bdi></span></a>"), "{html}");
    assert!(!html.contains("<button"));
}

#[test]
fn short_body_shown_whole_needs_no_disclosure() {
    let html = card(r#"{"title":"x","body":"Short and sweet."}"#);
    assert!(
        html.contains("<p class=\"excerpt\" part=\"excerpt\" dir=\"auto\">Short and sweet.</p>"),
        "{html}"
    );
    assert!(!html.contains("<button") && !html.contains("hidden"));
}

#[test]
fn byline_links_the_author_and_dates_in_a_time_element() {
    let html = card(
        r#"{"title":"x","author":{"name":"Piers Marchant","url":"https://example.com/piers","bio":"Critic."},"published":"2012-11-16"}"#,
    );
    assert!(
        html.contains(
            "By <a rel=\"author\" href=\"https://example.com/piers\"><bdi>Piers Marchant</bdi></a>"
        ),
        "{html}"
    );
    assert!(html.contains("<time datetime=\"2012-11-16\">November 16, 2012</time>"));
    assert!(html.contains("<p class=\"bio\" dir=\"auto\">Critic.</p>"));
}

#[test]
fn french_strings_numbers_and_dates() {
    let html = card_with(
        r#"{"title":"De rouille et d'os","kind":"film","score":7.2,"published":"2012-11-16","body":"Un. Deux.","url":"/x","author":"P"}"#,
        r#"{"lang":"fr"}"#,
    );
    assert!(html.contains("lang=\"fr\""));
    assert!(html.contains("aria-label=\"Note : 7,2 sur 10\""), "{html}");
    assert!(html.contains("<time datetime=\"2012-11-16\">16 novembre 2012</time>"));
    assert!(html.contains("Par <span class=\"name\"><bdi>P</bdi></span>"));
}

#[test]
fn heading_level_theme_and_id_prefix_are_applied() {
    let html = card_with(
        SAMPLE,
        r#"{"headingLevel":4,"theme":"dark","idPrefix":"c9"}"#,
    );
    assert!(html.contains(
        "<h4 class=\"title\" part=\"title\" dir=\"auto\" id=\"c9-title\">Rust &amp; Bone</h4>"
    ));
    assert!(html.contains("data-theme=\"dark\""));
    assert!(html.contains("aria-labelledby=\"c9-title\""));
    assert!(html.contains("aria-controls=\"c9-body\""));
}

/// Text with every markup-significant character, put in every text field.
const NASTY: &str = r#"<img src=x onerror=alert(1)> & "quoted" 'single' </article>"#;
const NASTY_ESCAPED: &str =
    "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;single&#39; &lt;/article&gt;";

#[test]
fn every_text_field_is_escaped() {
    let n = serde_json::to_string(NASTY).unwrap();
    let json = [
        r#"{"title":"#,
        &n,
        r#","excerpt":"#,
        &n,
        r#","body":"#,
        &n,
        r#","credits":[{"role":"#,
        &n,
        r#","name":"#,
        &n,
        r#"}],"author":{"name":"#,
        &n,
        r#","bio":"#,
        &n,
        r#"}}"#,
    ]
    .concat();
    let html = card(&json);
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("\"quoted\""));
    assert!(!html.contains("'single'"));
    assert_eq!(html.matches("</article>").count(), 1);
    // title (heading + hidden read-more text), excerpt, role, name, author, bio.
    assert!(html.matches(NASTY_ESCAPED).count() >= 6, "{html}");
}

#[test]
fn urls_are_escaped_in_attributes() {
    let html = card(r#"{"title":"x","url":"https://example.com/?a=1&b=\"2\"'3'<>"}"#);
    assert!(
        html.contains("href=\"https://example.com/?a=1&amp;b=&quot;2&quot;&#39;3&#39;&lt;&gt;\""),
        "{html}"
    );
}

#[test]
fn disallowed_url_schemes_never_reach_the_markup() {
    for url in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "file:///x",
        "//evil.example",
    ] {
        let json = [
            "{\"title\":\"x\",\"url\":",
            &serde_json::to_string(url).unwrap(),
            "}",
        ]
        .concat();
        assert!(parse_review(&json).is_err(), "{url} was accepted");
        let json = [
            "{\"title\":\"x\",\"author\":{\"name\":\"a\",\"url\":",
            &serde_json::to_string(url).unwrap(),
            "}}",
        ]
        .concat();
        assert!(parse_review(&json).is_err(), "author {url} was accepted");
    }
}

#[test]
fn markup_has_no_inline_style_or_script() {
    let html = card(SAMPLE);
    assert!(!html.contains("style="));
    assert!(!html.contains("<script"));
    assert!(!has_handler_attribute(&html), "no event handler attributes");
}

/// True when the markup has an attribute like ` onclick=` inside a tag.
fn has_handler_attribute(html: &str) -> bool {
    html.split('<').skip(1).any(|tag| {
        let tag = tag.split('>').next().unwrap_or("");
        tag.split_whitespace().skip(1).any(|attr| {
            let name = attr.split('=').next().unwrap_or("").to_ascii_lowercase();
            name.starts_with("on") && name.len() > 2 && attr.contains('=')
        })
    })
}

#[test]
fn handler_check_finds_handlers() {
    assert!(has_handler_attribute(
        "<p>x</p><img src=x onerror=alert(1)>"
    ));
    assert!(!has_handler_attribute("<p>based on one</p>"));
}

#[test]
fn document_fragment_carries_a_declarative_shadow_root_with_styles() {
    let html = render_document(&parse_review(SAMPLE).unwrap(), &Settings::new());
    assert!(html
        .starts_with("<review-card data-rendered><template shadowrootmode=\"open\"><style>:host{"));
    assert!(html.contains("</style><article"));
    assert!(html.contains("</article></template><script type=\"application/ld+json\" data-review-card-generated>{\"@context\":\"https://schema.org\",\"@type\":\"Review\""));
    assert!(html.ends_with("}</script></review-card>"));
}

#[test]
fn document_fragment_includes_the_form_when_comments_are_on() {
    let html = render_document(
        &parse_review(SAMPLE).unwrap(),
        &parse_options(r#"{"comments":true}"#).unwrap(),
    );
    assert!(html.contains("</article><section class=\"comments\""));
    assert!(html.contains("</form></section></template><script type=\"application/ld+json\""));
}

#[test]
fn json_ld_can_be_turned_off() {
    let html = render_document(
        &parse_review(SAMPLE).unwrap(),
        &parse_options(r#"{"jsonLd":false}"#).unwrap(),
    );
    assert!(html.ends_with("</article></template></review-card>"));
}

#[test]
fn static_markup_shows_the_whole_review_without_a_button() {
    let mut settings = Settings::new();
    settings.static_markup = true;
    let html = render_card(&parse_review(SAMPLE).unwrap(), &settings);
    assert!(!html.contains("<button"));
    assert!(!html.contains(" hidden"));
    assert!(
        !html.contains("class=\"excerpt\""),
        "the derived excerpt would repeat the body"
    );
    assert_eq!(html.matches("<p dir=\"auto\">").count(), 5);
}

#[test]
fn a_lazy_body_holds_the_link_and_its_paragraphs_go_first_when_filled() {
    let json = SAMPLE.replacen('{', r#"{"url":"https://example.com/r","#, 1);
    let review = parse_review(&json).unwrap();
    let mut settings = Settings::new();
    let whole = review_card::render::render_card_parts(&review, &settings);
    assert!(!whole.1, "rendered whole, nothing is left to fill");
    settings.lazy_body = true;
    let (lazy, deferred) = review_card::render::render_card_parts(&review, &settings);
    assert!(deferred);
    // The hidden body already holds the link to the original page, and nothing else.
    let link =
        "<p class=\"original\"><a href=\"https://example.com/r\">Read on the original page</a></p>";
    let empty_body = ["hidden>", link, "</div>"].concat();
    assert!(lazy.contains(&empty_body), "{lazy}");
    // Filling the paragraphs in before the link gives the card rendered whole.
    let filled = lazy.replacen(
        &empty_body,
        &[
            "hidden>",
            &review_card::render::render_paragraphs(&review),
            link,
            "</div>",
        ]
        .concat(),
        1,
    );
    assert_eq!(filled, whole.0);
}

#[test]
fn a_score_just_below_the_maximum_is_not_shown_as_the_maximum() {
    let html = card(r#"{"title":"x","score":9.999}"#);
    assert!(
        html.contains("aria-label=\"Score: 9.99 out of 10\""),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"score-value\">9.99</span>"),
        "{html}"
    );
    let full = card(r#"{"title":"x","score":10}"#);
    assert!(
        full.contains("aria-label=\"Score: 10 out of 10\""),
        "{full}"
    );
}

#[test]
fn five_point_scores_show_stars_with_the_same_words() {
    let html = card(r#"{"title":"x","score":{"value":4.5,"max":5}}"#);
    assert!(
        html.contains("aria-label=\"Score: 4.5 out of 5\""),
        "{html}"
    );
    assert!(html.contains("<span class=\"score-value\">4.5</span><span class=\"score-max\">/5</span><span class=\"stars\"><span class=\"stars-fill\" data-fill=\"9\"></span></span>"), "{html}");
    assert!(!html.contains("score-bar"));
    let html = card(r#"{"title":"x","score":{"value":2,"max":5,"min":1}}"#);
    assert!(
        html.contains("aria-label=\"Score: 2 out of 5, lowest possible 1\""),
        "{html}"
    );
    assert!(
        html.contains("data-fill=\"4\""),
        "two of five stars: {html}"
    );
    // Other scales keep the bar.
    let html = card(r#"{"title":"x","score":7.2}"#);
    assert!(
        html.contains("score-bar") && !html.contains("stars"),
        "{html}"
    );
}

#[test]
fn the_image_reserves_its_space_and_loads_lazily() {
    let html = card(
        r#"{"title":"Rust & Bone","kind":"film","image":{"src":"/p.svg?a=1&b=2","alt":"Poster: \"Rust & Bone\"","width":400,"height":600}}"#,
    );
    assert!(
        html.contains("</div><div class=\"image\" part=\"image\"><img src=\"/p.svg?a=1&amp;b=2\" alt=\"Poster: &quot;Rust &amp; Bone&quot;\" width=\"400\" height=\"600\" loading=\"lazy\" decoding=\"async\"></div>"),
        "{html}"
    );
    // Without a size, the kind's usual shape is reserved; a URL alone is decorative.
    let html = card(r#"{"title":"x","kind":"album","image":"a.jpg"}"#);
    assert!(
        html.contains("<img src=\"a.jpg\" alt=\"\" width=\"300\" height=\"300\""),
        "{html}"
    );
    let html = card(r#"{"title":"x","kind":"book","image":"a.jpg"}"#);
    assert!(html.contains("width=\"200\" height=\"300\""), "{html}");
    assert!(!card(r#"{"title":"x"}"#).contains("<img"));
}

#[test]
fn a_price_is_shown_with_the_credits_in_the_locale() {
    let json = r#"{"title":"Aeron","kind":"product","price":{"value":1395.5,"currency":"USD"}}"#;
    assert!(card(json).contains("<dl class=\"credits\" part=\"credits\"><div><dt>Price</dt><dd>1395.5\u{a0}USD</dd></div></dl>"));
    assert!(card_with(json, r#"{"lang":"fr"}"#).contains("<dt>Prix</dt><dd>1395,5\u{a0}USD</dd>"));
}
