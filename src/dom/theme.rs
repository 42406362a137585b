//! The `auto` theme follows the host page: `prefers-color-scheme` (in CSS), and a
//! `dark`/`light` class or `data-theme="dark"|"light"` on `<html>` or `<body>`,
//! watched by one shared MutationObserver.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, MutationObserver, MutationObserverInit, Node};

/// Marks hosts whose theme is `auto`, so the observer can find them.
const AUTO: &str = "data-review-card-auto";
/// What the host page says about its theme, for the stylesheet: `dark` or `light`.
const HOST_THEME: &str = "data-host-theme";

thread_local! {
    static WATCHING: Cell<bool> = const { Cell::new(false) };
    /// The page's theme, once the observer watches both `<html>` and `<body>` (it
    /// refreshes this on every change): later cards read it here instead of asking
    /// the page again (ten crossings fewer). The observer watches the document of
    /// the first card with the `auto` theme; a later card mounted from this page
    /// into another document (an iframe) follows that first document's theme.
    static KNOWN: Cell<Option<Option<bool>>> = const { Cell::new(None) };
}

/// What the host page says about its theme: `Some(true)` dark, `Some(false)` light.
fn host_theme(doc: &Document) -> Option<bool> {
    for el in [doc.body().map(Element::from), doc.document_element()] {
        let Some(el) = el else { continue };
        if let Some(t) = el.get_attribute("data-theme") {
            match t.as_str() {
                "dark" => return Some(true),
                "light" => return Some(false),
                _ => {}
            }
        }
        // `matches` rather than `classList.contains`: one import, not two.
        if super::js::matches(&el, ".dark") {
            return Some(true);
        }
        if super::js::matches(&el, ".light") {
            return Some(false);
        }
    }
    None
}

fn apply(host: &Element, theme: Option<bool>) {
    // One attribute for both markers: one crossing per card, where two toggles were two.
    match theme {
        Some(true) => super::js::set_attr(host, HOST_THEME, "dark"),
        Some(false) => super::js::set_attr(host, HOST_THEME, "light"),
        None => super::js::remove_attr(host, HOST_THEME),
    }
}

fn refresh_all(doc: &Document) {
    let theme = host_theme(doc);
    if KNOWN.get().is_some() {
        KNOWN.set(Some(theme));
    }
    let hosts = super::js::find_all(doc, &["[", AUTO, "]"].concat());
    for i in 0..hosts.length() {
        // `querySelectorAll` finds only elements.
        if let Some(host) = hosts.item(i).map(JsCast::unchecked_into::<Element>) {
            apply(&host, theme);
        }
    }
}

/// Sets up a host for `auto` (or clears it for a fixed theme).
pub(crate) fn follow_host(host: &Element, auto: bool) {
    super::js::toggle_attr(host, AUTO, auto);
    if !auto {
        apply(host, None);
        return;
    }
    if let Some(theme) = KNOWN.get() {
        apply(host, theme);
        return;
    }
    let Some(doc) = host.owner_document() else {
        return;
    };
    let theme = host_theme(&doc);
    apply(host, theme);
    if !WATCHING.with(Cell::get) {
        WATCHING.with(|w| w.set(true));
        // The document the observer watches (the first auto-themed card's).
        let watched_doc = doc.clone();
        let callback = Closure::<dyn Fn(JsValue, MutationObserver)>::new(
            move |_: JsValue, observer: MutationObserver| {
                // `<html>` or `<body>` may have been replaced (Turbo-style navigation):
                // watch whichever elements are there now, then read the theme again.
                if watch(&observer, &watched_doc) && KNOWN.get().is_none() {
                    KNOWN.set(Some(None)); // filled in by `refresh_all`
                }
                refresh_all(&watched_doc);
            },
        );
        if let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) {
            if watch(&observer, &doc) {
                KNOWN.set(Some(theme));
            }
        }
        // The observer lives as long as the page, so its callback must too.
        callback.forget();
    }
}

/// (Re)starts `observer` on the document's current `<html>` and `<body>`: their
/// theme attributes, and the child lists that replacing either of them changes (the
/// document's, for `<html>`; `<html>`'s, for `<body>`). True when all three hold.
fn watch(observer: &MutationObserver, doc: &Document) -> bool {
    // The options as JSON text: one call, where setters and an array would be
    // several imports. The document has no attributes: one text serves it and
    // `<html>`; `<body>`'s children are the page's, not watched.
    let parse = |json: &str| -> MutationObserverInit {
        js_sys::JSON::parse(json)
            .unwrap_or_default()
            .unchecked_into()
    };
    let html =
        parse(r#"{"childList":true,"attributes":true,"attributeFilter":["class","data-theme"]}"#);
    observer.disconnect();
    let mut watched = 0;
    for (node, init) in [
        (Some(Node::from(doc.clone())), &html),
        (doc.document_element().map(Node::from), &html),
        (
            doc.body().map(Node::from),
            &parse(r#"{"attributes":true,"attributeFilter":["class","data-theme"]}"#),
        ),
    ] {
        if let Some(node) = node {
            watched += usize::from(observer.observe_with_options(&node, init).is_ok());
        }
    }
    watched == 3
}
