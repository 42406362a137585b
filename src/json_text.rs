//! JSON text from serde types: the crate's one JSON writer (the JSON-LD), a serde
//! `Serializer` for what those types hold (structs, lists, strings, numbers,
//! booleans). Hand-written for the byte budget of issue #19: it writes text directly,
//! where serde-wasm-bindgen built a JS object field by field for `JSON.stringify`.
//! Its output is what those wrote: numbers as JavaScript prints them, strings with
//! JSON's escapes, plus `<`, `>` and `&` as `\u003c`, `\u003e` and `\u0026`, so the
//! text is safe inside a `<script>` element.

use core::fmt::Error;
use serde::ser::{Impossible, Serialize, SerializeSeq, SerializeStruct, Serializer};

/// `value` as JSON text (empty if it cannot be written, which the types this crate
/// serializes never cause: they hold strings and finite numbers).
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Json(String::new());
    match value.serialize(&mut out) {
        Ok(()) => out.0,
        Err(Error) => String::new(),
    }
}

/// The text written so far.
struct Json(String);

/// A struct or list being written: true until its first member is.
struct Members<'a> {
    out: &'a mut Json,
    first: bool,
}

impl Members<'_> {
    fn separate(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.out.0.push(',');
        }
    }
}

/// A number as JavaScript (and so `JSON.stringify`) prints it.
#[cfg(target_arch = "wasm32")]
fn push_f64(out: &mut String, v: f64) {
    if let Some(text) = js_sys::JSON::stringify(&v.into())
        .ok()
        .and_then(|s| s.as_string())
    {
        out.push_str(&text);
    }
}

/// A number as JavaScript prints it (serde_json's shortest round-trip form).
#[cfg(not(target_arch = "wasm32"))]
fn push_f64(out: &mut String, v: f64) {
    out.push_str(&serde_json::to_string(&v).unwrap_or_default());
}

fn push_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0'..='\u{1f}' | '<' | '>' | '&' => {
                let n = c as u8;
                out.push_str("\\u00");
                for d in [n >> 4, n & 15] {
                    out.push(char::from(b"0123456789abcdef"[usize::from(d)]));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl<'a> Serializer for &'a mut Json {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Members<'a>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Members<'a>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.0.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        if v < 0 {
            self.0.push('-');
        }
        self.serialize_u64(v.unsigned_abs())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        crate::number::push_u64(&mut self.0, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        if !v.is_finite() {
            return Err(Error);
        }
        push_f64(&mut self.0, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        push_string(&mut self.0, v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.0.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Members<'a>, Error> {
        self.0.push('[');
        Ok(Members {
            out: self,
            first: true,
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(Error)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(Error)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Error)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Error)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Members<'a>, Error> {
        self.0.push('{');
        Ok(Members {
            out: self,
            first: true,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Error)
    }
}

impl SerializeSeq for Members<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.separate();
        value.serialize(&mut *self.out)
    }
    fn end(self) -> Result<(), Error> {
        self.out.0.push(']');
        Ok(())
    }
}

impl SerializeStruct for Members<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.separate();
        // Field names are the types' own (camelCase or `@type`): nothing to escape.
        let out = &mut self.out.0;
        out.push('"');
        out.push_str(key);
        out.push_str("\":");
        value.serialize(&mut *self.out)
    }
    fn end(self) -> Result<(), Error> {
        self.out.0.push('}');
        Ok(())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::to_json;

    /// The writer agrees with serde_json on everything JSON-LD holds (apart from
    /// the three characters it also escapes).
    #[test]
    fn writes_what_serde_json_writes() {
        #[derive(serde::Serialize)]
        struct T<'a> {
            s: &'a str,
            n: Option<f64>,
            i: i64,
            b: bool,
            l: Vec<&'a str>,
            e: Vec<u8>,
            #[serde(skip_serializing_if = "Option::is_none")]
            skip: Option<u8>,
        }
        let strings: String = (0u32..0x80)
            .filter_map(char::from_u32)
            .chain("é\u{2028}\u{fffd}😀".chars())
            .collect();
        for (s, n, i) in [
            (strings.as_str(), Some(7.2), -3),
            ("", Some(1e-7), i64::MIN),
            ("a\"b\\c", Some(1e21), 0),
            ("x", None, i64::MAX),
        ] {
            let t = T {
                s,
                n,
                i,
                b: i == 0,
                l: vec![s, "y"],
                e: vec![],
                skip: None,
            };
            let ours = to_json(&t);
            let theirs = serde_json::to_string(&t)
                .unwrap()
                .replace('<', "\\u003c")
                .replace('>', "\\u003e")
                .replace('&', "\\u0026");
            assert_eq!(ours, theirs);
        }
    }
}
