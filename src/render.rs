//! Review → HTML markup. The same function feeds the DOM layer (one `innerHTML` per
//! card) and `renderToString` (servers, static sites), so both show the same card.
//!
//! Every piece of text goes through [`push_escaped`]; every URL already passed the
//! allow-list in the parser. No inline `style` attribute or script is ever written.

use crate::escape::push_escaped;
use crate::excerpt::{excerpt, DEFAULT_LENGTH};
use crate::i18n::{push_iso_date, Locale};
use crate::model::{Review, Score};
use crate::options::Settings;

/// The card's stylesheet (adopted by the shadow root; inlined by `render_document`).
pub const CSS: &str = include_str!("card.css");

/// Builds markup into a `String`: the crate's one HTML writer (the card, and the
/// comment thread in [`crate::thread`]).
pub(crate) struct Html<'a> {
    pub(crate) out: String,
    pub(crate) ids: &'a str,
}

impl Html<'_> {
    pub(crate) fn raw(&mut self, s: &str) -> &mut Self {
        self.out.push_str(s);
        self
    }
    pub(crate) fn text(&mut self, s: &str) -> &mut Self {
        push_escaped(&mut self.out, s);
        self
    }
    /// Review text inside one of the card's own sentences ("By NAME", "ROLE:"), in
    /// a `<bdi>`: its direction is its own, and no bidi control in it can reorder
    /// the card's words or punctuation around it.
    pub(crate) fn isolated(&mut self, s: &str) -> &mut Self {
        self.raw("<bdi>").text(s).raw("</bdi>")
    }
    /// Writes ` name="value"` with the value escaped.
    pub(crate) fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_escaped(&mut self.out, value);
        self.out.push('"');
        self
    }
    /// Writes one character (a heading's level digit).
    pub(crate) fn char(&mut self, c: char) -> &mut Self {
        self.out.push(c);
        self
    }
    /// Writes a number in decimal.
    pub(crate) fn num(&mut self, n: u64) -> &mut Self {
        crate::number::push_u64(&mut self.out, n);
        self
    }
    /// Writes ` href="url"` and the link's `rel`: `rel` (if any), plus `nofollow ugc`
    /// when the link leaves `own`, the page's origin where known (the review is
    /// someone else's content there; see the README, "Links and URLs").
    fn href(&mut self, url: &str, rel: Option<&str>, own: Option<&str>) -> &mut Self {
        let third_party =
            own.is_some_and(|own| crate::url::is_http(url) && !crate::url::is_on_origin(url, own));
        match (rel, third_party) {
            (Some(rel), true) => self.attr("rel", &[rel, " nofollow ugc"].concat()),
            (Some(rel), false) => self.attr("rel", rel),
            (None, true) => self.attr("rel", "nofollow ugc"),
            (None, false) => self,
        };
        self.attr("href", url)
    }
    /// Writes an `id`-valued attribute: the card's ID prefix, a dash and `suffix`.
    pub(crate) fn id_attr(&mut self, name: &str, suffix: &str) -> &mut Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_escaped(&mut self.out, self.ids);
        self.out.push('-');
        self.out.push_str(suffix);
        self.out.push('"');
        self
    }
}

/// A status line's content (the form's and the thread's `.status`): `text`, and
/// with `retry` (its label) a retry button after it.
pub fn render_status(text: &str, retry: Option<&str>) -> String {
    let mut h = Html {
        out: String::new(),
        ids: "",
    };
    h.text(text);
    if let Some(label) = retry {
        h.raw(" <button type=\"button\" class=\"retry\">")
            .text(label)
            .raw("</button>");
    }
    h.out
}

/// Renders the card's markup (the shadow root's content, without the stylesheet).
pub fn render_card(review: &Review, settings: &Settings) -> String {
    render_card_parts(review, settings).0
}

/// Renders the card. With `settings.lazy_body` the hidden body holds only the link
/// to the original page, and the returned flag is true: its paragraphs are left for
/// [`render_paragraphs`] to fill in on first "Read more" (a card never opened never
/// escapes or parses its body's markup).
pub fn render_card_parts(review: &Review, settings: &Settings) -> (String, bool) {
    let mut deferred = false;
    let locale = settings.locale(review.lang.as_deref());
    let s = locale.strings();
    let mut h = Html {
        out: String::with_capacity(
            1024 + review.body.iter().map(String::len).sum::<usize>() * 11 / 10,
        ),
        ids: &settings.id_prefix,
    };
    let level = char::from(b'0' + settings.heading_level.clamp(2, 6));
    let own = settings.page_origin.as_deref();

    h.raw("<article class=\"card\" part=\"card\"")
        .attr("data-theme", settings.theme.name())
        .attr(
            "lang",
            review
                .lang
                .as_deref()
                .filter(|_| settings.lang.is_none())
                .unwrap_or(locale.tag()),
        )
        .id_attr("aria-labelledby", "title")
        .raw(">");

    // Heading block: kind, title, credits.
    h.raw("<div class=\"head\"><p class=\"kind\" part=\"kind\">")
        .text(s.kind(review.kind))
        .raw("</p><h")
        .out
        .push(level);
    h.raw(" class=\"title\" part=\"title\" dir=\"auto\"")
        .id_attr("id", "title")
        .raw(">");
    h.text(&review.title).raw("</h").out.push(level);
    h.raw(">");
    if !review.credits.is_empty() || review.price.is_some() {
        h.raw("<dl class=\"credits\" part=\"credits\">");
        for c in &review.credits {
            h.raw("<div><dt>")
                .isolated(&c.role)
                .raw("</dt><dd>")
                .isolated(&c.name)
                .raw("</dd></div>");
        }
        if let Some(p) = &review.price {
            h.raw("<div><dt>").text(s.price).raw("</dt><dd>");
            locale.push_number(&mut h.out, p.value);
            h.raw("\u{a0}").text(&p.currency).raw("</dd></div>");
        }
        h.raw("</dl>");
    }
    h.raw("</div>");
    // After the heading in reading order (the title names the card first); the
    // stylesheet places it beside the title.
    if let Some(image) = &review.image {
        crate::image::push_image(&mut h.out, image, review.kind);
    }

    if let Some(score) = &review.score {
        score_badge(&mut h, score, locale);
    }

    // Excerpt, full body and "read more".
    let derived = review.excerpt.is_none();
    let ex = match &review.excerpt {
        Some(text) => Some((text.clone(), true)),
        None if review.body.is_empty() => None,
        None => {
            let e = excerpt(&review.body, DEFAULT_LENGTH);
            Some((e.text, e.shortened))
        }
    };
    // The body is worth a disclosure unless the derived excerpt already shows all of it.
    let has_more_body =
        !review.body.is_empty() && ex.as_ref().is_none_or(|(_, shortened)| *shortened);
    // Without JavaScript (static markup) there is no disclosure: the body shows whole.
    let interactive = !settings.static_markup;
    if let Some((text, _)) = ex
        .as_ref()
        .filter(|_| interactive || !(derived && has_more_body))
    {
        h.raw("<p class=\"excerpt\" part=\"excerpt\" dir=\"auto\"");
        if derived && has_more_body {
            h.raw(" data-derived");
        }
        h.raw(">").text(text).raw("</p>");
    }
    if has_more_body {
        // The button comes first: what it reveals follows it, in reading and in
        // focus order (Tab from "Read more" goes into the text it opened).
        if interactive {
            h.raw("<button type=\"button\" class=\"more\" part=\"more\" aria-expanded=\"false\"")
                .id_attr("aria-controls", "body")
                .raw("><span class=\"more-open\">")
                .text(s.read_more)
                .raw("</span><span class=\"more-close\">")
                .text(s.read_less)
                .raw("</span><span class=\"vh\">")
                .text(s.read_more_of)
                .isolated(&review.title)
                .raw("</span></button>");
        }
        h.raw("<div class=\"body\" part=\"body\"")
            .id_attr("id", "body");
        h.raw(if interactive { " hidden>" } else { ">" });
        deferred = settings.lazy_body && interactive;
        if !deferred {
            push_paragraphs(&mut h, review);
        }
        original_link(&mut h, review, s.read_original, own);
        h.raw("</div>");
    } else if let Some(url) = &review.url {
        h.raw("<a class=\"more\" part=\"more\"")
            .href(url, None, own)
            .raw(">")
            .text(s.read_more)
            .raw("<span class=\"vh\">")
            .text(s.read_more_of)
            .isolated(&review.title)
            .raw("</span></a>");
    }

    // Byline.
    if review.author.is_some() || review.published.is_some() {
        h.raw("<footer class=\"byline\" part=\"byline\"><p class=\"by\">");
        if let Some(a) = &review.author {
            h.text(s.by);
            match &a.url {
                Some(url) => {
                    h.raw("<a")
                        .href(url, Some("author"), own)
                        .raw(">")
                        .isolated(&a.name)
                        .raw("</a>");
                }
                None => {
                    h.raw("<span class=\"name\">")
                        .isolated(&a.name)
                        .raw("</span>");
                }
            }
        }
        if let Some(date) = review.published {
            if review.author.is_some() {
                h.raw("<span class=\"sep\" aria-hidden=\"true\"> · </span>");
            }
            h.raw("<time datetime=\"");
            push_iso_date(&mut h.out, date);
            h.raw("\">");
            locale.push_date(&mut h.out, date);
            h.raw("</time>");
        }
        h.raw("</p>");
        if let Some(bio) = review.author.as_ref().and_then(|a| a.bio.as_ref()) {
            h.raw("<p class=\"bio\" dir=\"auto\">")
                .text(bio)
                .raw("</p>");
        }
        h.raw("</footer>");
    }
    h.raw("</article>");
    (h.out, deferred)
}

/// The body's paragraphs, which open the card's `.body` element: inline, or on first
/// "Read more" when the DOM layer renders lazily (before the link to the original
/// page, which is always rendered with the card).
pub fn render_paragraphs(review: &Review) -> String {
    let mut h = Html {
        out: String::with_capacity(
            review.body.iter().map(String::len).sum::<usize>() * 11 / 10 + 16,
        ),
        ids: "",
    };
    push_paragraphs(&mut h, review);
    h.out
}

fn push_paragraphs(h: &mut Html<'_>, review: &Review) {
    for p in &review.body {
        h.raw("<p dir=\"auto\">").text(p).raw("</p>");
    }
}

/// The link to the original page, at the end of the body.
fn original_link(h: &mut Html<'_>, review: &Review, label: &str, own: Option<&str>) {
    if let Some(url) = &review.url {
        h.raw("<p class=\"original\"><a")
            .href(url, None, own)
            .raw(">")
            .text(label)
            .raw("</a></p>");
    }
}

/// The badge: the number shown large, the range small, and the whole announced as
/// one phrase ("Score: 7.2 out of 10"). A bar (five stars on a 5-point scale) shows
/// the same proportion; the colour band and the stars repeat what the number says
/// and are never the only signal.
fn score_badge(h: &mut Html<'_>, score: &Score, locale: Locale) {
    let s = locale.strings();
    let value = crate::number::short_of(score.value, score.max);
    let mut spoken = String::from(s.score_spoken_before);
    locale.push_number(&mut spoken, value);
    spoken.push_str(s.score_spoken_between);
    locale.push_number(&mut spoken, score.max);
    if score.min != 0.0 {
        spoken.push_str(s.score_spoken_min);
        locale.push_number(&mut spoken, score.min);
    }
    let ratio = (score.value - score.min) / (score.max - score.min);
    let tenth = (ratio * 10.0).round().clamp(0.0, 10.0) as u8;
    let band = if ratio >= 0.7 {
        "high"
    } else if ratio >= 0.4 {
        "mid"
    } else {
        "low"
    };
    h.raw("<div class=\"score\" part=\"score\" role=\"img\"")
        .attr("aria-label", &spoken)
        .attr("data-band", band)
        .raw("><span class=\"score-label\">")
        .text(s.score)
        .raw("</span><span class=\"score-value\">");
    locale.push_number(&mut h.out, value);
    h.raw("</span><span class=\"score-max\">/");
    locale.push_number(&mut h.out, score.max);
    if stars(score) {
        // Five stars, filled to the nearest half: tenths of their width.
        let halves = (score.value * 2.0).round().clamp(0.0, 10.0) as u8;
        h.raw("</span><span class=\"stars\"><span class=\"stars-fill\" data-fill=\"");
        crate::number::push_u64(&mut h.out, u64::from(halves));
    } else {
        h.raw("</span><span class=\"score-bar\"><span class=\"score-fill\" data-fill=\"");
        crate::number::push_u64(&mut h.out, u64::from(tenth));
    }
    h.raw("\"></span></span></div>");
}

/// True when the score reads best as stars: a 5-point scale (0–5 or 1–5), where a
/// value counts whole stars. The number is shown beside them and announced the same.
pub fn stars(score: &Score) -> bool {
    score.max == 5.0 && (score.min == 0.0 || score.min == 1.0)
}

/// Renders everything that goes into a card's shadow root: the card and, when
/// comments are enabled, the comment form under it.
pub fn render_content(review: &Review, settings: &Settings) -> String {
    render_content_parts(review, settings).0
}

/// [`render_content`], with the flag of [`render_card_parts`]: true when the body's
/// paragraphs were left out (`settings.lazy_body`).
pub fn render_content_parts(review: &Review, settings: &Settings) -> (String, bool) {
    let (html, deferred) = render_card_parts(review, settings);
    #[cfg(feature = "comments")]
    if let Some(comments) = &settings.comments {
        let mut html = html;
        html.push_str(&crate::form::render_form(review, settings, comments));
        // The conversation, under the form (only where scripts run to load it).
        if !settings.static_markup {
            let locale = settings.locale(review.lang.as_deref());
            if let Some(thread) = crate::thread::render::render_section(settings, locale) {
                html.push_str(&thread);
            }
        }
        return (html, deferred);
    }
    (html, deferred)
}

/// Renders a self-contained fragment for servers and pages without JavaScript: a
/// `<review-card>` element whose declarative shadow root holds the stylesheet and the
/// card. Browsers without declarative shadow DOM show the card unstyled but readable.
pub fn render_document(review: &Review, settings: &Settings) -> String {
    let card = render_content(review, settings);
    let mut out = String::with_capacity(card.len() + CSS.len() + 96);
    out.push_str("<review-card data-rendered><template shadowrootmode=\"open\"><style>");
    out.push_str(CSS);
    out.push_str("</style>");
    out.push_str(&card);
    out.push_str("</template>");
    if settings.json_ld {
        out.push_str("<script type=\"application/ld+json\" data-review-card-generated>");
        out.push_str(&crate::jsonld::render_json_ld(review));
        out.push_str("</script>");
    }
    out.push_str("</review-card>");
    out
}
