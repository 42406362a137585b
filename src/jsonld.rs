//! schema.org `Review` structured data: written next to every card (in the light
//! DOM, where crawlers read it) and accepted as input, so a page that already has
//! the markup can render it. Written through serde: [`ReviewLd`] is the shape.

use serde::{Serialize, Serializer};

use crate::i18n::push_iso_date;
use crate::input::{Loose, ReviewInput};
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

/// A property of the reviewed item that credits fill, and the type of its agents.
#[derive(Clone, Copy)]
enum Slot {
    Director,
    Author,
    ByArtist,
    Publisher,
    Brand,
}

/// The credit roles that map onto a schema.org property of the reviewed item, per
/// kind. Roles compare in ASCII case only (Unicode case tables would grow the
/// wasm); accented roles are listed in their usual lowercase form. `publisher` is
/// not a Product property: a product has a brand.
const ROLES: [(Kind, &str, Slot); 15] = [
    (Kind::Film, "director", Slot::Director),
    (Kind::Film, "réalisateur", Slot::Director),
    (Kind::Film, "réalisatrice", Slot::Director),
    (Kind::Show, "director", Slot::Director),
    (Kind::Show, "réalisateur", Slot::Director),
    (Kind::Show, "réalisatrice", Slot::Director),
    (Kind::Book, "author", Slot::Author),
    (Kind::Book, "auteur", Slot::Author),
    (Kind::Book, "autrice", Slot::Author),
    (Kind::Album, "artist", Slot::ByArtist),
    (Kind::Album, "artiste", Slot::ByArtist),
    (Kind::Game, "publisher", Slot::Publisher),
    (Kind::Game, "éditeur", Slot::Publisher),
    (Kind::Product, "brand", Slot::Brand),
    (Kind::Product, "marque", Slot::Brand),
];

fn role_slot(kind: Kind, role: &str) -> Option<Slot> {
    ROLES
        .iter()
        .find(|(k, r, _)| *k == kind && r.eq_ignore_ascii_case(role))
        .map(|(_, _, slot)| *slot)
}

/// A schema.org `Review`, as written.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewLd<'a> {
    /// Always `https://schema.org`.
    #[serde(rename = "@context")]
    pub context: &'static str,
    /// Always `Review`.
    #[serde(rename = "@type")]
    pub kind: &'static str,
    /// What is reviewed.
    pub item_reviewed: ItemLd<'a>,
    /// The score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_rating: Option<RatingLd>,
    /// The review's author.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<AgentLd<'a>>,
    /// `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    /// The full review's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// The review's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_language: Option<&'a str>,
    /// The excerpt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
    /// The full text, paragraphs joined by a blank line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_body: Option<String>,
}

/// The reviewed item.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemLd<'a> {
    /// Its schema.org type ([`schema_type`]).
    #[serde(rename = "@type")]
    pub kind: &'static str,
    /// Its name: the review's title.
    pub name: &'a str,
    /// The cover image's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<&'a str>,
    /// Credits with the role of director (films, shows).
    #[serde(skip_serializing_if = "Agents::is_empty")]
    pub director: Agents<'a>,
    /// Credits with the role of author (books).
    #[serde(skip_serializing_if = "Agents::is_empty")]
    pub author: Agents<'a>,
    /// Credits with the role of artist (albums).
    #[serde(skip_serializing_if = "Agents::is_empty")]
    pub by_artist: Agents<'a>,
    /// Credits with the role of publisher (games).
    #[serde(skip_serializing_if = "Agents::is_empty")]
    pub publisher: Agents<'a>,
    /// Credits with the role of brand (products).
    #[serde(skip_serializing_if = "Agents::is_empty")]
    pub brand: Agents<'a>,
    /// The price, when the data has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offers: Option<OfferLd<'a>>,
}

/// A schema.org `Offer`: the price the review names.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OfferLd<'a> {
    /// Always `Offer`.
    #[serde(rename = "@type")]
    pub kind: &'static str,
    /// The amount.
    #[serde(serialize_with = "number")]
    pub price: f64,
    /// The ISO 4217 code.
    pub price_currency: &'a str,
}

/// A schema.org `Rating`. Numbers are finite (the model's invariant), so always
/// valid JSON numbers; whole ones are written without a fraction.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RatingLd {
    /// Always `Rating`.
    #[serde(rename = "@type")]
    pub kind: &'static str,
    /// The score given.
    #[serde(serialize_with = "number")]
    pub rating_value: f64,
    /// The highest possible score.
    #[serde(serialize_with = "number")]
    pub best_rating: f64,
    /// The lowest possible score.
    #[serde(serialize_with = "number")]
    pub worst_rating: f64,
}

/// A `Person` or an `Organization`.
#[derive(Debug, Serialize)]
pub struct AgentLd<'a> {
    /// `Person` or `Organization`.
    #[serde(rename = "@type")]
    pub kind: &'static str,
    /// The name.
    pub name: &'a str,
    /// A link to their page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

/// The agents of one property: written as one object, or a list when several.
#[derive(Debug, Default)]
pub struct Agents<'a>(pub Vec<AgentLd<'a>>);

impl Agents<'_> {
    /// True when there is none (the property is left out).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Agents<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] => one.serialize(s),
            many => many.serialize(s),
        }
    }
}

/// A whole number as an integer (`10`, not `10.0`), anything else as a float.
fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

/// The structured data for a review. What the data does not have (an image, a
/// price) is left out, never made up. A product is written as a `Product` only
/// with its image and price: Google's product rules require both (`image`,
/// `offers`), so without them the item is a plain `Thing` rather than an invalid
/// `Product`.
pub fn json_ld(review: &Review) -> ReviewLd<'_> {
    let image = review.image.as_ref().map(|i| i.src.as_str());
    let offers = review.price.as_ref().map(|p| OfferLd {
        kind: "Offer",
        price: p.value,
        price_currency: &p.currency,
    });
    let kind = match review.kind {
        Kind::Product if image.is_none() || offers.is_none() => "Thing",
        kind => schema_type(kind),
    };
    let mut item = ItemLd {
        kind,
        name: &review.title,
        image,
        director: Agents::default(),
        author: Agents::default(),
        by_artist: Agents::default(),
        publisher: Agents::default(),
        brand: Agents::default(),
        offers,
    };
    for credit in &review.credits {
        let (list, kind) = match role_slot(review.kind, &credit.role) {
            Some(Slot::Director) => (&mut item.director, "Person"),
            Some(Slot::Author) => (&mut item.author, "Person"),
            Some(Slot::ByArtist) => (&mut item.by_artist, "MusicGroup"),
            Some(Slot::Brand) => (&mut item.brand, "Brand"),
            Some(Slot::Publisher) => (&mut item.publisher, "Organization"),
            None => continue,
        };
        list.0.push(AgentLd {
            kind,
            name: &credit.name,
            url: None,
        });
    }
    ReviewLd {
        context: "https://schema.org",
        kind: "Review",
        item_reviewed: item,
        review_rating: review.score.map(|s| RatingLd {
            kind: "Rating",
            rating_value: s.value,
            best_rating: s.max,
            worst_rating: s.min,
        }),
        author: review.author.as_ref().map(|a| AgentLd {
            kind: "Person",
            name: &a.name,
            url: a.url.as_deref(),
        }),
        date_published: review.published.map(|d| {
            let mut s = String::new();
            push_iso_date(&mut s, d);
            s
        }),
        url: review.url.as_deref(),
        in_language: review.lang.as_deref(),
        description: review.excerpt.as_deref(),
        // A loop rather than `join`: this was the build's only join of `String`s, a
        // second copy of the join code. Paragraphs are never empty.
        review_body: (!review.body.is_empty()).then(|| {
            let mut body = String::new();
            for p in &review.body {
                if !body.is_empty() {
                    body.push_str("\n\n");
                }
                body.push_str(p);
            }
            body
        }),
    }
}

/// The JSON-LD text for a review, safe inside a `<script type="application/ld+json">`
/// element: `<`, `>` and `&` (which only occur inside strings) are written as
/// `\u003c`, `\u003e` and `\u0026` ([`crate::json_text::to_json`]).
pub fn render_json_ld(review: &Review) -> String {
    crate::json_text::to_json(&json_ld(review))
}

/// A string member of a JSON-LD object, as text.
fn text(v: &Loose) -> Loose {
    match v {
        Loose::Text(s) => Loose::Text(s.clone()),
        _ => Loose::Null,
    }
}

/// A number, or a numeric string as JSON-LD often writes ratings (`"7.2"`).
fn number_of(v: &Loose) -> Loose {
    match v {
        Loose::Number(n) => Loose::Number(*n),
        Loose::Text(s) => crate::number::parse_decimal(s.trim()).map_or(Loose::Null, Loose::Number),
        _ => Loose::Null,
    }
}

/// A value schema.org gives as a plain string, an object or a list: the string,
/// the object's `key` member, or the first item's. The `name` of a
/// Person/Organization, the `url` of an `ImageObject`.
fn member_of(v: &Loose, key: &str) -> Loose {
    match v {
        Loose::Text(s) => Loose::Text(s.clone()),
        o @ Loose::Object(_) => text(o.get(key)),
        Loose::List(items) => items.first().map_or(Loose::Null, |i| member_of(i, key)),
        _ => Loose::Null,
    }
}

/// The `name` of a Person/Organization given as an object, a plain string or a list.
fn name_of(v: &Loose) -> Loose {
    member_of(v, "name")
}

/// Converts a schema.org `Review` into the v1 data format, to be validated like any
/// other input. Unknown types map to `other`; ratings may be numbers or strings.
pub fn from_json_ld(ld: &ReviewInput) -> ReviewInput {
    let item = &ld.item_reviewed;
    let mut v1 = ReviewInput {
        title: match text(item.get("name")) {
            Loose::Null => text(&ld.name),
            name => name,
        },
        ..ReviewInput::default()
    };
    let kind = match item.get("@type").as_str() {
        Some("Movie") => "film",
        Some("Book") => "book",
        Some("MusicAlbum") => "album",
        Some("VideoGame") => "game",
        Some("TVSeries") | Some("TVSeason") | Some("TVEpisode") => "show",
        Some("Product") => "product",
        _ => "other",
    };
    v1.kind = Loose::Text(kind.into());
    if !matches!(ld.review_rating, Loose::Null) {
        let rating = &ld.review_rating;
        let mut s = Vec::new();
        for (from, to) in [
            ("ratingValue", "value"),
            ("bestRating", "max"),
            ("worstRating", "min"),
        ] {
            match number_of(rating.get(from)) {
                Loose::Null => {}
                n => s.push((to.to_string(), n)),
            }
        }
        if s.iter().all(|(k, _)| k != "max") {
            s.push(("max".into(), Loose::Number(5.0))); // schema.org's default bestRating
        }
        v1.score = Loose::Object(s);
    }
    let mut credits = Vec::new();
    for (prop, role) in [
        ("director", "Director"),
        ("author", "Author"),
        ("byArtist", "Artist"),
    ] {
        match name_of(item.get(prop)) {
            Loose::Null => {}
            name => credits.push(Loose::Object(vec![
                ("role".into(), Loose::Text(role.into())),
                ("name".into(), name),
            ])),
        }
    }
    if !credits.is_empty() {
        v1.credits = Loose::List(credits);
    }
    // A URL or an `ImageObject`'s `url`: a decorative image (the title names it).
    v1.image = member_of(item.get("image"), "url");
    if !matches!(ld.author, Loose::Null) {
        let mut a = Vec::new();
        match name_of(&ld.author) {
            Loose::Null => {}
            n => a.push(("name".to_string(), n)),
        }
        match text(ld.author.get("url")) {
            Loose::Null => {}
            u => a.push(("url".into(), u)),
        }
        v1.author = Loose::Object(a);
    }
    v1.published = text(&ld.date_published);
    v1.url = text(&ld.url);
    v1.lang = text(&ld.in_language);
    v1.excerpt = text(&ld.description);
    v1.body = text(&ld.review_body);
    v1
}
