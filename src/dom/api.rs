//! The JS API (the npm package's surface). Errors cross as JS `Error`s carrying the
//! core's precise message.

use js_sys::JsString;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::mount::MountError;
use crate::error::ReviewError;
use crate::input::{OptionsInput, ReviewInput};
use crate::model::Review;
use crate::options::{settings_from_input, Settings};
use crate::parse::{not_an_object, position, review_from_input, too_large, MAX_REVIEW_BYTES};

/// The TypeScript declarations of the data format and the API's values, added to
/// the generated `.d.ts`. Checked against the serde types by `tests/schema.rs`.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("../../schema/types.d.ts");

/// Reads `value` (a plain object, or JSON text, which the browser parses) as a
/// review. Returns the review and the object it was read from, which a card keeps
/// to fill its body in on first "Read more" (read again then, never copied to text).
pub(crate) fn review_of(value: &JsValue) -> Result<(Review, JsValue), ReviewError> {
    let object = object_of(value, "review", true)?
        .ok_or_else(|| ReviewError::new("review", "is required"))?;
    let input: ReviewInput = serde_wasm_bindgen::from_value(object.clone())
        .map_err(|_| ReviewError::new("review", "could not be read"))?;
    Ok((review_from_input(&input)?, object))
}

/// `value` as an object to read fields from: JSON text is parsed by `JSON.parse`;
/// `None` for `undefined` and `null`. `review` chooses the review's messages
/// (whose JSON refusals name no path, like the native parser's).
fn object_of(value: &JsValue, what: &str, review: bool) -> Result<Option<JsValue>, ReviewError> {
    let parsed;
    let value = match value.dyn_ref::<JsString>() {
        Some(text) => {
            // UTF-8 takes at most 3 bytes per UTF-16 unit: only a long text is measured.
            if review && text.length() as usize > MAX_REVIEW_BYTES / 3 {
                let bytes = String::from(text).len();
                if bytes > MAX_REVIEW_BYTES {
                    return Err(too_large(bytes));
                }
            }
            parsed = json_parse(text)
                .map(|v| v.map_or(JsValue::NULL, JsValue::from))
                .map_err(|e| {
                    if review {
                        syntax_error(&e, text.length())
                    } else {
                        ReviewError::new(what, "expected an object")
                    }
                })?;
            if review && !is_plain_object(&parsed) {
                return Err(not_an_object(js_type(&parsed)));
            }
            &parsed
        }
        None => value,
    };
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !is_plain_object(value) {
        return Err(ReviewError::new(what, "expected an object"));
    }
    // Its own properties in an object without a prototype: serde-wasm-bindgen reads
    // a struct's fields as `object[key]`, which would find a host page's
    // `Object.prototype.comments = true`. (Nested values are read with
    // `Object.entries`, own properties only.)
    let own: js_sys::Object = js_sys::Object::create(JsValue::NULL.unchecked_ref());
    Ok(Some(
        js_sys::Object::assign(&own, value.unchecked_ref()).into(),
    ))
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on the JS string itself (js-sys's takes a `&str`: a copy into
    /// the wasm and back out).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    /// An `Option` (`None` for `null`): a `JsValue` result would leak an externref
    /// slot every time the text is not JSON (see `js::stringify`).
    fn json_parse(text: &JsString) -> Result<Option<super::js::Present>, JsValue>;
}

fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !js_sys::Array::is_array(value)
}

/// The JSON type of a parsed value, as a person would say it.
fn js_type(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_undefined() {
        "undefined"
    } else if value.is_string() {
        "a string"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.as_f64().is_some() {
        "a number"
    } else if js_sys::Array::is_array(value) {
        "a list"
    } else {
        "an object"
    }
}

/// `JSON.parse`'s refusal of a text `length` UTF-16 units long as a message like
/// the native parser's: what went wrong and, where the engine says (Chromium and
/// Firefox both write "line L column C"), where. The text ended too early when the
/// engine says so (Firefox; Chromium on empty text) or points at its end (Chromium).
fn syntax_error(error: &JsValue, length: u32) -> ReviewError {
    let message = js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    let number = |s: &str| -> Option<(usize, usize)> {
        let end = s
            .bytes()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(s.len());
        Some((crate::number::parse_int(s.get(..end)?, 10)? as usize, end))
    };
    // crate::substring, not str::find: a string pattern brings core's two-way searcher in.
    let at_end = crate::substring::find(&message, "position ")
        .and_then(|i| number(message.get(i + 9..)?))
        .is_some_and(|(p, _)| p >= length as usize);
    let what = if crate::substring::contains(&message, "end of") || at_end {
        "the JSON ends too early"
    } else {
        "the text is not valid JSON"
    };
    let at = crate::substring::find(&message, "line ").and_then(|i| {
        let rest = message.get(i + 5..)?;
        let (line, end) = number(rest)?;
        let rest = rest.get(end..)?.strip_prefix(" column ")?;
        Some((line, number(rest)?.0))
    });
    ReviewError::new(
        "",
        match at {
            Some((line, column)) => position(what, line, column),
            None => what.to_string(),
        },
    )
}

fn options_of(options: &JsValue) -> Result<Settings, ReviewError> {
    match object_of(options, "options", false)? {
        None => Ok(Settings::new()),
        Some(object) => settings_from_input(
            &serde_wasm_bindgen::from_value::<OptionsInput>(object)
                .map_err(|_| ReviewError::new("options", "could not be read"))?,
        ),
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
    #[wasm_bindgen(unchecked_param_type = "Element")] element: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Review | SchemaOrgReview | string | undefined")]
    review: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReviewCardOptions | undefined")] options: &JsValue,
) -> Result<(), JsError> {
    // Checked first: nothing below may call into a value that is not an element (a
    // JS exception unwinding through the wasm would leak its stack and heap).
    let Some((element, near)) = super::js::as_element(element) else {
        return Err(not_an_element(element));
    };
    let cannot_hold = || {
        to_js_error(ReviewError::new(
            "element",
            "cannot hold a shadow root; mount into a <div>, a <section> or a <review-card>",
        ))
    };
    let existing = element.shadow_root();
    if let Some(root) = &existing {
        if super::mount::is_pre_rendered(element, root) {
            return super::mount::take_over(element, root.clone()).map_err(|_| cannot_hold());
        }
        if (review.is_undefined() || review.is_null())
            && element.has_attribute("data-rendered")
            && super::mount::is_taken_over(root)
        {
            return Ok(()); // taken over already: nothing to render it from
        }
    }
    let (mut review, source) = review_of(review).map_err(to_js_error)?;
    let mut settings = options_of(options).map_err(to_js_error)?;
    // The embed script loads the card-only build only for cards without comments.
    #[cfg(not(feature = "comments"))]
    if settings.comments.is_some() {
        return Err(to_js_error(ReviewError::new(
            "options.comments",
            "this build has no comment form (review_card_bg.wasm has it)",
        )));
    }
    if settings.document_lang.is_none() {
        settings.document_lang = super::mount::lang_of(near);
    }
    // Asked only when there are links: most cards have none.
    if review.url.is_some()
        || review.image.is_some()
        || review.author.as_ref().is_some_and(|a| a.url.is_some())
    {
        resolve_links(
            &mut review,
            &mut settings,
            element.base_uri().ok().flatten(),
        );
    }
    settings.lazy_body = true;
    super::mount::mount_card(element, existing, &review, &settings, &source)
        .map(|_| ())
        .map_err(|e| match e {
            MountError::Shadow => cannot_hold(),
            MountError::TrustedTypes => JsError::new(super::js::TRUSTED_TYPES_REFUSED),
        })
}

/// Removes the card `mount` rendered into `element`, with its listeners, its theme
/// observation and its JSON-LD; the element's own content (the fallback) shows
/// again. What the reader typed is kept for the next `mount` into the element.
/// Calling it on an element without a card does nothing.
#[wasm_bindgen]
pub fn unmount(
    #[wasm_bindgen(unchecked_param_type = "Element")] element: &JsValue,
) -> Result<(), JsError> {
    let Some((element, _)) = super::js::as_element(element) else {
        return Err(not_an_element(element));
    };
    super::mount::unmount_card(element);
    Ok(())
}

/// Resolves the review's links and its image against where its JSON came from
/// (`baseUrl`), else against `page`, the page's base URL, with the platform's URL
/// parser; `page`'s origin is the card's own (links elsewhere are third-party).
fn resolve_links(review: &mut Review, settings: &mut Settings, page: Option<String>) {
    let Some(page) = page.and_then(|p| super::js::parse_url(&p, &p)) else {
        return;
    };
    // `file:` and `about:` pages have an opaque origin, "null": no link is theirs.
    settings.page_origin = Some(page.origin()).filter(|o| o != "null");
    let base = settings.base_url.clone().unwrap_or_else(|| page.href());
    let author = review.author.as_mut().and_then(|a| a.url.as_mut());
    let image = review.image.as_mut().map(|i| &mut i.src);
    for url in [review.url.as_mut(), author, image].into_iter().flatten() {
        if let Some(absolute) = super::js::parse_url(url, &base) {
            *url = absolute.href();
        }
    }
}

/// The error for an `element` argument that is not an element.
fn not_an_element(value: &JsValue) -> JsError {
    JsError::new(&["element: expected an Element, got ", arg_type(value)].concat())
}

/// [`js_type`] for an argument that may be anything: no `Array.isArray` for objects
/// (it throws for a revoked proxy).
fn arg_type(value: &JsValue) -> &'static str {
    if value.is_object() {
        "an object"
    } else {
        js_type(value)
    }
}

/// Renders `review` to an HTML string: a `<review-card>` element with a declarative
/// shadow root holding the styles and the same markup `mount` produces.
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = renderToString)]
pub fn render_to_string(
    #[wasm_bindgen(unchecked_param_type = "Review | SchemaOrgReview | string")] review: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReviewCardOptions | undefined")] options: &JsValue,
) -> Result<String, JsError> {
    let (mut review, _) = review_of(review).map_err(to_js_error)?;
    let mut settings = options_of(options).map_err(to_js_error)?;
    // Complete without JavaScript: the whole body shown, no control that needs a
    // script (the embed script or `mount` takes the card over in place).
    settings.static_markup = true;
    if let Some(base) = settings.base_url.clone() {
        resolve_links(&mut review, &mut settings, Some(base));
    }
    Ok(crate::render::render_document(&review, &settings))
}

/// Validates comment fields `{ author, email, url, comment }` with WordPress's rules.
/// Returns `{ valid, errors: [{ field, code, message }], values }`, where `values`
/// are what would be sent (trimmed, CRLF normalised, `https://` completed).
/// `lang` picks the messages' language (English by default).
#[cfg(all(feature = "comments", feature = "api"))]
#[wasm_bindgen(js_name = validateComment, unchecked_return_type = "CommentValidation")]
pub fn validate_comment(
    #[wasm_bindgen(unchecked_param_type = "CommentFields")] fields: &JsValue,
    lang: Option<JsString>,
) -> Result<JsValue, JsError> {
    use super::js::set;
    use crate::comment::{validate, CommentInput, Field};
    use js_sys::Object;
    // Fields are read one by one rather than through JSON.stringify + parse: this runs
    // on every keystroke with up to 65 kB of text.
    if !fields.is_object() {
        return Err(JsError::new("fields: expected an object"));
    }
    let mut input = CommentInput::default();
    // The caller's strings, kept to be handed back unchanged (see `values` below).
    let mut given: [Option<JsValue>; 4] = Default::default();
    for (i, field) in Field::ALL.into_iter().enumerate() {
        let error = |what: &str| JsError::new(&["fields.", field.name(), what].concat());
        let v = super::js::get(fields, &JsValue::from_str(field.name()))
            .map_err(|_| error(": could not be read"))?;
        let text = match v.map(JsValue::from) {
            None => String::new(),
            Some(v) => {
                let text = v.as_string().ok_or_else(|| error(": expected a string"))?;
                given[i] = Some(v);
                text
            }
        };
        *input.get_mut(field) = text;
    }
    // Any value crosses as `JsString` (unchecked); `None` is `undefined` or `null`.
    let lang = lang
        .map(|l| {
            l.as_string().ok_or_else(|| {
                JsError::new(&["lang: expected a string, got ", arg_type(&l)].concat())
            })
        })
        .transpose()?;
    let locale = lang
        .as_deref()
        .and_then(crate::i18n::Locale::from_tag)
        .unwrap_or_default();
    let result = validate(&input, locale);
    // Built by property writes: serde-wasm-bindgen's serializer for this answer cost
    // more than the card-with-form byte budget (#19) allows.
    let errors = js_sys::Array::new();
    for (i, e) in result.errors.iter().enumerate() {
        let error = Object::new();
        for (key, v) in [
            ("field", e.field.name()),
            ("code", e.code.name()),
            ("message", &e.message),
        ] {
            set(&error, key, &JsValue::from_str(v));
        }
        errors.set(i as u32, error.into());
    }
    let out = Object::new();
    set(&out, "valid", &JsValue::from_bool(result.is_valid()));
    set(&out, "errors", &errors);
    // `values` hand back the caller's own strings where validation left them as they
    // were (the usual case): a 65 kB comment is not copied back out of the wasm.
    let values = Object::new();
    for (i, field) in Field::ALL.into_iter().enumerate() {
        let value = result.values.get(field);
        let v = match &given[i] {
            Some(v) if value == input.get(field) => v.clone(),
            _ => JsValue::from_str(value),
        };
        set(&values, field.name(), &v);
    }
    set(&out, "values", &values);
    Ok(out.into())
}
