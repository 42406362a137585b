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
        let primary = crate::substring::before_any(tag, b"-_").to_ascii_lowercase();
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

    /// Appends a count shown to readers, its digits grouped by three as this
    /// locale writes them ("65,525"; "65 525" with a narrow no-break space).
    pub fn push_count(self, out: &mut String, n: u64) {
        let group = if self == Locale::Fr { '\u{202f}' } else { ',' };
        crate::number::push_grouped(out, n, Some(group));
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

    /// Whether `n` takes the singular: 1 in English; 0 and 1 in French.
    pub fn is_singular(self, n: u64) -> bool {
        match self {
            Locale::En => n == 1,
            Locale::Fr => n <= 1,
        }
    }

    /// Appends a date and time as WordPress's defaults write them for this locale
    /// ("December 1, 2026 at 8:05 pm", "1er décembre 2026 à 20 h 05").
    pub fn push_date_time(self, out: &mut String, date: Date, hour: u8, minute: u8) {
        self.push_date(out, date);
        out.push_str(self.strings().thread.at);
        let two = |out: &mut String, n: u8| {
            if n < 10 {
                out.push('0');
            }
            crate::number::push_u64(out, u64::from(n));
        };
        match self {
            Locale::En => {
                let h12 = if hour % 12 == 0 { 12 } else { hour % 12 };
                crate::number::push_u64(out, u64::from(h12));
                out.push(':');
                two(out, minute);
                out.push_str(if hour < 12 { " am" } else { " pm" });
            }
            Locale::Fr => {
                crate::number::push_u64(out, u64::from(hour));
                out.push_str("\u{a0}h\u{a0}");
                two(out, minute);
            }
        }
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

/// The loader's strings (js/loader.js), shown before the wasm runs, so the loader
/// carries its own copy of this table; `tests/loader_strings.rs` keeps the two equal.
#[derive(Debug)]
pub struct LoaderStrings {
    /// The locale's tag, as the loader keys its table.
    pub tag: &'static str,
    /// While the review's JSON is fetched.
    pub loading: &'static str,
    /// Before the reason a review could not be shown.
    pub failed: &'static str,
    /// The button that tries again.
    pub retry: &'static str,
}

/// The loader's strings in every locale.
pub const LOADER: [LoaderStrings; 2] = [
    LoaderStrings {
        tag: "en",
        loading: "Loading review…",
        failed: "This review could not be loaded",
        retry: "Try again",
    },
    LoaderStrings {
        tag: "fr",
        loading: "Chargement de la critique…",
        failed: "Impossible de charger cette critique",
        retry: "Réessayer",
    },
];

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
    /// The price's label in the credits list: "Price".
    pub price: &'static str,
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
    /// The comment form's strings.
    pub form: FormStrings,
    /// The conversation's strings.
    pub thread: ThreadStrings,
}

/// Strings of the conversation under the card.
#[derive(Debug)]
pub struct ThreadStrings {
    /// Heading before the count is known: "Comments".
    pub title: &'static str,
    /// Heading with no comments: "No comments yet".
    pub none: &'static str,
    /// After the count, singular: " comment".
    pub one: &'static str,
    /// After the count, plural: " comments".
    pub many: &'static str,
    /// Status while loading.
    pub loading: &'static str,
    /// Status when loading failed (a retry button follows).
    pub failed: &'static str,
    /// The button that loads the next page.
    pub more: &'static str,
    /// A comment's reply button.
    pub reply: &'static str,
    /// Hidden after "Reply", before the author: " to ".
    pub reply_to: &'static str,
    /// Above the form while replying, before the author: "Replying to ".
    pub replying: &'static str,
    /// The button that stops replying.
    pub cancel: &'static str,
    /// Under the reader's own comment while it is held.
    pub held: &'static str,
    /// Before the author a flat reply answers: "In reply to ".
    pub in_reply_to: &'static str,
    /// Between date and time: " at ".
    pub at: &'static str,
    /// An author without a name.
    pub anonymous: &'static str,
}

/// Strings of the comment form.
#[derive(Debug)]
pub struct FormStrings {
    /// Heading: "Leave a Reply".
    pub title: &'static str,
    /// Tied to the email field: "Your email address will not be published."
    pub email_note: &'static str,
    /// Before the asterisk: "Required fields are marked ".
    pub required_note: &'static str,
    /// Field labels: comment, name, email, website.
    pub labels: [&'static str; 4],
    /// The consent checkbox label.
    pub consent: &'static str,
    /// The submit button.
    pub submit: &'static str,
    /// Error summary heading.
    pub problem: &'static str,
    /// Hidden prefix of inline errors: "Error: ".
    pub error_prefix: &'static str,
    /// Counter suffix: " bytes left".
    pub bytes_left: &'static str,
    /// Counter suffix when over: " bytes too many".
    pub bytes_over: &'static str,
    /// Counter hint.
    pub bytes_hint: &'static str,
    /// The honeypot's label (only bots see it).
    pub honeypot: &'static str,
    /// Status while posting.
    pub sending: &'static str,
    /// Status after an accepted comment.
    pub posted: &'static str,
    /// Status after a comment held for moderation.
    pub held: &'static str,
    /// Status before the server's reason for refusing.
    pub refused: &'static str,
    /// Status after a network failure.
    pub network: &'static str,
    /// Status when the spam checks stopped the comment.
    pub too_fast: &'static str,
    /// Status when the page took the comment over (event cancelled).
    pub handed: &'static str,
    /// Status when there is nowhere to send the comment.
    pub no_endpoint: &'static str,
    /// The retry button.
    pub retry: &'static str,
    /// Status after an answer of 200 with nothing in it: WordPress stored nothing
    /// (the post is missing, a draft, trashed or password-protected).
    pub not_stored: &'static str,
    /// Status when WordPress refuses anonymous REST comments (the site owner's setting).
    pub rest_closed: &'static str,
    /// Status after a post to another site whose answer this page may not read.
    pub delivered: &'static str,
    /// Status when "Try again" finds the first attempt had arrived (a duplicate).
    pub already: &'static str,
    /// Status when the site did not answer in time (it may still have the comment).
    pub timeout: &'static str,
    /// Status when the honeypot was filled (by autofill, most likely): it was cleared.
    pub trap_cleared: &'static str,
    /// The messages of a refused field.
    pub errors: ErrorStrings,
}

/// Messages of a refused comment field: the fixed parts around the field's name
/// and the numbers.
#[derive(Debug)]
pub struct ErrorStrings {
    /// Each field as a message names it, in [`Field::ALL`]'s order: "your comment".
    ///
    /// [`Field::ALL`]: crate::comment::Field::ALL
    pub fields: [&'static str; 4],
    /// An empty required field, before its name: "Enter ".
    pub required: &'static str,
    /// Too long: before the name, before the excess, before the limit and after it
    /// ("Shorten ", " by ", ": the limit is ", " bytes (…)").
    pub too_long: [&'static str; 4],
    /// The excess's unit, for one and for more: " byte", " bytes".
    pub bytes: [&'static str; 2],
    /// An email address that is not one.
    pub email: &'static str,
    /// A website address that is not one.
    pub url: &'static str,
    /// Control characters, before the field's name.
    pub control: &'static str,
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
    price: "Price",
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
    form: FormStrings {
        title: "Leave a Reply",
        email_note: "Your email address will not be published.",
        required_note: "Required fields are marked ",
        labels: ["Comment", "Name", "Email", "Website"],
        consent: "Save my name, email, and website in this browser for the next time I comment.",
        submit: "Post Comment",
        problem: "There is a problem",
        error_prefix: "Error: ",
        bytes_left: " bytes left",
        bytes_over: " bytes too many",
        bytes_hint: "Accented letters and emoji use 2 to 4 bytes each.",
        honeypot: "Leave this field empty",
        sending: "Sending your comment…",
        posted: "Thank you, your comment was posted.",
        held: "Thank you, your comment is awaiting moderation.",
        refused: "Your comment was not accepted: ",
        network: "The connection failed before the site answered, so this page cannot tell whether your comment arrived. Check your connection and try again; nothing you typed was lost (the site refuses a copy it already has).",
        too_fast: "Your comment was not sent because it looked automated. Wait a few seconds and send it again.",
        handed: "Your comment was passed to the site.",
        no_endpoint: "This page has no comment address, so your comment was not sent. Your text is kept.",
        not_stored: "The site did not store your comment: this post does not take comments from here (it may be unpublished, password-protected or gone). Your text is kept.",
        rest_closed: "This site does not accept comments sent from this page yet, so your comment was not sent. Your text is kept.",
        delivered: "Your comment was sent to the site. This page cannot see the site’s answer: it appears there once the site publishes it.",
        already: "Your comment had already reached the site; it was not sent twice.",
        timeout: "The site did not answer in time, so this page cannot tell whether your comment arrived. Your text is kept: try again (the site refuses a copy it already has).",
        trap_cleared: "Your comment was not sent: a hidden anti-spam field had been filled in, perhaps by your browser’s autofill. It is cleared now: send your comment again.",
        retry: "Try again",
        errors: ErrorStrings {
            fields: ["your comment", "your name", "your email address", "your website address"],
            required: "Enter ",
            too_long: [
                "Shorten ",
                " by ",
                ": the limit is ",
                " bytes (accented letters and emoji count as 2 to 4)",
            ],
            bytes: [" byte", " bytes"],
            email: "Enter an email address like name@example.com",
            url: "Enter a website address like https://example.com, or leave it empty",
            control: "Remove the invisible control characters from ",
        },
    },
    thread: ThreadStrings {
        title: "Comments",
        none: "No comments yet",
        one: " comment",
        many: " comments",
        loading: "Loading comments…",
        failed: "The comments could not be loaded.",
        more: "Show more comments",
        reply: "Reply",
        reply_to: " to ",
        replying: "Replying to ",
        cancel: "Cancel reply",
        held: "Your comment is awaiting moderation.",
        in_reply_to: "In reply to ",
        at: " at ",
        anonymous: "Anonymous",
    },
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
    price: "Prix",
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
    form: FormStrings {
        title: "Laisser un commentaire",
        email_note: "Votre adresse e-mail ne sera pas publiée.",
        required_note: "Les champs obligatoires sont indiqués avec ",
        labels: ["Commentaire", "Nom", "E-mail", "Site web"],
        consent: "Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.",
        submit: "Publier le commentaire",
        problem: "Il y a un problème",
        error_prefix: "Erreur : ",
        bytes_left: " octets restants",
        bytes_over: " octets en trop",
        bytes_hint: "Les lettres accentuées et les emoji occupent 2 à 4 octets chacun.",
        honeypot: "Laissez ce champ vide",
        sending: "Envoi de votre commentaire…",
        posted: "Merci, votre commentaire a été publié.",
        held: "Merci, votre commentaire est en attente de modération.",
        refused: "Votre commentaire n’a pas été accepté : ",
        network: "La connexion a échoué avant la réponse du site ; cette page ne peut pas savoir si votre commentaire est arrivé. Vérifiez votre connexion et réessayez ; rien de ce que vous avez saisi n’est perdu (le site refuse une copie qu’il a déjà).",
        too_fast: "Votre commentaire n’a pas été envoyé car il semblait automatique. Attendez quelques secondes et renvoyez-le.",
        handed: "Votre commentaire a été transmis au site.",
        no_endpoint: "Cette page n’a pas d’adresse pour les commentaires ; votre commentaire n’a pas été envoyé. Votre texte est conservé.",
        not_stored: "Le site n’a pas enregistré votre commentaire : cet article n’accepte pas de commentaires d’ici (il est peut-être non publié, protégé par mot de passe ou supprimé). Votre texte est conservé.",
        rest_closed: "Ce site n’accepte pas encore les commentaires envoyés depuis cette page ; votre commentaire n’a pas été envoyé. Votre texte est conservé.",
        delivered: "Votre commentaire a été envoyé au site. Cette page ne peut pas voir la réponse du site : il y apparaîtra une fois publié.",
        already: "Votre commentaire était déjà arrivé sur le site ; il n’a pas été envoyé deux fois.",
        timeout: "Le site n’a pas répondu à temps ; cette page ne peut pas savoir si votre commentaire est arrivé. Votre texte est conservé : réessayez (le site refuse une copie qu’il a déjà).",
        trap_cleared: "Votre commentaire n’a pas été envoyé : un champ anti-spam caché avait été rempli, peut-être par le remplissage automatique du navigateur. Il est vidé : renvoyez votre commentaire.",
        retry: "Réessayer",
        errors: ErrorStrings {
            fields: ["votre commentaire", "votre nom", "votre adresse e-mail", "l’adresse de votre site"],
            required: "Saisissez ",
            too_long: [
                "Raccourcissez ",
                " de ",
                " : la limite est de ",
                " octets (lettres accentuées et emoji comptent pour 2 à 4)",
            ],
            bytes: [" octet", " octets"],
            email: "Saisissez une adresse e-mail comme nom@exemple.fr",
            url: "Saisissez une adresse de site comme https://exemple.fr, ou laissez vide",
            control: "Retirez les caractères de contrôle invisibles de ",
        },
    },
    thread: ThreadStrings {
        title: "Commentaires",
        none: "Aucun commentaire pour l’instant",
        one: "\u{a0}commentaire",
        many: "\u{a0}commentaires",
        loading: "Chargement des commentaires…",
        failed: "Les commentaires n’ont pas pu être chargés.",
        more: "Afficher plus de commentaires",
        reply: "Répondre",
        reply_to: " à ",
        replying: "Réponse à ",
        cancel: "Annuler la réponse",
        held: "Votre commentaire est en attente de modération.",
        in_reply_to: "En réponse à ",
        at: " à ",
        anonymous: "Anonyme",
    },
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
