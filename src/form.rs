//! The "Leave a Reply" form's markup. It is a real `<form method="post">` whose
//! fields carry native `required`, `maxlength` and `type`, and whose field names are
//! those of WordPress's `wp-comments-post.php`, so it works without WebAssembly too.

use crate::comment::{Field, MAX_COMMENT};
use crate::escape::push_escaped;
use crate::i18n::Locale;
use crate::model::Review;
use crate::number::push_u64;
use crate::options::{CommentMode, CommentSettings, Settings};

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

/// Renders the comment form section.
pub fn render_form(review: &Review, settings: &Settings, comments: &CommentSettings) -> String {
    let locale: Locale = settings.locale(review.lang.as_deref());
    let f = &locale.strings().form;
    let p = settings.id_prefix.as_str();
    let mut o = String::with_capacity(4096);
    let id = |o: &mut String, suffix: &str| {
        push_escaped(o, p);
        o.push('-');
        o.push_str(suffix);
    };
    let level = char::from(b'0' + settings.heading_level.clamp(2, 6));

    o.push_str("<section class=\"comments\" part=\"comments\" data-theme=\"");
    o.push_str(settings.theme.name());
    o.push_str("\" lang=\"");
    o.push_str(locale.tag());
    o.push_str("\" aria-labelledby=\"");
    id(&mut o, "reply");
    o.push_str("\"><h");
    o.push(level);
    o.push_str(" class=\"reply-title\" id=\"");
    id(&mut o, "reply");
    o.push_str("\">");
    push_escaped(&mut o, f.title);
    o.push_str("</h");
    o.push(level);
    o.push('>');

    o.push_str("<form class=\"form\" part=\"form\" method=\"post\"");
    if let Some(endpoint) = &comments.endpoint {
        o.push_str(" action=\"");
        push_escaped(&mut o, endpoint);
        o.push('"');
    }
    o.push_str(" data-mode=\"");
    o.push_str(match comments.mode {
        CommentMode::Wordpress => "wordpress",
        CommentMode::Form => "form",
    });
    o.push_str("\" data-min-fill=\"");
    push_u64(&mut o, u64::from(comments.min_fill_ms));
    o.push_str("\" data-timeout=\"");
    push_u64(&mut o, u64::from(comments.timeout_ms));
    o.push_str("\" data-key=\"");
    push_escaped(&mut o, &storage_key(review));
    o.push('"');
    if let Some(url) = &review.url {
        o.push_str(" data-review-url=\"");
        push_escaped(&mut o, url);
        o.push('"');
    }
    o.push('>');

    // Error summary (GOV.UK pattern): filled and focused on a failed submit.
    let sub = char::from(b'0' + (settings.heading_level + 1).clamp(2, 6));
    o.push_str("<div class=\"summary\" part=\"error-summary\" tabindex=\"-1\" hidden><div role=\"alert\"><h");
    o.push(sub);
    o.push_str(" class=\"summary-title\">");
    push_escaped(&mut o, f.problem);
    o.push_str("</h");
    o.push(sub);
    o.push_str("><ul class=\"summary-list\"></ul></div></div>");

    o.push_str("<p class=\"notes\"><span id=\"");
    id(&mut o, "email-note");
    o.push_str("\">");
    push_escaped(&mut o, f.email_note);
    o.push_str("</span> ");
    push_escaped(&mut o, f.required_note);
    o.push_str("<span class=\"req\">*</span></p>");

    for field in Field::ALL {
        let name = field.name();
        let label = f.labels[field as usize];
        let required = field != Field::Url;
        o.push_str("<div class=\"field\" data-field=\"");
        o.push_str(name);
        o.push_str("\"><label for=\"");
        id(&mut o, name);
        o.push_str("\">");
        push_escaped(&mut o, label);
        if required {
            o.push_str(" <span class=\"req\" aria-hidden=\"true\">*</span>");
        }
        o.push_str("</label><p class=\"field-error\" id=\"");
        id(&mut o, name);
        o.push_str("-error\" hidden></p>");
        let described = match field {
            Field::Comment => Some("count"),
            Field::Email => Some("email-note"),
            _ => None,
        };
        if field == Field::Comment {
            o.push_str("<textarea rows=\"6\"");
        } else {
            o.push_str("<input type=\"");
            o.push_str(match field {
                Field::Email => "email",
                Field::Url => "url",
                _ => "text",
            });
            o.push_str("\" autocomplete=\"");
            o.push_str(match field {
                Field::Author => "name",
                Field::Email => "email",
                _ => "url",
            });
            o.push('"');
            if field == Field::Url {
                o.push_str(" inputmode=\"url\"");
            }
        }
        o.push_str(" id=\"");
        id(&mut o, name);
        o.push_str("\" name=\"");
        o.push_str(name);
        // No `maxlength`: it counts UTF-16 units and silently cuts what is typed or
        // pasted (a 101-byte address becomes another 100-byte one). The Rust check
        // counts bytes as WordPress does and says how many to remove; without
        // WebAssembly, WordPress itself says which field is too long.
        o.push('"');
        if required {
            o.push_str(" required");
        }
        if let Some(d) = described {
            o.push_str(" aria-describedby=\"");
            id(&mut o, d);
            o.push('"');
        }
        if field == Field::Comment {
            o.push_str("></textarea><p class=\"count\" id=\"");
            id(&mut o, "count");
            o.push_str("\"><span class=\"count-value\">");
            push_u64(&mut o, MAX_COMMENT as u64);
            o.push_str(f.bytes_left);
            o.push_str("</span>. ");
            push_escaped(&mut o, f.bytes_hint);
            o.push_str("</p>");
        } else {
            o.push('>');
        }
        o.push_str("</div>");
    }

    // Honeypot: off-screen, hidden from assistive technology, out of the tab order.
    // Autofill and password managers skip it: a name and label that match no
    // autofill field, `autocomplete="off"`, and the ignore attributes of 1Password,
    // LastPass, Bitwarden and Dashlane. If one fills it anyway, the form clears it
    // and says so (src/dom/form.rs).
    o.push_str("<div class=\"hp\" aria-hidden=\"true\"><label for=\"");
    id(&mut o, "hp");
    o.push_str("\">");
    push_escaped(&mut o, f.honeypot);
    o.push_str("</label><input type=\"text\" id=\"");
    id(&mut o, "hp");
    o.push_str("\" name=\"rc_trap\" tabindex=\"-1\" autocomplete=\"off\" data-1p-ignore data-lpignore=\"true\" data-bwignore data-form-type=\"other\"></div>");

    o.push_str("<div class=\"consent\"><input type=\"checkbox\" id=\"");
    id(&mut o, "consent");
    o.push_str("\" name=\"wp-comment-cookies-consent\" value=\"yes\"><label for=\"");
    id(&mut o, "consent");
    o.push_str("\">");
    push_escaped(&mut o, f.consent);
    o.push_str("</label></div>");

    if let Some(post) = comments.post_id {
        o.push_str("<input type=\"hidden\" name=\"comment_post_ID\" value=\"");
        push_u64(&mut o, post);
        o.push_str("\">");
    }
    o.push_str("<div class=\"actions\"><button type=\"submit\" class=\"submit\" part=\"submit\">");
    push_escaped(&mut o, f.submit);
    o.push_str("</button></div><p class=\"status\" role=\"status\" id=\"");
    id(&mut o, "status");
    o.push_str("\"></p></form></section>");
    o
}
