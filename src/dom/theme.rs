//! The `auto` theme follows the host page: `prefers-color-scheme` (in CSS), and a
//! `dark`/`light` class or `data-theme="dark"|"light"` on `<html>` or `<body>`,
//! watched by one shared MutationObserver.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, MutationObserver, MutationObserverInit};

/// Marks hosts whose theme is `auto`, so the observer can find them.
const AUTO: &str = "data-review-card-auto";

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
    super::js::toggle_attr(host, "data-host-dark", theme == Some(true));
    super::js::toggle_attr(host, "data-host-light", theme == Some(false));
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
        let callback = Closure::<dyn Fn()>::new(move || refresh_all(&watched_doc));
        if let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) {
            // The options as one JSON text: one call, where two setters and an
            // array would be three imports.
            let init: MutationObserverInit = js_sys::JSON::parse(
                r#"{"attributes":true,"attributeFilter":["class","data-theme"]}"#,
            )
            .unwrap_or_default()
            .unchecked_into();
            let mut watched = 0;
            for el in [doc.document_element(), doc.body().map(Element::from)] {
                let Some(el) = el else { continue };
                watched += usize::from(observer.observe_with_options(&el, &init).is_ok());
            }
            if watched == 2 {
                KNOWN.set(Some(theme));
            }
        }
        // The observer lives as long as the page, so its callback must too.
        callback.forget();
    }
}
