//! A small JSON reader (RFC 8259) producing a [`Value`] tree.
//!
//! Hand-written instead of `serde_json` for the byte budget: in the release wasm,
//! serde_json with its `Value`, float parsing (core's `dec2flt` tables) and error
//! formatting cost far more than this file (see the note on issue 6 and
//! BENCHMARKS.md). Its behaviour is checked against serde_json by a differential
//! property test (`tests/props.rs`).
//!
//! Limits: nesting deeper than [`MAX_DEPTH`] is refused (no stack overflow on
//! hostile input); numbers become `f64` (exact for integers up to 2^53 and for
//! decimals with at most 15 significant digits; within 1e-15 relative otherwise,
//! except subnormals below 2.2e-308, which lose precision).

/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 64;

/// A JSON value (the subset of `serde_json::Value`'s API this crate uses).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Map),
}

/// A JSON number, held as an `f64`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub f64);

impl Number {
    /// The number as a float (always `Some`; the parser refuses infinities).
    pub fn as_f64(&self) -> Option<f64> {
        Some(self.0)
    }

    /// The number as a whole, non-negative integer up to 2^53, if it is one.
    pub fn as_u64(&self) -> Option<u64> {
        let n = self.0;
        ((0.0..=9_007_199_254_740_992.0).contains(&n) && n.fract() == 0.0).then_some(n as u64)
    }
}

/// An object's members, in order; a repeated key's last value wins.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(pub Vec<(String, Value)>);

impl Map {
    /// The member `key` (the last one when repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Value {
    /// The member `key` of an object (the last one when repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    /// The members, if this is an object.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

/// Why JSON text could not be read, and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// What went wrong.
    pub kind: JsonErrorKind,
    /// Line of the problem, from 1.
    pub line: usize,
    /// Column of the problem (in characters), from 1; 0 for empty input.
    pub column: usize,
}

/// The kinds of JSON errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// The text ends before the value is complete.
    Eof,
    /// Something that is not JSON.
    Syntax,
    /// Nesting beyond [`MAX_DEPTH`].
    TooDeep,
    /// A number too large for a 64-bit float.
    NumberOutOfRange,
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
}

/// Parses JSON text into a [`Value`] (named like `serde_json::from_str`).
pub fn from_str(text: &str) -> Result<Value, JsonError> {
    parse(text)
}

/// Parses JSON text into a [`Value`].
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut r = Reader {
        text,
        pos: 0,
        depth: 0,
    };
    r.skip_ws();
    let v = r.value()?;
    r.skip_ws();
    if r.pos < text.len() {
        return Err(r.error(JsonErrorKind::Syntax));
    }
    Ok(v)
}

impl Reader<'_> {
    fn bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    fn error(&self, kind: JsonErrorKind) -> JsonError {
        // Lines and characters (not bytes) up to the error, in one pass.
        let (mut line, mut column) = (1, 0);
        for &b in self.bytes().iter().take(self.pos) {
            if b == b'\n' {
                line += 1;
                column = 0;
            } else if b & 0xC0 != 0x80 {
                column += 1;
            }
        }
        // Point at the offending character itself, as editors count columns.
        if self.pos < self.text.len() {
            column += 1;
        }
        JsonError { kind, line, column }
    }

    fn eof_or_syntax(&self) -> JsonError {
        self.error(if self.pos >= self.text.len() {
            JsonErrorKind::Eof
        } else {
            JsonErrorKind::Syntax
        })
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn literal(&mut self, word: &str, v: Value) -> Result<Value, JsonError> {
        let rest = &self.bytes()[self.pos..];
        if rest.starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(v)
        } else if word.as_bytes().starts_with(rest) {
            self.pos = self.text.len();
            Err(self.error(JsonErrorKind::Eof))
        } else {
            Err(self.error(JsonErrorKind::Syntax))
        }
    }

    fn value(&mut self) -> Result<Value, JsonError> {
        match self.peek() {
            None => Err(self.error(JsonErrorKind::Eof)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => self.array(),
            Some(b'{') => self.object(),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error(JsonErrorKind::Syntax)),
        }
    }

    fn enter(&mut self) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(JsonErrorKind::TooDeep));
        }
        self.pos += 1;
        self.skip_ws();
        Ok(())
    }

    fn array(&mut self) -> Result<Value, JsonError> {
        self.enter()?;
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                }
                Some(b']') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.eof_or_syntax()),
            }
        }
    }

    fn object(&mut self) -> Result<Value, JsonError> {
        self.enter()?;
        let mut members = Vec::new();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::Object(Map(members)));
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.eof_or_syntax());
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.eof_or_syntax());
            }
            self.pos += 1;
            self.skip_ws();
            let v = self.value()?;
            members.push((key, v));
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                }
                Some(b'}') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(Value::Object(Map(members)));
                }
                _ => return Err(self.eof_or_syntax()),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut n = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                None => return Err(self.error(JsonErrorKind::Eof)),
                Some(b) => (b as char)
                    .to_digit(16)
                    .ok_or_else(|| self.error(JsonErrorKind::Syntax))?,
            };
            n = n * 16 + d;
            self.pos += 1;
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // The loop stops only at ASCII bytes, so this slice is on char boundaries.
            out.push_str(&self.text[start..self.pos]);
            match self.peek() {
                None => return Err(self.error(JsonErrorKind::Eof)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.peek() {
                        None => return Err(self.error(JsonErrorKind::Eof)),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !self.bytes()[self.pos..].starts_with(b"\\u") {
                                    return Err(self.eof_or_syntax());
                                }
                                self.pos += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error(JsonErrorKind::Syntax));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(
                                char::from_u32(code)
                                    .ok_or_else(|| self.error(JsonErrorKind::Syntax))?,
                            );
                            continue;
                        }
                        Some(_) => return Err(self.error(JsonErrorKind::Syntax)),
                    };
                    self.pos += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.error(JsonErrorKind::Syntax)), // raw control character
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        let int_len = self.digits();
        if int_len == 0 {
            return Err(self.eof_or_syntax());
        }
        if int_len > 1 && self.bytes()[int_start] == b'0' {
            return Err(self.error(JsonErrorKind::Syntax));
        }
        let mut frac = (0, 0);
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let s = self.pos;
            let n = self.digits();
            if n == 0 {
                return Err(self.eof_or_syntax());
            }
            frac = (s, n);
        }
        let mut exp: i64 = 0;
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            let neg = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    true
                }
                Some(b'+') => {
                    self.pos += 1;
                    false
                }
                _ => false,
            };
            let s = self.pos;
            let n = self.digits();
            if n == 0 {
                return Err(self.eof_or_syntax());
            }
            for &d in &self.bytes()[s..s + n] {
                exp = (exp * 10 + i64::from(d - b'0')).min(100_000);
            }
            if neg {
                exp = -exp;
            }
        }
        // Significant digits into a u64 (at most 19), the rest shift the exponent.
        let mut mantissa: u64 = 0;
        let mut kept = 0;
        let mut scale: i64 = 0;
        let int_digits = &self.bytes()[int_start..int_start + int_len];
        let frac_digits = &self.bytes()[frac.0..frac.0 + frac.1];
        for &d in int_digits {
            if kept < 19 {
                mantissa = mantissa * 10 + u64::from(d - b'0');
                if mantissa != 0 {
                    kept += 1;
                }
            } else {
                scale += 1;
            }
        }
        for &d in frac_digits {
            if kept < 19 {
                mantissa = mantissa * 10 + u64::from(d - b'0');
                if mantissa != 0 {
                    kept += 1;
                }
                scale -= 1;
            }
        }
        let e = exp + scale;
        let m = mantissa as f64;
        let value = if mantissa == 0 {
            0.0
        } else if mantissa < (1 << 53) && (-22..=22).contains(&e) {
            // Exact: both operands are exact and IEEE division/multiplication round once.
            if e < 0 {
                m / POW10[(-e) as usize]
            } else {
                m * POW10[e as usize]
            }
        } else if e < -330 {
            0.0
        } else if e > 310 {
            f64::INFINITY
        } else {
            scale_pow10(m, e)
        };
        if value.is_infinite() {
            self.pos = start;
            return Err(self.error(JsonErrorKind::NumberOutOfRange));
        }
        Ok(Value::Number(Number(if negative { -value } else { value })))
    }
}

const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `m × 10^e` for exponents outside the exact range, in steps of 10^22.
fn scale_pow10(mut m: f64, mut e: i64) -> f64 {
    while e > 22 {
        m *= 1e22;
        e -= 22;
    }
    while e < -22 {
        m /= 1e22;
        e += 22;
    }
    if e < 0 {
        m / POW10[(-e) as usize]
    } else {
        m * POW10[e as usize]
    }
}

/// Writes a JSON string literal (quotes, backslash and control characters escaped;
/// `<` escaped too so the output is safe inside a `<script>` element).
pub fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    // Copy runs that need no escaping in one go.
    let needs = |c: char| {
        matches!(c, '"' | '\\' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}') || (c as u32) < 0x20
    };
    let mut rest = s;
    while let Some(i) = rest.find(needs) {
        out.push_str(&rest[..i]);
        let c = rest[i..].chars().next().unwrap_or(' ');
        push_json_escape(out, c);
        rest = &rest[i + c.len_utf8()..];
    }
    out.push_str(rest);
    out.push('"');
}

/// Appends the JSON escape for one character that needs it.
fn push_json_escape(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '<' => out.push_str("\\u003c"),
        '>' => out.push_str("\\u003e"),
        '&' => out.push_str("\\u0026"),
        '\u{2028}' => out.push_str("\\u2028"),
        '\u{2029}' => out.push_str("\\u2029"),
        c if (c as u32) < 0x20 => {
            out.push_str("\\u00");
            let hex = b"0123456789abcdef";
            out.push(char::from(hex[(c as usize) >> 4]));
            out.push(char::from(hex[(c as usize) & 15]));
        }
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(r#" {"a":[1,-2.5,3e2,true,false,null],"b":"x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00","a":0} "#).unwrap();
        assert_eq!(
            v.get("a"),
            Some(&Value::Number(Number(0.0))),
            "last repeated key wins"
        );
        assert_eq!(
            v.get("b").and_then(Value::as_str),
            Some("x\"\\/\u{8}\u{c}\n\r\té😀")
        );
        let Value::Object(m) = &v else { panic!() };
        assert_eq!(
            m.0[0].1,
            Value::Array(vec![
                Value::Number(Number(1.0)),
                Value::Number(Number(-2.5)),
                Value::Number(Number(300.0)),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null
            ])
        );
    }

    #[test]
    fn decimals_are_exact() {
        for (t, f) in [
            ("7.2", 7.2),
            ("0.1", 0.1),
            ("65525", 65525.0),
            ("1e-7", 1e-7),
            ("123.456e3", 123456.0),
        ] {
            assert_eq!(parse(t).unwrap(), Value::Number(Number(f)), "{t}");
        }
    }

    #[test]
    fn errors_say_where() {
        let e = parse("{\"a\":\n  tru]").unwrap_err();
        assert_eq!((e.kind, e.line, e.column), (JsonErrorKind::Syntax, 2, 3));
        assert_eq!(parse("").unwrap_err().kind, JsonErrorKind::Eof);
        assert_eq!(parse("[1,").unwrap_err().kind, JsonErrorKind::Eof);
        assert_eq!(parse("tr").unwrap_err().kind, JsonErrorKind::Eof);
        assert_eq!(
            parse("1e400").unwrap_err().kind,
            JsonErrorKind::NumberOutOfRange
        );
        assert_eq!(
            parse(&"[".repeat(65)).unwrap_err().kind,
            JsonErrorKind::TooDeep
        );
        assert!(parse(&["[".repeat(64), "]".repeat(64)].concat()).is_ok());
        for bad in [
            "01",
            "1.",
            "-",
            ".5",
            "+1",
            "[1,]",
            "{\"a\"}",
            "\"\\x\"",
            "\"a\u{1}\"",
            "\"\\ud800\"",
            "1 2",
            "NaN",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
