//! The thin DOM layer (wasm32 only): JS exports, mounting into a shadow root, and
//! event handling. All decisions about content live in the pure core.

pub mod api;
mod form;
mod js;
mod mount;
mod storage;
mod theme;
