//! A review as given ([`ReviewInput`]) → validated [`Review`]. Every refusal names
//! the field path and the problem.

use crate::error::ReviewError;
use crate::image::Image;
use crate::input::{Loose, ReviewInput};
use crate::model::{Author, Credit, Date, Kind, Price, Review, Score};
use crate::url::{check_url, UrlError};

/// The largest review document accepted as JSON text, in bytes (a long review is ~50 kB).
pub const MAX_REVIEW_BYTES: usize = 2_000_000;

/// The refusal of a review text longer than [`MAX_REVIEW_BYTES`].
pub fn too_large(bytes: usize) -> ReviewError {
    let mut msg = String::from("the review is ");
    crate::number::push_u64(&mut msg, bytes as u64);
    msg.push_str(" bytes; the limit is ");
    crate::number::push_u64(&mut msg, MAX_REVIEW_BYTES as u64);
    ReviewError::new("", msg)
}

/// The refusal of a review that is not an object: `got` is the type it is.
pub fn not_an_object(got: &str) -> ReviewError {
    ReviewError::new("", ["expected a JSON object, got ", got].concat())
}

/// Parses a review from JSON text (the v1 data format, see the README, or a
/// schema.org `Review`), with serde_json. Native builds only: in the browser the
/// text is parsed by `JSON.parse` and read through serde-wasm-bindgen.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_review(json: &str) -> Result<Review, ReviewError> {
    use serde::Deserialize;
    if json.len() > MAX_REVIEW_BYTES {
        return Err(too_large(json.len()));
    }
    let value: serde_json::Value = serde_json::from_str(json).map_err(json_error)?;
    if !value.is_object() {
        return Err(not_an_object(
            Loose::deserialize(&value).unwrap_or_default().type_name(),
        ));
    }
    let input = ReviewInput::deserialize(&value).map_err(|_| not_an_object("something else"))?;
    review_from_input(&input)
}

/// Describes a serde_json error and where it is.
#[cfg(not(target_arch = "wasm32"))]
pub fn json_error(e: serde_json::Error) -> ReviewError {
    use serde_json::error::Category;
    let text = e.to_string();
    let what = if text.starts_with("recursion limit") {
        return ReviewError::new("", "the JSON is nested too deeply");
    } else if text.starts_with("number out of range") {
        "a number is too large"
    } else if e.classify() == Category::Eof {
        "the JSON ends too early"
    } else {
        "the text is not valid JSON"
    };
    ReviewError::new("", position(what, e.line(), e.column()))
}

/// `what (line L, column C)`.
pub fn position(what: &str, line: usize, column: usize) -> String {
    let mut msg = String::from(what);
    msg.push_str(" (line ");
    crate::number::push_u64(&mut msg, line as u64);
    msg.push_str(", column ");
    crate::number::push_u64(&mut msg, column as u64);
    msg.push(')');
    msg
}

/// Validates a review as given (either format) into the model.
pub fn review_from_input(input: &ReviewInput) -> Result<Review, ReviewError> {
    if input.ld_type.as_str() == Some("Review") {
        return review_from_v1(&crate::jsonld::from_json_ld(input));
    }
    review_from_v1(input)
}

/// Validates the v1 fields of a review.
fn review_from_v1(input: &ReviewInput) -> Result<Review, ReviewError> {
    // Filled in place, field by field: an early return then drops one `Review`
    // rather than every field read so far.
    let mut r = Review {
        title: String::new(),
        kind: Kind::Other,
        url: None,
        score: None,
        excerpt: None,
        body: Vec::new(),
        credits: Vec::new(),
        author: None,
        published: None,
        lang: None,
        image: None,
        price: None,
    };
    r.title = match &input.title {
        Loose::Null => return Err(ReviewError::new("title", "is required")),
        v => required_text(v, "title")?,
    };
    if let Some(name) = optional_text(&input.kind, "kind")? {
        r.kind = Kind::from_name(&name.to_ascii_lowercase()).ok_or_else(|| {
            let mut msg = quoted(&name);
            msg.push_str(" is not one of ");
            for (i, (n, _)) in Kind::ALL.iter().enumerate() {
                if i > 0 {
                    msg.push_str(", ");
                }
                msg.push_str(n);
            }
            ReviewError::new("kind", msg)
        })?;
    }
    r.url = optional_url(&input.url, "url")?;
    r.score = match &input.score {
        Loose::Null => None,
        v => Some(score(v)?),
    };
    r.excerpt = optional_text(&input.excerpt, "excerpt")?;
    if let Some(b) = optional_text(&input.body, "body")? {
        r.body = paragraphs(&b);
    }
    match &input.credits {
        Loose::Null => {}
        Loose::List(items) => {
            r.credits.reserve(items.len());
            for (i, item) in items.iter().enumerate() {
                let mut path = String::from("credits[");
                crate::number::push_u64(&mut path, i as u64);
                path.push(']');
                r.credits.push(credit(item, &path)?);
            }
        }
        other => return Err(wrong_type("credits", "a list", other)),
    }
    r.author = match &input.author {
        Loose::Null => None,
        v @ Loose::Text(_) => Some(Author {
            name: required_text(v, "author")?,
            url: None,
            bio: None,
        }),
        a @ Loose::Object(_) => Some(Author {
            name: match a.get("name") {
                Loose::Null => return Err(ReviewError::new("author.name", "is required")),
                v => required_text(v, "author.name")?,
            },
            url: optional_url(a.get("url"), "author.url")?,
            bio: optional_text(a.get("bio"), "author.bio")?,
        }),
        other => return Err(wrong_type("author", "an object or a name", other)),
    };
    if let Some(s) = optional_text(&input.published, "published")? {
        r.published = Some(parse_date(&s).ok_or_else(|| {
            let mut msg = quoted(&s);
            msg.push_str(" is not an ISO date like 2012-11-16");
            ReviewError::new("published", msg)
        })?);
    }
    r.image = match &input.image {
        v @ Loose::Object(_) => Some(image(v)?),
        // A URL alone: a decorative image (the title beside it names what it shows).
        v @ (Loose::Null | Loose::Text(_)) => optional_url(v, "image")?.map(|src| Image {
            src,
            alt: String::new(),
            size: None,
        }),
        other => {
            return Err(wrong_type(
                "image",
                "a URL or an object with src and alt",
                other,
            ))
        }
    };
    r.price = match &input.price {
        Loose::Null => None,
        p @ Loose::Object(_) => Some(price(p)?),
        other => {
            return Err(wrong_type(
                "price",
                "an object with value and currency",
                other,
            ))
        }
    };
    r.lang = match optional_text(&input.lang, "lang")? {
        None => None,
        Some(tag) if is_language_tag(&tag) => Some(tag),
        Some(tag) => {
            let mut msg = quoted(&tag);
            msg.push_str(" is not a language tag like en or fr-FR");
            return Err(ReviewError::new("lang", msg));
        }
    };
    Ok(r)
}

fn wrong_type(path: &str, expected: &str, got: &Loose) -> ReviewError {
    ReviewError::new(
        path,
        ["expected ", expected, ", got ", got.type_name()].concat(),
    )
}

/// Quotes a value for an error message, shortened so a huge value cannot flood it.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for (n, c) in s.chars().enumerate() {
        if n == 40 {
            out.push('…');
            break;
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// Normalises line endings: CRLF and a lone CR become LF.
pub fn normalize_newlines(s: &str) -> String {
    // Most text has no CR: `contains` on bytes is core's word-at-a-time memchr (a
    // comment of 65 kB is checked on every keystroke).
    if !s.as_bytes().contains(&b'\r') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = crate::substring::find_any(rest, b"\r") {
        let (Some(before), Some(after)) = (rest.get(..i), rest.get(i + 1..)) else {
            break;
        };
        out.push_str(before);
        out.push('\n');
        rest = after.strip_prefix('\n').unwrap_or(after);
    }
    out.push_str(rest);
    out
}

/// Removes characters that have no place in text: C0/C1 controls other than newline
/// and tab, and Unicode noncharacters. Newlines are normalised to `\n`.
pub fn clean_text(s: &str) -> String {
    // Fast path: most text has nothing to remove. A byte scan finds C0 controls and
    // CR (< 0x20, DEL), C1 controls (U+0080–U+009F: C2 80–9F) and noncharacters
    // (U+FDD0–U+FDEF: EF B7 90–AF; U+xFFFE/F: EF BF BE/BF and 4-byte forms).
    let b = s.as_bytes();
    let suspicious = b.iter().enumerate().any(|(i, &c)| {
        is_control_byte(c, b.get(i + 1))
            || (c == 0xEF
                && matches!(
                    (b.get(i + 1), b.get(i + 2)),
                    (Some(0xB7), Some(0x90..=0xAF)) | (Some(0xBF), Some(0xBE | 0xBF))
                ))
            || (c >= 0xF0
                && b.get(i + 2) == Some(&0xBF)
                && matches!(b.get(i + 3), Some(0xBE | 0xBF)))
    });
    if !suspicious {
        return s.to_string();
    }
    normalize_newlines(s)
        .chars()
        .filter(|&c| {
            let control = c.is_control() && c != '\n' && c != '\t';
            let nonchar = matches!(c as u32, 0xFDD0..=0xFDEF) || (c as u32 & 0xFFFE) == 0xFFFE;
            !control && !nonchar
        })
        .collect()
}

/// True when byte `c` (followed by `next`) starts a control character other than
/// newline and tab in UTF-8: C0 (< 0x20, including CR), DEL, or C1 (U+0080–U+009F,
/// encoded C2 80–9F). A byte test, so hot paths need not decode characters.
pub fn is_control_byte(c: u8, next: Option<&u8>) -> bool {
    (c < 0x20 && c != b'\n' && c != b'\t')
        || c == 0x7F
        || (c == 0xC2 && next.is_some_and(|n| (0x80..=0x9F).contains(n)))
}

/// A required, non-empty string field.
fn required_text(v: &Loose, path: &str) -> Result<String, ReviewError> {
    match v {
        Loose::Text(s) => {
            let t = clean_text(s.trim());
            if t.trim().is_empty() {
                Err(ReviewError::new(path, "must not be empty"))
            } else if !t.chars().any(is_visible) {
                Err(ReviewError::new(path, "has no visible characters"))
            } else {
                Ok(t.trim().to_string())
            }
        }
        other => Err(wrong_type(path, "a string", other)),
    }
}

/// False for white space and for characters that are never drawn: zero-width and
/// joiner characters, bidi controls, invisible separators and operators, variation
/// selectors, fillers and tags (Unicode's default-ignorable code points). A required
/// text made only of these would render as an empty heading or name.
pub fn is_visible(c: char) -> bool {
    !c.is_whitespace()
        && !matches!(c,
            '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// An optional string field: absent, null or blank give `None`.
fn optional_text(v: &Loose, path: &str) -> Result<Option<String>, ReviewError> {
    match v {
        Loose::Null => Ok(None),
        Loose::Text(s) => {
            let t = clean_text(s);
            let t = t.trim();
            Ok(if t.is_empty() {
                None
            } else {
                Some(t.to_string())
            })
        }
        other => Err(wrong_type(path, "a string", other)),
    }
}

fn optional_url(v: &Loose, path: &str) -> Result<Option<String>, ReviewError> {
    let Some(raw) = optional_text(v, path)? else {
        return Ok(None);
    };
    match check_url(&raw, false) {
        Ok(u) => Ok(Some(u.to_string())),
        Err(e) => {
            let mut msg = quoted(&raw);
            msg.push_str(match e {
                UrlError::Scheme => " is not allowed: use an http, https or relative URL",
                UrlError::Characters => " contains spaces or control characters",
                UrlError::NoHost => " has no host name",
                UrlError::Empty => " is empty",
            });
            Err(ReviewError::new(path, msg))
        }
    }
}

/// The cover image given as `{ src, alt, width, height }`: `alt` is required (`""`
/// marks it decorative) and the size, in pixels, is both sides or neither.
fn image(v: &Loose) -> Result<Image, ReviewError> {
    let Some(src) = optional_url(v.get("src"), "image.src")? else {
        return Err(ReviewError::new("image.src", "is required"));
    };
    let alt = match v.get("alt") {
        Loose::Null => {
            return Err(ReviewError::new(
                "image.alt",
                "is required: describe the image, or use \"\" when the title says it all",
            ))
        }
        a => optional_text(a, "image.alt")?.unwrap_or_default(),
    };
    let size = match (v.get("width"), v.get("height")) {
        (Loose::Null, Loose::Null) => None,
        (w, h) => Some((
            side(w, "image.width", "is required with height")?,
            side(h, "image.height", "is required with width")?,
        )),
    };
    Ok(Image { src, alt, size })
}

/// One side of an image: whole pixels from 1 to 10000, `required` with the other.
fn side(v: &Loose, path: &str, required: &'static str) -> Result<u32, ReviewError> {
    if let Loose::Null = v {
        return Err(ReviewError::new(path, required));
    }
    let n = finite_number(v, path)?;
    if n.fract() == 0.0 && (1.0..=f64::from(crate::image::MAX_SIDE)).contains(&n) {
        Ok(n as u32)
    } else {
        Err(ReviewError::new(
            path,
            "must be a whole number of pixels from 1 to 10000",
        ))
    }
}

/// `{ value, currency }`: an amount not below zero and an ISO 4217 code.
fn price(p: &Loose) -> Result<Price, ReviewError> {
    let value = match p.get("value") {
        Loose::Null => return Err(ReviewError::new("price.value", "is required")),
        v => finite_number(v, "price.value")?,
    };
    if value < 0.0 {
        return Err(ReviewError::new("price.value", "must not be negative"));
    }
    let currency = match p.get("currency") {
        Loose::Null => return Err(ReviewError::new("price.currency", "is required")),
        v => required_text(v, "price.currency")?,
    };
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        let mut msg = quoted(&currency);
        msg.push_str(" is not a currency code like EUR or USD");
        return Err(ReviewError::new("price.currency", msg));
    }
    Ok(Price { value, currency })
}

fn finite_number(v: &Loose, path: &str) -> Result<f64, ReviewError> {
    match v {
        Loose::Number(f) if f.is_finite() => Ok(*f),
        Loose::Number(_) => Err(ReviewError::new(path, "must be a finite number")),
        other => Err(wrong_type(path, "a number", other)),
    }
}

fn score(v: &Loose) -> Result<Score, ReviewError> {
    let (value, min, max, value_path) = match v {
        Loose::Number(_) => (finite_number(v, "score")?, 0.0, 10.0, "score"),
        o @ Loose::Object(_) => {
            let value = match o.get("value") {
                Loose::Null => return Err(ReviewError::new("score.value", "is required")),
                v => finite_number(v, "score.value")?,
            };
            let min = match o.get("min") {
                Loose::Null => 0.0,
                v => finite_number(v, "score.min")?,
            };
            let max = match o.get("max") {
                Loose::Null => 10.0,
                v => finite_number(v, "score.max")?,
            };
            (value, min, max, "score.value")
        }
        other => return Err(wrong_type("score", "a number or an object", other)),
    };
    for (bound, path, message) in [
        (
            max,
            "score.max",
            "must be at most 1000000000000000 to be shown",
        ),
        (
            min,
            "score.min",
            "must be at least -1000000000000000 to be shown",
        ),
    ] {
        if bound.abs() > crate::number::MAX_SHOWN {
            return Err(ReviewError::new(path, message));
        }
    }
    if min >= max {
        return Err(out_of_range(
            "score",
            "min ",
            min,
            " must be below max ",
            max,
        ));
    }
    // Shown to hundredths: a narrower scale would read "0 out of 0".
    if (max * 100.0).round() <= (min * 100.0).round() {
        return Err(ReviewError::new(
            "score",
            "min and max must differ by at least 0.01 to be shown",
        ));
    }
    if value > max {
        return Err(out_of_range(value_path, "", value, " is above max ", max));
    }
    if value < min {
        return Err(out_of_range(value_path, "", value, " is below min ", min));
    }
    Ok(Score { value, min, max })
}

/// A score error of the shape "`before` `a` `between` `b`" ("min 10 must be below
/// max 5"): one function for the three, rather than each writing its own.
fn out_of_range(path: &str, before: &str, a: f64, between: &str, b: f64) -> ReviewError {
    let mut msg = String::from(before);
    crate::number::push_number(&mut msg, a, '.');
    msg.push_str(between);
    crate::number::push_number(&mut msg, b, '.');
    ReviewError::new(path, msg)
}

fn credit(v: &Loose, path: &str) -> Result<Credit, ReviewError> {
    let Loose::Object(_) = v else {
        return Err(wrong_type(path, "an object with role and name", v));
    };
    let field = |key: &str| -> Result<String, ReviewError> {
        let p = [path, ".", key].concat();
        match v.get(key) {
            Loose::Null => Err(ReviewError::new(p, "is required")),
            v => required_text(v, &p),
        }
    };
    Ok(Credit {
        role: field("role")?,
        name: field("name")?,
    })
}

/// Splits a body into paragraphs at blank lines; single newlines stay inside a paragraph.
pub fn paragraphs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in crate::substring::split_any(body, b"\n") {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(line.trim());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Parses the date part of an ISO 8601 date or date-time: `YYYY-MM-DD`, optionally
/// followed by `T` and a time (which is not shown and so not checked further).
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() < 10 || (b.len() > 10 && b[10] != b'T' && b[10] != b't' && b[10] != b' ') {
        return None;
    }
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let mut n = 0u32;
        for &c in &b[r] {
            if !c.is_ascii_digit() {
                return None;
            }
            n = n * 10 + u32::from(c - b'0');
        }
        Some(n)
    };
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if year == 0 || day == 0 || day > days {
        return None;
    }
    Some(Date {
        year: year as u16,
        month: month as u8,
        day: day as u8,
    })
}

/// A BCP 47-shaped language tag: letters, digits and hyphens, starting with 2–8 letters.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = crate::substring::split_any(tag, b"-");
    let first = parts.next().unwrap_or("");
    (2..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && tag.len() <= 35
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
