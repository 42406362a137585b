//! The JSON Schema (`schema/review.schema.json`) and the TypeScript declarations
//! (`schema/types.d.ts`) describe the serde input types: same fields, same names,
//! same required field, same enumerations. A field added to one and not the
//! others fails here.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use review_card::input::{OptionsInput, ReviewInput};
use review_card::model::Kind;
use serde::de::{self, Deserialize, Visitor};

const SCHEMA: &str = include_str!("../schema/review.schema.json");
const TYPES: &str = include_str!("../schema/types.d.ts");

/// The fields a `#[derive(Deserialize)]` struct reads, as serde names them.
fn serde_fields<'de, T: Deserialize<'de>>() -> BTreeSet<&'static str> {
    struct Fields(Option<&'static [&'static str]>);
    #[derive(Debug)]
    struct Stop;
    impl std::fmt::Display for Stop {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("stop")
        }
    }
    impl std::error::Error for Stop {}
    impl de::Error for Stop {
        fn custom<M: std::fmt::Display>(_: M) -> Self {
            Stop
        }
    }
    impl<'de> de::Deserializer<'de> for &mut Fields {
        type Error = Stop;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            self.0 = Some(fields);
            Err(Stop)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }
    let mut f = Fields(None);
    let _ = T::deserialize(&mut f);
    f.0.expect("a struct").iter().copied().collect()
}

/// The v1 fields of [`ReviewInput`]: all but the schema.org ones (which start
/// after `lang`, see src/input.rs).
fn v1_fields() -> BTreeSet<&'static str> {
    const SCHEMA_ORG: [&str; 8] = [
        "@type",
        "itemReviewed",
        "name",
        "reviewRating",
        "datePublished",
        "inLanguage",
        "description",
        "reviewBody",
    ];
    serde_fields::<ReviewInput>()
        .into_iter()
        .filter(|f| !SCHEMA_ORG.contains(f))
        .collect()
}

/// The members of `interface NAME { … }` in the declarations, with whether each
/// is optional.
fn ts_members(name: &str) -> Vec<(String, bool)> {
    let start = TYPES
        .find(&format!("export interface {name} "))
        .unwrap_or_else(|| panic!("no interface {name}"));
    let body = &TYPES[start..];
    let body = &body[body.find('{').unwrap() + 1..];
    let mut depth = 0;
    let mut out = Vec::new();
    for line in body.lines() {
        let t = line.trim();
        if depth == 0 && t.starts_with('}') {
            break;
        }
        if depth == 0 && !t.starts_with("/*") && !t.starts_with('*') && !t.starts_with('[') {
            if let Some(colon) = t.find(':') {
                let key = t[..colon].trim_matches('"');
                let (key, optional) = match key.strip_suffix('?') {
                    Some(k) => (k, true),
                    None => (key, false),
                };
                if !key.is_empty() {
                    out.push((key.to_string(), optional));
                }
            }
        }
        depth += t.matches('{').count() as i32 - t.matches('}').count() as i32;
    }
    out
}

/// The string literals of `export type NAME = "a" | "b";`.
fn ts_union(name: &str) -> BTreeSet<String> {
    let start = TYPES.find(&format!("export type {name} = ")).unwrap();
    let line = TYPES[start..].lines().next().unwrap();
    line.split('"')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}

fn schema() -> serde_json::Value {
    serde_json::from_str(SCHEMA).unwrap()
}

#[test]
fn the_schema_has_the_serde_fields_of_a_review() {
    let schema = schema();
    let properties: BTreeSet<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(properties, v1_fields());
    assert_eq!(schema["required"], serde_json::json!(["title"]));
}

#[test]
fn the_typescript_review_has_the_serde_fields_and_only_title_is_required() {
    let members = ts_members("Review");
    let names: BTreeSet<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, v1_fields());
    for (key, optional) in &members {
        assert_eq!(*optional, key != "title", "{key}");
    }
}

#[test]
fn the_typescript_options_have_the_serde_fields() {
    let names: BTreeSet<String> = ts_members("ReviewCardOptions")
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let mut fields: BTreeSet<String> = serde_fields::<OptionsInput>()
        .into_iter()
        .map(String::from)
        .collect();
    // Set by the DOM layer from the page, not by callers.
    assert!(fields.remove("documentLang"));
    assert_eq!(names, fields);
}

#[test]
fn kinds_are_the_same_in_the_model_the_schema_and_the_types() {
    let model: BTreeSet<String> = Kind::ALL.iter().map(|(n, _)| n.to_string()).collect();
    let schema: BTreeSet<String> = schema()["properties"]["kind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(schema, model);
    assert_eq!(ts_union("ReviewKind"), model);
}
