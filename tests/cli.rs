//! The command-line renderer for static sites.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_review-card");

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn renders_the_sample_to_a_static_fragment_with_json_ld() {
    let (ok, html, err) = run(&["tests/fixtures/rust-and-bone.json"]);
    assert!(ok, "{err}");
    assert!(html
        .starts_with("<review-card data-rendered><template shadowrootmode=\"open\"><style>:host{"));
    assert!(html.contains(
        "<h2 class=\"title\" part=\"title\" dir=\"auto\" id=\"rc-title\">Rust &amp; Bone</h2>"
    ));
    assert!(
        !html.contains("<button"),
        "no control that needs JavaScript"
    );
    assert!(
        html.contains("feels duly earned.</p>"),
        "the whole review is shown"
    );
    let ld_start = html
        .find("<script type=\"application/ld+json\" data-review-card-generated>")
        .unwrap();
    let ld = &html[ld_start..];
    let json = &ld[ld.find('>').unwrap() + 1..ld.find("</script>").unwrap()];
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(v["itemReviewed"]["director"]["name"], "Jacques Audiard");
}

#[test]
fn options_are_passed_through() {
    let (ok, html, err) = run(&[
        "--lang",
        "fr",
        "--theme",
        "dark",
        "--heading-level",
        "3",
        "--no-json-ld",
        "tests/fixtures/rust-and-bone.json",
    ]);
    assert!(ok, "{err}");
    assert!(html.contains("aria-label=\"Note : 7,2 sur 10\""));
    assert!(html.contains("data-theme=\"dark\""));
    assert!(html.contains("<h3 class=\"title\""));
    assert!(!html.contains("ld+json"));
}

#[test]
fn bad_input_is_a_precise_error_and_exit_status_1() {
    let dir = std::env::temp_dir().join("review-card-cli-test.json");
    std::fs::write(&dir, r#"{"title":"x","score":{"value":12}}"#).unwrap();
    let (ok, out, err) = run(&[dir.to_str().unwrap()]);
    assert!(!ok);
    assert_eq!(out, "");
    assert_eq!(
        err.trim(),
        [
            "review-card: ",
            dir.to_str().unwrap(),
            ": score.value: 12 is above max 10"
        ]
        .concat()
    );
    let (ok, _, err) = run(&["/nonexistent/review.json"]);
    assert!(!ok);
    assert!(
        err.starts_with("review-card: /nonexistent/review.json: "),
        "{err}"
    );
    let (ok, _, err) = run(&["--theme"]);
    assert!(!ok);
    assert_eq!(err.trim(), "review-card: --theme needs a value");
}

#[test]
fn the_static_fragment_carries_the_image_and_its_json_ld() {
    let dir = std::env::temp_dir().join("review-card-cli-image.json");
    std::fs::write(
        &dir,
        r#"{"title":"Rust & Bone","kind":"film","image":{"src":"/posters/rb.svg","alt":"Poster","width":200,"height":300}}"#,
    )
    .unwrap();
    let (ok, html, err) = run(&[dir.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(html.contains("<div class=\"image\" part=\"image\"><img src=\"/posters/rb.svg\" alt=\"Poster\" width=\"200\" height=\"300\" loading=\"lazy\" decoding=\"async\"></div>"), "{html}");
    assert!(html.contains("\"itemReviewed\":{\"@type\":\"Movie\",\"name\":\"Rust \\u0026 Bone\",\"image\":\"/posters/rb.svg\""), "{html}");
}
