//! The thin DOM layer (wasm32 only): JS exports, mounting into a shadow root, and
//! event handling. All decisions about content live in the pure core.

pub mod api;
#[cfg(feature = "comments")]
mod form;
mod js;
mod mount;
#[cfg(feature = "comments")]
mod storage;
mod theme;
#[cfg(feature = "comments")]
mod thread;

/// Debug builds (`make demo DEBUG=1`): a panic prints its message and where it
/// happened to the console, instead of only trapping.
#[cfg(feature = "debug")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}
