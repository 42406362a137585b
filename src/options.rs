//! Render options (`lang`, `theme`, `headingLevel`, `comments`, …) validated from
//! [`OptionsInput`], with the same precise errors as the review itself.

use crate::error::ReviewError;
use crate::i18n::Locale;
use crate::input::{Loose, OptionsInput};
use crate::url::check_url;

/// The colour scheme of a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Light colours.
    Light,
    /// Dark colours.
    Dark,
    /// Follows `prefers-color-scheme` and the host page's dark-mode markers (default).
    #[default]
    Auto,
}

impl Theme {
    /// The theme's name, as written in options and attributes.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// How a valid comment is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CommentMode {
    /// JSON to the WordPress REST API comments route. A stock WordPress refuses it
    /// until the site adds the `rest_allow_anonymous_comments` filter.
    Wordpress,
    /// `application/x-www-form-urlencoded` to `wp-comments-post.php`, the default:
    /// what a stock WordPress accepts from its own comment form.
    #[default]
    Form,
}

/// Settings of the comment form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CommentSettings {
    /// Where to post; `None` means only the `review-card:comment` event is dispatched.
    pub endpoint: Option<String>,
    /// The request format.
    pub mode: CommentMode,
    /// The WordPress post ID (`post` / `comment_post_ID`).
    pub post_id: Option<u64>,
    /// The minimum time between showing the form and submitting it, in milliseconds.
    pub min_fill_ms: u32,
    /// How long a post may take before it counts as failed, in milliseconds.
    pub timeout_ms: u32,
}

/// Resolved render settings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    /// The `lang` option as given (highest priority for the locale).
    pub lang: Option<String>,
    /// The host document's language (lowest priority), filled in by the DOM layer.
    pub document_lang: Option<String>,
    /// The colour scheme.
    pub theme: Theme,
    /// The level of the card's heading, 2 to 6 (default 2).
    pub heading_level: u8,
    /// Prefix for element IDs, so several cards rendered into one document stay unique.
    pub id_prefix: String,
    /// The comment form, when enabled.
    pub comments: Option<CommentSettings>,
    /// Whether to emit schema.org `Review` JSON-LD next to the card (default true).
    pub json_ld: bool,
    /// Static markup for pages without JavaScript: the full body is shown and there
    /// is no disclosure button (used by the command-line renderer).
    pub static_markup: bool,
    /// Leave the hidden body empty; the DOM layer fills it on first "Read more"
    /// (no parsing cost for text nobody opened).
    pub lazy_body: bool,
    /// Where the review's JSON came from (`baseUrl`, an absolute http or https URL):
    /// its relative links resolve against it. The DOM layer uses the page's base
    /// URL when it is not given.
    pub base_url: Option<String>,
    /// The origin of the page showing the card (the DOM layer fills it in; for
    /// `renderToString` it is `base_url`'s). Links to other origins are third-party:
    /// they get `rel="nofollow ugc"`.
    pub page_origin: Option<String>,
}

impl Settings {
    /// The defaults: automatic theme, heading level 2, no comment form.
    pub fn new() -> Self {
        Settings {
            heading_level: 2,
            id_prefix: String::from("rc"),
            json_ld: true,
            ..Settings::default()
        }
    }

    /// The locale for a review: the `lang` option, then the review's `lang`, then the
    /// document's, then English.
    pub fn locale(&self, review_lang: Option<&str>) -> Locale {
        Locale::choose([
            self.lang.as_deref(),
            review_lang,
            self.document_lang.as_deref(),
        ])
    }
}

/// The default minimum fill time for the comment form, in milliseconds.
pub const DEFAULT_MIN_FILL_MS: u32 = 3000;
/// The default time a comment post may take, in milliseconds.
pub const DEFAULT_TIMEOUT_MS: u32 = 20_000;

/// Whether `s` is an ID as this crate writes them (and an ID prefix as options
/// accept them): a letter, then letters, digits, `-` and `_`. Such an ID needs no
/// escaping inside a quoted CSS attribute selector.
pub fn is_id(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A whole number given as a number or as digits in a string (`2`, `"2"`).
fn whole_number(v: &Loose) -> Option<u64> {
    match v {
        Loose::Number(n) => as_u64(*n),
        Loose::Text(t) => crate::number::parse_int(t.trim(), 10),
        _ => None,
    }
}

/// `n` as a whole, non-negative integer up to 2^53, if it is one.
fn as_u64(n: f64) -> Option<u64> {
    ((0.0..=9_007_199_254_740_992.0).contains(&n) && n.fract() == 0.0).then_some(n as u64)
}

/// Reads options from JSON text with serde_json; empty text, `null` and
/// `undefined` give the defaults. Native builds only (the CLI and the tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_options(json: &str) -> Result<Settings, ReviewError> {
    use serde::Deserialize;
    let json = json.trim();
    if json.is_empty() || json == "null" || json == "undefined" {
        return Ok(Settings::new());
    }
    let not_an_object = || ReviewError::new("options", "expected an object");
    let value: serde_json::Value = serde_json::from_str(json).map_err(|_| not_an_object())?;
    if !value.is_object() {
        return Err(not_an_object());
    }
    settings_from_input(&OptionsInput::deserialize(&value).map_err(|_| not_an_object())?)
}

/// Validates options as given into [`Settings`].
pub fn settings_from_input(o: &OptionsInput) -> Result<Settings, ReviewError> {
    let mut s = Settings::new();
    let text = |v: &Loose, key: &str| -> Result<Option<String>, ReviewError> {
        match v {
            Loose::Null => Ok(None),
            Loose::Text(v) if v.trim().is_empty() => Ok(None),
            Loose::Text(v) => Ok(Some(v.trim().to_string())),
            _ => Err(ReviewError::new(
                ["options.", key].concat(),
                "expected a string",
            )),
        }
    };
    s.lang = text(&o.lang, "lang")?;
    s.document_lang = text(&o.document_lang, "documentLang")?;
    if let Some(t) = text(&o.theme, "theme")? {
        s.theme = match t.as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            "auto" => Theme::Auto,
            _ => {
                return Err(ReviewError::new(
                    "options.theme",
                    ["\"", &t, "\" is not one of light, dark, auto"].concat(),
                ))
            }
        };
    }
    match &o.heading_level {
        Loose::Null => {}
        v => match whole_number(v) {
            Some(l @ 2..=6) => s.heading_level = l as u8,
            _ => {
                return Err(ReviewError::new(
                    "options.headingLevel",
                    "must be a whole number from 2 to 6",
                ))
            }
        },
    }
    if let Some(b) = text(&o.base_url, "baseUrl")? {
        if !crate::url::is_http(&b) || check_url(&b, false).is_err() {
            return Err(ReviewError::new(
                "options.baseUrl",
                "must be an absolute http or https URL",
            ));
        }
        s.base_url = Some(b);
    }
    if let Some(p) = text(&o.id_prefix, "idPrefix")? {
        if !is_id(&p) {
            return Err(ReviewError::new(
                "options.idPrefix",
                "must start with a letter and hold only letters, digits, - and _",
            ));
        }
        s.id_prefix = p;
    }
    match o.json_ld {
        Loose::Null => {}
        Loose::Bool(b) => s.json_ld = b,
        _ => return Err(ReviewError::new("options.jsonLd", "expected true or false")),
    }
    s.comments = match &o.comments {
        Loose::Null | Loose::Bool(false) => None,
        Loose::Bool(true) => Some(CommentSettings {
            min_fill_ms: DEFAULT_MIN_FILL_MS,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            ..CommentSettings::default()
        }),
        c @ Loose::Object(_) => Some(comment_settings(c)?),
        _ => {
            return Err(ReviewError::new(
                "options.comments",
                "expected true, false or an object",
            ))
        }
    };
    Ok(s)
}

/// A whole number of milliseconds in `range`, or the refusal `message` for `path`.
fn millis(
    v: &Loose,
    range: std::ops::RangeInclusive<u64>,
    path: &str,
    message: &str,
) -> Result<Option<u32>, ReviewError> {
    match v {
        Loose::Null => Ok(None),
        Loose::Number(n) => match as_u64(*n) {
            Some(ms) if range.contains(&ms) => Ok(Some(ms as u32)),
            _ => Err(ReviewError::new(path, message)),
        },
        _ => Err(ReviewError::new(path, message)),
    }
}

fn comment_settings(c: &Loose) -> Result<CommentSettings, ReviewError> {
    let mut out = CommentSettings {
        min_fill_ms: DEFAULT_MIN_FILL_MS,
        timeout_ms: DEFAULT_TIMEOUT_MS,
        ..CommentSettings::default()
    };
    match c.get("endpoint") {
        Loose::Null => {}
        Loose::Text(e) if e.trim().is_empty() => {}
        Loose::Text(e) => match check_url(e, false) {
            Ok(u) => out.endpoint = Some(u.to_string()),
            Err(_) => {
                return Err(ReviewError::new(
                    "options.comments.endpoint",
                    "must be an http, https or relative URL",
                ))
            }
        },
        _ => {
            return Err(ReviewError::new(
                "options.comments.endpoint",
                "expected a string",
            ))
        }
    }
    match c.get("mode").as_str() {
        None if matches!(c.get("mode"), Loose::Null) => {}
        Some("wordpress") => out.mode = CommentMode::Wordpress,
        Some("form") => out.mode = CommentMode::Form,
        _ => {
            return Err(ReviewError::new(
                "options.comments.mode",
                "must be \"wordpress\" or \"form\"",
            ))
        }
    }
    match c.get("postId") {
        Loose::Null => {}
        v => {
            out.post_id = whole_number(v);
            if out.post_id.is_none() {
                return Err(ReviewError::new(
                    "options.comments.postId",
                    "must be a whole number",
                ));
            }
        }
    }
    if let Some(ms) = millis(
        c.get("minFillMs"),
        0..=600_000,
        "options.comments.minFillMs",
        "must be a whole number of milliseconds up to 600000",
    )? {
        out.min_fill_ms = ms;
    }
    if let Some(ms) = millis(
        c.get("timeoutMs"),
        1..=600_000,
        "options.comments.timeoutMs",
        "must be a whole number of milliseconds from 1 to 600000",
    )? {
        out.timeout_ms = ms;
    }
    Ok(out)
}

// The tests read options from JSON text, which only native builds parse.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn empty_options_give_defaults() {
        for text in ["", "null", "undefined", "{}"] {
            let s = parse_options(text).unwrap();
            assert_eq!(s.heading_level, 2);
            assert_eq!(s.theme, Theme::Auto);
            assert!(s.comments.is_none());
        }
    }

    #[test]
    fn reads_every_option() {
        let s = parse_options(
            r#"{"lang":"fr","theme":"dark","headingLevel":3,"idPrefix":"card-7",
                "comments":{"endpoint":"/wp-json/wp/v2/comments","mode":"form","postId":42,"minFillMs":0}}"#,
        )
        .unwrap();
        assert_eq!(s.lang.as_deref(), Some("fr"));
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.heading_level, 3);
        assert_eq!(s.id_prefix, "card-7");
        let c = s.comments.unwrap();
        assert_eq!(c.endpoint.as_deref(), Some("/wp-json/wp/v2/comments"));
        assert_eq!(c.mode, CommentMode::Form);
        assert_eq!(c.post_id, Some(42));
        assert_eq!(c.min_fill_ms, 0);
    }

    #[test]
    fn refuses_bad_options_by_name() {
        let cases = [
            (
                r#"{"theme":"blue"}"#,
                "options.theme: \"blue\" is not one of light, dark, auto",
            ),
            (
                r#"{"headingLevel":1}"#,
                "options.headingLevel: must be a whole number from 2 to 6",
            ),
            (
                r#"{"idPrefix":"1x"}"#,
                "options.idPrefix: must start with a letter and hold only letters, digits, - and _",
            ),
            (
                r#"{"comments":{"endpoint":"javascript:alert(1)"}}"#,
                "options.comments.endpoint: must be an http, https or relative URL",
            ),
            (
                r#"{"comments":{"mode":"smtp"}}"#,
                "options.comments.mode: must be \"wordpress\" or \"form\"",
            ),
            (
                r#"{"comments":"yes"}"#,
                "options.comments: expected true, false or an object",
            ),
            ("[1]", "options: expected an object"),
            (
                r#"{"baseUrl":"/reviews/x.json"}"#,
                "options.baseUrl: must be an absolute http or https URL",
            ),
        ];
        for (json, msg) in cases {
            assert_eq!(parse_options(json).unwrap_err().to_string(), msg, "{json}");
        }
    }

    #[test]
    fn locale_priority_is_option_then_data_then_document() {
        let mut s = Settings::new();
        s.document_lang = Some("fr".into());
        assert_eq!(s.locale(None), Locale::Fr);
        assert_eq!(s.locale(Some("en")), Locale::En);
        s.lang = Some("fr-CA".into());
        assert_eq!(s.locale(Some("en")), Locale::Fr);
    }
}
