//! Mounting: the shadow root, its stylesheet, the markup, and the delegated listener.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, Event, ShadowRoot, ShadowRootInit};

use crate::model::Review;
use crate::options::Settings;
use crate::render::{render_content_parts, render_paragraphs, CSS};

/// The shadow-root property holding, until the body is first opened, the object
/// the review was read from (the caller's, or what `JSON.parse` made of its text).
const BODY_KEY: &str = "__reviewCardBody";

/// The shadow-root property set once a pre-rendered card is taken over.
const TAKEN_KEY: &str = "__reviewCardTaken";

/// The host property holding what the reader typed, between `unmount` and the next
/// `mount` into the same element.
#[cfg(feature = "comments")]
const TYPED_KEY: &str = "__reviewCardTyped";

/// Fills the body's paragraphs in, once, from the review object kept on the root.
/// It was read when the card was mounted, so it is read again here.
fn fill_lazy_body(root: &ShadowRoot, body: &Element) {
    SHARED.with(|shared| {
        let Some(source) = js_sys::Reflect::get(root, &shared.body_key)
            .ok()
            .filter(|v| !v.is_undefined())
        else {
            return;
        };
        let _ = js_sys::Reflect::set(root, &shared.body_key, &JsValue::UNDEFINED);
        if let Ok((review, _)) = super::api::review_of(&source) {
            // Cannot fail: the card itself was written through the same policy.
            let _ = super::js::insert_html(body, "afterbegin", &render_paragraphs(&review));
        }
    });
}

/// JS values every mount uses, made once rather than per card (each is a crossing).
struct Shared {
    /// `[sheet]`, what every card's `adoptedStyleSheets` is set to: one constructed
    /// stylesheet for all cards (adopted, so strict `style-src 'self'` pages allow
    /// it). `None` when constructable stylesheets are unsupported.
    sheets: Option<JsValue>,
    adopted_key: JsValue,
    body_key: JsValue,
    init: ShadowRootInit,
}

fn shared() -> Shared {
    let sheets = CssStyleSheet::new().ok().and_then(|sheet| {
        sheet.replace_sync(CSS).ok()?;
        Some(js_sys::Array::of1(&sheet).into())
    });
    Shared {
        sheets,
        adopted_key: JsValue::from_str("adoptedStyleSheets"),
        body_key: JsValue::from_str(BODY_KEY),
        // As JSON text, parsed once: `ShadowRootInit::new` would import a setter and
        // the glue's table of modes.
        init: js_sys::JSON::parse(r#"{"mode":"open"}"#)
            .unwrap_or_default()
            .unchecked_into(),
    }
}

thread_local! {
    static SHARED: Shared = shared();
    /// One click listener shared by every shadow root, removed by `unmount_card`.
    /// Not gloo-events' `EventListener` (one per card, dropped on unmount): it cost
    /// 0.7 kB gzip, which takes a card with its form over issue 19's 70 kB budget.
    static ON_CLICK: Closure<dyn Fn(Event)> = Closure::new(on_click);
}

/// The language of the element's context: the nearest `lang` attribute at or above it.
#[cfg(feature = "comments")]
pub(crate) fn context_lang(element: &Element) -> Option<String> {
    lang_of(super::js::closest(element, "[lang]"))
}

/// The `lang` attribute of `near` (the nearest element that has one), when not blank.
pub(crate) fn lang_of(near: Option<Element>) -> Option<String> {
    near.and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.trim().is_empty())
}

/// Returns the element's open shadow root (attaching one if needed) with the shared
/// stylesheet adopted and the shared click listener added (the form's listeners are
/// added by [`mount_card`] when there is a form). Adding the same listener
/// function twice is a no-op in the DOM, so this is safe on every mount, including
/// over a loading state or a server-rendered declarative shadow root.
pub(crate) fn shadow_of(
    element: &Element,
    existing: Option<ShadowRoot>,
) -> Result<(ShadowRoot, bool), JsValue> {
    SHARED.with(|shared| {
        let root = match existing {
            Some(root) => root,
            None => super::js::attach_shadow(element, &shared.init).ok_or(JsValue::NULL)?,
        };
        // Always (re)adopt the card's sheet: it replaces a loader's placeholder sheet.
        let adopted = shared.sheets.as_ref().is_some_and(|sheets| {
            js_sys::Reflect::set(&root, &shared.adopted_key, sheets).unwrap_or(false)
        });
        ON_CLICK.with(|f| super::js::listen(&root, "click", f.as_ref()));
        Ok((root, adopted))
    })
}

/// Why a card could not be mounted.
pub(crate) enum MountError {
    /// The element cannot hold a shadow root.
    Shadow,
    /// The page enforces Trusted Types and refused the card's policy.
    TrustedTypes,
}

/// Renders the card into the element's shadow root (`existing`, the element's
/// shadow root if it has one) with one `innerHTML` assignment.
/// `source` is the object the review was read from, kept to fill the body's
/// paragraphs in on first "Read more": a card never opened never renders them.
pub(crate) fn mount_card(
    element: &Element,
    existing: Option<ShadowRoot>,
    review: &Review,
    settings: &Settings,
    source: &JsValue,
) -> Result<ShadowRoot, MountError> {
    // What the reader typed survives the re-render (a prop change in an app): in
    // the form being replaced, or kept by `unmount`. A new element has neither.
    #[cfg(feature = "comments")]
    let typed = match &existing {
        Some(root) if settings.comments.is_some() => {
            super::form::typed(root).or_else(|| take_typed(element))
        }
        _ => None,
    };
    let (root, adopted) = shadow_of(element, existing).map_err(|_| MountError::Shadow)?;
    let (card, deferred) = render_content_parts(review, settings);
    // Through `Element`'s `innerHTML` setter (a shadow root has the same property):
    // one import serves both.
    let written = if adopted {
        super::js::set_html(&root, &card)
    } else {
        // No constructable stylesheets (very old engines): fall back to a <style>
        // element, which a strict CSP may block; the card stays readable unstyled.
        let mut html = String::with_capacity(CSS.len() + card.len() + 16);
        html.push_str("<style>");
        html.push_str(CSS);
        html.push_str("</style>");
        html.push_str(&card);
        super::js::set_html(&root, &html)
    };
    if written.is_err() {
        // Trusted Types refused the markup: the host's own content (its fallback)
        // stays visible through a slot, unless an earlier card is still shown.
        if root.first_child().is_none() {
            if let Some(doc) = element.owner_document() {
                super::js::append(root.unchecked_ref(), &super::js::create(&doc, "slot"));
            }
        }
        return Err(MountError::TrustedTypes);
    }
    if review.image.is_some() {
        // An image's `error` does not bubble to the shadow root: the shared
        // listener goes on the `img` (removed with it). It is in place before the
        // image can fail: loading reports in a later task.
        if let Some(img) = super::js::find(&root, ".image>img") {
            ON_CLICK.with(|f| super::js::listen(&img, "error", f.as_ref()));
        }
    }
    let body = if deferred {
        source
    } else {
        &JsValue::UNDEFINED
    };
    let _ = SHARED.with(|shared| js_sys::Reflect::set(&root, &shared.body_key, body));
    #[cfg(feature = "comments")]
    if settings.comments.is_some() {
        // The form's delegated listeners, only where there is a form.
        super::form::listen(&root);
        super::form::init(&root);
        if let Some(typed) = typed {
            super::form::restore_typed(&root, &typed);
        }
        // The conversation under the form, when there is a post to list it from.
        super::thread::init(&root);
    }
    super::theme::follow_host(element, settings.theme == crate::options::Theme::Auto);
    set_json_ld(element, settings.json_ld.then_some(review));
    Ok(root)
}

/// Whether `root` (the shadow root of `element`) holds a card rendered by
/// `renderToString` (or the CLI) that no `mount` has taken over yet.
pub(crate) fn is_pre_rendered(element: &Element, root: &ShadowRoot) -> bool {
    element.has_attribute("data-rendered")
        && !is_taken_over(root)
        && super::js::find(root, "article.card").is_some()
}

/// Whether [`take_over`] ran on `root`.
pub(crate) fn is_taken_over(root: &ShadowRoot) -> bool {
    js_sys::Reflect::get(root, &JsValue::from_str(TAKEN_KEY)).is_ok_and(|v| v.is_truthy())
}

/// Takes over a pre-rendered card in place (see [`is_pre_rendered`]): no new markup,
/// so nothing flashes and its JSON-LD stays the only one; the stylesheet is adopted
/// (a strict CSP may have blocked its `<style>`), and the listeners, the form's
/// draft and the `auto` theme's observer are set up as `mount` does. Later mounts
/// render as usual.
pub(crate) fn take_over(element: &Element, existing: ShadowRoot) -> Result<(), JsValue> {
    let (root, _) = shadow_of(element, Some(existing))?;
    let auto = super::js::find(&root, "article.card")
        .and_then(|card| card.get_attribute("data-theme"))
        .is_none_or(|theme| theme == "auto");
    #[cfg(feature = "comments")]
    if super::js::find(&root, "form.form").is_some() {
        super::form::listen(&root);
        super::form::init(&root);
        super::thread::init(&root);
    }
    let _ = js_sys::Reflect::set(&root, &JsValue::from_str(TAKEN_KEY), &JsValue::TRUE);
    super::theme::follow_host(element, auto);
    Ok(())
}

/// Removes a card: its markup (the fallback content shows again through a
/// `<slot>`), its stylesheet, its listeners, its theme observation and its JSON-LD.
/// What the reader typed is kept on the element for the next `mount`.
pub(crate) fn unmount_card(element: &Element) {
    let Some(root) = element
        .shadow_root()
        .filter(|root| super::js::find(root, "article.card").is_some())
    else {
        return;
    };
    #[cfg(feature = "comments")]
    if let Some(typed) = super::form::typed(&root) {
        let _ = js_sys::Reflect::set(element, &JsValue::from_str(TYPED_KEY), &typed.into());
    }
    ON_CLICK.with(|f| super::js::unlisten(&root, "click", f.as_ref()));
    #[cfg(feature = "comments")]
    {
        super::form::unlisten(&root);
        super::thread::release(&root);
    }
    super::theme::follow_host(element, false);
    super::js::clear(&root);
    if let Some(doc) = element.owner_document() {
        super::js::append(root.unchecked_ref(), &super::js::create(&doc, "slot"));
    }
    SHARED.with(|shared| {
        let none = js_sys::JSON::parse("[]").unwrap_or_default();
        let _ = js_sys::Reflect::set(&root, &shared.adopted_key, &none);
        let _ = js_sys::Reflect::set(&root, &shared.body_key, &JsValue::UNDEFINED);
    });
    set_json_ld(element, None);
}

/// The values [`unmount_card`] kept on the host, removed from it.
#[cfg(feature = "comments")]
fn take_typed(element: &Element) -> Option<String> {
    let key = JsValue::from_str(TYPED_KEY);
    let typed = js_sys::Reflect::get(element, &key).ok()?.as_string()?;
    let _ = js_sys::Reflect::set(element, &key, &JsValue::UNDEFINED);
    Some(typed)
}

/// Writes (or removes) the schema.org JSON-LD in the host's light DOM, where
/// crawlers read it. The script is a data block: it never runs, and strict CSPs allow it.
fn set_json_ld(host: &Element, review: Option<&Review>) {
    if let Some(s) = super::js::find(host, ":scope > script[data-review-card-generated]") {
        s.remove();
    }
    let Some(review) = review else {
        return;
    };
    // As markup, in one crossing (two with Trusted Types), where creating the element,
    // its two attributes and its text took six; a new block rather than a new text
    // for the old one, so that one Trusted Types sink serves (a script's text needs
    // a TrustedScript). A parsed script never runs, and the JSON-LD escapes `<`, so
    // its text cannot end the element. It cannot fail where the card's markup was
    // written: the same policy allows both.
    let html = [
        "<script type=\"application/ld+json\" data-review-card-generated>",
        &crate::jsonld::render_json_ld(review),
        "</script>",
    ]
    .concat();
    let _ = super::js::insert_html(host, "beforeend", &html);
}

/// Delegated click handling for everything inside a card's shadow root, and a
/// cover image's `error`.
fn on_click(event: Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    use super::js::closest;
    if let Some(button) = closest(&target, "button.more") {
        toggle_disclosure(&button);
    } else if let Some(frame) = closest(&target, ".image>img").and_then(|i| closest(&i, ".image")) {
        // The cover image's `error` (a click never targets the `img`: the
        // stylesheet gives it no pointer events). Its frame shows the placeholder,
        // same size, so nothing moves; the `img` keeps its alt text.
        super::js::set_attr(&frame, "data-failed", "");
    } else {
        #[cfg(feature = "comments")]
        super::form::on_click(&target, &event);
    }
}

/// Flips the "read more" disclosure: `aria-expanded`, the body's `hidden`, and the
/// derived excerpt (which repeats the body's opening) hidden while the body shows.
pub(crate) fn toggle_disclosure(button: &Element) {
    let expanded = button.get_attribute("aria-expanded").as_deref() == Some("true");
    let root = super::js::root_of(button);
    let body = button
        .get_attribute("aria-controls")
        .and_then(|id| root.get_element_by_id(&id));
    let Some(body) = body else { return };
    if !expanded {
        fill_lazy_body(&root, &body);
    }
    super::js::set_attr(
        button,
        "aria-expanded",
        if expanded { "false" } else { "true" },
    );
    set_hidden(&body, expanded);
    if let Some(excerpt) = super::js::find(&root, ".excerpt[data-derived]") {
        set_hidden(&excerpt, !expanded);
    }
}

fn set_hidden(el: &Element, hidden: bool) {
    super::js::toggle_attr(el, "hidden", hidden);
}
