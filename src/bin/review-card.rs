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

use std::io::{Read, Write};
use std::process::ExitCode;

use review_card::json::push_json_string;
use review_card::{parse_options, parse_review, render_document};

const USAGE: &str = "usage: review-card [--lang en|fr] [--theme light|dark|auto] [--heading-level 2-6] [--no-json-ld] [--comments-endpoint URL [--comments-mode wordpress|form] [--comments-post-id N]] FILE.json|-";

fn fail(msg: &str) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "review-card: {msg}");
    ExitCode::FAILURE
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut options = String::from("{");
    let mut comments = String::new();
    let mut file = None;
    let add = |out: &mut String, key: &str, value: &str, quoted: bool| {
        if out.len() > 1 {
            out.push(',');
        }
        push_json_string(out, key);
        out.push(':');
        if quoted {
            push_json_string(out, value);
        } else {
            out.push_str(value);
        }
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| [name, " needs a value"].concat());
        let step = match arg.as_str() {
            "--lang" => value("--lang").map(|v| add(&mut options, "lang", &v, true)),
            "--theme" => value("--theme").map(|v| add(&mut options, "theme", &v, true)),
            "--heading-level" => {
                value("--heading-level").map(|v| add(&mut options, "headingLevel", &v, true))
            }
            "--no-json-ld" => {
                add(&mut options, "jsonLd", "false", false);
                Ok(())
            }
            "--comments-endpoint" => {
                value("--comments-endpoint").map(|v| add(&mut comments, "endpoint", &v, true))
            }
            "--comments-mode" => {
                value("--comments-mode").map(|v| add(&mut comments, "mode", &v, true))
            }
            "--comments-post-id" => {
                value("--comments-post-id").map(|v| add(&mut comments, "postId", &v, true))
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
        add(
            &mut options,
            "comments",
            &["{", &comments, "}"].concat(),
            false,
        );
    }
    options.push('}');
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
    let mut settings = match parse_options(&options) {
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
