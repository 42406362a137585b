//! Drafts (sessionStorage, per review) and remembered details (localStorage, only
//! with consent). Storage can be missing or throw (private modes, sandboxed
//! frames); every access tolerates that and the form keeps working.

use web_sys::Storage;

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

/// Remembered details as JSON text, when the reader consented before.
pub(crate) fn details() -> Option<String> {
    local()?.get_item(DETAILS_KEY).ok().flatten()
}

/// Remembers details (JSON text).
pub(crate) fn save_details(json: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(DETAILS_KEY, json);
    }
}

/// Forgets remembered details.
pub(crate) fn forget_details() {
    if let Some(s) = local() {
        let _ = s.remove_item(DETAILS_KEY);
    }
}
