//! A few imports declared here rather than taken from web-sys: each one replaces
//! several web-sys imports or type checks with one, and every import costs bytes
//! twice (in the wasm and in the JS glue).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Window};

#[wasm_bindgen]
extern "C" {
    /// `globalThis`, read once. `web_sys::window()` finds it by trying four globals
    /// in turn, each an import of its own.
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    static GLOBAL: JsValue;

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

    /// An element that can take focus.
    #[wasm_bindgen(extends = Element)]
    type Focusable;

    #[wasm_bindgen(method, catch, js_name = focus)]
    fn focus(this: &Focusable) -> Result<(), JsValue>;
}

/// Moves focus to `element` (the error summary, a field): any HTML element has
/// `focus()`, so no `HTMLElement` type check is needed.
pub(crate) fn focus(element: &Element) {
    let _ = element.unchecked_ref::<Focusable>().focus();
}

/// The page's window, when the module runs in one (not in a worker).
pub(crate) fn window() -> Option<Window> {
    GLOBAL.with(|g| g.dyn_ref::<Window>().cloned())
}

/// `element` as a form control (unchecked: reading `value` of anything else gives
/// `None`, and writing it only sets a property nobody reads).
pub(crate) fn control(element: &Element) -> &Control {
    element.unchecked_ref()
}
