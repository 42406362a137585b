//! A few imports declared here rather than taken from web-sys: each one replaces
//! several web-sys imports or type checks with one, and every import costs bytes
//! twice (in the wasm and in the JS glue).
// Some helpers serve only the comment form, which a card-only build leaves out.
#![cfg_attr(not(feature = "comments"), allow(dead_code))]

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Window};

#[wasm_bindgen]
extern "C" {
    /// `globalThis`, read once. `web_sys::window()` finds it by trying four globals
    /// in turn, each an import of its own.
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    static GLOBAL: JsValue;

    /// `performance.now()`, in milliseconds: one import, where web-sys goes through
    /// `window.performance` (two, and a check that there is a window).
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    pub(crate) fn performance_now() -> f64;

    /// A form control of the comment form: an `<input>` or a `<textarea>`. Both have
    /// `value`, so one getter and setter serve both (no type checks).
    #[wasm_bindgen(extends = Element)]
    pub(crate) type Control;

    /// The control's text; `None` when the element has no `value` (not a control).
    #[wasm_bindgen(method, getter)]
    pub(crate) fn value(this: &Control) -> Option<String>;

    #[wasm_bindgen(method, setter)]
    pub(crate) fn set_value(this: &Control, value: &str);

    /// Whether a checkbox is ticked; `None` when the element is not a checkbox-like control.
    #[wasm_bindgen(method, getter)]
    pub(crate) fn checked(this: &Control) -> Option<bool>;

    #[wasm_bindgen(method, setter)]
    pub(crate) fn set_checked(this: &Control, checked: bool);

    /// An element, for the calls below: imported without exception handling because
    /// with this crate's arguments they cannot throw (attribute names are constants;
    /// selectors are constants or hold IDs that pass `options::is_id`, checked again
    /// when read back from the DOM).
    /// Each `catch` import costs a wrapper in the glue and a check at every call.
    #[wasm_bindgen(extends = Element)]
    type Plain;

    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute(this: &Plain, name: &str, value: &str);

    #[wasm_bindgen(method, js_name = removeAttribute)]
    fn remove_attribute(this: &Plain, name: &str);

    #[wasm_bindgen(method, js_name = toggleAttribute)]
    fn toggle_attribute(this: &Plain, name: &str, force: bool) -> bool;

    #[wasm_bindgen(method, js_name = querySelector)]
    fn query_selector(this: &Plain, selectors: &str) -> Option<Element>;

    #[wasm_bindgen(method, js_name = closest)]
    fn closest(this: &Plain, selectors: &str) -> Option<Element>;

    #[wasm_bindgen(method, js_name = matches)]
    fn matches(this: &Plain, selectors: &str) -> bool;

    #[wasm_bindgen(method, js_name = querySelectorAll)]
    fn query_selector_all(this: &Plain, selectors: &str) -> web_sys::NodeList;

    #[wasm_bindgen(method, js_name = addEventListener)]
    fn add_event_listener(this: &Plain, kind: &str, listener: &JsValue);

    #[wasm_bindgen(method, js_name = removeEventListener)]
    fn remove_event_listener(this: &Plain, kind: &str, listener: &JsValue);

    #[wasm_bindgen(method, js_name = replaceChildren)]
    fn replace_children(this: &Plain);

    #[wasm_bindgen(method, js_name = appendChild)]
    fn append_child(this: &Plain, child: &Element);

    #[wasm_bindgen(method, js_name = createElement)]
    fn create_element(this: &Plain, name: &str) -> Element;

    #[wasm_bindgen(method, js_name = dispatchEvent)]
    fn dispatch_event(this: &Plain, event: &JsValue) -> bool;

    /// `new CustomEvent(type, init)`.
    #[wasm_bindgen(js_name = CustomEvent)]
    type Custom;

    #[wasm_bindgen(constructor, js_class = "CustomEvent")]
    fn new(kind: &str, init: &JsValue) -> Custom;

    #[wasm_bindgen(method, js_name = focus)]
    fn focus(this: &Plain);

    #[wasm_bindgen(method, js_name = insertAdjacentHTML)]
    fn insert_adjacent_html(this: &Plain, position: &str, html: &str);
}

/// Parses `html` into `element` before its first child. The position is a constant
/// ("afterbegin" never throws: the element's parent is not asked for).
pub(crate) fn insert_html(element: &Element, html: &str) {
    element
        .unchecked_ref::<Plain>()
        .insert_adjacent_html("afterbegin", html);
}

/// Moves focus to `element` (the error summary, a field): any HTML element has
/// `focus()`, so no `HTMLElement` type check is needed.
pub(crate) fn focus(element: &Element) {
    element.unchecked_ref::<Plain>().focus();
}

/// Sets attribute `name` (a constant) on `element`.
pub(crate) fn set_attr(element: &Element, name: &str, value: &str) {
    element.unchecked_ref::<Plain>().set_attribute(name, value);
}

/// Removes attribute `name` (a constant) from `element`.
pub(crate) fn remove_attr(element: &Element, name: &str) {
    element.unchecked_ref::<Plain>().remove_attribute(name);
}

/// Adds (`on`) or removes the empty attribute `name` (a constant).
pub(crate) fn toggle_attr(element: &Element, name: &str, on: bool) {
    element.unchecked_ref::<Plain>().toggle_attribute(name, on);
}

/// The first element inside `node` (an element or a shadow root: both have
/// `querySelector`) matching `selectors` (see [`Plain`]).
pub(crate) fn find(node: &JsValue, selectors: &str) -> Option<Element> {
    node.unchecked_ref::<Plain>().query_selector(selectors)
}

/// `element` or its nearest ancestor matching `selectors` (see [`Plain`]).
pub(crate) fn closest(element: &Element, selectors: &str) -> Option<Element> {
    element.unchecked_ref::<Plain>().closest(selectors)
}

/// Whether `element` matches `selectors` (a constant).
pub(crate) fn matches(element: &Element, selectors: &str) -> bool {
    element.unchecked_ref::<Plain>().matches(selectors)
}

/// Every element inside `node` (a document or element) matching `selectors`.
pub(crate) fn find_all(node: &JsValue, selectors: &str) -> web_sys::NodeList {
    node.unchecked_ref::<Plain>().query_selector_all(selectors)
}

/// Adds `listener` (a function) for events of `kind` on `target` (an element or a
/// shadow root).
pub(crate) fn listen(target: &JsValue, kind: &str, listener: &JsValue) {
    target
        .unchecked_ref::<Plain>()
        .add_event_listener(kind, listener);
}

/// Removes `listener` for events of `kind` from `target` (see [`listen`]).
pub(crate) fn unlisten(target: &JsValue, kind: &str, listener: &JsValue) {
    target
        .unchecked_ref::<Plain>()
        .remove_event_listener(kind, listener);
}

/// Removes every child of `node` (an element or a shadow root), with no HTML sink.
pub(crate) fn clear(node: &JsValue) {
    node.unchecked_ref::<Plain>().replace_children();
}

/// A new `<name>` element (a constant name) made by `doc`.
pub(crate) fn create(doc: &JsValue, name: &str) -> Element {
    doc.unchecked_ref::<Plain>().create_element(name)
}

/// Appends `child` (an element this crate made) to `parent`.
pub(crate) fn append(parent: &Element, child: &Element) {
    parent.unchecked_ref::<Plain>().append_child(child);
}

/// Dispatches a `CustomEvent` of `kind` with `init` (its dictionary) on `target`;
/// false when a listener cancelled it.
pub(crate) fn dispatch(target: &Element, kind: &str, init: &JsValue) -> bool {
    let event = Custom::new(kind, init);
    target.unchecked_ref::<Plain>().dispatch_event(&event)
}

/// The global object as a `Window`, unchecked (no `instanceof` import): what this
/// crate asks of it (`localStorage`, `sessionStorage`, `fetch`) is either caught
/// or present on a worker's global too, and cards only mount where there is a DOM.
pub(crate) fn window() -> Window {
    GLOBAL.with(|g| g.clone().unchecked_into())
}

/// The shadow root `element` is in, unchecked (no `instanceof` import): it is asked
/// only for elements that an event brought to a listener on a card's shadow root,
/// which are inside that root.
pub(crate) fn root_of(element: &Element) -> web_sys::ShadowRoot {
    element.get_root_node().unchecked_into()
}

/// `element` as a form control (unchecked: reading `value` of anything else gives
/// `None`, and writing it only sets a property nobody reads).
pub(crate) fn as_control(element: &Element) -> &Control {
    element.unchecked_ref()
}
