//! The comment form in the browser: restoring what the reader typed, live counter,
//! GOV.UK-style errors, spam friction, the `review-card:comment` event and posting.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, Element, Event, RequestInit, Response, ResponseType, ShadowRoot,
    UrlSearchParams,
};

use super::js::{self, set, Control};
use super::storage::{self, Details};
use crate::comment::{
    comment_bytes_left, validate, validate_field, CommentInput, Field, Validation,
};
use crate::escape::push_escaped;
use crate::i18n::{FormStrings, Locale};
use crate::number::push_u64;
use crate::submission::{
    form_outcome, wordpress_outcome, EventDetail, FieldValue, FormComment, Outcome, RestComment,
    WpAnswer,
};

/// How long a post may take when the form does not say (see `data-timeout`).
const POST_TIMEOUT_MS: u32 = 20_000;

thread_local! {
    static ON_SUBMIT: Closure<dyn Fn(Event)> = Closure::new(on_submit);
    static ON_INPUT: Closure<dyn Fn(Event)> = Closure::new(on_input);
    static ON_CHANGE: Closure<dyn Fn(Event)> = Closure::new(on_change);
}

/// Adds the form listeners to a shadow root (the same shared functions every time,
/// so adding them twice is a no-op).
pub(crate) fn listen(root: &ShadowRoot) {
    ON_SUBMIT.with(|f| js::listen(root, "submit", f.as_ref()));
    ON_INPUT.with(|f| js::listen(root, "input", f.as_ref()));
    ON_CHANGE.with(|f| js::listen(root, "change", f.as_ref()));
}

fn locale_of(form: &Element) -> Locale {
    super::mount::context_lang(form)
        .and_then(|l| Locale::from_tag(&l))
        .unwrap_or_default()
}

fn strings(form: &Element) -> &'static FormStrings {
    &locale_of(form).strings().form
}

/// Removes the listeners [`listen`] added (`unmount`).
pub(crate) fn unlisten(root: &ShadowRoot) {
    ON_SUBMIT.with(|f| js::unlisten(root, "submit", f.as_ref()));
    ON_INPUT.with(|f| js::unlisten(root, "input", f.as_ref()));
    ON_CHANGE.with(|f| js::unlisten(root, "change", f.as_ref()));
}

/// The controls a re-render carries over, by name, in the order [`typed`] and
/// [`restore_typed`] use: what the reader typed, and the comment they reply to
/// (`thread::init` shows the reply again, or cancels it without its thread).
const TYPED: [&str; 5] = ["author", "email", "url", "comment", "comment_parent"];

/// What the reader typed in the form under `root`, kept across a re-render
/// (`mount` again, or `unmount` then `mount`): each control's value followed by NUL
/// (which no one types), then the form's `data-shown`; `None` without a form.
pub(crate) fn typed(root: &ShadowRoot) -> Option<String> {
    let form = js::find(root, "form.form")?;
    let mut values = String::new();
    for name in TYPED {
        if let Some(el) = control(&form, name) {
            values.push_str(&value(&el));
        }
        values.push('\0');
    }
    // And when the reader first saw the form: a re-render (the host switching
    // theme or language) does not restart the minimum fill time.
    values.push_str(&form.get_attribute("data-shown").unwrap_or_default());
    Some(values)
}

/// Puts the values from [`typed`] back into a freshly rendered form (a field left
/// empty keeps what the form restored itself), and when it was first shown, and
/// updates the counter.
pub(crate) fn restore_typed(root: &ShadowRoot, values: &str) {
    let Some(form) = js::find(root, "form.form") else {
        return;
    };
    let mut parts = crate::substring::split_any(values, b"\0");
    for name in TYPED {
        if let (Some(text), Some(el)) =
            (parts.next().filter(|t| !t.is_empty()), control(&form, name))
        {
            set_value(&el, text);
        }
    }
    if let Some(shown) = parts.next().filter(|t| !t.is_empty()) {
        js::set_attr(&form, "data-shown", shown);
    }
    update_counter(&form);
}

fn control(form: &Element, name: &str) -> Option<Element> {
    js::find(form, &["[name=\"", name, "\"]"].concat())
}

fn value(el: &Element) -> String {
    js::as_control(el).value().unwrap_or_default()
}

fn set_value(el: &Element, v: &str) {
    js::as_control(el).set_value(v);
}

fn field_value(form: &Element, field: Field) -> String {
    control(form, field.name())
        .map(|e| value(&e))
        .unwrap_or_default()
}

fn consent(form: &Element) -> Option<Control> {
    control(form, "wp-comment-cookies-consent").map(JsCast::unchecked_into)
}

/// Whether the consent box is there and ticked.
fn consented(form: &Element) -> bool {
    consent(form).is_some_and(|c| c.checked() == Some(true))
}

fn now_ms() -> f64 {
    js::performance_now()
}

/// The shadow root's property set while a comment from its form is being sent.
const POSTING_KEY: &str = "__reviewCardPosting";

/// Prepares a freshly rendered form: no native validation bubbles (the Rust checks
/// speak instead), the draft and remembered details restored, the counter set.
pub(crate) fn init(root: &ShadowRoot) {
    let Some(form) = js::find(root, "form.form") else {
        return;
    };
    js::set_attr(&form, "novalidate", "");
    // Markup from older versions (or a server) may still carry `maxlength`, which
    // would cut pasted text silently: the byte check below speaks instead.
    for field in Field::ALL {
        if let Some(el) = control(&form, field.name()) {
            js::remove_attr(&el, "maxlength");
        }
    }
    let mut shown = String::new();
    push_u64(&mut shown, now_ms() as u64);
    js::set_attr(&form, "data-shown", &shown);
    // A post still under way from the form this one replaced: the same busy state,
    // and its verdict will land here.
    if js::get(root, &JsValue::from_str(POSTING_KEY)).is_ok_and(|p| p.is_some()) {
        set_busy(&form, true);
        set_status(&form, strings(&form).sending, None, false);
    }
    let key = form.get_attribute("data-key").unwrap_or_default();
    if let (Some(draft), Some(textarea)) = (storage::draft(&key), control(&form, "comment")) {
        if value(&textarea).is_empty() {
            set_value(&textarea, &draft);
        }
    }
    if let Some(saved) = storage::details() {
        for (field, v) in [
            (Field::Author, &saved.author),
            (Field::Email, &saved.email),
            (Field::Url, &saved.url),
        ] {
            if let Some(el) = control(&form, field.name()) {
                set_value(&el, v);
            }
        }
        if let Some(c) = consent(&form) {
            c.set_checked(true);
        }
    }
    update_counter(&form);
}

fn form_of_event(event: &Event) -> Option<(Element, Element)> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let form = js::closest(&target, "form.form")?;
    Some((target, form))
}

fn on_input(event: Event) {
    let Some((target, form)) = form_of_event(&event) else {
        return;
    };
    let name = target.get_attribute("name").unwrap_or_default();
    let Some(field) = Field::from_name(&name) else {
        return;
    };
    // Read the text once: the comment can be 65 kB and this runs on every keystroke.
    let text = value(&target);
    if field == Field::Comment {
        let key = form.get_attribute("data-key").unwrap_or_default();
        storage::save_draft(&key, &text);
        show_count(&form, &text);
    }
    // Errors clear as soon as the field is fixed.
    if target.get_attribute("aria-invalid").as_deref() == Some("true")
        && validate_field(field, &text, locale_of(&form)).is_none()
    {
        clear_error(&form, field);
    }
}

fn on_change(event: Event) {
    let Some((target, _form)) = form_of_event(&event) else {
        return;
    };
    if target.get_attribute("name").as_deref() == Some("wp-comment-cookies-consent")
        && js::as_control(&target).checked() == Some(false)
    {
        storage::forget_details();
    }
}

fn update_counter(form: &Element) {
    show_count(form, &field_value(form, Field::Comment));
}

/// Shows how many bytes are left for `comment` in the form's counter.
fn show_count(form: &Element, comment: &str) {
    let Some(count) = js::find(form, ".count") else {
        return;
    };
    let Some(value_el) = js::find(&count, ".count-value") else {
        return;
    };
    let left = comment_bytes_left(comment);
    let locale = locale_of(form);
    let f = &locale.strings().form;
    let mut text = String::new();
    locale.push_count(&mut text, left.unsigned_abs());
    text.push_str(if left < 0 { f.bytes_over } else { f.bytes_left });
    let _ = js::set_html(&value_el, &crate::escape::escape(&text));
    js::toggle_attr(&count, "data-over", left < 0);
}

fn on_submit(event: Event) {
    let Some((_, form)) = form_of_event(&event) else {
        return;
    };
    event.prevent_default();
    submit(&form);
}

/// Runs a submit: validate, show errors or dispatch the event and post.
pub(crate) fn submit(form: &Element) {
    // `getAttribute`, which other code imports anyway, rather than `hasAttribute`.
    if form.get_attribute("data-busy").is_some() {
        return; // a post is in flight: a double click sends once
    }
    let locale = locale_of(form);
    let input = CommentInput {
        author: field_value(form, Field::Author),
        email: field_value(form, Field::Email),
        url: field_value(form, Field::Url),
        comment: field_value(form, Field::Comment),
    };
    let result = validate(&input, locale);
    set_status(form, "", None, false);
    if !result.is_valid() {
        show_errors(form, &result);
        return;
    }
    for field in Field::ALL {
        clear_error(form, field);
        // The reader sees what will be sent (trimmed, with https:// completed).
        if let Some(el) = control(form, field.name()) {
            if value(&el) != result.values.get(field) {
                set_value(&el, result.values.get(field));
            }
        }
    }
    let f = strings(form);
    let spam = spam_check(form);
    let review_url = form.get_attribute("data-review-url");
    let detail = EventDetail::new(&result.values, review_url.as_deref(), spam);
    let proceed = dispatch_comment(form, detail);
    if spam == Some("honeypot") {
        // Most likely an autofill: waiting would not help, so the trap is emptied
        // and the reader told to send again (a bot that refills it stays stopped).
        if let Some(trap) = control(form, TRAP) {
            set_value(&trap, "");
        }
        set_status(form, f.trap_cleared, Some("error"), false);
        return;
    }
    if spam.is_some() {
        set_status(form, f.too_fast, Some("error"), false);
        return;
    }
    remember(form, &result);
    if !proceed {
        set_status(form, f.handed, Some("ok"), false);
        return;
    }
    let Some(endpoint) = form.get_attribute("action") else {
        set_status(form, f.no_endpoint, Some("error"), false);
        return;
    };
    post(form.clone(), endpoint, result);
}

/// The honeypot's name (see src/form.rs).
const TRAP: &str = "rc_trap";

/// `Some("honeypot")` or `Some("too_fast")` when a spam check trips.
fn spam_check(form: &Element) -> Option<&'static str> {
    if control(form, TRAP).is_some_and(|e| !value(&e).is_empty()) {
        return Some("honeypot");
    }
    // Integers only: parsing floats would pull core's large float parser into the wasm.
    let int = |name: &str| -> u64 {
        form.get_attribute(name)
            .and_then(|s| crate::number::parse_int(&s, 10))
            .unwrap_or(0)
    };
    ((now_ms() as u64).saturating_sub(int("data-shown")) < int("data-min-fill"))
        .then_some("too_fast")
}

/// Dispatches the cancelable `review-card:comment` event on the host element.
/// Returns false when a listener cancelled it.
fn dispatch_comment(form: &Element, detail: EventDetail<'_>) -> bool {
    let host = js::root_of(form).host();
    let Some(detail) = js_object(&detail.fields()) else {
        return true;
    };
    let init = js_sys::Object::new();
    for key in ["bubbles", "cancelable", "composed"] {
        set(&init, key, &JsValue::TRUE);
    }
    set(&init, "detail", &detail);
    js::dispatch(&host, "review-card:comment", &init)
}

/// Saves or forgets name, email and website according to the consent box.
fn remember(form: &Element, result: &Validation) {
    if consented(form) {
        storage::save_details(&Details {
            author: &result.values.author,
            email: &result.values.email,
            url: &result.values.url,
        });
    } else {
        storage::forget_details();
    }
}

fn field_parts(form: &Element, field: Field) -> Option<(Element, Element, Element)> {
    let wrapper = js::find(
        form,
        &[".field[data-field=\"", field.name(), "\"]"].concat(),
    )?;
    let input = control(form, field.name())?;
    let error = js::find(&wrapper, ".field-error")?;
    Some((wrapper, input, error))
}

/// Adds or removes the error message's ID in the control's `aria-describedby`.
pub(crate) fn describe(input: &Element, error_id: &str, on: bool) {
    let current = input.get_attribute("aria-describedby").unwrap_or_default();
    // The error's id first, then the others as they were.
    let mut ids = String::new();
    if on {
        ids.push_str(error_id);
    }
    for id in current.split_whitespace().filter(|t| *t != error_id) {
        if !ids.is_empty() {
            ids.push(' ');
        }
        ids.push_str(id);
    }
    if ids.is_empty() {
        js::remove_attr(input, "aria-describedby");
    } else {
        js::set_attr(input, "aria-describedby", &ids);
    }
}

/// Shows every error inline and in the summary, then moves focus to the summary.
fn show_errors(form: &Element, result: &Validation) {
    let f = strings(form);
    let mut items = String::new();
    for field in Field::ALL {
        let Some(err) = result.error_for(field) else {
            clear_error(form, field);
            continue;
        };
        let Some((wrapper, input, error)) = field_parts(form, field) else {
            continue;
        };
        js::set_attr(&wrapper, "data-invalid", "");
        js::set_attr(&input, "aria-invalid", "true");
        let mut html = String::from("<span class=\"vh\">");
        push_escaped(&mut html, f.error_prefix);
        html.push_str("</span>");
        push_escaped(&mut html, &err.message);
        let _ = js::set_html(&error, &html);
        js::remove_attr(&error, "hidden");
        describe(&input, &id_of(&error), true);
        let id = id_of(&input);
        items.push_str("<li><a href=\"#");
        push_escaped(&mut items, &id);
        items.push_str("\" data-for=\"");
        push_escaped(&mut items, &id);
        items.push_str("\">");
        push_escaped(&mut items, &err.message);
        items.push_str("</a></li>");
    }
    if let Some(summary) = js::find(form, ".summary") {
        if let Some(list) = js::find(&summary, ".summary-list") {
            let _ = js::set_html(&list, &items);
        }
        js::remove_attr(&summary, "hidden");
        js::focus(&summary);
    }
}

/// An element's `id` through `getAttribute`, which other code imports anyway (the
/// `id` getter would be one import more).
fn id_of(element: &Element) -> String {
    element.get_attribute("id").unwrap_or_default()
}

/// Clears one field's error everywhere it shows.
fn clear_error(form: &Element, field: Field) {
    let Some((wrapper, input, error)) = field_parts(form, field) else {
        return;
    };
    if input.get_attribute("aria-invalid").is_none() {
        return;
    }
    js::remove_attr(&wrapper, "data-invalid");
    js::remove_attr(&input, "aria-invalid");
    js::set_attr(&error, "hidden", "");
    let _ = js::set_html(&error, "");
    describe(&input, &id_of(&error), false);
    if let Some(summary) = js::find(form, ".summary") {
        if let Some(link) = by_id_selector("a[data-for=\"", &id_of(&input))
            .and_then(|selector| js::find(&summary, &selector))
        {
            // `closest`, imported anyway, rather than `parentElement`.
            if let Some(li) = js::closest(&link, "li") {
                li.remove();
            }
        }
        if js::find(&summary, "li").is_none() {
            js::set_attr(&summary, "hidden", "");
        }
    }
}

/// The form's part of the card's delegated click handling: the error summary's
/// links and the status line's "Try again".
pub(crate) fn on_click(target: &Element, event: &Event) {
    if let Some(link) = js::closest(target, ".summary a[data-for]") {
        follow_summary_link(&link, event);
    } else if let Some(button) = js::closest(target, ".thread button, .replying button") {
        super::thread::on_click(&button);
    } else if let Some(retry) = js::closest(target, ".status button.retry") {
        if let Some(form) = js::closest(&retry, "form.form") {
            submit(&form);
        }
    }
}

/// Follows a link in the error summary to its field (fragment links do not reach
/// into a shadow root by themselves).
fn follow_summary_link(link: &Element, event: &Event) {
    let Some(id) = link.get_attribute("data-for") else {
        return;
    };
    let root = js::root_of(link);
    if let Some(target) = root.get_element_by_id(&id) {
        event.prevent_default();
        if let Some(label) =
            by_id_selector("label[for=\"", &id).and_then(|selector| js::find(&root, &selector))
        {
            label.scroll_into_view();
        }
        js::focus(&target);
    }
}

/// `start` + `id` + `"]`, a selector for an attribute holding `id`, when `id` is one
/// this crate writes (see [`crate::options::is_id`]): `js::find` does not catch, and
/// an ID read back from the page's DOM could have been changed into anything.
fn by_id_selector(start: &str, id: &str) -> Option<String> {
    crate::options::is_id(id).then(|| [start, id, "\"]"].concat())
}

/// Writes the status line (a polite live region), optionally with a retry button.
fn set_status(form: &Element, text: &str, kind: Option<&str>, retry: bool) {
    js::set_status(form, text, kind, retry.then(|| strings(form).retry));
}

fn set_busy(form: &Element, busy: bool) {
    js::toggle_attr(form, "data-busy", busy);
    if busy {
        js::set_attr(form, "aria-busy", "true");
    } else {
        js::remove_attr(form, "aria-busy");
    }
    if let Some(button) = js::find(form, "button.submit") {
        js::toggle_attr(&button, "disabled", busy);
    }
}

/// How a post ended.
enum Ending {
    /// The site answered (or, for another site without CORS, took the request).
    Answer(Outcome),
    /// No answer within the timeout: the comment may have arrived.
    Timeout,
    /// The connection failed: the comment may have arrived.
    Network,
}

fn post(form: Element, endpoint: String, result: Validation) {
    let f = strings(&form);
    set_busy(&form, true);
    set_status(&form, f.sending, None, false);
    let root = js::root_of(&form);
    js::set(&root, POSTING_KEY, &JsValue::TRUE);
    wasm_bindgen_futures::spawn_local(async move {
        let ending = send(&form, &root, &endpoint, &result).await;
        js::set(&root, POSTING_KEY, &JsValue::UNDEFINED);
        finish(&live(&form, &root), ending, &result.values.comment);
    });
}

/// The form now under `root`: `form`, or the one that replaced it when the card
/// rendered again while a post was under way (`form` itself once unmounted).
fn live(form: &Element, root: &ShadowRoot) -> Element {
    js::find(root, "form.form").unwrap_or_else(|| form.clone())
}

/// Fields as a JS object (a request body, the event's detail); `None` for a number past what a JS number
/// holds exactly (a rounded post ID would name another post).
fn js_object(fields: &[(&str, FieldValue<'_>)]) -> Option<js_sys::Object> {
    let object = js_sys::Object::new();
    for &(name, v) in fields {
        let v = match v {
            FieldValue::Text(t) => JsValue::from_str(t),
            FieldValue::Number(n) if n < 1 << 53 => JsValue::from_f64(n as f64),
            FieldValue::Number(_) => return None,
            FieldValue::Null => JsValue::NULL,
        };
        set(&object, name, &v);
    }
    Some(object)
}

/// `endpoint` resolved against the page (without query or fragment), and whether
/// it is on the page's origin.
fn resolve(endpoint: &str) -> (Option<String>, bool) {
    let location = js::window().location();
    let Some(url) = location
        .href()
        .ok()
        .and_then(|here| web_sys::Url::new_with_base(endpoint, &here).ok())
    else {
        return (None, true);
    };
    let same = location.origin().is_ok_and(|o| o == url.origin());
    // What `search` and `hash` set to "" leave: in a parsed URL, `?` and `#` before
    // those parts are percent-encoded.
    let href = url.href();
    (
        Some(crate::substring::before_any(&href, b"?#").to_string()),
        same,
    )
}

/// Posts the comment (a form body like `wp-comments-post.php`, or REST JSON) and
/// reads the answer. Form mode to another origin goes as a "no-cors" request, the
/// same request a native form submission makes: it needs no CORS from the site,
/// and its answer cannot be read (`Outcome::Delivered`).
async fn send(form: &Element, root: &ShadowRoot, endpoint: &str, result: &Validation) -> Ending {
    let rest = form.get_attribute("data-mode").as_deref() == Some("wordpress");
    let post_id =
        control(form, "comment_post_ID").and_then(|e| crate::number::parse_int(&value(&e), 10));
    // The comment replied to: the field "Reply" in the thread sets (dom::thread).
    let parent = control(form, "comment_parent")
        .and_then(|e| crate::number::parse_int(&value(&e), 10))
        .unwrap_or(0);
    let (absolute, same_origin) = resolve(endpoint);
    // serde_urlencoded gave way to the browser's `URLSearchParams`: the same
    // encoding, 1.7 kB gzip less, room the 70 kB budget (#19) needed.
    let (fields, content_type) = if rest {
        (
            RestComment {
                parent,
                ..RestComment::new(&result.values, post_id)
            }
            .fields(),
            "application/json",
        )
    } else {
        (
            FormComment::new(&result.values, post_id, parent, absolute.as_deref()).fields(),
            "application/x-www-form-urlencoded",
        )
    };
    // An empty body would be refused visibly.
    let body = js_object(&fields)
        .and_then(|fields| {
            if rest {
                js_sys::JSON::stringify(&fields).ok()
            } else {
                UrlSearchParams::new_with_record_from_str_to_str(fields.unchecked_ref())
                    .ok()
                    .map(|p| p.to_string())
            }
        })
        .unwrap_or_default();
    // The `RequestInit` dictionary and its headers as plain objects: web-sys's
    // setters and `Headers` are an import each, in the wasm and in the glue.
    let init = js_sys::Object::new();
    let headers = js_sys::Object::new();
    // JSON first: `wp_die()` then answers `{"code":"wp_die","message":…}`.
    set(
        &headers,
        "accept",
        &"application/json, text/html;q=0.9".into(),
    );
    set(&headers, "content-type", &content_type.into());
    set(&init, "method", &"POST".into());
    set(&init, "credentials", &"same-origin".into());
    set(&init, "headers", &headers);
    set(&init, "body", &body.into());
    if !rest && !same_origin {
        set(&init, "mode", &"no-cors".into());
    }
    let init: RequestInit = init.unchecked_into();
    let controller = AbortController::new().ok();
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
    }
    let ms = form
        .get_attribute("data-timeout")
        .and_then(|t| u32::try_from(crate::number::parse_int(&t, 10)?).ok())
        .unwrap_or(POST_TIMEOUT_MS);
    let timed_out = Rc::new(Cell::new(false));
    let flag = Rc::clone(&timed_out);
    // Dropped (cancelled) when this function returns.
    let _timer = Timeout::new(ms, move || {
        flag.set(true);
        if let Some(c) = controller {
            c.abort();
        }
    });
    let failed = || {
        if timed_out.get() {
            Ending::Timeout
        } else {
            Ending::Network
        }
    };
    let Ok(response) = JsFuture::from(js::window().fetch_with_str_and_init(endpoint, &init)).await
    else {
        return failed();
    };
    let response: Response = response.unchecked_into();
    if response.type_() == ResponseType::Opaque {
        return Ending::Answer(Outcome::Delivered);
    }
    let (status, redirected, url) = (response.status(), response.redirected(), response.url());
    // The status arrived, so the site has decided; a body cut short reads as empty.
    let text = match response.text() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()),
        Err(_) => None,
    }
    .unwrap_or_default();
    let json = wp_answer(&text);
    let outcome = if rest {
        wordpress_outcome(status, json.as_ref())
    } else {
        form_outcome(
            status,
            redirected,
            &url,
            &text,
            json.as_ref(),
            absolute.as_deref(),
        )
    };
    if let Outcome::Posted | Outcome::Held = outcome {
        // The reader's comment, shown in place in the thread (the REST answer is the
        // stored comment; form mode's is a page, so the thread uses what was sent).
        let held = outcome == Outcome::Held;
        let id = crate::submission::unapproved_id(&url);
        let answer = rest.then_some(text.as_str());
        super::thread::posted(&live(form, root), answer, id, &result.values, held);
    }
    Ending::Answer(outcome)
}

/// WordPress's JSON answer as a [`WpAnswer`] by three property reads: the serde
/// derive is the format's definition (used natively), but through serde-wasm-bindgen
/// it cost more than the card-with-form byte budget (#19) allows. A field missing,
/// `null` or not a string reads as `None`.
fn wp_answer(text: &str) -> Option<WpAnswer> {
    let answer = js_sys::JSON::parse(text).ok()?;
    let field = |key: &str| {
        js::get(&answer, &JsValue::from_str(key))
            .ok()
            .flatten()
            .and_then(|v| JsValue::from(v).as_string())
    };
    Some(WpAnswer {
        code: field("code"),
        message: field("message"),
        status: field("status"),
    })
}

/// Empties the comment box once it has been taken, unless the reader changed it
/// while it was being sent (then what they typed stays, draft included).
fn clear_sent(form: &Element, sent: &str) {
    if let Some(t) = control(form, "comment") {
        if value(&t) == sent {
            set_value(&t, "");
            storage::save_draft(&form.get_attribute("data-key").unwrap_or_default(), "");
            update_counter(form);
        }
    }
}

/// Shows how the post ended. Nothing the reader typed is removed unless the site
/// has the comment.
fn finish(form: &Element, ending: Ending, sent: &str) {
    set_busy(form, false);
    let f = strings(form);
    // After a timeout or a failed connection the first attempt may have arrived:
    // then "Try again" meets WordPress's duplicate check, which means it did.
    let uncertain = form.get_attribute("data-uncertain").is_some();
    js::remove_attr(form, "data-uncertain");
    let ok = |text: &str| {
        clear_sent(form, sent);
        set_status(form, text, Some("ok"), false);
    };
    match ending {
        Ending::Answer(Outcome::Posted) => ok(f.posted),
        Ending::Answer(Outcome::Held) => ok(f.held),
        Ending::Answer(Outcome::Delivered) => ok(f.delivered),
        Ending::Answer(Outcome::Refused {
            duplicate: true, ..
        }) if uncertain => ok(f.already),
        Ending::Answer(Outcome::Refused { reason, .. }) => {
            set_status(form, &[f.refused, &reason].concat(), Some("error"), false);
        }
        Ending::Answer(Outcome::NotStored) => set_status(form, f.not_stored, Some("error"), false),
        Ending::Answer(Outcome::RestClosed) => {
            web_sys::console::warn_1(&JsValue::from_str(REST_CLOSED_HELP));
            set_status(form, f.rest_closed, Some("error"), false);
        }
        Ending::Timeout | Ending::Network => {
            js::set_attr(form, "data-uncertain", "");
            let text = if matches!(ending, Ending::Timeout) {
                f.timeout
            } else {
                f.network
            };
            set_status(form, text, Some("error"), true);
        }
    }
}

/// For the site owner, in the console, when REST mode meets a stock WordPress.
const REST_CLOSED_HELP: &str = "[review-card] WordPress refused an anonymous REST comment (401 rest_comment_login_required): anonymous REST comments are off by default. Site owner: add add_filter('rest_allow_anonymous_comments', '__return_true'); to a plugin or your theme's functions.php, or use comments-mode=\"form\" with the endpoint /wp-comments-post.php, which a stock WordPress accepts.";
