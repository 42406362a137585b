//! Property tests: arbitrary input never panics, and the small hand-written parts
//! agree with the well-kept libraries they replace in the wasm build.
//! The number of cases is bounded (PROPTEST_CASES, default 256 per property) so
//! `make test` stays quick; `make fuzz` runs more.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use review_card::comment::{validate, CommentInput};
use review_card::excerpt::excerpt;
use review_card::grapheme::is_boundary;
use review_card::i18n::Locale;
use review_card::parse::normalize_newlines;
use review_card::substring;
use review_card::{parse_options, parse_review, render::render_content};
use unicode_segmentation::GraphemeCursor;

/// Text mixing the scripts and clusters that matter for cutting and escaping.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("a".to_string()),
        Just(" ".to_string()),
        Just("e\u{301}".to_string()),
        Just("👨‍👩‍👧‍👦".to_string()),
        Just("👍🏽".to_string()),
        Just("🇫🇷".to_string()),
        Just("漢字".to_string()),
        Just("한국".to_string()),
        Just("\u{1100}\u{1161}".to_string()),
        Just("क्षि".to_string()),
        Just("ที่".to_string()),
        Just("\u{600}1".to_string()),
        Just("<script>&\"'".to_string()),
        Just(". ".to_string()),
        Just("\r\n".to_string()),
        Just("\u{200D}".to_string()),
        "\\PC{1,4}",
    ];
    proptest::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn reference_is_boundary(text: &str, at: usize) -> bool {
    GraphemeCursor::new(at, text.len(), true)
        .is_boundary(text, 0)
        .unwrap_or(false)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256)))]

    #[test]
    fn certified_boundaries_are_real_boundaries(text in tricky_text()) {
        let mut prev = None;
        for (i, c) in text.char_indices() {
            if is_boundary(prev, c) {
                prop_assert!(reference_is_boundary(&text, i), "claimed boundary at {i} in {text:?}");
            }
            prev = Some(c);
        }
    }

    #[test]
    fn excerpts_end_on_a_grapheme_boundary_and_stay_short(text in tricky_text(), max in 1usize..80) {
        let e = excerpt(std::slice::from_ref(&text), max);
        let body = e.text.strip_suffix('…').filter(|_| e.shortened).unwrap_or(&e.text);
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert!(collapsed.starts_with(body), "not a prefix: {body:?} of {collapsed:?}");
        prop_assert!(reference_is_boundary(&collapsed, body.len()), "cut inside a cluster: {body:?}");
        if e.shortened {
            prop_assert!(body.chars().count() <= max);
        }
    }

    #[test]
    fn decimal_ratings_read_like_the_standard_parser(text in "-?[0-9]{1,8}(\\.[0-9]{1,7})?") {
        let ours = review_card::number::parse_decimal(&text);
        let theirs: f64 = text.parse().unwrap();
        prop_assert_eq!(ours, Some(theirs), "{}", text);
    }

    #[test]
    fn any_review_json_renders_or_errors_without_panicking(
        title in tricky_text(), body in tricky_text(), url in "\\PC{0,30}", score in any::<f64>(),
        kind in "[a-z]{0,8}", date in "[0-9-]{0,12}", lang in "[a-zA-Z-]{0,12}",
    ) {
        let doc = serde_json::json!({
            "title": title, "body": body, "url": url, "kind": kind, "published": date, "lang": lang,
            "score": if score.is_finite() { serde_json::json!(score) } else { serde_json::json!(null) },
            "credits": [{"role": title, "name": body}], "author": {"name": title, "url": url, "bio": body},
        });
        if let Ok(review) = parse_review(&doc.to_string()) {
            let html = render_content(&review, &parse_options(r#"{"comments":true}"#).unwrap());
            prop_assert!(!html.contains("<script"));
            prop_assert_eq!(html.matches("<article").count(), 1);
        }
    }

    #[test]
    fn clean_text_fast_path_matches_the_plain_definition(text in prop_oneof![
        "\\PC{0,40}",
        proptest::collection::vec(prop_oneof![
            Just("a"), Just("\r\n"), Just("\r"), Just("\u{0}"), Just("\u{85}"), Just("\u{7f}"), Just("\u{fdd0}"),
            Just("\u{fffe}"), Just("\u{1fffe}"), Just("\u{10ffff}"), Just("😀"), Just("\u{ff01}"), Just("é"), Just("\t"),
        ], 0..20).prop_map(|v| v.concat()),
    ]) {
        let plain: String = text.replace("\r\n", "\n").chars()
            .map(|c| if c == '\r' { '\n' } else { c })
            .filter(|&c| {
                let control = c.is_control() && c != '\n' && c != '\t';
                let nonchar = matches!(c as u32, 0xFDD0..=0xFDEF) || (c as u32 & 0xFFFE) == 0xFFFE;
                !control && !nonchar
            })
            .collect();
        prop_assert_eq!(review_card::parse::clean_text(&text), plain);
    }

    #[test]
    fn arbitrary_text_as_review_never_panics(text in "\\PC{0,200}") {
        let _ = parse_review(&text);
        let _ = parse_options(&text);
    }

    #[test]
    fn validation_never_panics_and_accepts_only_clean_values(
        author in tricky_text(), email in "\\PC{0,30}", url in "\\PC{0,30}", comment in tricky_text(),
    ) {
        let v = validate(&CommentInput { author, email, url, comment }, Locale::En);
        if v.is_valid() {
            prop_assert!(v.values.comment.len() <= 65525);
            prop_assert!(!v.values.comment.contains('\r'));
            prop_assert!(v.values.url.is_empty() || v.values.url.to_ascii_lowercase().starts_with("http"));
        }
    }

    #[test]
    fn substring_search_agrees_with_str(
        text in "[ab&;#é\\r\\n]{0,24}",
        needle in "[ab&;#é\\r\\n]{1,4}",
        to in "[xy\\n]{0,2}",
    ) {
        prop_assert_eq!(substring::find(&text, &needle), text.find(needle.as_str()));
        prop_assert_eq!(substring::contains(&text, &needle), text.contains(needle.as_str()));
        prop_assert_eq!(substring::replace(&text, &needle, &to), text.replace(needle.as_str(), &to));
        prop_assert_eq!(substring::trim_prefix(&text, &needle), text.trim_start_matches(needle.as_str()));
        prop_assert_eq!(normalize_newlines(&text), text.replace("\r\n", "\n").replace('\r', "\n"));
    }
    #[test]
    fn byte_set_search_agrees_with_str(text in "[ab.@:/?#é漢-]{0,24}", set in "[.@:/?#-]{1,3}") {
        let chars: Vec<char> = set.chars().collect();
        let bytes = set.as_bytes();
        prop_assert_eq!(substring::find_any(&text, bytes), text.find(chars.as_slice()));
        prop_assert_eq!(substring::rfind_byte(&text, bytes[0]), text.rfind(chars[0]));
        for n in 0..26 {
            prop_assert_eq!(substring::char_offset(&text, n), text.char_indices().nth(n).map(|(i, _)| i));
        }
        prop_assert_eq!(substring::before_any(&text, bytes), text.split(chars.as_slice()).next().unwrap_or(""));
        prop_assert_eq!(
            substring::split_any(&text, bytes).collect::<Vec<_>>(),
            text.split(chars.as_slice()).collect::<Vec<_>>()
        );
    }
}
