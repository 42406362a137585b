//! Every visible and announced string, in English and French, with number and
//! date formatting for each locale.

use crate::model::{Date, Kind};
use crate::number::push_number;

/// A supported language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// English (the default).
    #[default]
    En,
    /// French.
    Fr,
}

impl Locale {
    /// Picks the locale for a BCP 47 tag (`fr`, `fr-CA` → French); `None` when the
    /// language is not supported, so the caller can try the next source.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "fr" => Some(Locale::Fr),
            _ => None,
        }
    }

    /// The first supported locale among the tags, in order; English otherwise.
    pub fn choose<'a>(tags: impl IntoIterator<Item = Option<&'a str>>) -> Locale {
        tags.into_iter()
            .flatten()
            .find_map(Locale::from_tag)
            .unwrap_or_default()
    }

    /// The language tag written into the markup's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
        }
    }

    /// The strings for this locale.
    pub fn strings(self) -> &'static Strings {
        match self {
            Locale::En => &EN,
            Locale::Fr => &FR,
        }
    }

    /// Appends a number with this locale's decimal separator ("7.2", "7,2").
    pub fn push_number(self, out: &mut String, value: f64) {
        push_number(out, value, if self == Locale::Fr { ',' } else { '.' });
    }

    /// Appends a date written out for this locale ("November 16, 2012", "16 novembre 2012").
    pub fn push_date(self, out: &mut String, date: Date) {
        let s = self.strings();
        let month = s.months[usize::from(date.month.clamp(1, 12)) - 1];
        match self {
            Locale::En => {
                out.push_str(month);
                out.push(' ');
                crate::number::push_u64(out, u64::from(date.day));
                out.push_str(", ");
            }
            Locale::Fr => {
                if date.day == 1 {
                    out.push_str("1er");
                } else {
                    crate::number::push_u64(out, u64::from(date.day));
                }
                out.push(' ');
                out.push_str(month);
                out.push(' ');
            }
        }
        crate::number::push_u64(out, u64::from(date.year));
    }
}

/// Appends a date as ISO 8601 `YYYY-MM-DD` (for `<time datetime>` and JSON-LD).
pub fn push_iso_date(out: &mut String, date: Date) {
    let pad = |out: &mut String, n: u64, width: usize| {
        let mut s = String::new();
        crate::number::push_u64(&mut s, n);
        for _ in s.len()..width {
            out.push('0');
        }
        out.push_str(&s);
    };
    pad(out, u64::from(date.year), 4);
    out.push('-');
    pad(out, u64::from(date.month), 2);
    out.push('-');
    pad(out, u64::from(date.day), 2);
}

/// The strings of one locale. Fields hold whole phrases or the fixed parts around a
/// value, so word order can differ between languages.
#[derive(Debug)]
pub struct Strings {
    /// Label of each kind, in the order of [`Kind::ALL`].
    pub kinds: [&'static str; 7],
    /// Visible label on the score badge.
    pub score: &'static str,
    /// Announced score, before the value: "Score: ".
    pub score_spoken_before: &'static str,
    /// Announced score, between value and maximum: " out of ".
    pub score_spoken_between: &'static str,
    /// Announced score range when the minimum is not zero: " (lowest ".
    pub score_spoken_min: &'static str,
    /// Byline prefix: "By ".
    pub by: &'static str,
    /// Heading of the credits list, read by screen readers.
    pub credits: &'static str,
    /// The disclosure button and link text.
    pub read_more: &'static str,
    /// The disclosure button's text while the full review is shown.
    pub read_less: &'static str,
    /// Hidden text after "Read more" naming the review: ": review of ".
    pub read_more_of: &'static str,
    /// The link under the revealed body to the original page.
    pub read_original: &'static str,
    /// Month names, January first.
    pub months: [&'static str; 12],
    /// Label of the published date: "Published".
    pub published: &'static str,
}

impl Strings {
    /// The label of a kind.
    pub fn kind(&self, kind: Kind) -> &'static str {
        let i = Kind::ALL.iter().position(|(_, k)| *k == kind).unwrap_or(6);
        self.kinds[i]
    }
}

static EN: Strings = Strings {
    kinds: ["Film", "Book", "Album", "Game", "Show", "Product", "Review"],
    score: "Score",
    score_spoken_before: "Score: ",
    score_spoken_between: " out of ",
    score_spoken_min: ", lowest possible ",
    by: "By ",
    credits: "Credits",
    read_more: "Read more",
    read_less: "Show less",
    read_more_of: ": review of ",
    read_original: "Read on the original page",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    published: "Published",
};

static FR: Strings = Strings {
    kinds: [
        "Film", "Livre", "Album", "Jeu", "Série", "Produit", "Critique",
    ],
    score: "Note",
    score_spoken_before: "Note : ",
    score_spoken_between: " sur ",
    score_spoken_min: ", minimum ",
    by: "Par ",
    credits: "Générique",
    read_more: "Lire la suite",
    read_less: "Réduire",
    read_more_of: " : critique de ",
    read_original: "Lire sur la page d’origine",
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    published: "Publié",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chooses_the_first_supported_tag() {
        assert_eq!(
            Locale::choose([None, Some("de"), Some("fr-CA"), Some("en")]),
            Locale::Fr
        );
        assert_eq!(Locale::choose([Some("EN-gb")]), Locale::En);
        assert_eq!(Locale::choose([Some("zz"), None]), Locale::En);
    }

    #[test]
    fn formats_numbers_and_dates_per_locale() {
        let d = Date {
            year: 2012,
            month: 11,
            day: 16,
        };
        let mut en = String::new();
        Locale::En.push_number(&mut en, 7.2);
        en.push('|');
        Locale::En.push_date(&mut en, d);
        assert_eq!(en, "7.2|November 16, 2012");
        let mut fr = String::new();
        Locale::Fr.push_number(&mut fr, 7.2);
        fr.push('|');
        Locale::Fr.push_date(&mut fr, d);
        fr.push('|');
        Locale::Fr.push_date(
            &mut fr,
            Date {
                year: 2013,
                month: 1,
                day: 1,
            },
        );
        assert_eq!(fr, "7,2|16 novembre 2012|1er janvier 2013");
    }

    #[test]
    fn iso_dates_are_zero_padded() {
        let mut s = String::new();
        push_iso_date(
            &mut s,
            Date {
                year: 812,
                month: 3,
                day: 5,
            },
        );
        assert_eq!(s, "0812-03-05");
    }
}
