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
}

/// What the host page says about its theme: `Some(true)` dark, `Some(false)` light.
fn host_theme(doc: &Document) -> Option<bool> {
    let els: [Option<Element>; 2] = [doc.body().map(Into::into), doc.document_element()];
    for el in els.into_iter().flatten() {
        if let Some(t) = el.get_attribute("data-theme") {
            match t.as_str() {
                "dark" => return Some(true),
                "light" => return Some(false),
                _ => {}
            }
        }
        let classes = el.class_list();
        if classes.contains("dark") {
            return Some(true);
        }
        if classes.contains("light") {
            return Some(false);
        }
    }
    None
}

fn apply(host: &Element, theme: Option<bool>) {
    let _ = host.toggle_attribute_with_force("data-host-dark", theme == Some(true));
    let _ = host.toggle_attribute_with_force("data-host-light", theme == Some(false));
}

fn refresh_all() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let theme = host_theme(&doc);
    if let Ok(hosts) = doc.query_selector_all(&["[", AUTO, "]"].concat()) {
        for i in 0..hosts.length() {
            if let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                apply(&host, theme);
            }
        }
    }
}

/// Sets up a host for `auto` (or clears it for a fixed theme).
pub(crate) fn follow_host(host: &Element, auto: bool) {
    let _ = host.toggle_attribute_with_force(AUTO, auto);
    let Some(doc) = host.owner_document() else {
        return;
    };
    apply(host, if auto { host_theme(&doc) } else { None });
    if auto && !WATCHING.with(Cell::get) {
        WATCHING.with(|w| w.set(true));
        let callback = Closure::<dyn Fn()>::new(refresh_all);
        if let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) {
            let init = MutationObserverInit::new();
            init.set_attributes(true);
            init.set_attribute_filter(&js_sys::Array::of2(&"class".into(), &"data-theme".into()));
            let els: [Option<Element>; 2] = [doc.document_element(), doc.body().map(Into::into)];
            for el in els.into_iter().flatten() {
                let _ = observer.observe_with_options(&el, &init);
            }
        }
        // The observer lives as long as the page, so its callback must too.
        callback.forget();
    }
}
