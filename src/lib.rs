//! # review-card
//!
//! Renders an accessible review card (score badge, excerpt, byline, "read more") and
//! a WordPress-compatible comment form from JSON, into any web page.
//!
//! The crate has two layers. The pure core ([`parse`], [`excerpt`], [`render`],
//! [`comment`], [`i18n`], …) uses no web APIs and is tested natively. The DOM layer
//! (`dom`, only on `wasm32`) mounts the markup into a shadow root and wires events.
//!
//! Data flows one way: JSON → [`parse::parse_review`] → [`model::Review`] →
//! [`render::render_card`] → DOM.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The allocator: Talc instead of std's dlmalloc, for size (BENCHMARKS.md).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod comment;
pub mod email;
pub mod entities;
pub mod error;
pub mod escape;
pub mod excerpt;
pub mod form;
pub mod grapheme;
pub mod i18n;
pub mod image;
pub mod input;
pub mod json_text;
pub mod jsonld;
pub mod model;
pub mod number;
pub mod options;
pub mod parse;
pub mod render;
pub mod submission;
pub mod substring;
pub mod thread;
pub mod url;

#[cfg(target_arch = "wasm32")]
mod dom;

pub use error::ReviewError;
pub use model::Review;
#[cfg(not(target_arch = "wasm32"))]
pub use options::parse_options;
pub use options::Settings;
#[cfg(not(target_arch = "wasm32"))]
pub use parse::parse_review;
pub use render::{render_card, render_document};

#[cfg(all(target_arch = "wasm32", feature = "api"))]
pub use dom::api::render_to_string;
#[cfg(all(target_arch = "wasm32", feature = "api", feature = "comments"))]
pub use dom::api::validate_comment;
#[cfg(target_arch = "wasm32")]
pub use dom::api::{mount, unmount};
