//! JSON text from serde types: serde_json natively; in the browser serde-wasm-bindgen
//! and `JSON.stringify`, so no JSON writer ships in the wasm.

use serde::Serialize;

/// `value` as JSON text (empty if it cannot be written, which the types this crate
/// serializes never cause: they hold strings and finite numbers).
#[cfg(not(target_arch = "wasm32"))]
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// `value` as JSON text (empty if it cannot be written, which the types this crate
/// serializes never cause: they hold strings and finite numbers).
#[cfg(target_arch = "wasm32")]
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_wasm_bindgen::to_value(value)
        .ok()
        .and_then(|v| js_sys::JSON::stringify(&v).ok())
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}
