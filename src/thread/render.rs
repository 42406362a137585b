//! The thread's markup, through the crate's HTML writer: the section under the
//! form (heading, list, "Show more comments", status), and the list's items.

use super::model::{Comment, Place, Thread};
use super::wordpress::list_endpoint;
use crate::i18n::Locale;
use crate::number::push_u64;
use crate::options::{CommentMode, CommentSettings, Settings};
use crate::render::Html;

/// The heading's text: "No comments yet", "1 comment", "45 comments".
pub fn heading(count: u64, locale: Locale) -> String {
    let t = &locale.strings().thread;
    if count == 0 {
        return t.none.to_string();
    }
    let mut s = String::new();
    locale.push_count(&mut s, count);
    s.push_str(if locale.is_singular(count) {
        t.one
    } else {
        t.many
    });
    s
}

/// The thread's section, empty until the comments load, when the card has a
/// WordPress post to list them from (see [`thread_source`]): rendered after the form,
/// so nothing above the form moves when the comments arrive. `None` otherwise.
pub fn render_section(settings: &Settings, locale: Locale) -> Option<String> {
    let (src, post) = settings.comments.as_ref().and_then(thread_source)?;
    let t = &locale.strings().thread;
    let mut h = Html {
        out: String::with_capacity(512),
        ids: &settings.id_prefix,
    };
    let level = char::from(b'0' + settings.heading_level.clamp(2, 6));
    // `comments` for the form's colours and frame; `thread` for its own rules.
    h.raw("<section class=\"comments thread\" part=\"thread\"")
        .attr("data-theme", settings.theme.name())
        .attr("lang", locale.tag())
        .id_attr("aria-labelledby", "thread")
        .attr("data-src", &src)
        .raw(" data-post=\"");
    push_u64(&mut h.out, post);
    h.raw("\"><h").out.push(level);
    // Focusable from script: where focus goes when a page adds nothing to focus.
    h.raw(" class=\"thread-title\" tabindex=\"-1\"")
        .id_attr("id", "thread")
        .raw(">")
        .text(t.title)
        .raw("</h")
        .out
        .push(level);
    h.raw("><ol class=\"thread-list\"></ol><button type=\"button\" class=\"thread-more\" hidden>")
        .text(t.more)
        .raw("</button><p class=\"status\" role=\"status\"></p></section>");
    Some(h.out)
}

/// Where the thread lists comments from and for which post: the form's WordPress
/// endpoint (see [`list_endpoint`]) and post ID, when both are known.
pub fn thread_source(c: &CommentSettings) -> Option<(String, u64)> {
    let endpoint = c.endpoint.as_deref()?;
    let post = c.post_id?;
    Some((
        list_endpoint(endpoint, c.mode == CommentMode::Wordpress)?,
        post,
    ))
}

/// The list's items: every loaded comment in reading order, replies nested.
pub fn render_items(thread: &Thread, ids: &str, locale: Locale) -> String {
    let mut h = Html {
        out: String::new(),
        ids,
    };
    let mut depth = 0;
    for (n, place) in thread.places().into_iter().enumerate() {
        if n > 0 {
            if place.depth > depth {
                h.raw("<ol class=\"replies\">");
            } else {
                h.raw("</li>");
                for _ in place.depth..depth {
                    h.raw("</ol></li>");
                }
            }
        }
        depth = place.depth;
        push_comment(&mut h, thread, place, locale);
    }
    if !thread.comments.is_empty() {
        h.raw("</li>");
        for _ in 0..depth {
            h.raw("</ol></li>");
        }
    }
    h.out
}

/// Writes `-c<ID>` and `suffix` after the card's prefix: the IDs of a comment's parts.
fn push_id(h: &mut Html<'_>, id: u64, suffix: &str) {
    let ids = h.ids;
    h.text(ids).raw("-c");
    push_u64(&mut h.out, id);
    h.raw(suffix);
}

/// One comment, its `<li>` left open for replies.
fn push_comment(h: &mut Html<'_>, thread: &Thread, place: Place, locale: Locale) {
    let t = &locale.strings().thread;
    let c: &Comment = &thread.comments[place.index];
    h.raw("<li class=\"c\" data-id=\"");
    push_u64(&mut h.out, c.id);
    h.raw("\"><article class=\"c-main\" tabindex=\"-1\" id=\"");
    push_id(h, c.id, "\" aria-labelledby=\"");
    push_id(h, c.id, "-a ");
    push_id(
        h,
        c.id,
        "-d\"><p class=\"c-meta\"><span class=\"c-author\" id=\"",
    );
    push_id(h, c.id, "-a\">");
    let name = if c.author.is_empty() {
        t.anonymous
    } else {
        &c.author
    };
    match &c.url {
        Some(url) => {
            h.raw("<a")
                .attr("href", url)
                .raw(" rel=\"nofollow ugc\">")
                .isolated(name)
                .raw("</a>");
        }
        None => {
            h.isolated(name);
        }
    }
    h.raw("</span> <span class=\"c-date\" id=\"");
    push_id(h, c.id, "-d\">");
    if let Some(when) = c.when {
        h.raw("<time");
        if let Some(dt) = &c.datetime {
            h.attr("datetime", dt);
        }
        h.raw(">");
        locale.push_date_time(&mut h.out, when.date, when.hour, when.minute);
        h.raw("</time>");
    }
    h.raw("</span></p>");
    if let Some(to) = place.answers {
        let to = &thread.comments[to].author;
        h.raw("<p class=\"c-to\">")
            .text(t.in_reply_to)
            .isolated(if to.is_empty() { t.anonymous } else { to })
            .raw("</p>");
    }
    h.raw("<div class=\"c-text\">");
    // The sanitized markup is kept from when the comment arrived; it is this
    // writer's own output (allow-listed tags, escaped text).
    h.raw(&c.html);
    h.raw("</div>");
    if c.held {
        h.raw("<p class=\"c-held\">").text(t.held).raw("</p>");
    } else if !c.is_local() {
        h.raw("<button type=\"button\" class=\"c-reply\" data-reply=\"");
        push_u64(&mut h.out, c.id);
        h.raw("\">")
            .text(t.reply)
            .raw("<span class=\"vh\">")
            .text(t.reply_to)
            .isolated(name)
            .raw("</span></button>");
    }
    h.raw("</article>");
}

/// The note at the top of the form while the reader replies to comment `to` by
/// `name`, with "Cancel reply"; its ID is `{ids}-replying`, and `data-to` lets
/// "Cancel reply" return focus to the Reply button.
pub fn render_replying(ids: &str, to: u64, name: &str, locale: Locale) -> String {
    let t = &locale.strings().thread;
    let mut h = Html {
        out: String::new(),
        ids,
    };
    h.raw("<p class=\"replying\"")
        .id_attr("id", "replying")
        .raw(" data-to=\"")
        .num(to)
        .raw("\">")
        .text(t.replying)
        .raw("<strong>")
        .isolated(if name.is_empty() { t.anonymous } else { name })
        .raw("</strong> <button type=\"button\" class=\"cancel-reply\">")
        .text(t.cancel)
        .raw("</button></p>");
    h.out
}

/// A comment's markup from text typed into the form (the `wp-comments-post.php` mode,
/// whose answer is a page, not the comment): paragraphs and line breaks as
/// WordPress's `wpautop` makes them, every character as text.
pub fn typed_html(text: &str) -> String {
    let mut h = Html {
        out: String::with_capacity(text.len() + 16),
        ids: "",
    };
    // Lines through crate::substring, not `split("\n\n")` or `split('\n')`: a
    // pattern would bring core's searchers in.
    let (mut open, mut blank) = (false, false);
    for line in crate::substring::split_any(text, b"\n").map(str::trim) {
        if line.is_empty() {
            blank = true;
            continue;
        }
        h.raw(match (open, blank) {
            (false, _) => "<p>",
            (true, true) => "</p><p>",
            (true, false) => "<br>",
        });
        h.text(line);
        (open, blank) = (true, false);
    }
    if open {
        h.raw("</p>");
    }
    h.out
}
