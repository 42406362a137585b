//! Browser tests of the comment form: typing into the real form and checking what a
//! reader (and a screen reader) gets. Run with `wasm-pack test --headless`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement, ShadowRoot};

mod support;
use support::{fetches, mock_fetch, sleep, window};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a card with the comment form for a review titled `title`.
fn mount_form(title: &str, comments: &str) -> (Element, ShadowRoot) {
    let doc = window().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    let root = remount(&el, title, comments);
    (el, root)
}

/// Mounts (again) into an existing element.
fn remount(el: &Element, title: &str, comments: &str) -> ShadowRoot {
    let review = [
        "{\"title\":",
        &serde_json::to_string(title).unwrap(),
        ",\"url\":\"/reviews/x\"}",
    ]
    .concat();
    let options = js_sys::JSON::parse(&["{\"comments\":", comments, "}"].concat()).unwrap();
    review_card::mount(el, &JsValue::from_str(&review), &options).unwrap();
    el.shadow_root().unwrap()
}

fn find(root: &ShadowRoot, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn field(root: &ShadowRoot, name: &str) -> Element {
    find(root, &["[name=\"", name, "\"]"].concat())
}

fn value_of(root: &ShadowRoot, name: &str) -> String {
    let el = field(root, name);
    match el.dyn_ref::<HtmlTextAreaElement>() {
        Some(t) => t.value(),
        None => el.unchecked_ref::<HtmlInputElement>().value(),
    }
}

/// Replaces a field's text the way typing does: value changes, then `input` fires.
fn type_into(root: &ShadowRoot, name: &str, text: &str) {
    let el = field(root, name);
    match el.dyn_ref::<HtmlTextAreaElement>() {
        Some(t) => t.set_value(text),
        None => el.unchecked_ref::<HtmlInputElement>().set_value(text),
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn tick_consent(root: &ShadowRoot, on: bool) {
    let c: HtmlInputElement = field(root, "wp-comment-cookies-consent").unchecked_into();
    if c.checked() != on {
        c.click(); // fires change
    }
}

fn click(root: &ShadowRoot, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
}

fn click_post_comment(root: &ShadowRoot) {
    click(root, "button.submit");
}

fn fill_valid(root: &ShadowRoot) {
    type_into(root, "comment", "A bruising, tender film.");
    type_into(root, "author", "Ada");
    type_into(root, "email", "ada@example.com");
}

fn status_text(root: &ShadowRoot) -> String {
    find(root, ".status").text_content().unwrap_or_default()
}

/// Waits (up to 5 s) until the status line has its verdict: the post is async, and
/// a loaded machine can take longer than any fixed sleep.
async fn settled(root: &ShadowRoot) {
    for _ in 0..250 {
        if find(root, ".status").get_attribute("data-kind").is_some() {
            return;
        }
        sleep(20).await;
    }
}

/// The form's POSTs (the thread under the form GETs its comments).
fn posts() -> js_sys::Array {
    fetches("POST")
}

fn clear_storage() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    window()
        .session_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

#[wasm_bindgen_test]
fn form_has_labels_notes_and_native_constraints() {
    clear_storage();
    let (_el, root) = mount_form("Form shape", "true");
    let comment = field(&root, "comment");
    assert!(comment.has_attribute("required"));
    // No maxlength: it would cut pasted text silently (UTF-16 units, not bytes).
    assert_eq!(comment.get_attribute("maxlength"), None);
    let email = field(&root, "email");
    assert_eq!(email.get_attribute("type").as_deref(), Some("email"));
    assert_eq!(
        email.get_attribute("autocomplete").as_deref(),
        Some("email")
    );
    let note_id = email.get_attribute("aria-describedby").unwrap();
    assert_eq!(
        root.get_element_by_id(&note_id)
            .unwrap()
            .text_content()
            .unwrap(),
        "Your email address will not be published."
    );
    assert_eq!(
        find(&root, "label[for=\"rc-author\"]")
            .text_content()
            .unwrap(),
        "Name *"
    );
    assert!(find(&root, ".notes")
        .text_content()
        .unwrap()
        .contains("Required fields are marked *"));
    assert_eq!(
        find(&root, "label[for=\"rc-consent\"]")
            .text_content()
            .unwrap(),
        "Save my name, email, and website in this browser for the next time I comment."
    );
    assert_eq!(
        find(&root, "form").get_attribute("method").as_deref(),
        Some("post")
    );
    let hp = find(&root, ".hp");
    assert_eq!(hp.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert_eq!(
        field(&root, "rc_trap").get_attribute("tabindex").as_deref(),
        Some("-1")
    );
}

#[wasm_bindgen_test]
fn failed_submit_focuses_the_summary_whose_links_reach_the_fields() {
    clear_storage();
    let (_el, root) = mount_form("Summary focus", "{\"minFillMs\":0}");
    type_into(&root, "email", "not-an-email");
    click_post_comment(&root);
    let summary = find(&root, ".summary");
    assert!(!summary.has_attribute("hidden"));
    assert_eq!(
        root.active_element().as_ref(),
        Some(&summary),
        "the summary takes focus"
    );
    let links = summary.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 3);
    let texts: Vec<String> = (0..links.length())
        .map(|i| links.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "Enter your comment",
            "Enter your name",
            "Enter an email address like name@example.com"
        ]
    );
    // Following the email link focuses the email field.
    links
        .item(2)
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    assert_eq!(root.active_element().as_ref(), Some(&field(&root, "email")));
}

#[wasm_bindgen_test]
fn invalid_fields_are_marked_and_described_then_cleared_when_fixed() {
    clear_storage();
    let (_el, root) = mount_form("Invalid marks", "{\"minFillMs\":0}");
    type_into(&root, "email", "nope");
    click_post_comment(&root);
    let email = field(&root, "email");
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        email.get_attribute("aria-describedby").as_deref(),
        Some("rc-email-error rc-email-note")
    );
    let error = find(&root, "#rc-email-error");
    assert_eq!(
        error.text_content().unwrap(),
        "Error: Enter an email address like name@example.com"
    );
    assert!(!error.has_attribute("hidden"));
    let comment = field(&root, "comment");
    assert_eq!(
        comment.get_attribute("aria-describedby").as_deref(),
        Some("rc-comment-error rc-count")
    );

    // Fixing the email clears its error at once; the others stay.
    type_into(&root, "email", "ada@example.com");
    assert_eq!(email.get_attribute("aria-invalid"), None);
    assert_eq!(
        email.get_attribute("aria-describedby").as_deref(),
        Some("rc-email-note")
    );
    assert!(find(&root, "#rc-email-error").has_attribute("hidden"));
    assert_eq!(
        find(&root, ".summary")
            .query_selector_all("li")
            .unwrap()
            .length(),
        2
    );
    assert_eq!(
        comment.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );

    type_into(&root, "comment", "Fixed.");
    type_into(&root, "author", "Ada");
    assert!(
        find(&root, ".summary").has_attribute("hidden"),
        "summary hides when nothing is wrong"
    );
}

#[wasm_bindgen_test]
fn counter_counts_bytes_honestly() {
    clear_storage();
    let (_el, root) = mount_form("Counter", "true");
    type_into(&root, "comment", "漢😀é");
    assert_eq!(
        find(&root, ".count-value").text_content().unwrap(),
        "65,516 bytes left"
    );
    type_into(&root, "comment", &"é".repeat(32763));
    assert_eq!(
        find(&root, ".count-value").text_content().unwrap(),
        "1 bytes too many"
    );
    assert!(find(&root, ".count").has_attribute("data-over"));
}

#[wasm_bindgen_test]
fn draft_survives_remounting_and_a_failed_submit() {
    clear_storage();
    let (el, root) = mount_form("Draft", "{\"minFillMs\":0}");
    type_into(&root, "comment", "Half-written thoughts");
    click_post_comment(&root); // fails: no name, no email
    assert_eq!(
        value_of(&root, "comment"),
        "Half-written thoughts",
        "a failed submit clears nothing"
    );
    el.remove();
    let doc = window().document().unwrap();
    let again = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&again).unwrap();
    let root = remount(&again, "Draft", "true");
    assert_eq!(value_of(&root, "comment"), "Half-written thoughts");
}

#[wasm_bindgen_test]
fn bare_website_is_completed_where_the_reader_sees_it() {
    clear_storage();
    let (el, root) = mount_form("Website", "{\"minFillMs\":0}");
    let seen = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
    let s = seen.clone();
    let handler = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::CustomEvent)>::new(
        move |e: web_sys::CustomEvent| {
            e.prevent_default();
            *s.borrow_mut() = js_sys::JSON::stringify(&e.detail())
                .unwrap()
                .as_string()
                .unwrap();
        },
    );
    el.add_event_listener_with_callback("review-card:comment", handler.as_ref().unchecked_ref())
        .unwrap();
    fill_valid(&root);
    type_into(&root, "url", "example.com");
    click_post_comment(&root);
    assert_eq!(value_of(&root, "url"), "https://example.com");
    // The review's relative url, resolved against the page (see README, "Links and URLs").
    let origin = window().location().origin().unwrap();
    assert_eq!(
        seen.borrow().as_str(),
        [
            r#"{"author":"Ada","email":"ada@example.com","url":"https://example.com","comment":"A bruising, tender film.","reviewUrl":""#,
            &origin,
            r#"/reviews/x","spam":null}"#
        ]
        .concat()
    );
    assert_eq!(status_text(&root), "Your comment was passed to the site.");
}

#[wasm_bindgen_test]
fn consent_decides_what_is_remembered() {
    clear_storage();
    let (_el, root) = mount_form("Consent", "{\"minFillMs\":0}");
    fill_valid(&root);
    click_post_comment(&root); // no endpoint: the comment stays, details are not saved
    let local = window().local_storage().unwrap().unwrap();
    assert_eq!(local.get_item("review-card:commenter").unwrap(), None);

    tick_consent(&root, true);
    click_post_comment(&root);
    assert_eq!(
        local.get_item("review-card:commenter").unwrap().as_deref(),
        Some(r#"{"author":"Ada","email":"ada@example.com","url":""}"#)
    );
    // A new card fills the details in and ticks the box.
    let (_el2, root2) = mount_form("Another review", "true");
    assert_eq!(value_of(&root2, "author"), "Ada");
    assert_eq!(value_of(&root2, "email"), "ada@example.com");
    assert!(field(&root2, "wp-comment-cookies-consent")
        .unchecked_into::<HtmlInputElement>()
        .checked());

    // Unticking forgets them.
    tick_consent(&root2, false);
    assert_eq!(local.get_item("review-card:commenter").unwrap(), None);
}

#[wasm_bindgen_test]
async fn failing_endpoint_keeps_every_field_and_offers_retry() {
    clear_storage();
    mock_fetch("return Promise.reject(new TypeError('Failed to fetch'));");
    let (_el, root) = mount_form(
        "Offline",
        "{\"endpoint\":\"/wp-json/wp/v2/comments\",\"postId\":7,\"minFillMs\":0}",
    );
    fill_valid(&root);
    type_into(&root, "url", "https://ada.example");
    click_post_comment(&root);
    settled(&root).await;
    assert_eq!(posts().length(), 1);
    assert_eq!(value_of(&root, "comment"), "A bruising, tender film.");
    assert_eq!(value_of(&root, "author"), "Ada");
    assert_eq!(value_of(&root, "email"), "ada@example.com");
    assert_eq!(value_of(&root, "url"), "https://ada.example");
    assert!(status_text(&root)
        .starts_with("The connection failed before the site answered, so this page cannot tell"));
    assert!(
        find(&root, "button.submit")
            .get_attribute("disabled")
            .is_none(),
        "the button works again"
    );
    // Retry sends again.
    click(&root, ".status button.retry");
    sleep(50).await;
    assert_eq!(posts().length(), 2);
}

#[wasm_bindgen_test]
async fn double_submit_posts_once_and_busy_state_shows() {
    clear_storage();
    mock_fetch(
        "return new Promise(function (ok) { setTimeout(function () { ok(new Response(JSON.stringify({ id: 1, status: 'hold' }), { status: 201, headers: { 'content-type': 'application/json' } })); }, 100); });",
    );
    let (_el, root) = mount_form(
        "Double",
        "{\"endpoint\":\"/wp-json/wp/v2/comments\",\"mode\":\"wordpress\",\"postId\":7,\"minFillMs\":0}",
    );
    fill_valid(&root);
    click_post_comment(&root);
    let form = find(&root, "form");
    assert_eq!(form.get_attribute("aria-busy").as_deref(), Some("true"));
    assert!(find(&root, "button.submit").has_attribute("disabled"));
    assert_eq!(status_text(&root), "Sending your comment…");
    // A second submit (Enter in a field, or a fast double click) while in flight.
    form.unchecked_ref::<web_sys::HtmlFormElement>()
        .request_submit()
        .unwrap();
    sleep(250).await;
    assert_eq!(posts().length(), 1, "sent once");
    let body = js_sys::Reflect::get(&posts().get(0), &"body".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(
        body,
        r#"{"author_name":"Ada","author_email":"ada@example.com","author_url":"","content":"A bruising, tender film.","post":7}"#
    );
    assert_eq!(
        status_text(&root),
        "Thank you, your comment is awaiting moderation."
    );
    assert_eq!(
        value_of(&root, "comment"),
        "",
        "the comment is cleared after success"
    );
    assert_eq!(value_of(&root, "author"), "Ada");
    assert_eq!(form.get_attribute("aria-busy"), None);
    // The draft's key holds the review's url, resolved against the page.
    let key = [
        "review-card:draft:",
        &window().location().origin().unwrap(),
        "/reviews/x",
    ]
    .concat();
    assert_eq!(
        window()
            .session_storage()
            .unwrap()
            .unwrap()
            .get_item(&key)
            .unwrap(),
        None
    );
}

#[wasm_bindgen_test]
async fn server_refusal_is_announced_with_its_reason() {
    clear_storage();
    mock_fetch(
        "return Promise.resolve(new Response(JSON.stringify({ code: 'comment_duplicate', message: 'Duplicate comment detected; it looks as though you&#8217;ve already said that!' }), { status: 409 }));",
    );
    let (_el, root) = mount_form("Refused", "{\"endpoint\":\"/c\",\"minFillMs\":0}");
    fill_valid(&root);
    click_post_comment(&root);
    settled(&root).await;
    assert_eq!(
        status_text(&root),
        "Your comment was not accepted: Duplicate comment detected; it looks as though you’ve already said that!"
    );
    assert_eq!(value_of(&root, "comment"), "A bruising, tender film.");
}

#[wasm_bindgen_test]
async fn form_mode_posts_urlencoded_fields() {
    clear_storage();
    mock_fetch("return Promise.resolve(new Response('', { status: 200 }));");
    let (_el, root) = mount_form(
        "Form mode",
        "{\"endpoint\":\"/wp-comments-post.php\",\"mode\":\"form\",\"postId\":12,\"minFillMs\":0}",
    );
    fill_valid(&root);
    click_post_comment(&root);
    sleep(50).await;
    let post = posts().get(0);
    assert_eq!(
        js_sys::Reflect::get(&post, &"url".into())
            .unwrap()
            .as_string()
            .unwrap(),
        "/wp-comments-post.php"
    );
    let body = js_sys::Reflect::get(&post, &"body".into())
        .unwrap()
        .as_string()
        .unwrap();
    // WordPress is asked to redirect to wp-comments-post.php itself (a 405 at once,
    // not a render of the post), absolute as wp_safe_redirect needs.
    let origin = window().location().origin().unwrap();
    assert_eq!(
        body,
        [
            "author=Ada&email=ada%40example.com&url=&comment=A+bruising%2C+tender+film.&comment_post_ID=12&comment_parent=0&redirect_to=",
            &String::from(js_sys::encode_uri_component(&[&origin, "/wp-comments-post.php"].concat())),
        ]
        .concat()
    );
}

#[wasm_bindgen_test]
async fn honeypot_and_fill_time_stop_the_post_and_say_so_in_the_event() {
    clear_storage();
    mock_fetch("return Promise.resolve(new Response('{}', { status: 201 }));");
    // Fill time: the default 3 seconds have not passed.
    let (el, root) = mount_form("Too fast", "{\"endpoint\":\"/c\"}");
    let spam = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let s = spam.clone();
    let handler = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::CustomEvent)>::new(
        move |e: web_sys::CustomEvent| {
            let v = js_sys::Reflect::get(&e.detail(), &"spam".into()).unwrap();
            s.borrow_mut()
                .push(v.as_string().unwrap_or_else(|| "null".into()));
        },
    );
    el.add_event_listener_with_callback("review-card:comment", handler.as_ref().unchecked_ref())
        .unwrap();
    fill_valid(&root);
    click_post_comment(&root);
    // Honeypot: a bot fills the hidden field.
    let (el2, root2) = mount_form("Honeypot", "{\"endpoint\":\"/c\",\"minFillMs\":0}");
    el2.add_event_listener_with_callback("review-card:comment", handler.as_ref().unchecked_ref())
        .unwrap();
    fill_valid(&root2);
    type_into(&root2, "rc_trap", "http://spam.example");
    click_post_comment(&root2);
    sleep(50).await;
    assert_eq!(posts().length(), 0, "nothing is sent");
    assert_eq!(
        *spam.borrow(),
        vec!["too_fast".to_string(), "honeypot".to_string()]
    );
    assert!(
        status_text(&root).starts_with("Your comment was not sent because it looked automated.")
    );
    assert_eq!(value_of(&root, "comment"), "A bruising, tender film.");
}

#[wasm_bindgen_test]
fn validate_comment_export_returns_codes_and_cleaned_values() {
    let fields = js_sys::JSON::parse(
        r#"{"author":" Ada ","email":"x","url":"example.com","comment":"a\r\nb"}"#,
    )
    .unwrap();
    let result = review_card::validate_comment(&fields, None).unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&result)
            .unwrap()
            .as_string()
            .unwrap(),
        r#"{"valid":false,"errors":[{"field":"email","code":"invalid_email","message":"Enter an email address like name@example.com"}],"values":{"comment":"a\nb","author":"Ada","email":"x","url":"https://example.com"}}"#
    );
}

#[wasm_bindgen_test]
fn validate_comment_lists_every_error_in_the_readers_language() {
    let fields = js_sys::JSON::parse(r#"{"url":"javascript:alert(1)"}"#).unwrap();
    let result = review_card::validate_comment(&fields, Some("fr".into())).unwrap();
    let json = js_sys::JSON::stringify(&result)
        .unwrap()
        .as_string()
        .unwrap();
    assert!(json.starts_with(r#"{"valid":false,"errors":[{"field":"comment","code":"required","message":"Saisissez votre commentaire"},{"field":"author","code":"required","#), "{json}");
    assert!(json.contains(r#"{"field":"url","code":"invalid_url","message":"Saisissez une adresse de site comme https://exemple.fr, ou laissez vide"}"#), "{json}");
    assert!(
        json.ends_with(
            r#""values":{"comment":"","author":"","email":"","url":"javascript:alert(1)"}}"#
        ),
        "{json}"
    );
}

#[wasm_bindgen_test]
fn validate_comment_refuses_non_string_fields_precisely() {
    let fields = js_sys::JSON::parse(r#"{"author":5}"#).unwrap();
    let err: JsValue = review_card::validate_comment(&fields, None)
        .unwrap_err()
        .into();
    let err: js_sys::Error = err.dyn_into().unwrap();
    assert_eq!(
        String::from(err.message()),
        "fields.author: expected a string"
    );
    let err: JsValue = review_card::validate_comment(&JsValue::from_str("x"), None)
        .unwrap_err()
        .into();
    assert_eq!(
        String::from(err.dyn_into::<js_sys::Error>().unwrap().message()),
        "fields: expected an object"
    );
}

#[wasm_bindgen_test]
async fn a_re_render_keeps_the_fill_time_and_a_post_under_way_ends_in_the_new_form() {
    clear_storage();
    mock_fetch(
        "if (init && init.method === 'POST') return new Promise(function (ok) { setTimeout(function () { ok(new Response(JSON.stringify({ id: 1, status: 'hold' }), { status: 201, headers: { 'content-type': 'application/json' } })); }, 300); }); return Promise.resolve(new Response('[]', { status: 200 }));",
    );
    let comments = "{\"endpoint\":\"/wp-json/wp/v2/comments\",\"mode\":\"wordpress\",\"postId\":7,\"minFillMs\":400}";
    let (el, root) = mount_form("Re-rendered", comments);
    fill_valid(&root);
    sleep(450).await;
    // The host switches the card's theme just before the reader sends: the time
    // since the form was first shown counts, so the comment goes.
    remount(&el, "Re-rendered", comments);
    click_post_comment(&root);
    assert_eq!(status_text(&root), "Sending your comment…");
    sleep(20).await;
    assert_eq!(posts().length(), 1, "not held back as too fast");
    // Rendered again while the post is under way: the new form shows it busy, and
    // the verdict arrives in it.
    remount(&el, "Re-rendered", comments);
    let form = find(&root, "form");
    assert_eq!(form.get_attribute("aria-busy").as_deref(), Some("true"));
    assert!(find(&root, "button.submit").has_attribute("disabled"));
    assert_eq!(status_text(&root), "Sending your comment…");
    settled(&root).await;
    assert_eq!(
        status_text(&root),
        "Thank you, your comment is awaiting moderation."
    );
    assert_eq!(form.get_attribute("aria-busy"), None);
    assert!(!find(&root, "button.submit").has_attribute("disabled"));
    assert_eq!(
        value_of(&root, "comment"),
        "",
        "the sent comment is cleared"
    );
    assert_eq!(posts().length(), 1);
    // The reader's held comment shows in the thread under the new form.
    assert!(root
        .query_selector(".thread .c[data-id=\"1\"]")
        .unwrap()
        .is_some());
    el.remove();
}
