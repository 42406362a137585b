//! schema.org Review structured data, out and in.
// Native: JSON text is read with serde_json (the browser path is tested in web.rs).
#![cfg(not(target_arch = "wasm32"))]

use review_card::jsonld::render_json_ld;
use review_card::parse_review;

const SAMPLE: &str = include_str!("fixtures/rust-and-bone.json");

fn ld(json: &str) -> serde_json::Value {
    serde_json::from_str(&render_json_ld(&parse_review(json).unwrap())).unwrap()
}

#[test]
fn sample_review_is_a_movie_review_with_director_rating_and_author() {
    let v = ld(SAMPLE);
    assert_eq!(v["@context"], "https://schema.org");
    assert_eq!(v["@type"], "Review");
    assert_eq!(v["itemReviewed"]["@type"], "Movie");
    assert_eq!(v["itemReviewed"]["name"], "Rust & Bone");
    assert_eq!(v["itemReviewed"]["director"]["@type"], "Person");
    assert_eq!(v["itemReviewed"]["director"]["name"], "Jacques Audiard");
    assert_eq!(v["reviewRating"]["@type"], "Rating");
    assert_eq!(v["reviewRating"]["ratingValue"], 7.2);
    assert_eq!(v["reviewRating"]["bestRating"], 10.0);
    assert_eq!(v["reviewRating"]["worstRating"], 0.0);
    assert_eq!(v["author"]["name"], "Piers Marchant");
    assert_eq!(v["inLanguage"], "en");
    assert!(v["reviewBody"]
        .as_str()
        .unwrap()
        .starts_with("There is a watery trope"));
}

#[test]
fn kinds_map_to_schema_types_and_dates_are_iso() {
    for (kind, t) in [
        ("book", "Book"),
        ("album", "MusicAlbum"),
        ("game", "VideoGame"),
        ("show", "TVSeries"),
        ("other", "Thing"),
    ] {
        let v = ld(&[
            "{\"title\":\"x\",\"kind\":\"",
            kind,
            "\",\"published\":\"2012-11-16T10:00:00Z\"}",
        ]
        .concat());
        assert_eq!(v["itemReviewed"]["@type"], t);
        assert_eq!(v["datePublished"], "2012-11-16");
    }
}

#[test]
fn a_product_with_its_image_and_price_is_a_product_with_its_offer() {
    let v = ld(
        r#"{"title":"Aeron chair","kind":"product","score":{"value":4.5,"max":5},
        "image":{"src":"https://example.com/aeron.jpg","alt":"A black office chair","width":800,"height":600},
        "price":{"value":1395,"currency":"USD"},
        "credits":[{"role":"Brand","name":"Herman Miller"},{"role":"Designer","name":"Bill Stumpf"}],
        "author":"Ada","published":"2024-05-01","url":"/reviews/aeron","body":"Sits well."}"#,
    );
    assert_eq!(v["@type"], "Review");
    let item = &v["itemReviewed"];
    assert_eq!(item["@type"], "Product");
    assert_eq!(item["name"], "Aeron chair");
    assert_eq!(item["image"], "https://example.com/aeron.jpg");
    assert_eq!(item["brand"]["@type"], "Brand");
    assert_eq!(item["brand"]["name"], "Herman Miller");
    assert!(item.get("publisher").is_none(), "{item}");
    assert_eq!(item["offers"]["@type"], "Offer");
    assert_eq!(item["offers"]["price"], 1395);
    assert_eq!(item["offers"]["priceCurrency"], "USD");
    assert_eq!(v["reviewRating"]["ratingValue"], 4.5);
    assert_eq!(v["reviewRating"]["bestRating"], 5);
    assert_eq!(v["author"]["name"], "Ada");
}

#[test]
fn a_product_without_its_image_or_price_is_a_thing_with_what_it_has() {
    // Google's product rules require both: a Product without them is invalid
    // structured data, a Thing is not. Nothing is made up.
    for json in [
        r#"{"title":"Aeron chair","kind":"product","price":{"value":1395,"currency":"USD"}}"#,
        r#"{"title":"Aeron chair","kind":"product","image":"/aeron.jpg"}"#,
        r#"{"title":"Aeron chair","kind":"product"}"#,
    ] {
        let item = &ld(json)["itemReviewed"];
        assert_eq!(item["@type"], "Thing", "{json}");
        assert_eq!(item["name"], "Aeron chair");
        assert_eq!(
            item.get("image").is_some(),
            json.contains("image"),
            "{item}"
        );
        assert_eq!(
            item.get("offers").is_some(),
            json.contains("price"),
            "{item}"
        );
    }
}

#[test]
fn the_image_is_the_reviewed_items_image() {
    let v = ld(r#"{"title":"Rust & Bone","kind":"film","image":"/posters/rust-and-bone.jpg"}"#);
    assert_eq!(v["itemReviewed"]["image"], "/posters/rust-and-bone.jpg");
    let v = ld(r#"{"title":"Rust & Bone","kind":"film"}"#);
    assert!(v["itemReviewed"].get("image").is_none());
}

#[test]
fn a_schema_org_image_is_accepted_as_input_and_round_trips() {
    let r = parse_review(
        r#"{"@type":"Review","itemReviewed":{"@type":"Book","name":"Dune",
            "image":{"@type":"ImageObject","url":"https://example.com/dune.jpg","width":400,"height":600}}}"#,
    )
    .unwrap();
    let image = r.image.unwrap();
    assert_eq!(image.src, "https://example.com/dune.jpg");
    assert_eq!(image.alt, "", "the title beside it names it");
    let r = parse_review(
        r#"{"@type":"Review","itemReviewed":{"@type":"Book","name":"Dune","image":["/dune.jpg","/dune-2.jpg"]}}"#,
    )
    .unwrap();
    assert_eq!(r.image.unwrap().src, "/dune.jpg");
    let first = parse_review(r#"{"title":"Dune","kind":"book","image":"/dune.jpg"}"#).unwrap();
    let again = parse_review(&render_json_ld(&first)).unwrap();
    assert_eq!(again.image, first.image);
    let e = parse_review(
        r#"{"@type":"Review","itemReviewed":{"name":"x","image":"javascript:alert(1)"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "image: \"javascript:alert(1)\" is not allowed: use an http, https or relative URL"
    );
}

#[test]
fn script_breakouts_are_escaped_inside_the_json() {
    let text = render_json_ld(
        &parse_review(r#"{"title":"</script><script>alert(1)</script>","body":"<!-- & -->"}"#)
            .unwrap(),
    );
    assert!(!text.contains('<') && !text.contains('>'), "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["itemReviewed"]["name"],
        "</script><script>alert(1)</script>"
    );
}

#[test]
fn a_json_ld_review_is_accepted_as_input() {
    let r = parse_review(
        r#"{"@context":"https://schema.org","@type":"Review",
            "itemReviewed":{"@type":"Movie","name":"Rust & Bone","director":{"@type":"Person","name":"Jacques Audiard"}},
            "reviewRating":{"@type":"Rating","ratingValue":"7.2","bestRating":"10","worstRating":"0"},
            "author":{"@type":"Person","name":"Piers Marchant","url":"https://example.com/piers"},
            "datePublished":"2012-11-16","reviewBody":"One.\n\nTwo.","inLanguage":"en","url":"/r"}"#,
    )
    .unwrap();
    assert_eq!(r.title, "Rust & Bone");
    assert_eq!(r.kind, review_card::model::Kind::Film);
    let s = r.score.unwrap();
    assert_eq!((s.value, s.max, s.min), (7.2, 10.0, 0.0));
    assert_eq!(r.credits[0].name, "Jacques Audiard");
    assert_eq!(
        r.author.unwrap().url.as_deref(),
        Some("https://example.com/piers")
    );
    assert_eq!(r.body, vec!["One.", "Two."]);
    assert_eq!(r.url.as_deref(), Some("/r"));
}

#[test]
fn json_ld_round_trips_through_the_widget() {
    let first = parse_review(SAMPLE).unwrap();
    let again = parse_review(&render_json_ld(&first)).unwrap();
    assert_eq!(again.title, first.title);
    assert_eq!(again.score, first.score);
    assert_eq!(again.credits, first.credits);
    assert_eq!(again.body, first.body);
}

#[test]
fn json_ld_input_is_validated_like_any_other() {
    let e = parse_review(
        r#"{"@type":"Review","itemReviewed":{"name":"x"},"reviewRating":{"ratingValue":6}}"#,
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "score.value: 6 is above max 5");
    let e = parse_review(
        r#"{"@type":"Review","url":"javascript:alert(1)","itemReviewed":{"name":"x"}}"#,
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("url: "));
}

#[test]
fn ratings_are_json_numbers_at_every_scale() {
    for (json, value, best) in [
        (
            r#"{"title":"x","score":{"value":1e14,"max":1e15}}"#,
            1e14,
            1e15,
        ),
        (
            r#"{"title":"x","score":{"value":0.005,"max":0.01}}"#,
            0.005,
            0.01,
        ),
        (r#"{"title":"x","score":9.999}"#, 9.999, 10.0),
    ] {
        let text = render_json_ld(&parse_review(json).unwrap());
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            v["reviewRating"]["ratingValue"].as_f64(),
            Some(value),
            "{text}"
        );
        assert_eq!(
            v["reviewRating"]["bestRating"].as_f64(),
            Some(best),
            "{text}"
        );
    }
}

#[test]
fn whole_numbers_are_written_without_a_fraction() {
    let text =
        render_json_ld(&parse_review(r#"{"title":"x","score":{"value":8,"max":10}}"#).unwrap());
    assert!(
        text.contains(r#""ratingValue":8,"bestRating":10,"worstRating":0"#),
        "{text}"
    );
}

#[test]
fn several_credits_of_one_role_are_a_list() {
    let v = ld(
        r#"{"title":"Fargo","kind":"film","credits":[{"role":"Director","name":"Joel Coen"},{"role":"Director","name":"Ethan Coen"}]}"#,
    );
    assert_eq!(v["itemReviewed"]["director"][1]["name"], "Ethan Coen");
}
