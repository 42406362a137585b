//! Times the pure core on the sample review (native): `cargo run --release --example profile_render`.
#[cfg(not(target_arch = "wasm32"))]
use std::time::Instant;

#[cfg(not(target_arch = "wasm32"))]
use review_card::{parse_review, render_card, Settings};

// Native only: it reads the sample's JSON text with serde_json.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let json = include_str!("../tests/fixtures/rust-and-bone.json");
    let settings = Settings::new();
    let n = 5000;
    let t = Instant::now();
    let mut reviews = Vec::new();
    for _ in 0..n {
        reviews.push(parse_review(json).expect("the sample parses"));
    }
    let parse = t.elapsed();
    let t = Instant::now();
    let mut bytes = 0;
    for r in &reviews {
        bytes += render_card(r, &settings).len();
    }
    let render = t.elapsed();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(serde_json::from_str::<serde_json::Value>(json).expect("valid JSON"));
    }
    let json_only = t.elapsed();
    let per = |d: std::time::Duration| d.as_secs_f64() * 1e6 / n as f64;
    println!(
        "per card: json {:.1} µs, parse (json + validate) {:.1} µs, render {:.1} µs ({} bytes)",
        per(json_only),
        per(parse),
        per(render),
        bytes / n
    );
}
