//! Browser tests of the conversation's DOM layer (`src/dom/thread.rs`) with `fetch`
//! replaced: answers the real WordPress of the end-to-end suite never gives (fields
//! of the wrong type, entries without an ID, no `X-WP-Total`, an error page), what
//! the reader then sees, and what a re-render or `unmount` does to the thread.
//! Run with `wasm-pack test --headless`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

mod support;
use support::{fetches, mock_fetch, sleep, window};

wasm_bindgen_test_configure!(run_in_browser);

const ENDPOINT: &str = "https://wp.example/wp-json/wp/v2/comments";

/// The URLs the thread fetched.
fn gets() -> Vec<String> {
    fetches("GET")
        .iter()
        .map(|c| {
            js_sys::Reflect::get(&c, &"url".into())
                .unwrap()
                .as_string()
                .unwrap()
        })
        .collect()
}

/// A WordPress list answer: `json` with `X-WP-Total` when `total` is given.
fn answering(json: &str, total: Option<&str>) -> String {
    let headers = match total {
        Some(t) => [
            "{ 'content-type': 'application/json', 'x-wp-total': '",
            t,
            "' }",
        ]
        .concat(),
        None => "{ 'content-type': 'application/json' }".to_string(),
    };
    [
        "return Promise.resolve(new Response(",
        &serde_json::to_string(json).unwrap(),
        ", { status: 200, headers: ",
        &headers,
        " }));",
    ]
    .concat()
}

/// A WordPress list answer (`json`, `X-WP-Total: total`) that takes `ms` to arrive.
fn answering_after(ms: u32, json: &str, total: &str) -> String {
    [
        "return new Promise(function (ok) { setTimeout(function () { ok(new Response(",
        &serde_json::to_string(json).unwrap(),
        ", { status: 200, headers: { 'content-type': 'application/json', 'x-wp-total': '",
        total,
        "' } })); }, ",
        &ms.to_string(),
        "); });",
    ]
    .concat()
}

/// Waits (up to 1 s) until the thread has asked for its first page.
async fn first_get() {
    for _ in 0..100 {
        if !gets().is_empty() {
            return;
        }
        sleep(10).await;
    }
}

fn mount(el: &Element, lang: &str, theme: &str) -> ShadowRoot {
    mount_post(el, lang, theme, "12")
}

fn mount_post(el: &Element, lang: &str, theme: &str, post: &str) -> ShadowRoot {
    let options = js_sys::JSON::parse(
        &[
            "{\"lang\":\"",
            lang,
            "\",\"theme\":\"",
            theme,
            "\",\"comments\":{\"endpoint\":\"",
            ENDPOINT,
            "\",\"mode\":\"wordpress\",\"postId\":",
            post,
            "}}",
        ]
        .concat(),
    )
    .unwrap();
    review_card::mount(
        el,
        &JsValue::from_str("{\"title\":\"Rust & Bone\",\"url\":\"/reviews/x\"}"),
        &options,
    )
    .unwrap();
    el.shadow_root().unwrap()
}

/// A card with its form and thread, in the page (where the thread's observer sees it).
fn card() -> (Element, ShadowRoot) {
    let doc = window().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    let root = mount(&el, "en", "light");
    near(&root);
    (el, root)
}

/// Brings the thread into view: it loads only near the viewport.
fn near(root: &ShadowRoot) {
    find(root, "section.thread").unwrap().scroll_into_view();
}

fn find(root: &ShadowRoot, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn text(root: &ShadowRoot, selector: &str) -> String {
    find(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// The comments shown: ID, and the ID of the comment each is nested under.
fn shown(root: &ShadowRoot) -> Vec<(String, Option<String>)> {
    let list = root.query_selector_all(".thread .c").unwrap();
    (0..list.length())
        .map(|i| {
            let li: Element = list.item(i).unwrap().unchecked_into();
            let under = li
                .parent_element()
                .and_then(|p| p.closest(".c").unwrap())
                .and_then(|p| p.get_attribute("data-id"));
            (li.get_attribute("data-id").unwrap(), under)
        })
        .collect()
}

/// Waits (up to 5 s) until the thread has answered: comments shown or a retry.
async fn settled(root: &ShadowRoot) {
    for _ in 0..250 {
        let busy = find(root, ".thread[aria-busy]").is_some();
        if !busy && (find(root, ".thread .c").is_some() || find(root, ".thread .retry").is_some()) {
            return;
        }
        sleep(20).await;
    }
    panic!("the thread did not settle");
}

#[wasm_bindgen_test]
async fn fields_of_the_wrong_type_cost_that_field_and_an_entry_without_id_only_itself() {
    // A plugin's odd answer: `null`s, numbers for text, text for the content object,
    // an entry without an ID, one that is not an object, IDs that are not whole.
    let json = r#"[
        {"id":1,"parent":0,"author_name":"Ana &amp; Bo","author_url":"https://ana.example/",
         "date":"2026-12-01T20:05:09","date_gmt":"2026-12-01T19:05:09",
         "content":{"rendered":"<p>Hi <script>alert(1)</script><em>there</em></p>"}},
        {"parent":0,"author_name":"No ID","content":{"rendered":"<p>NO-ID</p>"}},
        "not a comment",
        {"id":-3,"author_name":"Negative"},
        {"id":4.5,"author_name":"Fraction"},
        {"id":2,"parent":1,"author_name":null,"author_url":5,"date":7,"content":"text",
         "date_gmt":null}
    ]"#;
    mock_fetch(&answering(json, Some("2")));
    let (el, root) = card();
    settled(&root).await;
    assert_eq!(
        shown(&root),
        [("1".into(), None), ("2".into(), Some("1".into()))]
    );
    assert_eq!(text(&root, ".thread-title"), "2 comments");
    let first = find(&root, ".c[data-id=\"1\"]").unwrap();
    assert_eq!(
        first
            .query_selector(".c-author a")
            .unwrap()
            .unwrap()
            .get_attribute("href")
            .as_deref(),
        Some("https://ana.example/")
    );
    assert_eq!(
        text(&root, ".c[data-id=\"1\"] .c-author"),
        "Ana & Bo",
        "references decoded, shown as text"
    );
    assert_eq!(
        text(&root, ".c[data-id=\"1\"] .c-text"),
        "Hi <script>alert(1)</script>there"
    );
    assert!(find(&root, ".thread script").is_none());
    // The second: no name (Anonymous), no link, no date, no text; still a reply.
    assert_eq!(text(&root, ".c[data-id=\"2\"] .c-author"), "Anonymous");
    assert!(find(&root, ".c[data-id=\"2\"] .c-author a").is_none());
    assert!(find(&root, ".c[data-id=\"2\"] time").is_none());
    assert!(find(&root, ".c-reply[data-reply=\"2\"]").is_some());
    assert!(!text(&root, ".thread").contains("NO-ID"));
    el.remove();
}

#[wasm_bindgen_test]
async fn without_a_count_a_full_page_offers_more_and_the_heading_counts_what_shows() {
    // A proxy that drops `X-WP-Total`: a full page (20) may have more behind it; past
    // the end WordPress answers 400, which ends the list.
    let page: Vec<String> = (1..=20)
        .map(|i| {
            let id = i.to_string();
            ["{\"id\":", &id, ",\"author_name\":\"A", &id, "\"}"].concat()
        })
        .collect();
    let json = ["[", &page.join(","), "]"].concat();
    mock_fetch(
        &[
            "if (/[?&]page=2(&|$)/.test(url)) return Promise.resolve(new Response('{\"code\":\"rest_invalid_page_number\"}', { status: 400 })); ",
            &answering(&json, None),
        ]
        .concat(),
    );
    let (el, root) = card();
    settled(&root).await;
    assert_eq!(shown(&root).len(), 20);
    assert_eq!(text(&root, ".thread-title"), "20 comments");
    let more: HtmlElement = find(&root, ".thread-more").unwrap().unchecked_into();
    assert!(!more.hidden(), "a full page without a count offers more");
    more.click();
    for _ in 0..250 {
        if more.hidden() {
            break;
        }
        sleep(20).await;
    }
    assert!(more.hidden(), "past the end, no more");
    assert_eq!(shown(&root).len(), 20);
    assert_eq!(text(&root, ".thread .status"), "");
    el.remove();
}

#[wasm_bindgen_test]
async fn an_error_page_or_a_non_list_is_a_failure_with_a_retry_and_the_form_stays() {
    for answer in [
        "return Promise.resolve(new Response('<html>Error</html>', { status: 500 }));",
        "return Promise.resolve(new Response('{\"code\":\"rest_post_invalid_id\"}', { status: 200 }));",
        "return Promise.resolve(new Response('not json', { status: 200 }));",
        "return Promise.reject(new TypeError('Failed to fetch'));",
    ] {
        mock_fetch(answer);
        let (el, root) = card();
        settled(&root).await;
        assert_eq!(
            text(&root, ".thread .status"),
            "The comments could not be loaded. Try again",
            "{answer}"
        );
        assert!(find(&root, "form.form textarea[name=\"comment\"]").is_some());
        assert!(find(&root, "article.card").is_some());
        el.remove();
    }
}

#[wasm_bindgen_test]
async fn a_re_render_keeps_what_was_loaded_and_a_new_mount_starts_afresh() {
    mock_fetch(&answering(
        r#"[{"id":1,"author_name":"Ana","date":"2026-12-01T20:05:09"}]"#,
        Some("1"),
    ));
    let (el, root) = card();
    settled(&root).await;
    assert_eq!(gets().len(), 1);
    // The host sets a new theme, then a new language: the same post, shown at once.
    mount(&el, "en", "dark");
    assert_eq!(shown(&root), [("1".into(), None)]);
    mount(&el, "fr", "dark");
    assert_eq!(shown(&root), [("1".into(), None)]);
    assert_eq!(text(&root, ".thread-title"), "1\u{a0}commentaire");
    assert!(text(&root, ".c[data-id=\"1\"] time").contains("décembre"));
    sleep(50).await;
    assert_eq!(gets().len(), 1, "nothing fetched again");
    // Another post in the same card: nothing of the first shows; its own is fetched.
    mount_post(&el, "fr", "dark", "13");
    assert!(shown(&root).is_empty());
    settled(&root).await;
    assert_eq!(gets().len(), 2);
    assert!(gets()[1].contains("post=13&"), "{:?}", gets());
    assert_eq!(shown(&root), [("1".into(), None)]);
    mount_post(&el, "fr", "dark", "12");
    settled(&root).await;
    assert_eq!(gets().len(), 3, "the first post's thread was let go");
    // After unmount, a new mount starts afresh: it asks WordPress again.
    review_card::unmount(&el).unwrap();
    let root = mount(&el, "en", "light");
    near(&root);
    settled(&root).await;
    assert_eq!(gets().len(), 4);
    assert_eq!(shown(&root), [("1".into(), None)]);
    // Another card for the same post, after this one left the page, is its own.
    el.remove();
    let (other, root) = card();
    settled(&root).await;
    assert_eq!(gets().len(), 5);
    other.remove();
}

#[wasm_bindgen_test]
async fn a_reply_under_way_survives_a_re_render_and_focus_stays_where_it_was() {
    mock_fetch(&answering(
        r#"[{"id":1,"author_name":"Ana"},{"id":2,"author_name":"Bo"}]"#,
        Some("2"),
    ));
    let (el, root) = card();
    settled(&root).await;
    find(&root, ".c-reply[data-reply=\"2\"]")
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    let comment = |root: &ShadowRoot| -> web_sys::HtmlTextAreaElement {
        find(root, "[name=\"comment\"]").unwrap().unchecked_into()
    };
    comment(&root).set_value("Half a reply");
    let parent = |root: &ShadowRoot| -> String {
        find(root, "[name=\"comment_parent\"]")
            .unwrap()
            .unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    };
    // The host's own button has focus when it switches the card to dark.
    let doc = window().document().unwrap();
    let toggle: HtmlElement = doc.create_element("button").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&toggle).unwrap();
    toggle.focus().unwrap();
    mount(&el, "en", "dark");
    assert_eq!(parent(&root), "2");
    assert_eq!(text(&root, ".replying"), "Replying to Bo Cancel reply");
    assert_eq!(comment(&root).value(), "Half a reply");
    let described = comment(&root)
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    assert!(
        described.split(' ').any(|id| id == "rc-replying"),
        "{described}"
    );
    assert_eq!(
        doc.active_element(),
        Some(toggle.clone().into()),
        "focus stays on the host's button"
    );
    // Another post: that comment is not in its thread, so the reply is cancelled.
    mount_post(&el, "en", "dark", "13");
    assert_eq!(parent(&root), "0");
    assert!(find(&root, ".replying").is_none());
    assert_eq!(comment(&root).value(), "Half a reply");
    settled(&root).await;
    toggle.remove();
    el.remove();
}

#[wasm_bindgen_test]
async fn a_page_under_way_when_the_card_renders_again_shows_in_the_new_card() {
    // Each page takes 300 ms; the second holds comment 2.
    mock_fetch(
        &[
            "if (/[?&]page=2(&|$)/.test(url)) { ",
            &answering_after(300, r#"[{"id":2,"author_name":"Bo"}]"#, "21"),
            " } ",
            &answering_after(300, r#"[{"id":1,"author_name":"Ana"}]"#, "21"),
        ]
        .concat(),
    );
    let (el, root) = card();
    first_get().await;
    assert_eq!(gets().len(), 1);
    // The host switches to French while the first page is on its way: the new
    // card says it is loading, in French, and asks for nothing more.
    mount(&el, "fr", "light");
    assert!(find(&root, ".thread[aria-busy]").is_some());
    assert_eq!(
        text(&root, ".thread .status"),
        "Chargement des commentaires…"
    );
    settled(&root).await;
    assert_eq!(shown(&root), [("1".into(), None)]);
    assert_eq!(text(&root, ".thread-title"), "21\u{a0}commentaires");
    assert_eq!(gets().len(), 1, "that page was not asked for again");
    // "Show more", then back to English before page 2 arrives: it shows, and focus
    // goes to its first comment as the reader asked.
    find(&root, ".thread-more")
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    mount(&el, "en", "light");
    assert_eq!(text(&root, ".thread .status"), "Loading comments…");
    find(&root, ".thread-more")
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click(); // a second press while it loads asks for nothing
    for _ in 0..250 {
        if shown(&root).len() == 2 {
            break;
        }
        sleep(20).await;
    }
    assert_eq!(shown(&root), [("1".into(), None), ("2".into(), None)]);
    assert_eq!(gets().len(), 2);
    assert_eq!(text(&root, ".thread-title"), "21 comments");
    let focused = root.active_element().and_then(|e| e.parent_element());
    assert_eq!(
        focused
            .and_then(|li| li.get_attribute("data-id"))
            .as_deref(),
        Some("2")
    );
    assert!(find(&root, ".thread[aria-busy]").is_none());
    el.remove();
}

#[wasm_bindgen_test]
async fn a_card_moved_in_the_page_while_its_page_loads_shows_it() {
    // An app reorders its list: the card leaves the document and comes back while
    // WordPress answers, and another card mounts meanwhile (which drops the
    // threads of sections out of the document).
    mock_fetch(&answering_after(
        200,
        r#"[{"id":1,"author_name":"Ana"}]"#,
        "1",
    ));
    let (el, root) = card();
    first_get().await;
    el.remove();
    let (other, _) = card();
    sleep(250).await;
    window()
        .document()
        .unwrap()
        .body()
        .unwrap()
        .append_child(&el)
        .unwrap();
    settled(&root).await;
    assert_eq!(shown(&root), [("1".into(), None)]);
    assert_eq!(text(&root, ".thread .status"), "");
    assert_eq!(gets().len(), 2, "its page and the other card's");
    el.remove();
    other.remove();
}
