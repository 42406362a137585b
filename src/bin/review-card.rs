//! `review-card`: renders a review JSON file to an HTML fragment that displays
//! correctly without JavaScript (declarative shadow DOM with the styles inside, the
//! whole review shown) and carries schema.org JSON-LD, for static site generators.
//!
//! ```text
//! review-card [--lang en|fr] [--theme light|dark|auto] [--heading-level 2-6]
//!             [--no-json-ld] [--comments-endpoint URL [--comments-mode wordpress|form]
//!             [--comments-post-id N]] FILE.json|-
//! ```
#![forbid(unsafe_code)]

// Native only: it reads JSON text with serde_json, which the wasm build leaves out.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{Read, Write};
    use std::process::ExitCode;

    use review_card::{parse_options, parse_review, render_document};
    use serde_json::{Map, Value};

    const USAGE: &str = "usage: review-card [--lang en|fr] [--theme light|dark|auto] [--heading-level 2-6] [--no-json-ld] [--comments-endpoint URL [--comments-mode wordpress|form] [--comments-post-id N]] FILE.json|-";

    fn fail(msg: &str) -> ExitCode {
        let _ = writeln!(std::io::stderr(), "review-card: {msg}");
        ExitCode::FAILURE
    }

    pub fn main() -> ExitCode {
        let mut args = std::env::args().skip(1);
        let mut options = Map::new();
        let mut comments = Map::new();
        let mut file = None;
        let text = |out: &mut Map<String, Value>, key: &str, value: String| {
            out.insert(key.to_string(), Value::String(value));
        };
        while let Some(arg) = args.next() {
            let mut value =
                |name: &str| args.next().ok_or_else(|| [name, " needs a value"].concat());
            let step = match arg.as_str() {
                "--lang" => value("--lang").map(|v| text(&mut options, "lang", v)),
                "--theme" => value("--theme").map(|v| text(&mut options, "theme", v)),
                "--heading-level" => {
                    value("--heading-level").map(|v| text(&mut options, "headingLevel", v))
                }
                "--no-json-ld" => {
                    options.insert("jsonLd".into(), Value::Bool(false));
                    Ok(())
                }
                "--comments-endpoint" => {
                    value("--comments-endpoint").map(|v| text(&mut comments, "endpoint", v))
                }
                "--comments-mode" => {
                    value("--comments-mode").map(|v| text(&mut comments, "mode", v))
                }
                "--comments-post-id" => {
                    value("--comments-post-id").map(|v| text(&mut comments, "postId", v))
                }
                "-h" | "--help" => {
                    println!("{USAGE}");
                    return ExitCode::SUCCESS;
                }
                _ if file.is_none() && (arg == "-" || !arg.starts_with('-')) => {
                    file = Some(arg.clone());
                    Ok(())
                }
                _ => Err(["unknown argument ", &arg, "\n", USAGE].concat()),
            };
            if let Err(e) = step {
                return fail(&e);
            }
        }
        if !comments.is_empty() {
            options.insert("comments".into(), Value::Object(comments));
        }
        let Some(file) = file else { return fail(USAGE) };
        let mut json = String::new();
        let read = if file == "-" {
            std::io::stdin().read_to_string(&mut json).map(|_| ())
        } else {
            std::fs::read_to_string(&file).map(|s| json = s)
        };
        if let Err(e) = read {
            return fail(&[&file, ": ", &e.to_string()].concat());
        }
        let review = match parse_review(&json) {
            Ok(r) => r,
            Err(e) => return fail(&[&file, ": ", &e.to_string()].concat()),
        };
        let mut settings = match parse_options(&Value::Object(options).to_string()) {
            Ok(s) => s,
            Err(e) => return fail(&e.to_string()),
        };
        settings.static_markup = true;
        let html = render_document(&review, &settings);
        if writeln!(std::io::stdout(), "{html}").is_err() {
            return ExitCode::FAILURE;
        }
        ExitCode::SUCCESS
    }
}
