//! The conversation under the card: a post's approved comments from WordPress's
//! public REST route, threaded, paginated and allow-listed, in the pure core.
//!
//! Data flows one way: WordPress's JSON → [`wordpress::WpComment`] (serde) →
//! [`model::Thread`] (checked, sanitized by [`sanitize`], threaded) →
//! [`render`] markup → DOM (`dom::thread`).

pub mod model;
pub mod render;
pub mod sanitize;
pub mod wordpress;

/// Comments per page, as WordPress pages them by default (`comments_per_page`).
pub const PAGE_SIZE: u32 = 20;
