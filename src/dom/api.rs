//! The JS API (the npm package's surface). Errors cross as JS `Error`s carrying the
//! core's precise message.

use js_sys::JsString;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::error::ReviewError;
use crate::options::{parse_options, Settings};
use crate::parse::parse_review;
use crate::render::render_document;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** What is reviewed. */
export type ReviewKind = "film" | "book" | "album" | "game" | "show" | "product" | "other";

/** A score: a number out of 10, or a value with its range. */
export type ReviewScore = number | { value: number; max?: number; min?: number };

/** A review in the v1 data format (see review.schema.json in this package). */
export interface Review {
  /** Required, non-empty. */
  title: string;
  kind?: ReviewKind;
  /** The full review: http, https or relative. */
  url?: string;
  score?: ReviewScore;
  /** Shown on the card; derived from `body` when absent. */
  excerpt?: string;
  /** Full text; paragraphs separated by blank lines. */
  body?: string;
  credits?: { role: string; name: string }[];
  author?: string | { name: string; url?: string; bio?: string };
  /** ISO 8601 date, e.g. "2012-11-16". */
  published?: string;
  /** Language tag, e.g. "en" or "fr-FR". */
  lang?: string;
}

/** A schema.org Review (JSON-LD), also accepted as input. */
export interface SchemaOrgReview {
  "@type": "Review";
  "@context"?: string;
  [key: string]: unknown;
}

/** Settings of the comment form. */
export interface CommentOptions {
  /** Where to post; without it only the `review-card:comment` event is dispatched. */
  endpoint?: string;
  /** "wordpress": REST API JSON (default); "form": like wp-comments-post.php. */
  mode?: "wordpress" | "form";
  /** The WordPress post ID. */
  postId?: number | string;
  /** Minimum time before a comment may be sent, in ms (default 3000). */
  minFillMs?: number;
  /** How long a post may take, in ms (default 20000). */
  timeoutMs?: number;
}

/** Options of `mount` and `renderToString`. */
export interface ReviewCardOptions {
  /** "en" or "fr"; otherwise the data's lang, then the page's. */
  lang?: string;
  theme?: "light" | "dark" | "auto";
  /** Level of the card's heading, 2 to 6 (default 2). */
  headingLevel?: number | string;
  /** Show the comment form. */
  comments?: boolean | CommentOptions;
  /** Emit schema.org JSON-LD next to the card (default true). */
  jsonLd?: boolean;
  /** Prefix for element IDs (renderToString; default "rc"). */
  idPrefix?: string;
}

/** The fields of the comment form. */
export interface CommentFields {
  author?: string;
  email?: string;
  url?: string;
  comment?: string;
}

export type CommentField = "comment" | "author" | "email" | "url";
export type CommentErrorCode = "required" | "too_long" | "invalid_email" | "invalid_url" | "invalid_chars";

/** The result of `validateComment`. */
export interface CommentValidation {
  valid: boolean;
  errors: { field: CommentField; code: CommentErrorCode; message: string }[];
  /** What would be sent: trimmed, CRLF normalised, "https://" completed. */
  values: Required<CommentFields>;
}

/** Detail of the cancelable `review-card:comment` event. */
export interface CommentEventDetail extends Required<CommentFields> {
  reviewUrl: string | null;
  /** Set when a spam check stopped the comment (then nothing is sent). */
  spam: null | "honeypot" | "too_fast";
}
"#;

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
pub fn mount(
    element: &Element,
    #[wasm_bindgen(unchecked_param_type = "Review | SchemaOrgReview | string")] review: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReviewCardOptions | undefined")] options: &JsValue,
) -> Result<(), JsError> {
    let review =
        parse_review(&json_text(review, "review").map_err(to_js_error)?).map_err(to_js_error)?;
    let mut settings = options_of(options).map_err(to_js_error)?;
    if settings.document_lang.is_none() {
        settings.document_lang = super::mount::context_lang(element);
    }
    settings.lazy_body = true;
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
pub fn render_to_string(
    #[wasm_bindgen(unchecked_param_type = "Review | SchemaOrgReview | string")] review: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReviewCardOptions | undefined")] options: &JsValue,
) -> Result<String, JsError> {
    let review =
        parse_review(&json_text(review, "review").map_err(to_js_error)?).map_err(to_js_error)?;
    let settings = options_of(options).map_err(to_js_error)?;
    Ok(render_document(&review, &settings))
}

/// Validates comment fields `{ author, email, url, comment }` with WordPress's rules.
/// Returns `{ valid, errors: [{ field, code, message }], values }`, where `values`
/// are what would be sent (trimmed, CRLF normalised, `https://` completed).
/// `lang` picks the messages' language (English by default).
#[wasm_bindgen(js_name = validateComment, unchecked_return_type = "CommentValidation")]
pub fn validate_comment(
    #[wasm_bindgen(unchecked_param_type = "CommentFields")] fields: &JsValue,
    lang: Option<String>,
) -> Result<JsValue, JsError> {
    let text = json_text(fields, "fields").map_err(to_js_error)?;
    let input = crate::comment::input_from_json(&text).map_err(to_js_error)?;
    let locale = lang
        .as_deref()
        .and_then(crate::i18n::Locale::from_tag)
        .unwrap_or_default();
    let result = crate::comment::validate(&input, locale).to_json();
    js_sys::JSON::parse(&result).map_err(|_| JsError::new("validateComment: internal JSON error"))
}
