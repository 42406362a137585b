//! The conversation in the browser: loaded a page at a time once the card nears the
//! viewport; "Show more comments", "Reply" (which sets the form's `comment_parent`),
//! and the reader's own comment shown in place after posting. Every decision about
//! content is the pure core's (`crate::thread`); this only moves data and focus.
//! A failing request shows a message with a retry button and nothing else: the card
//! and the form never depend on it.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit, ShadowRoot,
};

use super::js;
use crate::comment::CommentInput;
use crate::i18n::Locale;
use crate::thread::model::{Comment, Thread};
use crate::thread::render::{heading, render_items, render_replying, typed_html};
use crate::thread::wordpress::{list_url, Rendered, WpComment};

/// How long one page may take before it counts as failed.
const TIMEOUT_MS: u32 = 15_000;
/// How near the viewport the thread starts loading: a screen or so ahead.
const NEAR: &str = "800px 0px";

thread_local! {
    /// Each mounted thread's comments, by its section. Entries of sections no
    /// longer in a document are dropped whenever one is added (unless a page is on
    /// its way for them). Shared (`Rc`) so
    /// that one non-generic lookup serves every caller.
    static THREADS: RefCell<Vec<(Element, Rc<RefCell<Thread>>)>> = const { RefCell::new(Vec::new()) };
    /// One observer for every card's thread; `None` where there is none (then the
    /// thread loads at once).
    static OBSERVER: Option<IntersectionObserver> = observer();
}

fn observer() -> Option<IntersectionObserver> {
    let near = Closure::<dyn Fn(js_sys::Array, IntersectionObserver)>::new(
        |entries: js_sys::Array, observer: IntersectionObserver| {
            for entry in entries.iter() {
                let entry: IntersectionObserverEntry = entry.unchecked_into();
                if entry.is_intersecting() {
                    let section = entry.target();
                    observer.unobserve(&section);
                    load(section, false);
                }
            }
        },
    );
    let init = IntersectionObserverInit::new();
    init.set_root_margin(NEAR);
    let observer =
        IntersectionObserver::new_with_options(near.as_ref().unchecked_ref(), &init).ok()?;
    // The observer lives as long as the page, and so does its callback.
    near.forget();
    Some(observer)
}

/// The shadow root's property holding its thread section: after a re-render, the
/// section the new one replaced.
const SECTION_KEY: &str = "__reviewCardThread";

/// Starts watching a freshly rendered card's thread, if it has one. A card
/// rendered again (the host set a new theme or language) keeps its conversation,
/// the reader's held comment with it: what it had loaded shows at once, not fetched
/// again.
pub(crate) fn init(root: &ShadowRoot) {
    let Some(section) = js::find(root, "section.thread") else {
        return;
    };
    let before = js_sys::Reflect::get(root, &JsValue::from_str(SECTION_KEY)).ok();
    js::set(root, SECTION_KEY, &section);
    let (shown, loading) = THREADS.with(|t| {
        let mut t = t.borrow_mut();
        // The section this card showed before: no longer watched, and its thread
        // kept when it lists the same post of the same site (`unmount` lets a
        // thread go: a card mounted again starts afresh).
        let state = match t
            .iter_mut()
            .find(|(s, _)| before.as_ref() == Some(s.as_ref()))
        {
            Some(entry) => {
                unobserve(&entry.0);
                let same = ["data-src", "data-post"]
                    .iter()
                    .all(|a| entry.0.get_attribute(a) == section.get_attribute(a));
                if !same {
                    entry.1 = Rc::default();
                }
                entry.0 = section.clone();
                let t = entry.1.borrow();
                (t.pages > 0, t.loading)
            }
            None => {
                t.push((section.clone(), Rc::default()));
                (false, false)
            }
        };
        // A card rendered while out of the document keeps its entry too, and so
        // does one out of it while its page is on its way (an app moving it).
        t.retain(|(s, t)| s.is_connected() || *s == section || t.borrow().loading);
        state
    });
    // A reply under way when the card rendered again (its `comment_parent` carried
    // over with what the reader typed): the note again, focus left where it is;
    // none when that comment is not in the thread (a thread not kept).
    let to = js::find(root, "[name=\"comment_parent\"]").and_then(|p| js::as_control(&p).value());
    if let Some(to) = to {
        reply(&section, &to, false);
    }
    if shown {
        show(&section);
    }
    if loading {
        // A page on its way for the section this one replaced: it lands here.
        busy(&section);
    } else if !shown {
        OBSERVER.with(|o| match o {
            Some(o) => o.observe(&section),
            None => load(section, false),
        });
    }
}

/// Lets a card's thread go (`unmount`): no longer watched, its comments dropped.
pub(crate) fn release(root: &ShadowRoot) {
    let Some(section) = js::find(root, "section.thread") else {
        return;
    };
    unobserve(&section);
    THREADS.with(|t| t.borrow_mut().retain(|(s, _)| *s != section));
}

/// Stops watching a section (loaded, replaced or unmounted).
fn unobserve(section: &Element) {
    OBSERVER.with(|o| {
        if let Some(o) = o {
            o.unobserve(section);
        }
    });
}

/// The section's thread (a new one if the section is not known). Each caller
/// borrows it for one statement: no borrow is held across a call that borrows it.
fn thread_of(section: &Element) -> Rc<RefCell<Thread>> {
    THREADS.with(|t| {
        let mut t = t.borrow_mut();
        if let Some((_, thread)) = t.iter().find(|(s, _)| s == section) {
            return Rc::clone(thread);
        }
        let thread = Rc::<RefCell<Thread>>::default();
        t.push((section.clone(), Rc::clone(&thread)));
        thread
    })
}

fn locale_of(section: &Element) -> Locale {
    section
        .get_attribute("lang")
        .and_then(|l| Locale::from_tag(&l))
        .unwrap_or_default()
}

/// The card's ID prefix, from the heading's ID (`{prefix}-thread`).
fn prefix_of(section: &Element) -> String {
    let labelled = section.get_attribute("aria-labelledby").unwrap_or_default();
    labelled
        .strip_suffix("-thread")
        .filter(|p| crate::options::is_id(p))
        .unwrap_or("rc")
        .to_string()
}

/// Writes the status line: a message, and a retry button after a failure.
fn set_state(section: &Element, text: &str, retry: bool) {
    let label = retry.then(|| locale_of(section).strings().form.retry);
    js::set_status(section, text, retry.then_some("error"), label);
}

/// Marks the section as loading: busy, and saying so.
fn busy(section: &Element) {
    js::set_attr(section, "aria-busy", "true");
    set_state(section, locale_of(section).strings().thread.loading, false);
}

/// Loads the next page (the first, the first time). With `more` (the reader asked),
/// focus then moves to the first comment that page showed.
fn load(section: Element, more: bool) {
    let Some(src) = section.get_attribute("data-src") else {
        return;
    };
    let post = section
        .get_attribute("data-post")
        .and_then(|p| crate::number::parse_int(&p, 10))
        .unwrap_or(0);
    let thread = thread_of(&section);
    let (page, loaded) = {
        let mut t = thread.borrow_mut();
        if t.loading {
            return;
        }
        t.loading = true;
        (t.pages + 1, t.listed)
    };
    let url = list_url(&src, post, page);
    busy(&section);
    let root = js::root_of(&section);
    wasm_bindgen_futures::spawn_local(async move {
        let answer = fetch_page(&url, page > 1).await;
        thread.borrow_mut().loading = false;
        // The section showing this thread now: this one, or the one that replaced
        // it when the card rendered again; none once unmounted or given another post.
        let Some(section) = js::find(&root, "section.thread") else {
            return;
        };
        if !Rc::ptr_eq(&thread_of(&section), &thread) {
            return;
        }
        js::remove_attr(&section, "aria-busy");
        let Some((comments, total)) = answer else {
            set_state(&section, locale_of(&section).strings().thread.failed, true);
            if more {
                // The button that was pressed may stay; the retry is next to it.
                if let Some(retry) = js::find(&section, ".retry") {
                    js::focus(&retry);
                }
            }
            return;
        };
        thread.borrow_mut().add_page(&comments, total);
        set_state(&section, "", false);
        show(&section);
        if more {
            focus_first_new(&section, loaded);
        }
    });
}

/// Fetches one page: the comments and WordPress's count of them. `None` on any
/// failure (network, timeout, an error status, an answer that is not a list). Past
/// the first page WordPress answers 400 for a page past the end (after a full last
/// page, without `X-WP-Total`): no comments, no more pages.
async fn fetch_page(url: &str, later: bool) -> Option<(Vec<WpComment>, Option<u64>)> {
    use wasm_bindgen_futures::JsFuture;
    // web-sys's fetch, as the form posts: gloo-net's `http` wrapper for this one
    // GET cost more than the card-with-form byte budget (#19) leaves.
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS)));
    let request = js::window().fetch_with_str_and_init(url, &init);
    let response: web_sys::Response = JsFuture::from(request).await.ok()?.unchecked_into();
    if !response.ok() {
        return (later && response.status() == 400).then(|| (Vec::new(), None));
    }
    let total = response
        .headers()
        .get("x-wp-total")
        .ok()
        .flatten()
        .and_then(|t| crate::number::parse_int(t.trim(), 10));
    // `json()` of the Response itself: the answer goes from the browser's parser to
    // the property reads of `wp_comment` without a copy of its text in the wasm.
    let json = JsFuture::from(response.json().ok()?).await.ok()?;
    if !js_sys::Array::is_array(&json) {
        return None;
    }
    // An entry that is not a comment (no ID) is left out; the rest still show.
    let comments = js_sys::Array::from(&json)
        .iter()
        .filter_map(|c| wp_comment(&c))
        .collect();
    Some((comments, total))
}

/// One of WordPress's comment objects as a [`WpComment`], by a few property reads:
/// the serde derive (the format's definition, used natively) through
/// serde-wasm-bindgen cost more than the card-with-form byte budget (#19) leaves.
/// Same rules: `id` required, anything else missing, `null` or
/// of another type read as empty.
fn wp_comment(v: &JsValue) -> Option<WpComment> {
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).ok();
    let text = |k: &str| get(v, k).and_then(|x| x.as_string()).unwrap_or_default();
    let num = |k: &str| {
        get(v, k)
            .and_then(|x| x.as_f64())
            .filter(|n| *n >= 0.0 && n.fract() == 0.0)
            .map(|n| n as u64)
    };
    Some(WpComment {
        id: num("id")?,
        parent: num("parent").unwrap_or(0),
        author_name: text("author_name"),
        author_url: text("author_url"),
        date: text("date"),
        date_gmt: text("date_gmt"),
        content: Rendered {
            rendered: get(v, "content")
                .and_then(|c| get(&c, "rendered"))
                .and_then(|x| x.as_string())
                .unwrap_or_default(),
        },
        status: text("status"),
    })
}

/// Renders the section from its thread: heading, list, "Show more comments".
fn show(section: &Element) {
    let locale = locale_of(section);
    let prefix = prefix_of(section);
    // No count before WordPress's first page: the reader's own comment alone is not one.
    let (items, title, more) = {
        let thread = thread_of(section);
        let t = thread.borrow();
        (
            render_items(&t, &prefix, locale),
            (t.pages > 0).then(|| heading(t.count(), locale)),
            t.has_more(),
        )
    };
    if let Some(list) = js::find(section, ".thread-list") {
        let _ = js::set_html(&list, &items);
    }
    if let (Some(h), Some(title)) = (js::find(section, ".thread-title"), title) {
        h.set_text_content(Some(&title));
    }
    if let Some(button) = js::find(section, ".thread-more") {
        js::toggle_attr(&button, "hidden", !more);
    }
}

/// Moves focus to the oldest comment the page added (the one after the `loaded`
/// first), else to "Show more" or the heading.
fn focus_first_new(section: &Element, loaded: usize) {
    let id = thread_of(section)
        .borrow()
        .comments
        .get(loaded)
        .map(|c| c.id);
    let target = id
        .and_then(|id| js::find(section, &article_selector(id)))
        .or_else(|| js::find(section, ".thread-more:not([hidden])"))
        .or_else(|| js::find(section, ".thread-title"));
    if let Some(t) = target {
        js::focus(&t);
    }
}

fn article_selector(id: u64) -> String {
    let mut s = String::from(".c[data-id=\"");
    crate::number::push_u64(&mut s, id);
    s.push_str("\"] > .c-main");
    s
}

/// Handles a click on a button of the thread or of the "Replying to" note.
pub(crate) fn on_click(button: &Element) {
    let Some(section) = js::closest(button, "section.thread") else {
        if js::matches(button, ".cancel-reply") {
            if let Some(form) = js::closest(button, "form.form") {
                cancel_reply(&form, true);
            }
        }
        return;
    };
    if js::matches(button, ".thread-more, .retry") {
        // Focus moves on to what loads (a retry button goes with the failure).
        load(section, true);
    } else if js::matches(button, ".c-reply") {
        reply(
            &section,
            &button.get_attribute("data-reply").unwrap_or_default(),
            true,
        );
    }
}

fn form_of(section: &Element) -> Option<Element> {
    js::find(&js::root_of(section), "form.form")
}

/// "Reply" to the comment whose ID is `to` (as the markup wrote it): the form's
/// `comment_parent` set, a note saying whom the reader answers (with "Cancel
/// reply") at the top of the form, and with `focus` the comment field focused.
/// With no such comment in the thread, the form replies to nothing.
fn reply(section: &Element, to: &str, focus: bool) {
    let Some(form) = form_of(section) else {
        return;
    };
    cancel_reply(&form, false);
    let Some(id) = crate::number::parse_int(to, 10) else {
        return;
    };
    let author = thread_of(section)
        .borrow()
        .comments
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.author.clone());
    let Some(author) = author else {
        return;
    };
    let Some(parent) = js::find(&form, "[name=\"comment_parent\"]") else {
        return;
    };
    js::as_control(&parent).set_value(to);
    let prefix = prefix_of(section);
    let html = render_replying(&prefix, id, &author, locale_of(section));
    let note_id = [prefix.as_str(), "-replying"].concat();
    let _ = js::insert_html(&form, "afterbegin", &html);
    if let Some(text) = js::find(&form, "[name=\"comment\"]") {
        // The note describes the comment field too, so it is heard on arrival.
        super::form::describe(&text, &note_id, true);
        if focus {
            js::focus(&text);
        }
    }
}

/// Stops replying: `comment_parent` back to 0, the note removed. With `refocus`,
/// focus returns to the "Reply" button the reader came from.
fn cancel_reply(form: &Element, refocus: bool) {
    if let Some(parent) = js::find(form, "[name=\"comment_parent\"]") {
        js::as_control(&parent).set_value("0");
    }
    let Some(note) = js::find(form, ".replying") else {
        return;
    };
    let note_id = note.get_attribute("id").unwrap_or_default();
    let to = note.get_attribute("data-to").unwrap_or_default();
    note.remove();
    if let Some(text) = js::find(form, "[name=\"comment\"]") {
        super::form::describe(&text, &note_id, false);
    }
    if refocus {
        let root = js::root_of(form);
        // Digits only (the markup wrote them), so safe in a selector as they are.
        let back = crate::number::parse_int(&to, 10)
            .and_then(|_| js::find(&root, &[".c-reply[data-reply=\"", &to, "\"]"].concat()))
            .or_else(|| js::find(form, "[name=\"comment\"]"));
        if let Some(b) = back {
            js::focus(&b);
        }
    }
}

/// After a post the server accepted: the reader's comment shown in place (under
/// its parent when it was a reply), marked while it awaits moderation, and focused.
/// `answer` is the REST API's answer (the created comment); without it (the form
/// mode, whose answer is a page) the comment is built from what was sent, under
/// `id` (WordPress's, from a held comment's redirect) or one of the widget's own.
pub(crate) fn posted(
    form: &Element,
    answer: Option<&str>,
    id: Option<u64>,
    values: &CommentInput,
    held: bool,
) {
    let root = js::root_of(form);
    let Some(section) = js::find(&root, "section.thread") else {
        return;
    };
    let parent = js::find(form, "[name=\"comment_parent\"]")
        .and_then(|p| js::as_control(&p).value())
        .and_then(|p| crate::number::parse_int(&p, 10))
        .unwrap_or(0);
    let from_server = answer
        .and_then(|a| js_sys::JSON::parse(a).ok())
        .and_then(|v| wp_comment(&v));
    let mut comment = match from_server {
        Some(c) => Comment::from_wordpress(&c),
        None => {
            let id = id.unwrap_or_else(|| thread_of(&section).borrow().local_id());
            Comment::from_wordpress(&WpComment {
                id,
                parent,
                author_name: crate::escape::escape(&values.author),
                author_url: values.url.clone(),
                ..WpComment::default()
            })
        }
    };
    if answer.is_none() || comment.html.is_empty() {
        comment.html = typed_html(&values.comment);
    }
    comment.held = held;
    let id = comment.id;
    thread_of(&section).borrow_mut().add_own(comment);
    cancel_reply(form, false);
    show(&section);
    if let Some(article) = js::find(&section, &article_selector(id)) {
        js::focus(&article);
    }
}
