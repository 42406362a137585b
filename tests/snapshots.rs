//! Snapshots of the markup a reader gets: the sample card in each language and
//! theme, the comment form that follows it in both modes, and the server-rendered
//! fragment. A
//! change to the markup shows here as a diff to review; `UPDATE_EXPECT=1 cargo test
//! --test snapshots` rewrites the files in tests/snapshots/ once it is intended.
//! The other tests in tests/render.rs assert what each piece of markup means.
#![cfg(not(target_arch = "wasm32"))]

use expect_test::{expect_file, ExpectFile};
use review_card::render::{render_card, render_content, render_document};
use review_card::{parse_options, parse_review};

const SAMPLE: &str = include_str!("fixtures/rust-and-bone.json");

/// The markup with a line break before each tag, so that a diff shows what moved.
fn lines(html: &str) -> String {
    let mut out = html.replace("><", ">\n<");
    out.push('\n');
    out
}

fn check(options: &str, expected: ExpectFile) {
    let review = parse_review(SAMPLE).expect("the sample parses");
    let settings = parse_options(options).expect("the options parse");
    expected.assert_eq(&lines(&render_content(&review, &settings)));
}

/// What follows the card in its shadow root (the card itself is in the card snapshots).
fn check_after_card(options: &str, expected: ExpectFile) {
    let review = parse_review(SAMPLE).expect("the sample parses");
    let settings = parse_options(options).expect("the options parse");
    let content = render_content(&review, &settings);
    let after = content
        .strip_prefix(render_card(&review, &settings).as_str())
        .expect("the shadow root's content starts with the card");
    expected.assert_eq(&lines(after));
}

#[test]
fn the_sample_card() {
    check("{}", expect_file!["snapshots/card.html"]);
}

#[test]
fn the_sample_card_in_french_dark_under_an_h3() {
    check(
        r#"{"lang":"fr","theme":"dark","headingLevel":3}"#,
        expect_file!["snapshots/card-fr-dark-h3.html"],
    );
}

#[test]
fn the_card_with_its_comment_form_posting_to_wp_comments_post() {
    check_after_card(
        r#"{"comments":{"endpoint":"https://blog.example/wp-comments-post.php","postId":42}}"#,
        expect_file!["snapshots/form.html"],
    );
}

#[test]
fn the_comment_form_in_wordpress_rest_mode_in_french() {
    check_after_card(
        r#"{"lang":"fr","comments":{"endpoint":"https://blog.example/wp-json/wp/v2/comments","mode":"wordpress","postId":42}}"#,
        expect_file!["snapshots/form-rest-fr.html"],
    );
}

#[test]
fn the_server_rendered_fragment_without_its_stylesheet() {
    let review = parse_review(SAMPLE).expect("the sample parses");
    let settings = parse_options("{}").expect("the options parse");
    let html = render_document(&review, &settings);
    // The stylesheet is src/card.css verbatim; the snapshot keeps the markup around it.
    let css = review_card::render::CSS;
    assert!(html.contains(css));
    expect_file!["snapshots/document.html"]
        .assert_eq(&lines(&html.replace(css, "/* src/card.css */")));
}
