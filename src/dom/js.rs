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

    /// `insertAdjacentHTML` with a string or a `TrustedHTML`: it throws where Trusted
    /// Types are enforced and a string is given, so the exception is caught (an
    /// exception unwinding through the wasm would leak its stack frame and heap).
    #[wasm_bindgen(method, catch, js_name = insertAdjacentHTML)]
    fn insert_adjacent_html(this: &Plain, position: &str, html: &JsValue) -> Result<(), JsValue>;

    /// The `innerHTML` setter (elements and shadow roots), with a string or a
    /// `TrustedHTML`; caught for the same reason.
    #[wasm_bindgen(method, catch, setter = innerHTML)]
    fn set_inner_html(this: &Plain, html: &JsValue) -> Result<(), JsValue>;

    /// `Element.prototype.closest.call(value, selectors)`: throws unless `value` is an
    /// element (of any window: the brand check is not an `instanceof`), so it checks
    /// what a caller passed as an element, and answers `closest` when it is one.
    #[wasm_bindgen(catch, js_namespace = ["Element", "prototype", "closest"], js_name = call)]
    fn element_closest(value: &JsValue, selectors: &str) -> Result<Option<Element>, JsValue>;

    /// `JSON.stringify(value)`; `None` when it gives `undefined`. Imported here because
    /// js-sys's (`Result<JsString, _>`) leaks one externref table slot each time it
    /// throws (measured: 5,000 throwing `toJSON`s grew the table by 8,192 slots): the
    /// glue stores the import's `undefined` result before the exception is seen.
    /// An `Option` result crosses as an index, 0 for nothing, so nothing is stored.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = stringify)]
    pub(crate) fn stringify(value: &JsValue) -> Result<Option<js_sys::JsString>, JsValue>;

    /// `attachShadow(init)`, as an `Option` for the same reason as [`stringify`]
    /// (web-sys's leaks a slot each time an element refuses a shadow root).
    #[wasm_bindgen(method, catch, js_name = attachShadow)]
    fn attach_shadow(this: &Plain, init: &JsValue) -> Result<Option<web_sys::ShadowRoot>, JsValue>;

    /// Any JS value but `undefined` and `null`, as an imported type: an `Option` of
    /// it crosses as an index (0 for nothing), where `Option<JsValue>` asks JS again
    /// whether the value is `undefined` or `null` (two crossings more).
    pub(crate) type Present;

    /// `Reflect.get(target, key)`, `None` for `undefined` or `null`; an `Option` for
    /// the same reason as [`stringify`] (js-sys's leaks a slot when a getter throws).
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    pub(crate) fn get(target: &JsValue, key: &JsValue) -> Result<Option<Present>, JsValue>;

    /// `URL.parse(reference, base)`: `None` where `new URL` would throw (and leak an
    /// externref slot each time, as [`stringify`] says). `Err` in engines without it.
    #[wasm_bindgen(catch, js_namespace = URL, js_name = parse)]
    fn url_parse(reference: &str, base: &str) -> Result<Option<web_sys::Url>, JsValue>;

    /// The page's `trustedTypes` (`None` in engines without Trusted Types).
    type Factory;

    #[wasm_bindgen(thread_local_v2, js_name = trustedTypes)]
    static FACTORY: Option<Factory>;

    /// `String`: the identity on strings, as the policy's `createHTML`.
    #[wasm_bindgen(thread_local_v2, js_name = String)]
    static STRING: JsValue;

    /// `createPolicy(name, rules)`; it throws where the page does not allow the
    /// name. An `Option` for the same reason as [`stringify`].
    #[wasm_bindgen(method, catch, js_name = createPolicy)]
    fn create_policy(
        this: &Factory,
        name: &str,
        rules: &JsValue,
    ) -> Result<Option<Policy>, JsValue>;

    /// The card's Trusted Types policy.
    type Policy;

    #[wasm_bindgen(method, js_name = createHTML)]
    fn create_html(this: &Policy, html: &str) -> JsValue;
}

/// `reference` parsed against `base` by the platform's URL parser (as the browser
/// resolves links; a parser in the wasm would cost bytes), or `None` when it
/// refuses them.
pub(crate) fn parse_url(reference: &str, base: &str) -> Option<web_sys::Url> {
    match url_parse(reference, base) {
        Ok(url) => url,
        // Older engines (Safari before 18): `new URL`, which leaks a slot only where
        // it throws, for a `baseUrl` that the allow-list passed but the parser refuses.
        Err(_) => web_sys::Url::new_with_base(reference, base).ok(),
    }
}

thread_local! {
    /// `Ok(Some(policy))` where Trusted Types exist and the page allows the card's
    /// policy, `Ok(None)` where the engine has no Trusted Types (strings are fine
    /// there), `Err` where the page refused the policy.
    static POLICY: Result<Option<Policy>, JsValue> = FACTORY.with(|factory| {
        let Some(factory) = factory else { return Ok(None) };
        // `createHTML` is `String`, the identity: every piece of markup this crate
        // writes is built by the renderer, which escapes all text through one
        // function, so the policy has nothing to sanitize (Lit's reasoning). A
        // platform function: one made from source text would need 'unsafe-eval'.
        let rules = js_sys::Object::new();
        STRING.with(|f| js_sys::Reflect::set(&rules, &JsValue::from_str("createHTML"), f))?;
        factory.create_policy("review-card", &rules)
    });
}

/// The error where the page enforces Trusted Types and refused the card's policy
/// (the loader recognises it by its first words).
pub(crate) const TRUSTED_TYPES_REFUSED: &str =
    "Trusted Types: the page's Content-Security-Policy must allow the policy \"review-card\": add trusted-types review-card";

/// `html` as what an HTML sink takes: a `TrustedHTML` from the card's policy where
/// there is one, else the string.
fn trusted(html: &str) -> JsValue {
    POLICY.with(|p| match p {
        Ok(Some(policy)) => policy.create_html(html),
        _ => JsValue::from_str(html),
    })
}

/// Replaces the content of `node` (an element or a shadow root) with `html`, markup
/// built by this crate's renderer. `Err` where Trusted Types are enforced and the
/// page refused the policy.
pub(crate) fn set_html(node: &JsValue, html: &str) -> Result<(), JsValue> {
    node.unchecked_ref::<Plain>().set_inner_html(&trusted(html))
}

/// Attaches an open shadow root to `element` (`init` is `{mode: "open"}`); `None`
/// when the element cannot have one.
pub(crate) fn attach_shadow(element: &Element, init: &JsValue) -> Option<web_sys::ShadowRoot> {
    element
        .unchecked_ref::<Plain>()
        .attach_shadow(init)
        .ok()
        .flatten()
}

/// `value` as an element (of this window or another), or `None`; with its
/// context's language (the nearest `lang` attribute at or above it).
pub(crate) fn as_element(value: &JsValue) -> Option<(&Element, Option<Element>)> {
    let lang = element_closest(value, "[lang]").ok()?;
    Some((value.unchecked_ref(), lang))
}

/// Parses `html` into `element` at `position`, a constant: "afterbegin" or
/// "beforeend" (inside the element, so its parent is never asked for, and it never
/// throws but where Trusted Types refuse it, as [`set_html`] says).
pub(crate) fn insert_html(element: &Element, position: &str, html: &str) -> Result<(), JsValue> {
    element
        .unchecked_ref::<Plain>()
        .insert_adjacent_html(position, &trusted(html))
}

/// `target[key] = value`, on an object this crate made (so it cannot throw): the
/// JS values the form builds (request bodies, the event's detail, remembered
/// details, `validateComment`'s answer).
/// By reference: a value converted `into()` a `JsValue` would be cloned, one
/// crossing more each time (and `validateComment` runs on every keystroke).
pub(crate) fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

/// Writes the `.status` line in `container` (the form, the thread): `text`, a retry
/// button when `retry` (its label) is given, and `data-kind` (`error`, `ok`) or none.
pub(crate) fn set_status(container: &Element, text: &str, kind: Option<&str>, retry: Option<&str>) {
    let Some(status) = find(container, ".status") else {
        return;
    };
    let _ = set_html(&status, &crate::render::render_status(text, retry));
    match kind {
        Some(k) => set_attr(&status, "data-kind", k),
        None => remove_attr(&status, "data-kind"),
    }
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
