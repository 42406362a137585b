//! Browser tests of the input path: JSON text parsed by the browser, objects read
//! through serde-wasm-bindgen, and the refusals a caller gets for each.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// The message of the JS `Error` that mounting `review` throws.
fn refusal(review: &JsValue) -> String {
    let err: JsValue = review_card::mount(&host(), review, &JsValue::UNDEFINED)
        .unwrap_err()
        .into();
    let err: js_sys::Error = err.dyn_into().expect("a JS Error");
    err.message().into()
}

fn title_of(review: &JsValue) -> String {
    let el = host();
    review_card::mount(&el, review, &JsValue::UNDEFINED).unwrap();
    let root = el.shadow_root().unwrap();
    root.query_selector("h2")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

#[wasm_bindgen_test]
fn json_text_errors_say_what_and_where() {
    assert_eq!(
        refusal(&JsValue::from_str(r#"{"title": "x",, }"#)),
        "the text is not valid JSON (line 1, column 15)"
    );
    assert!(refusal(&JsValue::from_str(r#"{"title":"x""#)).starts_with("the JSON ends too early"));
    assert_eq!(
        refusal(&JsValue::from_str("[1,2]")),
        "expected a JSON object, got a list"
    );
    assert_eq!(
        refusal(&JsValue::from_str("null")),
        "expected a JSON object, got null"
    );
}

#[wasm_bindgen_test]
fn objects_are_validated_with_the_same_path_messages() {
    let review = js_sys::JSON::parse(
        r#"{"title":"x","credits":[{"role":"Director","name":"J"},{"role":"Star"}]}"#,
    )
    .unwrap();
    assert_eq!(refusal(&review), "credits[1].name: is required");
    assert_eq!(
        refusal(&js_sys::Array::new().into()),
        "review: expected an object"
    );
    assert_eq!(
        refusal(&JsValue::from_f64(3.0)),
        "review: expected an object"
    );
    assert_eq!(refusal(&JsValue::UNDEFINED), "review: is required");
}

#[wasm_bindgen_test]
fn a_lone_surrogate_in_an_object_becomes_a_replacement_character() {
    // JSON.parse keeps the lone surrogate: this is what a caller's object holds.
    let review = js_sys::JSON::parse(r#"{"title":"Rust \ud800 Bone"}"#).unwrap();
    assert_eq!(title_of(&review), "Rust \u{FFFD} Bone");
}

#[wasm_bindgen_test]
fn cyclic_and_deep_objects_are_refused_not_followed() {
    let review = js_sys::JSON::parse(r#"{"title":"x","credits":[]}"#).unwrap();
    let credits = js_sys::Reflect::get(&review, &"credits".into()).unwrap();
    credits.unchecked_ref::<js_sys::Array>().push(&credits);
    assert_eq!(
        refusal(&review),
        "credits[0]: expected an object with role and name, got a list"
    );
    let deep = [
        r#"{"title":"x","extra":"#,
        &"[".repeat(5000),
        &"]".repeat(5000),
        "}",
    ]
    .concat();
    assert_eq!(
        title_of(&JsValue::from_str(&deep)),
        "x",
        "unknown fields are never read"
    );
}

#[wasm_bindgen_test]
fn options_are_read_from_objects_and_text() {
    let el = host();
    let options = js_sys::JSON::parse(r#"{"headingLevel":"3","theme":"dark"}"#).unwrap();
    review_card::mount(&el, &JsValue::from_str(r#"{"title":"x"}"#), &options).unwrap();
    let root = el.shadow_root().unwrap();
    assert!(root.query_selector("h3").unwrap().is_some());
    let err: JsValue = review_card::mount(
        &host(),
        &JsValue::from_str(r#"{"title":"x"}"#),
        &JsValue::from_str(r#"{"theme":"blue"}"#),
    )
    .unwrap_err()
    .into();
    let err: js_sys::Error = err.dyn_into().unwrap();
    assert_eq!(
        String::from(err.message()),
        "options.theme: \"blue\" is not one of light, dark, auto"
    );
}

#[wasm_bindgen_test]
fn json_ld_is_written_through_serde_as_valid_json() {
    let el = host();
    review_card::mount(
        &el,
        &JsValue::from_str(r#"{"title":"<b>x</b>","score":{"value":7.25,"max":10}}"#),
        &JsValue::UNDEFINED,
    )
    .unwrap();
    let script = el
        .query_selector("script[type='application/ld+json']")
        .unwrap()
        .unwrap();
    let text = script.text_content().unwrap();
    assert!(!text.contains('<'), "{text}");
    let ld = js_sys::JSON::parse(&text).unwrap();
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).unwrap();
    let rating = get(&ld, "reviewRating");
    assert_eq!(get(&rating, "ratingValue").as_f64(), Some(7.25));
    assert_eq!(get(&rating, "bestRating").as_f64(), Some(10.0));
    assert_eq!(
        get(&get(&ld, "itemReviewed"), "name")
            .as_string()
            .as_deref(),
        Some("<b>x</b>")
    );
}

#[wasm_bindgen_test]
fn inherited_properties_are_not_fields() {
    let proto = js_sys::JSON::parse(r#"{"kind":"book","comments":true}"#).unwrap();
    let review: js_sys::Object = js_sys::Object::create(proto.unchecked_ref());
    js_sys::Reflect::set(&review, &"title".into(), &"Drive".into()).unwrap();
    let options: js_sys::Object = js_sys::Object::create(proto.unchecked_ref());
    let el = host();
    review_card::mount(&el, &review, &options).unwrap();
    let root = el.shadow_root().unwrap();
    assert!(
        root.query_selector("form").unwrap().is_none(),
        "no comments option"
    );
    let card = root
        .query_selector("article")
        .unwrap()
        .unwrap()
        .inner_html();
    assert!(!card.contains("Book"), "no kind: {card}");
}

#[wasm_bindgen_test]
fn maps_are_read_as_objects_and_bytes_are_refused() {
    let review = js_sys::Object::new();
    let set = |o: &js_sys::Object, k: &str, v: &JsValue| {
        js_sys::Reflect::set(o, &JsValue::from_str(k), v).unwrap();
    };
    set(&review, "title", &JsValue::from_str("x"));
    let author = js_sys::Map::new();
    author.set(&JsValue::from_str("name"), &JsValue::from_str("Piers"));
    set(&review, "author", &author);
    let el = host();
    review_card::mount(&el, &review, &JsValue::UNDEFINED).unwrap();
    let text = el.shadow_root().unwrap().text_content().unwrap();
    assert!(text.contains("Piers"), "{text}");

    set(&review, "author", &js_sys::Uint8Array::new_with_length(3));
    assert_eq!(refusal(&review), "review: could not be read");
}
