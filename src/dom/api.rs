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
/// one call across the boundary (`JSON.stringify`), not one per field. Returns the
/// JS string (the value itself when it is one), which the DOM layer keeps without
/// copying it back out of the wasm; [`text_of`] reads it.
pub(crate) fn json_text(value: &JsValue, what: &str) -> Result<JsValue, ReviewError> {
    json_of(value, what)?.ok_or_else(|| ReviewError::new(what, "is required"))
}

/// [`json_text`], with `None` for `undefined` and `null`. Objects, the common case,
/// are asked about first: three crossings (is it an object, stringify, read).
fn json_of(value: &JsValue, what: &str) -> Result<Option<JsValue>, ReviewError> {
    if !value.is_object() {
        if value.is_string() {
            return Ok(Some(value.clone()));
        }
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        // A number, a boolean, a function…: nothing `JSON.stringify` could make an
        // object of (nor, for a function, any text at all).
        return Err(ReviewError::new(what, "expected an object"));
    }
    js_sys::JSON::stringify(value)
        .map(|s: JsString| Some(s.into()))
        .map_err(|_| ReviewError::new(what, "could not be converted to JSON"))
}

/// The text of `json`, a JS string from [`json_text`] (empty, so that parsing
/// fails, if an object's `toJSON` gave `undefined`).
fn text_of(json: &JsValue) -> String {
    json.as_string().unwrap_or_default()
}

fn options_of(options: &JsValue) -> Result<Settings, ReviewError> {
    match json_of(options, "options")? {
        None => Ok(Settings::new()),
        Some(json) => parse_options(&text_of(&json)),
    }
}

pub(crate) fn to_js_error(e: ReviewError) -> JsError {
    JsError::new(&e.text())
}

/// Renders `review` (an object or a JSON string) into `element`'s shadow root.
/// Mounting again into the same element replaces the card and keeps what the reader
/// typed in the comment form. An element holding a card from `renderToString` (or
/// the CLI) is taken over in place on the first `mount`, which then needs no
/// `review` (the markup is already there; a given `review` is assumed to be the one
/// rendered).
///
/// `options`: `{ lang, theme: "light" | "dark" | "auto", headingLevel, comments }`.
#[wasm_bindgen]
pub fn mount(
    element: &Element,
    #[wasm_bindgen(unchecked_param_type = "Review | SchemaOrgReview | string | undefined")]
    review: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReviewCardOptions | undefined")] options: &JsValue,
) -> Result<(), JsError> {
    let cannot_hold = |_| {
        to_js_error(ReviewError::new(
            "element",
            "cannot hold a shadow root; mount into a <div>, a <section> or a <review-card>",
        ))
    };
    let existing = element.shadow_root();
    if let Some(root) = &existing {
        if super::mount::is_pre_rendered(element, root) {
            return super::mount::take_over(element, root.clone()).map_err(cannot_hold);
        }
        if (review.is_undefined() || review.is_null())
            && element.has_attribute("data-rendered")
            && super::mount::is_taken_over(root)
        {
            return Ok(()); // taken over already: nothing to render it from
        }
    }
    let source = json_text(review, "review").map_err(to_js_error)?;
    let review = parse_review(&text_of(&source)).map_err(to_js_error)?;
    let mut settings = options_of(options).map_err(to_js_error)?;
    if settings.document_lang.is_none() {
        settings.document_lang = super::mount::context_lang(element);
    }
    settings.lazy_body = true;
    super::mount::mount_card(element, existing, &review, &settings, &source)
        .map(|_| ())
        .map_err(cannot_hold)
}

/// Removes the card `mount` rendered into `element`, with its listeners, its theme
/// observation and its JSON-LD; the element's own content (the fallback) shows
/// again. What the reader typed is kept for the next `mount` into the element.
/// Calling it on an element without a card does nothing.
#[wasm_bindgen]
pub fn unmount(element: &Element) {
    super::mount::unmount_card(element);
}

/// Renders `review` to an HTML string: a `<review-card>` element with a declarative
/// shadow root holding the styles and the same markup `mount` produces.
#[wasm_bindgen(js_name = renderToString)]
pub fn render_to_string(
    #[wasm_bindgen(unchecked_param_type = "Review | SchemaOrgReview | string")] review: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReviewCardOptions | undefined")] options: &JsValue,
) -> Result<String, JsError> {
    let json = json_text(review, "review").map_err(to_js_error)?;
    let review = parse_review(&text_of(&json)).map_err(to_js_error)?;
    let mut settings = options_of(options).map_err(to_js_error)?;
    // Complete without JavaScript: the whole body shown, no control that needs a
    // script (the embed script or `mount` takes the card over in place).
    settings.static_markup = true;
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
    use crate::comment::{validate, CommentInput, Field};
    use crate::json::push_json_string;
    use js_sys::{Object, Reflect};
    // Fields are read one by one rather than through JSON.stringify + parse: this runs
    // on every keystroke with up to 65 kB of text.
    if !fields.is_object() {
        return Err(JsError::new("fields: expected an object"));
    }
    let mut input = CommentInput::default();
    // The caller's strings, kept to be handed back unchanged (see `values` below).
    let mut given: [Option<JsValue>; 4] = Default::default();
    for (i, field) in Field::ALL.into_iter().enumerate() {
        let v =
            Reflect::get(fields, &JsValue::from_str(field.name())).unwrap_or(JsValue::UNDEFINED);
        let text = match v.as_string() {
            Some(text) => {
                given[i] = Some(v);
                text
            }
            None if v.is_undefined() || v.is_null() => String::new(),
            None => {
                return Err(JsError::new(
                    &["fields.", field.name(), ": expected a string"].concat(),
                ))
            }
        };
        *input.get_mut(field) = text;
    }
    let locale = lang
        .as_deref()
        .and_then(crate::i18n::Locale::from_tag)
        .unwrap_or_default();
    let result = validate(&input, locale);
    // `valid` and `errors` (short texts) as one JSON text, parsed in one call.
    let mut json = String::from(if result.is_valid() {
        "{\"valid\":true,\"errors\":["
    } else {
        "{\"valid\":false,\"errors\":["
    });
    for (i, e) in result.errors.iter().enumerate() {
        json.push_str(if i == 0 {
            "{\"field\":\""
        } else {
            ",{\"field\":\""
        });
        json.push_str(e.field.name());
        json.push_str("\",\"code\":\"");
        json.push_str(e.code.name());
        json.push_str("\",\"message\":");
        push_json_string(&mut json, &e.message);
        json.push('}');
    }
    json.push_str("]}");
    let out = js_sys::JSON::parse(&json).map_err(|_| JsError::new("validateComment"))?;
    // `values` hand back the caller's own strings where validation left them as they
    // were (the usual case): a 65 kB comment is not copied back out of the wasm.
    let values = Object::new();
    for (i, field) in Field::ALL.into_iter().enumerate() {
        let value = result.values.get(field);
        let v = match &given[i] {
            Some(v) if value == input.get(field) => v.clone(),
            _ => JsValue::from_str(value),
        };
        let _ = Reflect::set(&values, &JsValue::from_str(field.name()), &v);
    }
    let _ = Reflect::set(&out, &JsValue::from_str("values"), &values);
    Ok(out)
}
