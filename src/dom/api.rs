//! The JS API (the npm package's surface). Errors cross as JS `Error`s carrying the
//! core's precise message.

use js_sys::JsString;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::error::ReviewError;
use crate::options::{parse_options, Settings};
use crate::parse::parse_review;
use crate::render::render_document;

/// Turns a JS value that is either JSON text or a plain object into JSON text, with
/// one call across the boundary (`JSON.stringify`), not one per field.
pub(crate) fn json_text(value: &JsValue, what: &str) -> Result<String, ReviewError> {
    if let Some(s) = value.as_string() {
        return Ok(s);
    }
    if value.is_undefined() || value.is_null() {
        return Err(ReviewError::new(what, "is required"));
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s: JsString| s.as_string())
        .ok_or_else(|| ReviewError::new(what, "could not be converted to JSON"))
}

fn options_of(options: &JsValue) -> Result<Settings, ReviewError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Settings::new());
    }
    parse_options(&json_text(options, "options")?)
}

pub(crate) fn to_js_error(e: ReviewError) -> JsError {
    JsError::new(&e.to_string())
}

/// Renders `review` (an object or a JSON string) into `element`'s shadow root.
/// Mounting again into the same element replaces the card.
///
/// `options`: `{ lang, theme: "light" | "dark" | "auto", headingLevel, comments }`.
#[wasm_bindgen]
pub fn mount(element: &Element, review: &JsValue, options: &JsValue) -> Result<(), JsError> {
    let review =
        parse_review(&json_text(review, "review").map_err(to_js_error)?).map_err(to_js_error)?;
    let mut settings = options_of(options).map_err(to_js_error)?;
    if settings.document_lang.is_none() {
        settings.document_lang = super::mount::context_lang(element);
    }
    super::mount::mount_card(element, &review, &settings)
        .map(|_| ())
        .map_err(|_| {
            to_js_error(ReviewError::new(
                "element",
                "cannot hold a shadow root; mount into a <div>, a <section> or a <review-card>",
            ))
        })
}

/// Renders `review` to an HTML string: a `<review-card>` element with a declarative
/// shadow root holding the styles and the same markup `mount` produces.
#[wasm_bindgen(js_name = renderToString)]
pub fn render_to_string(review: &JsValue, options: &JsValue) -> Result<String, JsError> {
    let review =
        parse_review(&json_text(review, "review").map_err(to_js_error)?).map_err(to_js_error)?;
    let settings = options_of(options).map_err(to_js_error)?;
    Ok(render_document(&review, &settings))
}

/// Validates comment fields `{ author, email, url, comment }` with WordPress's rules.
/// Returns `{ valid, errors: [{ field, code, message }], values }`, where `values`
/// are what would be sent (trimmed, CRLF normalised, `https://` completed).
/// `lang` picks the messages' language (English by default).
#[wasm_bindgen(js_name = validateComment)]
pub fn validate_comment(fields: &JsValue, lang: Option<String>) -> Result<JsValue, JsError> {
    let text = json_text(fields, "fields").map_err(to_js_error)?;
    let input = crate::comment::input_from_json(&text).map_err(to_js_error)?;
    let locale = lang
        .as_deref()
        .and_then(crate::i18n::Locale::from_tag)
        .unwrap_or_default();
    let result = crate::comment::validate(&input, locale).to_json();
    js_sys::JSON::parse(&result).map_err(|_| JsError::new("validateComment: internal JSON error"))
}
