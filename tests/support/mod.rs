//! What the browser tests share: the window, a sleep, and a `fetch` that answers
//! as the test says and records every call.
#![allow(dead_code)] // each test file uses what it needs

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

/// Replaces `fetch`: `answer` is JS given `url` and `init`, returning a Promise of
/// a Response. Every call is recorded in `window.__fetches` as
/// `{ url, method, body, headers }`.
pub fn mock_fetch(answer: &str) {
    let setup = [
        "window.__fetches = []; window.fetch = function (url, init) { window.__fetches.push({ url: String(url), method: (init && init.method) || 'GET', body: init && init.body, headers: init && init.headers }); ",
        answer,
        " };",
    ]
    .concat();
    js_sys::Function::new_no_args(&setup)
        .call0(&JsValue::NULL)
        .unwrap();
}

/// The recorded calls with this method (`POST` for the form, `GET` for the thread).
pub fn fetches(method: &str) -> js_sys::Array {
    let all: js_sys::Array = js_sys::Reflect::get(&window(), &"__fetches".into())
        .unwrap()
        .unchecked_into();
    all.iter()
        .filter(|c| {
            js_sys::Reflect::get(c, &"method".into())
                .unwrap()
                .as_string()
                .as_deref()
                == Some(method)
        })
        .collect()
}
