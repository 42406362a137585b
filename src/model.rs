//! The validated review: what the parser produces and the renderer consumes.
//! Every value here has already been checked, so rendering cannot fail.

/// What is being reviewed. Decides the label shown above the title and, for
/// structured data, the schema.org type of the reviewed item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// A film (schema.org `Movie`).
    Film,
    /// A book.
    Book,
    /// A music album.
    Album,
    /// A video game.
    Game,
    /// A television show or series.
    Show,
    /// A product.
    Product,
    /// Anything else (the default).
    #[default]
    Other,
}

impl Kind {
    /// Every kind with its name in the data format.
    pub const ALL: [(&'static str, Kind); 7] = [
        ("film", Kind::Film),
        ("book", Kind::Book),
        ("album", Kind::Album),
        ("game", Kind::Game),
        ("show", Kind::Show),
        ("product", Kind::Product),
        ("other", Kind::Other),
    ];

    /// Looks a kind up by its name in the data format.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
    }
}

/// A score with its range. Invariant: all finite, `min < max`, `min <= value <= max`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// The score given.
    pub value: f64,
    /// The lowest possible score (default 0).
    pub min: f64,
    /// The highest possible score (default 10).
    pub max: f64,
}

/// One credit line, such as Director: Jacques Audiard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    /// The role, such as "Director".
    pub role: String,
    /// The person or company.
    pub name: String,
}

/// The review's author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    /// The author's name (required when `author` is present).
    pub name: String,
    /// A link to the author's page; passed the URL allow-list.
    pub url: Option<String>,
    /// A short biography.
    pub bio: Option<String>,
}

/// A calendar date (the date part of an ISO 8601 date or date-time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year, 1 to 9999.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, valid for the month and year.
    pub day: u8,
}

/// A review that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// The title of what is reviewed, never empty.
    pub title: String,
    /// What kind of thing is reviewed.
    pub kind: Kind,
    /// The full review's address; passed the URL allow-list.
    pub url: Option<String>,
    /// The score, when there is one.
    pub score: Option<Score>,
    /// The excerpt given in the data, if any.
    pub excerpt: Option<String>,
    /// The full text as paragraphs (empty when there is no body).
    pub body: Vec<String>,
    /// Credits, in the order given.
    pub credits: Vec<Credit>,
    /// The author, when known.
    pub author: Option<Author>,
    /// The publication date.
    pub published: Option<Date>,
    /// The review's language tag, such as `en` or `fr-FR`.
    pub lang: Option<String>,
    /// The cover image (poster, cover, album art, product photo), when given.
    pub image: Option<crate::image::Image>,
    /// The price the review names, when given.
    pub price: Option<Price>,
}

/// A price. Invariant: `value` finite and not negative; `currency` three ASCII
/// capital letters (an ISO 4217 code such as `EUR`).
#[derive(Debug, Clone, PartialEq)]
pub struct Price {
    /// The amount.
    pub value: f64,
    /// The ISO 4217 currency code.
    pub currency: String,
}
