//! Drafts (sessionStorage, per review) and remembered details (localStorage, only
//! with consent). Storage can be missing or throw (private modes, sandboxed
//! frames); every access tolerates that and the form keeps working.

use serde::{Deserialize, Serialize};
use web_sys::Storage;

/// The remembered name, email and website (stored as JSON text): read as `String`s,
/// written from the form's values without copying them.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Details<S = String> {
    #[serde(default)]
    pub(crate) author: S,
    #[serde(default)]
    pub(crate) email: S,
    #[serde(default)]
    pub(crate) url: S,
}

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

/// Remembered details, when the reader consented before (and they still read).
pub(crate) fn details() -> Option<Details> {
    let text = local()?.get_item(DETAILS_KEY).ok().flatten()?;
    let value = js_sys::JSON::parse(&text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

/// Remembers details.
pub(crate) fn save_details(details: &Details<&str>) {
    let Some(json) = serde_wasm_bindgen::to_value(details)
        .ok()
        .and_then(|v| js_sys::JSON::stringify(&v).ok())
    else {
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
