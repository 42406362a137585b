//! Comment validation with WordPress's rules, in the pure core.
//!
//! After trimming as PHP's `trim` does (space, tab, LF, CR, NUL, vertical tab only:
//! U+00A0 and U+3000 are text to WordPress) and normalising CRLF (and lone CR) to LF:
//! `comment` is required and at most 65525 bytes; `author` (tags stripped first, as
//! `wp_handle_comment_submission` does) required, 245 bytes;
//! `email` required, 100 bytes, accepted by [`is_valid_email`]; `url` optional,
//! 200 bytes, http or https (a bare host gets `https://`). Control characters other
//! than newline and tab are refused. Limits count UTF-8 bytes, as WordPress does
//! (`wp_check_comment_data_max_lengths` uses `mb_strlen(…, '8bit')`).

use crate::email::is_valid_email;
use crate::i18n::Locale;

/// WordPress's limit for `comment_content`, in bytes.
pub const MAX_COMMENT: usize = 65525;
/// WordPress's limit for `comment_author`, in bytes.
pub const MAX_AUTHOR: usize = 245;
/// WordPress's limit for `comment_author_email`, in bytes.
pub const MAX_EMAIL: usize = 100;
/// WordPress's limit for `comment_author_url`, in bytes.
pub const MAX_URL: usize = 200;

/// A form field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The comment text.
    Comment,
    /// The commenter's name.
    Author,
    /// The commenter's e-mail address.
    Email,
    /// The commenter's website.
    Url,
}

impl Field {
    /// Fields in form order (the order errors are listed in).
    pub const ALL: [Field; 4] = [Field::Comment, Field::Author, Field::Email, Field::Url];

    /// The field's name, as in the form and in `validateComment`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Comment => "comment",
            Field::Author => "author",
            Field::Email => "email",
            Field::Url => "url",
        }
    }

    /// The field's byte limit.
    pub fn max_bytes(self) -> usize {
        match self {
            Field::Comment => MAX_COMMENT,
            Field::Author => MAX_AUTHOR,
            Field::Email => MAX_EMAIL,
            Field::Url => MAX_URL,
        }
    }

    /// Looks a field up by name.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Why a field was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// Empty (or only whitespace) but required.
    Required,
    /// Over the field's byte limit.
    TooLong,
    /// Not an address both WordPress and HTML accept.
    InvalidEmail,
    /// Not an http or https address.
    InvalidUrl,
    /// Contains control characters other than newline and tab.
    InvalidChars,
}

impl Code {
    /// The code as `validateComment` reports it.
    pub fn name(self) -> &'static str {
        match self {
            Code::Required => "required",
            Code::TooLong => "too_long",
            Code::InvalidEmail => "invalid_email",
            Code::InvalidUrl => "invalid_url",
            Code::InvalidChars => "invalid_chars",
        }
    }
}

/// One refused field with a message saying how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field at fault.
    pub field: Field,
    /// What is wrong.
    pub code: Code,
    /// A short message in the reader's language.
    pub message: String,
}

/// The raw form values, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommentInput {
    /// Name.
    pub author: String,
    /// E-mail address.
    pub email: String,
    /// Website (optional).
    pub url: String,
    /// Comment text.
    pub comment: String,
}

/// The outcome: cleaned values (what would be sent) and the errors, in form order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validation {
    /// Trimmed, CRLF-normalised values; `url` completed with `https://` when bare.
    pub values: CommentInput,
    /// One error per invalid field at most.
    pub errors: Vec<FieldError>,
}

impl Validation {
    /// True when no field is in error.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// The error for a field, if any.
    pub fn error_for(&self, field: Field) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == field)
    }
}

impl CommentInput {
    /// The value of a field.
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Comment => &self.comment,
            Field::Author => &self.author,
            Field::Email => &self.email,
            Field::Url => &self.url,
        }
    }

    /// The value of a field, to change it.
    pub fn get_mut(&mut self, field: Field) -> &mut String {
        match field {
            Field::Comment => &mut self.comment,
            Field::Author => &mut self.author,
            Field::Email => &mut self.email,
            Field::Url => &mut self.url,
        }
    }
}

/// The characters PHP's `trim` removes (WordPress trims every comment field with it).
const PHP_TRIM: [char; 6] = [' ', '\t', '\n', '\r', '\0', '\u{b}'];

/// Trims as PHP's `trim` does and normalises line endings (CRLF and lone CR become LF).
pub fn clean(value: &str) -> String {
    crate::parse::normalize_newlines(value.trim_matches(PHP_TRIM))
}

/// A field's value as WordPress reads it: the name has its tags stripped before it
/// is trimmed (`trim(strip_tags($author))`), the others are trimmed.
pub fn clean_field(field: Field, value: &str) -> String {
    if field == Field::Author {
        clean(&strip_tags(value))
    } else {
        clean(value)
    }
}

/// PHP's `strip_tags` for the cases a name meets: `<` followed by anything but
/// whitespace opens a tag that runs to the next `>` outside quotes (to the end when
/// unclosed); `<!--` runs to `-->`; a `<` before whitespace is kept.
pub fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = crate::substring::find_any(rest, b"<") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if after.starts_with(|c: char| c.is_ascii_whitespace()) {
            out.push('<');
            rest = after;
            continue;
        }
        if let Some(comment) = after.strip_prefix("!--") {
            rest = crate::substring::find(comment, "-->").map_or("", |e| &comment[e + 3..]);
            continue;
        }
        let mut quote = None;
        let mut end = after.len();
        for (j, c) in after.char_indices() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), _) if c == q => quote = None,
                (None, '>') => {
                    end = j + 1;
                    break;
                }
                _ => {}
            }
        }
        rest = &after[end.min(after.len())..];
    }
    out.push_str(rest);
    out
}

/// Runs on every keystroke, so it scans bytes (see [`crate::parse::is_control_byte`]).
fn has_bad_control(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter()
        .enumerate()
        .any(|(i, &c)| crate::parse::is_control_byte(c, b.get(i + 1)))
}

/// Completes and checks a website address. Returns the value to send, or `None`
/// when it is not an http(s) address with a host.
pub fn complete_url(url: &str) -> Option<String> {
    if url.chars().any(|c| {
        c.is_whitespace() || c.is_control() || c == '\\' || c == '<' || c == '>' || c == '"'
    }) {
        return None;
    }
    let has_scheme = |s: &str| {
        url.get(..s.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(s))
    };
    let explicit = has_scheme("http://") || has_scheme("https://");
    let full = if explicit {
        url.to_string()
    } else if crate::substring::contains(url, "://") || looks_like_scheme(url) {
        return None;
    } else {
        ["https://", url].concat()
    };
    let rest = &full[crate::substring::find(&full, "://").map_or(0, |i| i + 3)..];
    let authority = crate::substring::before_any(rest, b"/?#");
    let host = crate::substring::rfind_byte(authority, b'@')
        .and_then(|i| authority.get(i + 1..))
        .unwrap_or(authority);
    let host = match crate::substring::rfind_byte(host, b':') {
        Some(i) if !host.starts_with('[') => {
            let port = &host[i + 1..];
            if !port.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            &host[..i]
        }
        _ => host,
    };
    // A host name: labels of letters, digits, hyphens (and non-ASCII for IDNs), with
    // at least one dot, or "localhost" when the scheme was typed; or a bracketed IPv6
    // literal.
    let ok_host = if host.starts_with('[') {
        host.ends_with(']') && host.len() > 2
    } else {
        !host.is_empty()
            && (crate::substring::find_any(host, b".").is_some()
                || (explicit && host.eq_ignore_ascii_case("localhost")))
            && crate::substring::split_any(host, b".").all(|l| {
                !l.is_empty()
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    // ASCII letters, digits and hyphens, or any non-ASCII (IDN) character;
                    // Unicode class tables would cost kilobytes in the wasm.
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || !c.is_ascii())
            })
    };
    ok_host.then_some(full)
}

/// True for `scheme:` prefixes such as `javascript:` or `mailto:` (but not `host:port`).
fn looks_like_scheme(url: &str) -> bool {
    let Some(colon) = crate::substring::find_any(url, b":") else {
        return false;
    };
    let before = &url[..colon];
    let after = &url[colon + 1..];
    let is_port = after.bytes().take_while(|b| b.is_ascii_digit()).count() > 0
        && after
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .chars()
            .next()
            .is_none_or(|c| c == '/' || c == '?' || c == '#');
    crate::substring::find_any(before, b".").is_none() || !is_port
}

/// Validates the whole form.
pub fn validate(input: &CommentInput, locale: Locale) -> Validation {
    let mut v = Validation::default();
    for field in Field::ALL {
        let value = clean_field(field, input.get(field));
        let (value, error) = check_field(field, value);
        *v.values.get_mut(field) = value;
        if let Some(code) = error {
            v.errors.push(FieldError {
                field,
                code,
                message: message(field, code, v.values.get(field).len(), locale),
            });
        }
    }
    v
}

/// Validates one field (for clearing an error as soon as the field is fixed).
pub fn validate_field(field: Field, raw: &str, locale: Locale) -> Option<FieldError> {
    let (value, error) = check_field(field, clean_field(field, raw));
    error.map(|code| FieldError {
        field,
        code,
        message: message(field, code, value.len(), locale),
    })
}

fn check_field(field: Field, value: String) -> (String, Option<Code>) {
    if value.is_empty() {
        return (value, (field != Field::Url).then_some(Code::Required));
    }
    if has_bad_control(&value) {
        return (value, Some(Code::InvalidChars));
    }
    let value = match field {
        Field::Url => match complete_url(&value) {
            Some(full) => full,
            None => return (value, Some(Code::InvalidUrl)),
        },
        _ => value,
    };
    if value.len() > field.max_bytes() {
        return (value, Some(Code::TooLong));
    }
    if field == Field::Email && !is_valid_email(&value) {
        return (value, Some(Code::InvalidEmail));
    }
    (value, None)
}

/// Bytes left for the comment (negative when over), for the live counter.
pub fn comment_bytes_left(raw: &str) -> i64 {
    MAX_COMMENT as i64 - clean(raw).len() as i64
}

fn message(field: Field, code: Code, len: usize, locale: Locale) -> String {
    let e = &locale.strings().form.errors;
    let what = e.fields[field as usize];
    let mut m = String::new();
    match code {
        Code::Required => {
            m.push_str(e.required);
            m.push_str(what);
        }
        Code::TooLong => {
            let [before, by, limit, after] = e.too_long;
            let over = len - field.max_bytes().min(len);
            m.push_str(before);
            m.push_str(what);
            m.push_str(by);
            locale.push_count(&mut m, over as u64);
            m.push_str(e.bytes[usize::from(over != 1)]);
            m.push_str(limit);
            locale.push_count(&mut m, field.max_bytes() as u64);
            m.push_str(after);
        }
        Code::InvalidEmail => m.push_str(e.email),
        Code::InvalidUrl => m.push_str(e.url),
        Code::InvalidChars => {
            m.push_str(e.control);
            m.push_str(what);
        }
    }
    m
}
