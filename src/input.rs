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

/// A review as given: the v1 data format (see the README and
/// `schema/review.schema.json`), or a schema.org `Review` (JSON-LD), whose fields
/// are read when `@type` is `"Review"` ([`crate::jsonld::from_json_ld`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ReviewInput {
    /// The title of what is reviewed (required).
    pub title: Loose,
    /// `film`, `book`, `album`, `game`, `show`, `product` or `other`.
    pub kind: Loose,
    /// The full review's address.
    pub url: Loose,
    /// A number out of 10, or `{ value, max, min }`.
    pub score: Loose,
    /// The excerpt shown on the card.
    pub excerpt: Loose,
    /// The full text; paragraphs separated by blank lines.
    pub body: Loose,
    /// `[{ role, name }]`.
    pub credits: Loose,
    /// A name, or `{ name, url, bio }` (also schema.org's author).
    pub author: Loose,
    /// An ISO 8601 date.
    pub published: Loose,
    /// A language tag.
    pub lang: Loose,
    /// The cover image: a URL, or `{ src, alt, width, height }`.
    pub image: Loose,
    /// `{ value, currency }`.
    pub price: Loose,

    /// schema.org: `"Review"` when the input is JSON-LD.
    #[serde(rename = "@type")]
    pub ld_type: Loose,
    /// schema.org: the reviewed item (`@type`, `name`, `director`, …).
    #[serde(rename = "itemReviewed")]
    pub item_reviewed: Loose,
    /// schema.org: the review's name (a fallback title).
    pub name: Loose,
    /// schema.org: `{ ratingValue, bestRating, worstRating }`.
    #[serde(rename = "reviewRating")]
    pub review_rating: Loose,
    /// schema.org: the publication date.
    #[serde(rename = "datePublished")]
    pub date_published: Loose,
    /// schema.org: the language.
    #[serde(rename = "inLanguage")]
    pub in_language: Loose,
    /// schema.org: the excerpt.
    pub description: Loose,
    /// schema.org: the full text.
    #[serde(rename = "reviewBody")]
    pub review_body: Loose,
}

/// The options of `mount` and `renderToString` as given (validated by
/// [`crate::options::settings_from_input`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct OptionsInput {
    /// The language of the card's own text.
    pub lang: Loose,
    /// The host document's language (set by the DOM layer).
    pub document_lang: Loose,
    /// `light`, `dark` or `auto`.
    pub theme: Loose,
    /// 2 to 6, a number or digits.
    pub heading_level: Loose,
    /// Prefix for element IDs.
    pub id_prefix: Loose,
    /// The absolute URL the review's JSON came from (relative links resolve against it).
    pub base_url: Loose,
    /// Whether to write JSON-LD.
    pub json_ld: Loose,
    /// `true`, `false` or `{ endpoint, mode, postId, minFillMs, timeoutMs }`.
    pub comments: Loose,
}

#[cfg(test)]
mod tests {
    use super::*;

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
