//! schema.org `Review` structured data: written next to every card (in the light
//! DOM, where crawlers read it) and accepted as input, so a page that already has
//! the markup can render it.

use crate::i18n::push_iso_date;
use crate::json::push_json_string;
use crate::json::{Map, Number, Value};
use crate::model::{Kind, Review};

/// The schema.org type of the reviewed item for each kind.
pub fn schema_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Film => "Movie",
        Kind::Book => "Book",
        Kind::Album => "MusicAlbum",
        Kind::Game => "VideoGame",
        Kind::Show => "TVSeries",
        Kind::Product => "Product",
        Kind::Other => "Thing",
    }
}

/// The credit roles that map onto a schema.org property of the reviewed item.
fn role_property(kind: Kind, role: &str) -> Option<&'static str> {
    // ASCII lowercasing (to_lowercase would pull Unicode case tables into the wasm);
    // accented roles are listed in their usual lowercase form.
    let role = role.to_ascii_lowercase();
    match (kind, role.as_str()) {
        (Kind::Film | Kind::Show, "director" | "réalisateur" | "réalisatrice") => {
            Some("director")
        }
        (Kind::Book, "author" | "auteur" | "autrice") => Some("author"),
        (Kind::Album, "artist" | "artiste") => Some("byArtist"),
        (Kind::Game | Kind::Product, "publisher" | "éditeur" | "brand" | "marque") => {
            Some("publisher")
        }
        _ => None,
    }
}

/// The JSON-LD text for a review. Strings are escaped so the text is safe inside a
/// `<script type="application/ld+json">` element (`<`, `>` and `&` as `\u00XX`).
pub fn render_json_ld(review: &Review) -> String {
    let mut o = String::from("{\"@context\":\"https://schema.org\",\"@type\":\"Review\"");
    o.push_str(",\"itemReviewed\":{\"@type\":");
    push_json_string(&mut o, schema_type(review.kind));
    o.push_str(",\"name\":");
    push_json_string(&mut o, &review.title);
    for credit in &review.credits {
        if let Some(prop) = role_property(review.kind, &credit.role) {
            o.push(',');
            push_json_string(&mut o, prop);
            o.push_str(":{\"@type\":");
            push_json_string(
                &mut o,
                if prop == "byArtist" || prop == "publisher" {
                    "Organization"
                } else {
                    "Person"
                },
            );
            o.push_str(",\"name\":");
            push_json_string(&mut o, &credit.name);
            o.push('}');
        }
    }
    o.push('}');
    if let Some(score) = review.score {
        o.push_str(",\"reviewRating\":{\"@type\":\"Rating\",\"ratingValue\":");
        crate::number::push_number(&mut o, score.value, '.');
        o.push_str(",\"bestRating\":");
        crate::number::push_number(&mut o, score.max, '.');
        o.push_str(",\"worstRating\":");
        crate::number::push_number(&mut o, score.min, '.');
        o.push('}');
    }
    if let Some(a) = &review.author {
        o.push_str(",\"author\":{\"@type\":\"Person\",\"name\":");
        push_json_string(&mut o, &a.name);
        if let Some(url) = &a.url {
            o.push_str(",\"url\":");
            push_json_string(&mut o, url);
        }
        o.push('}');
    }
    if let Some(d) = review.published {
        o.push_str(",\"datePublished\":\"");
        push_iso_date(&mut o, d);
        o.push('"');
    }
    if let Some(url) = &review.url {
        o.push_str(",\"url\":");
        push_json_string(&mut o, url);
    }
    if let Some(lang) = &review.lang {
        o.push_str(",\"inLanguage\":");
        push_json_string(&mut o, lang);
    }
    if let Some(e) = &review.excerpt {
        o.push_str(",\"description\":");
        push_json_string(&mut o, e);
    }
    if !review.body.is_empty() {
        o.push_str(",\"reviewBody\":");
        // Paragraphs joined by a blank line; a loop rather than `join`, which would
        // monomorphise a second joiner for `String` into the wasm.
        let mut body = String::new();
        for (i, p) in review.body.iter().enumerate() {
            if i > 0 {
                body.push_str("\n\n");
            }
            body.push_str(p);
        }
        push_json_string(&mut o, &body);
    }
    o.push('}');
    o
}

/// True when the JSON object is a schema.org `Review` (`"@type": "Review"`).
pub fn is_json_ld_review(value: &Value) -> bool {
    value.get("@type").and_then(Value::as_str) == Some("Review")
}

fn text(v: Option<&Value>) -> Option<Value> {
    match v? {
        Value::String(s) => Some(Value::String(s.clone())),
        _ => None,
    }
}

/// A number, or a numeric string as JSON-LD often writes ratings (`"7.2"`).
fn number(v: Option<&Value>) -> Option<Value> {
    match v? {
        Value::Number(n) => Some(Value::Number(*n)),
        Value::String(s) => crate::json::parse(s.trim())
            .ok()
            .filter(|n| matches!(n, Value::Number(_))),
        _ => None,
    }
}

/// The `name` of a Person/Organization given as an object or a plain string.
fn name_of(v: Option<&Value>) -> Option<Value> {
    match v? {
        Value::String(s) => Some(Value::String(s.clone())),
        o @ Value::Object(_) => text(o.get("name")),
        Value::Array(items) => name_of(items.first()),
        _ => None,
    }
}

/// Converts a schema.org `Review` into the v1 data format, to be validated like any
/// other input. Unknown types map to `other`; ratings may be numbers or strings.
pub fn from_json_ld(ld: &Value) -> Value {
    let mut m: Vec<(String, Value)> = Vec::new();
    let item = ld.get("itemReviewed");
    if let Some(name) = item
        .and_then(|i| text(i.get("name")))
        .or_else(|| text(ld.get("name")))
    {
        m.push(("title".into(), name));
    }
    let kind = match item.and_then(|i| i.get("@type")).and_then(Value::as_str) {
        Some("Movie") => "film",
        Some("Book") => "book",
        Some("MusicAlbum") => "album",
        Some("VideoGame") => "game",
        Some("TVSeries") | Some("TVSeason") | Some("TVEpisode") => "show",
        Some("Product") => "product",
        _ => "other",
    };
    m.push(("kind".into(), Value::String(kind.into())));
    if let Some(rating) = ld.get("reviewRating") {
        let mut s = Vec::new();
        for (from, to) in [
            ("ratingValue", "value"),
            ("bestRating", "max"),
            ("worstRating", "min"),
        ] {
            if let Some(n) = number(rating.get(from)) {
                s.push((to.to_string(), n));
            }
        }
        if s.iter().all(|(k, _)| k != "max") {
            s.push(("max".into(), Value::Number(Number(5.0)))); // schema.org's default bestRating
        }
        m.push(("score".into(), Value::Object(Map(s))));
    }
    let mut credits = Vec::new();
    for (prop, role) in [
        ("director", "Director"),
        ("author", "Author"),
        ("byArtist", "Artist"),
    ] {
        if let Some(name) = item.and_then(|i| name_of(i.get(prop))) {
            credits.push(Value::Object(Map(vec![
                ("role".into(), Value::String(role.into())),
                ("name".into(), name),
            ])));
        }
    }
    if !credits.is_empty() {
        m.push(("credits".into(), Value::Array(credits)));
    }
    if let Some(author) = ld.get("author") {
        let mut a = Vec::new();
        if let Some(n) = name_of(Some(author)) {
            a.push(("name".to_string(), n));
        }
        if let Some(u) = text(author.get("url")) {
            a.push(("url".into(), u));
        }
        m.push(("author".into(), Value::Object(Map(a))));
    }
    for (from, to) in [
        ("datePublished", "published"),
        ("url", "url"),
        ("inLanguage", "lang"),
        ("description", "excerpt"),
        ("reviewBody", "body"),
    ] {
        if let Some(v) = text(ld.get(from)) {
            m.push((to.into(), v));
        }
    }
    Value::Object(Map(m))
}
