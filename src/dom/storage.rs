//! Drafts (sessionStorage, per review) and remembered details (localStorage, only
//! with consent). Storage can be missing or throw (private modes, sandboxed
//! frames); every access tolerates that and the form keeps working.

use wasm_bindgen::JsValue;
use web_sys::Storage;

/// The remembered name, email and website, stored as JSON text
/// (`{"author":…,"email":…,"url":…}`): read as `String`s, written from the form's
/// values without copying them. Read and written by property accesses on the
/// parsed object: serde-wasm-bindgen's serializer and deserializer for it cost
/// more than the card-with-form byte budget (#19) allows.
#[derive(Debug, Default)]
pub(crate) struct Details<S = String> {
    pub(crate) author: S,
    pub(crate) email: S,
    pub(crate) url: S,
}

/// The JSON text's keys, in the order they are written.
const KEYS: [&str; 3] = ["author", "email", "url"];

const DRAFT_PREFIX: &str = "review-card:draft:";
/// Where name, email and website are remembered (site-wide, like WordPress's cookies).
pub(crate) const DETAILS_KEY: &str = "review-card:commenter";

fn session() -> Option<Storage> {
    super::js::window().session_storage().ok().flatten()
}

fn local() -> Option<Storage> {
    super::js::window().local_storage().ok().flatten()
}

/// The saved draft for a review.
pub(crate) fn draft(key: &str) -> Option<String> {
    session()?
        .get_item(&[DRAFT_PREFIX, key].concat())
        .ok()
        .flatten()
}

/// Saves (or, when empty, removes) the draft for a review.
pub(crate) fn save_draft(key: &str, text: &str) {
    if let Some(s) = session() {
        let k = [DRAFT_PREFIX, key].concat();
        let _ = if text.is_empty() {
            s.remove_item(&k)
        } else {
            s.set_item(&k, text)
        };
    }
}

/// Remembered details, when the reader consented before (and they still read: a
/// field missing reads as empty, one of another type as no details).
pub(crate) fn details() -> Option<Details> {
    let text = local()?.get_item(DETAILS_KEY).ok().flatten()?;
    let value = js_sys::JSON::parse(&text).ok()?;
    let field = |key: &str| match super::js::get(&value, &JsValue::from_str(key)) {
        Ok(None) => Some(String::new()),
        Ok(Some(v)) => JsValue::from(v).as_string(),
        Err(_) => None,
    };
    Some(Details {
        author: field(KEYS[0])?,
        email: field(KEYS[1])?,
        url: field(KEYS[2])?,
    })
}

/// Remembers details.
pub(crate) fn save_details(details: &Details<&str>) {
    let object = js_sys::Object::new();
    for (key, v) in KEYS
        .into_iter()
        .zip([details.author, details.email, details.url])
    {
        super::js::set(&object, key, &JsValue::from_str(v));
    }
    let Ok(json) = js_sys::JSON::stringify(&object) else {
        return;
    };
    if let Some(s) = local() {
        let _ = s.set_item(DETAILS_KEY, &String::from(json));
    }
}

/// Forgets remembered details.
pub(crate) fn forget_details() {
    if let Some(s) = local() {
        let _ = s.remove_item(DETAILS_KEY);
    }
}
