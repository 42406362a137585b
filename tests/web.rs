//! Browser tests of the card: mounted into a real document, read the way a user and
//! a screen reader would. Run with `wasm-pack test --headless --chrome --firefox`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("fixtures/rust-and-bone.json");

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Adds a fresh host element to the page and returns it.
fn host(tag: &str) -> Element {
    let el = document().create_element(tag).unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn mount_sample(el: &Element) -> ShadowRoot {
    review_card::mount(el, &JsValue::from_str(SAMPLE), &JsValue::UNDEFINED).unwrap();
    el.shadow_root().expect("mount attaches a shadow root")
}

fn find(root: &ShadowRoot, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn click_read_more(root: &ShadowRoot) {
    find(root, "button.more")
        .unchecked_into::<HtmlElement>()
        .click();
}

fn is_shown(el: &Element) -> bool {
    el.unchecked_ref::<HtmlElement>().offset_height() > 0
}

/// The text a sighted user sees in an element (layout-aware).
fn see_text(el: &Element) -> String {
    el.unchecked_ref::<HtmlElement>().inner_text()
}

/// The disclosure button's visible label (the label span that is displayed).
fn visible_label(root: &ShadowRoot) -> String {
    let open = find(root, ".more-open");
    let close = find(root, ".more-close");
    match (is_shown(&open), is_shown(&close)) {
        (true, false) => see_text(&open),
        (false, true) => see_text(&close),
        other => panic!("exactly one label must show, got {other:?}"),
    }
}

/// A simplified accessible name: aria-label, else aria-labelledby, else text content.
fn accessible_name(root: &ShadowRoot, el: &Element) -> String {
    if let Some(label) = el.get_attribute("aria-label") {
        return label;
    }
    if let Some(ids) = el.get_attribute("aria-labelledby") {
        return ids
            .split_whitespace()
            .filter_map(|id| root.get_element_by_id(id))
            .map(|e| e.text_content().unwrap_or_default())
            .collect::<Vec<_>>()
            .join(" ");
    }
    el.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
fn sample_card_is_an_article_named_by_its_title() {
    let root = mount_sample(&host("div"));
    let article = find(&root, "article");
    assert_eq!(accessible_name(&root, &article), "Rust & Bone");
    assert_eq!(see_text(&find(&root, "h2")), "Rust & Bone");
    assert!(is_shown(&article));
}

#[wasm_bindgen_test]
fn score_is_announced_as_a_phrase() {
    let root = mount_sample(&host("div"));
    let score = find(&root, "[role=img]");
    assert_eq!(accessible_name(&root, &score), "Score: 7.2 out of 10");
    assert!(
        see_text(&score).contains("7.2"),
        "the number is visible, not only coloured"
    );
}

#[wasm_bindgen_test]
fn read_more_reveals_the_full_review_and_hides_it_again() {
    let root = mount_sample(&host("div"));
    let button = find(&root, "button.more");
    let body = find(&root, ".body");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(!is_shown(&body));
    assert_eq!(visible_label(&root), "Read more");

    click_read_more(&root);
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(is_shown(&body));
    let text = see_text(&body);
    assert!(
        text.contains("the boy, his ongoing neglect by Ali"),
        "revealed body shows later paragraphs"
    );
    assert!(text.contains("feels duly earned."));
    assert!(
        !is_shown(&find(&root, ".excerpt")),
        "the excerpt is not shown twice"
    );
    assert_eq!(visible_label(&root), "Show less");

    click_read_more(&root);
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(!is_shown(&body));
    assert!(is_shown(&find(&root, ".excerpt")));
}

#[wasm_bindgen_test]
fn read_more_name_says_which_review_it_opens() {
    let root = mount_sample(&host("div"));
    let name = find(&root, "button.more").text_content().unwrap();
    assert_eq!(name, "Read moreShow less: review of Rust & Bone");
    // The "Show less" span is display:none while collapsed, so it is not in the name.
    assert!(!is_shown(&find(&root, ".more-close")));
}

#[wasm_bindgen_test]
fn enter_on_the_focused_button_toggles_like_a_click() {
    let root = mount_sample(&host("div"));
    let button: HtmlElement = find(&root, "button.more").unchecked_into();
    button.focus().unwrap();
    assert_eq!(
        root.active_element().as_ref(),
        Some(button.unchecked_ref::<Element>())
    );
    // A native <button> turns Enter/Space into a click; .click() is that activation.
    button.click();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
fn hostile_host_css_does_not_hide_the_card() {
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(
        "body * { display: none !important; } * { color: red !important; font-size: 1px !important; } article, button, p { display: none !important; }",
    ));
    document().head().unwrap().append_child(&style).unwrap();
    let el = host("section");
    let root = mount_sample(&el);
    let shown =
        is_shown(&el) && is_shown(&find(&root, "article")) && is_shown(&find(&root, "button.more"));
    let font = web_sys::window()
        .unwrap()
        .get_computed_style(&find(&root, ".title"))
        .unwrap()
        .unwrap()
        .get_property_value("font-size")
        .unwrap();
    style.remove();
    assert!(shown, "host CSS hid the card");
    assert_ne!(font, "1px", "host CSS reached inside the card");
}

#[wasm_bindgen_test]
fn mounting_again_replaces_the_card() {
    let el = host("div");
    mount_sample(&el);
    review_card::mount(
        &el,
        &JsValue::from_str(r#"{"title":"Drive","score":8}"#),
        &JsValue::UNDEFINED,
    )
    .unwrap();
    let root = el.shadow_root().unwrap();
    assert_eq!(root.query_selector_all("article").unwrap().length(), 1);
    assert_eq!(see_text(&find(&root, "h2")), "Drive");
}

#[wasm_bindgen_test]
fn review_can_be_a_plain_object() {
    let el = host("div");
    let obj = js_sys::JSON::parse(r#"{"title":"Holy Motors","kind":"film"}"#).unwrap();
    review_card::mount(&el, &obj, &JsValue::UNDEFINED).unwrap();
    assert_eq!(
        see_text(&find(&el.shadow_root().unwrap(), "h2")),
        "Holy Motors"
    );
}

#[wasm_bindgen_test]
fn bad_input_is_a_js_error_with_the_precise_message() {
    let el = host("div");
    let err = review_card::mount(
        &el,
        &JsValue::from_str(r#"{"title":"x","score":{"value":12}}"#),
        &JsValue::UNDEFINED,
    )
    .unwrap_err();
    let err: JsValue = err.into();
    let err: js_sys::Error = err.dyn_into().expect("a JS Error");
    assert_eq!(
        String::from(err.message()),
        "score.value: 12 is above max 10"
    );
    assert!(
        el.shadow_root().is_none(),
        "nothing is attached for a refused review"
    );
}

#[wasm_bindgen_test]
fn an_element_that_cannot_host_a_shadow_root_is_an_error_not_a_panic() {
    let el = host("input");
    let err: JsValue = review_card::mount(&el, &JsValue::from_str(SAMPLE), &JsValue::UNDEFINED)
        .unwrap_err()
        .into();
    let err: js_sys::Error = err.dyn_into().unwrap();
    assert!(String::from(err.message()).starts_with("element: cannot hold a shadow root"));
}

#[wasm_bindgen_test]
fn language_comes_from_the_page_when_not_given() {
    let wrapper = host("div");
    wrapper.set_attribute("lang", "fr").unwrap();
    let el = document().create_element("div").unwrap();
    wrapper.append_child(&el).unwrap();
    review_card::mount(
        &el,
        &JsValue::from_str(r#"{"title":"De rouille et d'os","score":7.2}"#),
        &JsValue::UNDEFINED,
    )
    .unwrap();
    let root = el.shadow_root().unwrap();
    assert_eq!(
        find(&root, "[role=img]")
            .get_attribute("aria-label")
            .as_deref(),
        Some("Note : 7,2 sur 10")
    );
}

/// The sample with a link to the original page, as a JS object (so `mount` goes
/// through `JSON.stringify`), in French.
fn sample_with_link() -> JsValue {
    let review = js_sys::JSON::parse(SAMPLE).unwrap();
    js_sys::Reflect::set(
        &review,
        &"url".into(),
        &"https://example.com/rust-and-bone".into(),
    )
    .unwrap();
    js_sys::Reflect::set(&review, &"lang".into(), &"fr".into()).unwrap();
    review
}

#[wasm_bindgen_test]
fn opening_twice_shows_each_paragraph_once_before_the_link_to_the_original() {
    let el = host("div");
    review_card::mount(&el, &sample_with_link(), &JsValue::UNDEFINED).unwrap();
    let root = el.shadow_root().unwrap();
    let body = find(&root, ".body");
    // Before the first "Read more" the body holds only the link (its paragraphs are
    // rendered on demand).
    assert_eq!(body.child_element_count(), 1);
    for _ in 0..2 {
        click_read_more(&root);
        assert!(is_shown(&body));
        click_read_more(&root);
    }
    click_read_more(&root);
    let paragraphs = root.query_selector_all(".body > p").unwrap();
    let texts: Vec<String> = (0..paragraphs.length())
        .map(|i| paragraphs.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(texts.len(), 6, "five paragraphs, then the link");
    assert!(texts[0].starts_with("There is a watery trope"));
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.contains("feels duly earned."))
            .count(),
        1
    );
    assert_eq!(texts[5], "Lire sur la page d’origine");
    assert_eq!(
        find(&root, ".body > p:last-child a")
            .get_attribute("href")
            .as_deref(),
        Some("https://example.com/rust-and-bone")
    );
}

#[wasm_bindgen_test]
fn render_to_string_shows_the_body_the_mounted_card_reveals() {
    let html =
        review_card::render_to_string(&JsValue::from_str(SAMPLE), &JsValue::UNDEFINED).unwrap();
    // Parse the string the way a page would, then compare the browser's own
    // serialisation of both bodies.
    let parsed = document().create_element("div").unwrap();
    parsed.set_inner_html(&html);
    let template = parsed
        .query_selector("review-card > template")
        .unwrap()
        .expect("a template");
    let string_article = template
        .unchecked_into::<web_sys::HtmlTemplateElement>()
        .content()
        .query_selector("article")
        .unwrap()
        .expect("an article in the template");
    // Complete without JavaScript: the body shown, no control that needs a script.
    assert!(string_article
        .query_selector("button, [hidden]")
        .unwrap()
        .is_none());
    let root = mount_sample(&host("div"));
    // The mounted card parses its hidden body on first "Read more"; once opened it
    // shows the same body as the string.
    assert_eq!(
        find(&root, ".body").child_element_count(),
        0,
        "body not parsed before it is opened"
    );
    click_read_more(&root);
    assert_eq!(
        string_article
            .query_selector(".body")
            .unwrap()
            .expect("the body in the string")
            .outer_html(),
        find(&root, ".body").outer_html()
    );
}

/// The bounding box of the text inside `node` (not its box, nor generated content).
fn text_box(node: &web_sys::Node) -> web_sys::DomRect {
    let range = document().create_range().unwrap();
    range.select_node_contents(node).unwrap();
    range.get_bounding_client_rect()
}

/// The box of the `i`-th UTF-16 unit of `text`'s first text node.
fn char_box(el: &Element, i: u32) -> web_sys::DomRect {
    let node = el.first_child().unwrap();
    let range = document().create_range().unwrap();
    range.set_start(&node, i).unwrap();
    range.set_end(&node, i + 1).unwrap();
    range.get_bounding_client_rect()
}

#[wasm_bindgen_test]
fn bidi_controls_in_review_text_cannot_reorder_the_cards_own_words() {
    // Unterminated right-to-left overrides in the author's name and a credit's role.
    let json = r#"{"title":"x","author":{"name":"Evil \u202eName","url":"https://example.com/a"},"published":"2012-11-16",
        "credits":[{"role":"Dir\u202eector","name":"A\u202eB"},{"role":"Writer","name":"C"}]}"#;
    let el = host("div");
    review_card::mount(&el, &JsValue::from_str(json), &JsValue::UNDEFINED).unwrap();
    let root = el.shadow_root().unwrap();
    // The card's date still reads left to right: "November 16, 2012", not "2102 ,61 rebmevoN".
    let time = find(&root, "time");
    let first = char_box(&time, 0);
    let last = char_box(&time, see_text(&time).len() as u32 - 1);
    assert!(
        first.left() < last.left(),
        "the date is not reversed ({} < {})",
        first.left(),
        last.left()
    );
    // The generated colon stays after the role: the role's text ends before its box.
    let dt = find(&root, "dt");
    let text = text_box(&dt);
    let item = dt.get_bounding_client_rect();
    assert!(
        text.right() < item.right() - 1.0,
        "the colon follows the role (text ends at {}, the term at {})",
        text.right(),
        item.right()
    );
    // Every piece of review text in the card's own sentences is isolated.
    for selector in [".by a", "dt", "dd", ".vh"] {
        if let Some(e) = root.query_selector(selector).unwrap() {
            assert!(
                e.query_selector("bdi").unwrap().is_some(),
                "{selector} isolates its review text"
            );
        }
    }
}
