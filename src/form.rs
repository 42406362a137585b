//! The "Leave a Reply" form's markup. It is a real `<form method="post">` whose
//! fields carry native `required`, `maxlength` and `type`, and whose field names are
//! those of WordPress's `wp-comments-post.php`, so it works without WebAssembly too.

use crate::comment::{Field, MAX_COMMENT};
use crate::i18n::Locale;
use crate::model::Review;
use crate::options::{CommentMode, CommentSettings, Settings};
use crate::render::Html;

/// The key under which the draft is stored for this review: its `url`, else a hash
/// of what the review says (two reviews with one title keep two drafts).
pub fn storage_key(review: &Review) -> String {
    if let Some(url) = &review.url {
        return url.clone();
    }
    // FNV-1a, 64 bits: stable across builds and browsers, and a few bytes of code.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes.iter().chain(&[0xff]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(review.title.as_bytes());
    eat(review.excerpt.as_deref().unwrap_or("").as_bytes());
    review.body.iter().for_each(|p| eat(p.as_bytes()));
    for c in &review.credits {
        eat(c.role.as_bytes());
        eat(c.name.as_bytes());
    }
    eat(review
        .author
        .as_ref()
        .map_or("", |a| a.name.as_str())
        .as_bytes());
    if let Some(d) = review.published {
        eat(&[
            d.year.to_le_bytes()[0],
            d.year.to_le_bytes()[1],
            d.month,
            d.day,
        ]);
    }
    if let Some(s) = &review.score {
        eat(&s.value.to_bits().to_le_bytes());
        eat(&s.max.to_bits().to_le_bytes());
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut key = String::from("review:");
    for i in (0..16).rev() {
        key.push(char::from(HEX[((h >> (i * 4)) & 15) as usize]));
    }
    key
}

/// Renders the comment form section, through the card's HTML writer.
pub fn render_form(review: &Review, settings: &Settings, comments: &CommentSettings) -> String {
    let locale: Locale = settings.locale(review.lang.as_deref());
    let f = &locale.strings().form;
    let mut h = Html {
        out: String::with_capacity(4096),
        ids: &settings.id_prefix,
    };
    let level = char::from(b'0' + settings.heading_level.clamp(2, 6));

    h.raw("<section class=\"comments\" part=\"comments\"")
        .attr("data-theme", settings.theme.name())
        .attr("lang", locale.tag())
        .id_attr("aria-labelledby", "reply")
        .raw("><h")
        .char(level)
        .raw(" class=\"reply-title\"")
        .id_attr("id", "reply")
        .raw(">")
        .text(f.title)
        .raw("</h")
        .char(level)
        .raw(">");

    h.raw("<form class=\"form\" part=\"form\" method=\"post\"");
    if let Some(endpoint) = &comments.endpoint {
        h.attr("action", endpoint);
    }
    h.attr(
        "data-mode",
        match comments.mode {
            CommentMode::Wordpress => "wordpress",
            CommentMode::Form => "form",
        },
    )
    .raw(" data-min-fill=\"")
    .num(u64::from(comments.min_fill_ms))
    .raw("\" data-timeout=\"")
    .num(u64::from(comments.timeout_ms))
    .raw("\"")
    .attr("data-key", &storage_key(review));
    if let Some(url) = &review.url {
        h.attr("data-review-url", url);
    }
    h.raw(">");

    // Error summary (GOV.UK pattern): filled and focused on a failed submit.
    let sub = char::from(b'0' + (settings.heading_level + 1).clamp(2, 6));
    h.raw("<div class=\"summary\" part=\"error-summary\" tabindex=\"-1\" hidden><div role=\"alert\"><h")
        .char(sub)
        .raw(" class=\"summary-title\">")
        .text(f.problem)
        .raw("</h")
        .char(sub)
        .raw("><ul class=\"summary-list\"></ul></div></div>");

    h.raw("<p class=\"notes\"><span")
        .id_attr("id", "email-note")
        .raw(">")
        .text(f.email_note)
        .raw("</span> ")
        .text(f.required_note)
        .raw("<span class=\"req\">*</span></p>");

    for field in Field::ALL {
        field_markup(&mut h, field, locale);
    }

    // Honeypot: off-screen, hidden from assistive technology, out of the tab order.
    // Autofill and password managers skip it: a name and label that match no
    // autofill field, `autocomplete="off"`, and the ignore attributes of 1Password,
    // LastPass, Bitwarden and Dashlane. If one fills it anyway, the form clears it
    // and says so (src/dom/form.rs).
    h.raw("<div class=\"hp\" aria-hidden=\"true\"><label")
        .id_attr("for", "hp")
        .raw(">")
        .text(f.honeypot)
        .raw("</label><input type=\"text\"")
        .id_attr("id", "hp")
        .raw(" name=\"rc_trap\" tabindex=\"-1\" autocomplete=\"off\" data-1p-ignore data-lpignore=\"true\" data-bwignore data-form-type=\"other\"></div>");

    h.raw("<div class=\"consent\"><input type=\"checkbox\"")
        .id_attr("id", "consent")
        .raw(" name=\"wp-comment-cookies-consent\" value=\"yes\"><label")
        .id_attr("for", "consent")
        .raw(">")
        .text(f.consent)
        .raw("</label></div>");

    if let Some(post) = comments.post_id {
        h.raw("<input type=\"hidden\" name=\"comment_post_ID\" value=\"")
            .num(post)
            .raw("\">");
    }
    // The comment replied to, as in WordPress's own form; "Reply" in the thread
    // (dom::thread) sets it.
    h.raw("<input type=\"hidden\" name=\"comment_parent\" value=\"0\">");
    h.raw("<div class=\"actions\"><button type=\"submit\" class=\"submit\" part=\"submit\">")
        .text(f.submit)
        .raw("</button></div><p class=\"status\" role=\"status\"")
        .id_attr("id", "status")
        .raw("></p></form></section>");
    h.out
}

/// One field: its label, its error message (hidden until needed) and its control.
fn field_markup(h: &mut Html<'_>, field: Field, locale: Locale) {
    let f = &locale.strings().form;
    let label = f.labels[field as usize];
    let name = field.name();
    let required = field != Field::Url;
    h.raw("<div class=\"field\"")
        .attr("data-field", name)
        .raw("><label")
        .id_attr("for", name)
        .raw(">")
        .text(label);
    if required {
        h.raw(" <span class=\"req\" aria-hidden=\"true\">*</span>");
    }
    h.raw("</label><p class=\"field-error\"")
        .id_attr("id", &[name, "-error"].concat())
        .raw(" hidden></p>");
    if field == Field::Comment {
        h.raw("<textarea rows=\"6\"");
    } else {
        h.raw("<input")
            .attr(
                "type",
                match field {
                    Field::Email => "email",
                    Field::Url => "url",
                    _ => "text",
                },
            )
            .attr(
                "autocomplete",
                match field {
                    Field::Author => "name",
                    Field::Email => "email",
                    _ => "url",
                },
            );
        if field == Field::Url {
            h.raw(" inputmode=\"url\"");
        }
    }
    // No `maxlength`: it counts UTF-16 units and silently cuts what is typed or
    // pasted (a 101-byte address becomes another 100-byte one). The Rust check
    // counts bytes as WordPress does and says how many to remove; without
    // WebAssembly, WordPress itself says which field is too long.
    h.id_attr("id", name).attr("name", name);
    if required {
        h.raw(" required");
    }
    match field {
        Field::Comment => h.id_attr("aria-describedby", "count"),
        Field::Email => h.id_attr("aria-describedby", "email-note"),
        _ => h,
    };
    if field == Field::Comment {
        let mut left = String::new();
        locale.push_count(&mut left, MAX_COMMENT as u64);
        h.raw("></textarea><p class=\"count\"")
            .id_attr("id", "count")
            .raw("><span class=\"count-value\">")
            .raw(&left)
            .raw(f.bytes_left)
            .raw("</span>. ")
            .text(f.bytes_hint)
            .raw("</p>");
    } else {
        h.raw(">");
    }
    h.raw("</div>");
}
