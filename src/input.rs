//! The input formats as serde types: what a review and the render options look
//! like before validation. `#[derive(Deserialize)]` names every field once; the
//! values are [`Loose`], so that a value of the wrong type is not a serde error
//! without a path but reaches the validator ([`crate::parse`], [`crate::options`]),
//! which refuses it naming the field (`credits[1].name: is required`).
//!
//! The same types are read from a JS object (serde-wasm-bindgen, in the browser)
//! and from JSON text (serde_json, natively). Unknown fields are ignored.

use std::cell::Cell;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// Nesting below this depth is skipped unread: nothing the validator reads is that
/// deep (`itemReviewed.director[0].name` is the deepest), and a cyclic JS object or
/// a hostile document cannot exhaust the stack.
pub const MAX_DEPTH: u8 = 6;

/// The most values read for one field; the rest are skipped unread, so a JS object
/// whose members point back at it (a graph, not a tree) cannot take exponential
/// time. 10,000 credits are 40,001 values.
pub const MAX_VALUES: u32 = 50_000;

/// Any JSON-like value, kept with its type so the validator can say what it got.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Loose {
    /// Absent, `null` or `undefined`, or beyond [`MAX_DEPTH`] or [`MAX_VALUES`].
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number (finite when it came from JSON text).
    Number(f64),
    /// A string.
    Text(String),
    /// A list (an array).
    List(Vec<Loose>),
    /// An object's members, in order.
    Object(Vec<(String, Loose)>),
}

impl Loose {
    /// The member `key`, if this is an object that has it (the last when repeated).
    pub fn get(&self, key: &str) -> &Loose {
        match self {
            Loose::Object(members) => members
                .iter()
                .rev()
                .find(|(k, _)| k == key)
                .map_or(&Loose::Null, |(_, v)| v),
            _ => &Loose::Null,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Loose::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The value's type, as a person would say it: "a number", "a list".
    pub fn type_name(&self) -> &'static str {
        match self {
            Loose::Null => "null",
            Loose::Bool(_) => "a boolean",
            Loose::Number(_) => "a number",
            Loose::Text(_) => "a string",
            Loose::List(_) => "a list",
            Loose::Object(_) => "an object",
        }
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let budget = Cell::new(MAX_VALUES);
        Depth {
            level: 0,
            budget: &budget,
        }
        .deserialize(d)
    }
}

/// Reads a [`Loose`] at a depth, within a budget of values (one visitor for every
/// shape: a single `deserialize_any` in the wasm).
#[derive(Clone, Copy)]
struct Depth<'b> {
    level: u8,
    budget: &'b Cell<u32>,
}

impl Depth<'_> {
    fn below(self) -> Self {
        Depth {
            level: self.level + 1,
            ..self
        }
    }
}

impl<'de> DeserializeSeed<'de> for Depth<'_> {
    type Value = Loose;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        let left = self.budget.get();
        if self.level >= MAX_DEPTH || left == 0 {
            IgnoredAny::deserialize(d)?;
            return Ok(Loose::Null);
        }
        self.budget.set(left - 1);
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Depth<'_> {
    type Value = Loose;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        self.deserialize(d)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Loose, E> {
        Ok(Loose::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose::Number(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
        Ok(Loose::Number(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose::Text(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
        Ok(Loose::Text(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self.below())? {
            items.push(item);
        }
        Ok(Loose::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(self.below())?;
            members.push((key, value));
        }
        Ok(Loose::Object(members))
    }
}

/// Declares an input struct whose fields are all [`Loose`], each with the key it is
/// read from, and its `Deserialize`: the keys are the struct's field list
/// (`deserialize_struct`), unknown keys are skipped unread.
///
/// Not `#[derive(Deserialize)]`: the derive writes a match arm, a duplicate check
/// and a drop per field for each deserializer, and one field table read by one
/// visitor does the same for every input struct (the card-with-form byte budget,
/// issue #19).
macro_rules! loose_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* $key:literal => pub $field:ident, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: Loose, )*
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                const KEYS: &[&str] = &[$($key),*];
                let mut slots = [$( loose_struct!(@null $field) ),*];
                d.deserialize_struct(
                    stringify!($name),
                    KEYS,
                    Fields {
                        keys: KEYS,
                        slots: &mut slots,
                    },
                )?;
                let [$($field),*] = slots;
                Ok($name { $($field),* })
            }
        }
    };
    (@null $field:ident) => {
        Loose::Null
    };
}

/// Reads an object's members named in `keys` into `slots` (the same index), each
/// as a [`Loose`] within its own budget of values.
struct Fields<'a> {
    keys: &'static [&'static str],
    slots: &'a mut [Loose],
}

impl<'de> Visitor<'de> for Fields<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key_seed(Key(self.keys))? {
            match key.and_then(|i| self.slots.get_mut(i)) {
                Some(slot) => *slot = map.next_value::<Loose>()?,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// A member's key as its index in the field list (`None`: not a field).
struct Key(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<usize>, E> {
        Ok(self.0.iter().position(|k| *k == v))
    }
}

loose_struct! {
    /// A review as given: the v1 data format (see the README and
    /// `schema/review.schema.json`), or a schema.org `Review` (JSON-LD), whose fields
    /// are read when `@type` is `"Review"` ([`crate::jsonld::from_json_ld`]).
    pub struct ReviewInput {
        /// The title of what is reviewed (required).
        "title" => pub title,
        /// `film`, `book`, `album`, `game`, `show`, `product` or `other`.
        "kind" => pub kind,
        /// The full review's address.
        "url" => pub url,
        /// A number out of 10, or `{ value, max, min }`.
        "score" => pub score,
        /// The excerpt shown on the card.
        "excerpt" => pub excerpt,
        /// The full text; paragraphs separated by blank lines.
        "body" => pub body,
        /// `[{ role, name }]`.
        "credits" => pub credits,
        /// A name, or `{ name, url, bio }` (also schema.org's author).
        "author" => pub author,
        /// An ISO 8601 date.
        "published" => pub published,
        /// A language tag.
        "lang" => pub lang,
        /// The cover image: a URL, or `{ src, alt, width, height }`.
        "image" => pub image,
        /// `{ value, currency }`.
        "price" => pub price,

        /// schema.org: `"Review"` when the input is JSON-LD.
        "@type" => pub ld_type,
        /// schema.org: the reviewed item (`@type`, `name`, `director`, …).
        "itemReviewed" => pub item_reviewed,
        /// schema.org: the review's name (a fallback title).
        "name" => pub name,
        /// schema.org: `{ ratingValue, bestRating, worstRating }`.
        "reviewRating" => pub review_rating,
        /// schema.org: the publication date.
        "datePublished" => pub date_published,
        /// schema.org: the language.
        "inLanguage" => pub in_language,
        /// schema.org: the excerpt.
        "description" => pub description,
        /// schema.org: the full text.
        "reviewBody" => pub review_body,
    }
}

loose_struct! {
    /// The options of `mount` and `renderToString` as given (validated by
    /// [`crate::options::settings_from_input`]).
    pub struct OptionsInput {
        /// The language of the card's own text.
        "lang" => pub lang,
        /// The host document's language (set by the DOM layer).
        "documentLang" => pub document_lang,
        /// `light`, `dark` or `auto`.
        "theme" => pub theme,
        /// 2 to 6, a number or digits.
        "headingLevel" => pub heading_level,
        /// Prefix for element IDs.
        "idPrefix" => pub id_prefix,
        /// The absolute URL the review's JSON came from (relative links resolve against it).
        "baseUrl" => pub base_url,
        /// Whether to write JSON-LD.
        "jsonLd" => pub json_ld,
        /// `true`, `false` or `{ endpoint, mode, postId, minFillMs, timeoutMs }`.
        "comments" => pub comments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_member_is_read_into_its_own_field() {
        let json = r#"{"title":"t","@type":"Review","reviewBody":"b","other":[1],
            "comments":true,"credits":[{"role":"r"}]}"#;
        let r: ReviewInput = serde_json::from_str(json).unwrap_or_default();
        assert_eq!(r.title.as_str(), Some("t"));
        assert_eq!(r.ld_type.as_str(), Some("Review"));
        assert_eq!(r.review_body.as_str(), Some("b"));
        assert_eq!(r.credits.type_name(), "a list");
        assert_eq!(r.kind, Loose::Null);
        assert_eq!(r.name, Loose::Null);
        let o: OptionsInput = serde_json::from_str(json).unwrap_or_default();
        assert_eq!(o.comments, Loose::Bool(true));
        assert_eq!(o.lang, Loose::Null);
        let o: OptionsInput =
            serde_json::from_str(r#"{"jsonLd":false,"documentLang":"fr"}"#).unwrap_or_default();
        assert_eq!(o.json_ld, Loose::Bool(false));
        assert_eq!(o.document_lang.as_str(), Some("fr"));
    }

    #[test]
    fn deep_values_are_cut_off_not_followed() {
        let deep = ["[".repeat(100), "]".repeat(100)].concat();
        let v: Loose = serde_json::from_str(&deep).unwrap_or_default();
        let mut depth = 0;
        let mut at = &v;
        while let Loose::List(items) = at {
            depth += 1;
            at = items.first().unwrap_or(&Loose::Null);
        }
        assert_eq!(depth, usize::from(MAX_DEPTH));
    }

    #[test]
    fn values_beyond_the_budget_are_skipped() {
        let list = ["[", &vec!["1"; 60_000].join(","), "]"].concat();
        let Loose::List(items) = serde_json::from_str(&list).unwrap_or_default() else {
            panic!("a list")
        };
        assert_eq!(items.len(), 60_000);
        let read = items.iter().filter(|v| **v != Loose::Null).count();
        assert_eq!(read as u32, MAX_VALUES - 1);
    }
}
