//! The cover image: the film poster, book cover, album art or product photo shown
//! beside the title. Its `src` passed the one URL allow-list; its size is always
//! written into the markup so the space is reserved before it loads.

use crate::escape::push_escaped;
use crate::model::Kind;

/// A validated cover image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// The image's address; passed the URL allow-list.
    pub src: String,
    /// The text alternative; empty for a decorative image (the title beside it
    /// already names what it shows).
    pub alt: String,
    /// The intrinsic width and height in CSS pixels, when given; they set the
    /// aspect ratio reserved before the image loads.
    pub size: Option<(u32, u32)>,
}

/// The largest width or height accepted, in pixels.
pub const MAX_SIDE: u32 = 10_000;

/// The aspect ratio reserved when the data gives no size: the usual shape of the
/// kind's cover (posters and book covers 2:3, game boxes 3:4, album art and the
/// rest square). `object-fit: cover` fills it whatever the real shape.
pub fn default_size(kind: Kind) -> (u32, u32) {
    match kind {
        Kind::Film | Kind::Show | Kind::Book => (200, 300),
        Kind::Game => (225, 300),
        Kind::Album | Kind::Product | Kind::Other => (300, 300),
    }
}

/// Writes the image's frame: `<div class="image" part="image"><img …></div>`, with
/// `loading="lazy"`, `decoding="async"` and `width`/`height` (the aspect ratio the
/// browser reserves). The frame shows a placeholder until the image paints, and a
/// clearer one when the DOM layer marks it `data-failed`.
pub fn push_image(out: &mut String, image: &Image, kind: Kind) {
    let (w, h) = image.size.unwrap_or_else(|| default_size(kind));
    out.push_str("<div class=\"image\" part=\"image\"><img src=\"");
    push_escaped(out, &image.src);
    out.push_str("\" alt=\"");
    push_escaped(out, &image.alt);
    out.push_str("\" width=\"");
    crate::number::push_u64(out, u64::from(w));
    out.push_str("\" height=\"");
    crate::number::push_u64(out, u64::from(h));
    out.push_str("\" loading=\"lazy\" decoding=\"async\"></div>");
}
