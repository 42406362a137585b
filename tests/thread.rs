//! The conversation's pure core: WordPress's answer → thread model → markup, and the
//! comment-HTML allow-list, checked against a WHATWG tokenizer.

#![cfg(not(target_arch = "wasm32"))]

use html5gum::{Token, Tokenizer};
use proptest::prelude::*;
use review_card::i18n::Locale;
use review_card::render::render_status;
use review_card::thread::model::{Comment, Stamp, Thread, MAX_DEPTH};
use review_card::thread::render::{heading, render_items, render_replying, typed_html};
use review_card::thread::sanitize::sanitize;
use review_card::thread::wordpress::{list_endpoint, list_url, WpComment};

/// The injection payloads of the browser suites (tests/e2e/payloads.mjs).
fn payloads() -> Vec<String> {
    let js = include_str!("e2e/payloads.mjs");
    let start = js.find('[').unwrap();
    let end = js.rfind(']').unwrap();
    // The file is a JS array of JSON-compatible strings (with trailing commas and
    // comments): read it as JSON once those are removed.
    let body: String = js[start..=end]
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
        .replace(",\n]", "\n]");
    serde_json::from_str(&body).expect("payloads.mjs reads as JSON")
}

/// A tag as a WHATWG tokenizer reads it: closing, name, attributes.
type Tag = (bool, String, Vec<(String, String)>);

/// Every tag in `html`, from a WHATWG tokenizer.
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    for token in Tokenizer::new(html).flatten() {
        match token {
            Token::StartTag(t) => out.push((
                false,
                String::from_utf8_lossy(&t.name).into_owned(),
                t.attributes
                    .iter()
                    .map(|(k, v)| {
                        (
                            String::from_utf8_lossy(k).into_owned(),
                            String::from_utf8_lossy(v).into_owned(),
                        )
                    })
                    .collect(),
            )),
            Token::EndTag(t) => {
                out.push((true, String::from_utf8_lossy(&t.name).into_owned(), vec![]))
            }
            Token::Comment(_) | Token::Doctype(_) => out.push((false, "!".into(), vec![])),
            _ => {}
        }
    }
    out
}

/// The text a browser shows for `html` (tags removed, references decoded).
fn text(html: &str) -> String {
    let mut out = String::new();
    for token in Tokenizer::new(html).flatten() {
        if let Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s));
        }
    }
    out
}

const ALLOWED: [&str; 11] = [
    "p",
    "br",
    "a",
    "em",
    "strong",
    "code",
    "blockquote",
    "q",
    "cite",
    "abbr",
    "del",
];

/// Asserts `html` holds only allow-listed tags, balanced, with no attribute but a
/// link's http(s) `href` and `rel="nofollow ugc"`.
fn assert_allow_listed(html: &str) -> Result<(), TestCaseError> {
    let mut open: Vec<String> = Vec::new();
    for (closing, name, attrs) in tags(html) {
        prop_assert!(ALLOWED.contains(&name.as_str()), "tag {name:?} in {html:?}");
        if closing {
            let top = open.pop();
            prop_assert_eq!(
                top.as_deref(),
                Some(name.as_str()),
                "unbalanced in {:?}",
                html
            );
            continue;
        }
        if name == "a" {
            prop_assert_eq!(attrs.len(), 2, "{:?}", attrs);
            let href = &attrs.iter().find(|(k, _)| k == "href").expect("href").1;
            let lower = href.to_ascii_lowercase();
            prop_assert!(
                lower.starts_with("http://") || lower.starts_with("https://"),
                "{href}"
            );
            prop_assert!(review_card::url::check_url(href, false).is_ok(), "{href}");
            prop_assert!(attrs.contains(&("rel".into(), "nofollow ugc".into())));
        } else {
            prop_assert!(attrs.is_empty(), "{name} has {attrs:?}");
        }
        if name != "br" {
            open.push(name);
        }
    }
    prop_assert!(open.is_empty(), "left open: {:?} in {:?}", open, html);
    Ok(())
}

fn comment(id: u64, parent: u64, author: &str, content: &str) -> WpComment {
    serde_json::from_value(serde_json::json!({
        "id": id, "parent": parent, "author_name": author, "author_url": "",
        "date": "2026-12-01T20:05:00", "date_gmt": "2026-12-01T19:05:00",
        "content": {"rendered": content}, "link": "https://ex.com/?p=1#comment-1",
    }))
    .unwrap()
}

/// The comments as WordPress pages them, every page loaded.
fn thread_of(comments: Vec<WpComment>) -> Thread {
    let mut t = Thread::default();
    let total = comments.len() as u64;
    for page in comments.chunks(20) {
        t.add_page(page, Some(total));
    }
    t
}

#[test]
fn reads_a_wordpress_answer_with_extra_and_null_fields() {
    let answer = r#"[{"id":7,"post":1,"parent":0,"author":0,"author_name":"Ana &amp; Bo",
        "author_url":"https://ana.example","date":"2026-12-01T20:05:09","date_gmt":"2026-12-01T19:05:09",
        "content":{"rendered":"<p>It&#8217;s <em>great</em></p>\n"},"link":"x","status":"approved",
        "type":"comment","author_avatar_urls":{"24":"x"},"meta":[],"_links":{}},
        {"id":8,"parent":7,"author_name":null,"author_url":null,"date":"2026-12-02T08:00:00",
        "date_gmt":null,"content":{"rendered":"<p>Reply</p>"}}]"#;
    let page: Vec<WpComment> = serde_json::from_str(answer).unwrap();
    let t = thread_of(page);
    let a = &t.comments[0];
    assert_eq!(a.author, "Ana & Bo");
    assert_eq!(a.url.as_deref(), Some("https://ana.example"));
    assert_eq!(a.html, "<p>It’s <em>great</em></p>\n");
    assert_eq!(a.datetime.as_deref(), Some("2026-12-01T19:05:09Z"));
    assert!(!a.held);
    let b = &t.comments[1];
    assert_eq!(
        (b.author.as_str(), b.url.as_deref(), b.datetime.as_deref()),
        ("", None, None)
    );
    assert!(b.when.is_some());
}

#[test]
fn a_page_without_ids_is_an_error_not_a_panic() {
    assert!(serde_json::from_str::<Vec<WpComment>>(r#"[{"parent":0}]"#).is_err());
    assert!(serde_json::from_str::<Vec<WpComment>>(r#"{"code":"rest_post_invalid_id"}"#).is_err());
}

#[test]
fn replies_nest_then_go_flat_saying_whom_they_answer() {
    // 1 ← 2 ← 3 ← 4 ← 5, and 6 top-level, 7 replying to 2.
    let t = thread_of(vec![
        comment(1, 0, "A", "a"),
        comment(2, 1, "B", "b"),
        comment(3, 2, "C", "c"),
        comment(4, 3, "D", "d"),
        comment(5, 4, "E", "e"),
        comment(6, 0, "F", "f"),
        comment(7, 2, "G", "g"),
    ]);
    let places: Vec<(u64, usize, Option<u64>)> = t
        .places()
        .iter()
        .map(|p| {
            (
                t.comments[p.index].id,
                p.depth,
                p.answers.map(|i| t.comments[i].id),
            )
        })
        .collect();
    assert_eq!(MAX_DEPTH, 3);
    assert_eq!(
        places,
        [
            (1, 0, None),
            (2, 1, None),
            (3, 2, None),
            (4, 2, Some(3)),
            (5, 2, Some(4)),
            (7, 2, None),
            (6, 0, None)
        ]
    );
    let html = render_items(&t, "rc", Locale::En);
    assert_allow_listed_structure(&html);
    assert_eq!(html.matches("<ol class=\"replies\">").count(), 2);
    assert!(html.contains("<p class=\"c-to\">In reply to <bdi>C</bdi></p>"));
    assert_eq!(html.matches("<li ").count(), 7);
}

#[test]
fn orphans_and_cycles_become_top_level_and_nothing_is_lost() {
    // 11's parent is missing (held or trashed); 12 and 13 point at each other.
    let t = thread_of(vec![
        comment(11, 99, "A", "a"),
        comment(12, 13, "B", "b"),
        comment(13, 12, "C", "c"),
    ]);
    let places = t.places();
    assert_eq!(
        places
            .iter()
            .map(|p| (p.index, p.depth))
            .collect::<Vec<_>>(),
        [(0, 0), (1, 0), (2, 1)]
    );
}

#[test]
fn pages_of_twenty_and_the_readers_own_comment_is_not_repeated() {
    let mut t = Thread::default();
    let page: Vec<_> = (1..=20).map(|i| comment(i, 0, "A", "x")).collect();
    t.add_page(&page, Some(45));
    assert!(t.has_more());
    assert_eq!(list_url("/wp-json/wp/v2/comments", 5, 2),
        "/wp-json/wp/v2/comments?post=5&order=asc&per_page=20&page=2&_fields=id,parent,author_name,author_url,date,date_gmt,content");
    assert!(list_url("/?rest_route=/wp/v2/comments", 5, 1)
        .starts_with("/?rest_route=/wp/v2/comments&post=5&"));
    // The reader posts (approved), then WordPress lists that comment on page 3.
    t.add_own(Comment::from_wordpress(&comment(46, 0, "Me", "mine")));
    assert_eq!(t.count(), 46);
    let page: Vec<_> = (21..=40).map(|i| comment(i, 0, "A", "x")).collect();
    t.add_page(&page, Some(46));
    // Page 2 goes before the reader's comment, which stays last until listed.
    assert_eq!(t.comments.last().map(|c| c.id), Some(46));
    assert_eq!(t.count(), 46);
    let page: Vec<_> = (41..=46).map(|i| comment(i, 0, "A", "x")).collect();
    t.add_page(&page, Some(46));
    assert!(!t.has_more());
    assert_eq!(ids(&t), (1..=46).collect::<Vec<_>>());
    assert_eq!(t.count(), 46);
}

fn ids(t: &Thread) -> Vec<u64> {
    t.comments.iter().map(|c| c.id).collect()
}

#[test]
fn without_a_total_a_full_page_means_more_and_the_count_is_what_shows() {
    // 40 comments, no `X-WP-Total` (a proxy dropped it): pages 1 and 2 are full,
    // page 3 is WordPress's 400 for a page past the end, read as empty.
    let mut t = Thread::default();
    for first in [1, 21] {
        let page: Vec<_> = (first..first + 20)
            .map(|i| comment(i, 0, "A", "x"))
            .collect();
        t.add_page(&page, None);
        assert!(t.has_more());
        assert_eq!(t.count(), first + 19);
    }
    t.add_page(&[], None);
    assert!(!t.has_more());
    assert_eq!(t.count(), 40);
    assert_eq!(heading(t.count(), Locale::En), "40 comments");
    // A short page ends it too.
    let mut t = Thread::default();
    t.add_page(&[comment(1, 0, "A", "x")], None);
    assert!(!t.has_more());
}

#[test]
fn a_page_longer_than_twenty_is_cut_and_a_hostile_total_does_not_overflow() {
    let mut t = Thread::default();
    let page: Vec<_> = (1..=25).map(|i| comment(i, 0, "A", "x")).collect();
    t.add_page(&page, Some(u64::MAX));
    assert_eq!(t.comments.len(), 20);
    t.add_own(Comment::from_wordpress(&comment(99, 0, "Me", "mine")));
    assert_eq!(t.count(), u64::MAX);
    assert!(t.has_more());
}

#[test]
fn the_readers_comment_posted_before_the_first_page_nests_once_it_loads() {
    // The first load failed; the reader's comment answers comment 2 (a REST answer
    // names its parent), then Retry loads the page.
    // Held, WordPress does not list it; approved, it lists it with the others.
    for (status, total) in [("hold", 2), ("approved", 3)] {
        let mut t = Thread::default();
        let mut mine = comment(9, 2, "Me", "mine");
        mine.status = status.into();
        t.add_own(Comment::from_wordpress(&mine));
        let mut page = vec![comment(1, 0, "A", "x"), comment(2, 0, "B", "y")];
        if status == "approved" {
            page.push(comment(9, 2, "Me", "mine"));
        }
        t.add_page(&page, Some(total));
        assert_eq!(ids(&t), [1, 2, 9]);
        assert_eq!(t.count(), total);
        let places: Vec<_> = t.places().iter().map(|p| (p.index, p.depth)).collect();
        assert_eq!(places, [(0, 0), (1, 0), (2, 1)]);
    }
}

#[test]
fn a_comment_posted_without_its_id_is_replaced_when_wordpress_lists_it() {
    // wp-comments-post.php approved it: its answer is a page, so the widget shows the
    // comment under an ID of its own, without a Reply button (no parent to send).
    let mut t = Thread::default();
    t.add_page(&[comment(1, 0, "A", "x"), comment(2, 0, "B", "y")], None);
    let mut mine = Comment::from_wordpress(&comment(t.local_id(), 2, "Me", "mine"));
    assert!(mine.is_local());
    mine.html = typed_html("mine");
    t.add_own(mine);
    assert_eq!(t.count(), 3);
    let html = render_items(&t, "rc", Locale::En);
    assert_eq!(html.matches("class=\"c-reply\"").count(), 2);
    // Another comment by someone else under the same parent is not it.
    t.add_page(&[comment(3, 2, "Other", "z")], None);
    assert_eq!(t.comments.len(), 4);
    // WordPress lists the reader's: it takes the placeholder's place, listed.
    t.add_page(&[comment(4, 2, "Me", "<p>mine</p>")], None);
    assert_eq!(ids(&t), [1, 2, 3, 4]);
    assert_eq!(t.count(), 4);
    let html = render_items(&t, "rc", Locale::En);
    assert_eq!(html.matches("class=\"c-reply\"").count(), 4);
}

#[test]
fn held_comments_are_marked_and_cannot_be_replied_to() {
    let mut held = comment(5, 0, "Me", "<p>wait</p>");
    held.status = "hold".into();
    // WordPress counts approved comments only.
    let mut t = Thread::default();
    t.add_page(&[held], Some(0));
    assert_eq!(t.count(), 0);
    let html = render_items(&t, "rc", Locale::Fr);
    assert!(
        html.contains("<p class=\"c-held\">Votre commentaire est en attente de modération.</p>")
    );
    assert!(!html.contains("c-reply"));
}

#[test]
fn list_endpoint_follows_the_form_mode() {
    assert_eq!(
        list_endpoint("/wp-json/wp/v2/comments", true).as_deref(),
        Some("/wp-json/wp/v2/comments")
    );
    assert_eq!(
        list_endpoint("https://blog.example/wp-comments-post.php", false).as_deref(),
        Some("https://blog.example/index.php?rest_route=/wp/v2/comments")
    );
    assert_eq!(list_endpoint("https://other.example/post", false), None);
}

#[test]
fn headings_count_with_each_languages_plural() {
    let cases = [
        (0, Locale::En, "No comments yet"),
        (1, Locale::En, "1 comment"),
        (3, Locale::En, "3 comments"),
        (0, Locale::Fr, "Aucun commentaire pour l’instant"),
        (1, Locale::Fr, "1\u{a0}commentaire"),
        (2, Locale::Fr, "2\u{a0}commentaires"),
        (45, Locale::Fr, "45\u{a0}commentaires"),
        // Digits grouped by three as each language writes them.
        (999, Locale::En, "999 comments"),
        (1_234, Locale::En, "1,234 comments"),
        (1_000_000, Locale::En, "1,000,000 comments"),
        (1_234, Locale::Fr, "1\u{202f}234\u{a0}commentaires"),
        (
            12_345_678,
            Locale::Fr,
            "12\u{202f}345\u{202f}678\u{a0}commentaires",
        ),
    ];
    for (n, locale, want) in cases {
        assert_eq!(heading(n, locale), want);
    }
}

#[test]
fn dates_and_times_in_each_locale() {
    let s = Stamp::parse("2026-12-01T20:05:09").unwrap();
    let mut en = String::new();
    Locale::En.push_date_time(&mut en, s.date, s.hour, s.minute);
    assert_eq!(en, "December 1, 2026 at 8:05 pm");
    let mut fr = String::new();
    Locale::Fr.push_date_time(&mut fr, s.date, s.hour, s.minute);
    assert_eq!(fr, "1er décembre 2026 à 20\u{a0}h\u{a0}05");
    let mut noon = String::new();
    let s = Stamp::parse("2026-02-03 00:07").unwrap();
    Locale::En.push_date_time(&mut noon, s.date, s.hour, s.minute);
    assert_eq!(noon, "February 3, 2026 at 12:07 am");
    for bad in [
        "2026-02-30T10:00:00",
        "2026-13-01T10:00",
        "2026-1-01T10:00",
        "",
        "2026-01-01T24:00",
        "２０２６-01-01T10:00",
    ] {
        assert_eq!(Stamp::parse(bad), None, "{bad}");
    }
}

#[test]
fn odd_gmt_dates_give_a_valid_datetime_or_none_and_never_panic() {
    for (gmt, want) in [
        ("2026-12-01T19:05:09", Some("2026-12-01T19:05:09Z")),
        ("2026-12-01 19:05", Some("2026-12-01 19:05:00Z")),
        ("2026-12-01T19:05:€", Some("2026-12-01T19:05:00Z")),
        ("2026-12-01T19:05€", Some("2026-12-01T19:05:00Z")),
        ("2026-12-01T19:05:5", Some("2026-12-01T19:05:00Z")),
        ("2026-12-01T19:0€", None),
    ] {
        let mut c = comment(1, 0, "A", "x");
        c.date_gmt = gmt.into();
        let got = review_card::thread::model::Comment::from_wordpress(&c).datetime;
        assert_eq!(got.as_deref(), want, "{gmt}");
    }
}

#[test]
fn authors_link_only_through_the_allow_list_with_nofollow_ugc() {
    let mut c = comment(1, 0, "Ana", "x");
    c.author_url = "https://ana.example/?a=1&b=\"2\"".into();
    let mut bad = comment(2, 0, "Bo", "x");
    bad.author_url = "javascript:alert(1)".into();
    let mut rel = comment(3, 0, "Cy", "x");
    rel.author_url = "/relative".into();
    let html = render_items(&thread_of(vec![c, bad, rel]), "rc", Locale::En);
    assert!(html.contains(
        "<a href=\"https://ana.example/?a=1&amp;b=&quot;2&quot;\" rel=\"nofollow ugc\"><bdi>Ana</bdi></a>"
    ));
    assert_eq!(html.matches("<a ").count(), 1);
    assert!(html.contains("aria-labelledby=\"rc-c2-a rc-c2-d\""));
    assert!(
        html.contains("<time datetime=\"2026-12-01T19:05:00Z\">December 1, 2026 at 8:05 pm</time>")
    );
}

/// The thread's own structure around the allow-listed comment markup.
fn assert_allow_listed_structure(html: &str) {
    let ours = [
        "li", "article", "p", "span", "time", "div", "button", "ol", "a", "bdi",
    ];
    for (_, name, attrs) in tags(html) {
        assert!(
            ours.contains(&name.as_str()) || ALLOWED.contains(&name.as_str()),
            "{name}"
        );
        for (k, _) in attrs {
            assert!(
                [
                    "class",
                    "id",
                    "data-id",
                    "tabindex",
                    "aria-labelledby",
                    "datetime",
                    "type",
                    "data-reply",
                    "href",
                    "rel"
                ]
                .contains(&k.as_str()),
                "{k} on {name}"
            );
        }
    }
}

#[test]
fn every_payload_as_author_or_content_is_inert() {
    let payloads = payloads();
    assert!(payloads.len() > 50);
    let comments: Vec<WpComment> = payloads
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            let mut c = comment(2 * i as u64 + 1, 0, p, p);
            c.author_url = p.clone();
            let mut wrapped = comment(
                2 * i as u64 + 2,
                0,
                p,
                &format!("<p>{p}</p><a href=\"{p}\">l</a>"),
            );
            wrapped.author_url = format!("https://ex.com/{p}");
            [c, wrapped]
        })
        .collect();
    for c in &comments {
        assert_allow_listed(&sanitize(&c.content.rendered)).unwrap();
    }
    let html = render_items(&thread_of(comments), "rc", Locale::En);
    assert_allow_listed_structure(&html);
    // A payload as content shows as the text it is (what WordPress stored, decoded once).
    let t = sanitize("<script>__pwned()</script>");
    assert_eq!(text(&t), "<script>__pwned()</script>");
}

#[test]
fn the_reply_note_and_the_status_line_are_text_in_the_writers_markup() {
    for p in payloads() {
        let note = render_replying("rc", 7, &p, Locale::En);
        assert!(note.starts_with(
            r#"<p class="replying" id="rc-replying" data-to="7">Replying to <strong>"#
        ));
        assert_eq!(text(&note), format!("Replying to {p} Cancel reply"));
        let state = render_status(&p, Some("Réessayer"));
        assert_eq!(text(&state), format!("{p} Réessayer"));
        assert_eq!(tags(&state).len(), 2, "{state}");
        assert!(state.contains(r#"<button type="button" class="retry">"#));
    }
    assert_eq!(
        text(&render_replying("rc", 1, "", Locale::Fr)),
        "Réponse à Anonyme Annuler la réponse"
    );
    assert_eq!(
        render_status("Loading comments…", None),
        "Loading comments…"
    );
}

#[test]
fn typed_comments_become_paragraphs_of_text() {
    assert_eq!(
        typed_html("a <b>\nc\n\n\nd"),
        "<p>a &lt;b&gt;<br>c</p><p>d</p>"
    );
}

/// Tag soup and payload pieces.
fn soup() -> impl Strategy<Value = String> {
    let payloads = payloads();
    let pieces = prop_oneof![
        3 => proptest::sample::select(vec![
            "<p>", "</p>", "<br>", "<br/>", "</br>", "<a href=\"https://ex.com/\">", "<a href=javascript:x>", "</a>",
            "<em>", "</em>", "<STRONG>", "</strong>", "<code>", "</code>", "<blockquote cite=x>", "</blockquote>",
            "<q>", "</q>", "<cite>", "<abbr title=\"t\">", "</abbr>", "<del datetime=x>", "</del>", "<a href='http://a.b/\"'>",
            "<script>", "</script>", "<img src=x onerror=y>", "<!--", "-->", "<", ">", "&", "&amp;", "&lt;", "&#60;",
            "&#x3c;", "&#8217;", "&quot;", "\"", "'", "=", " ", "\n", "a", "é", "😀", "<p onclick=\"x\">", "<a href=\"x\"",
            "<svg/onload=x>", "</", "<p/", "&#0;", "&#xD800;", "&nbsp;", "<a\thref=https://x.y\tx=1>",
        ]).prop_map(str::to_string),
        1 => proptest::sample::select(payloads),
        1 => "\\PC{0,6}",
    ];
    proptest::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256)))]

    #[test]
    fn sanitized_markup_is_allow_listed_and_balanced(html in soup()) {
        assert_allow_listed(&sanitize(&html))?;
    }

    #[test]
    fn sanitizing_twice_changes_nothing(html in soup()) {
        let once = sanitize(&html);
        prop_assert_eq!(sanitize(&once), once.clone());
    }

    #[test]
    /// (A carriage return is left out: the browser's tokenizer turns it into a newline.)
    fn plain_text_comes_through_as_the_same_text(s in "[^<&\r]{0,60}") {
        prop_assert_eq!(text(&sanitize(&s)), s);
    }

    #[test]
    fn any_answer_renders_every_comment_once(
        parents in proptest::collection::vec(0u64..12, 0..40),
        authors in proptest::collection::vec(soup(), 1..4),
    ) {
        let comments: Vec<_> = parents.iter().enumerate()
            .map(|(i, &p)| comment(i as u64 + 1, p, &authors[i % authors.len()], &authors[(i + 1) % authors.len()]))
            .collect();
        let n = comments.len();
        let t = thread_of(comments);
        let places = t.places();
        let mut seen: Vec<usize> = places.iter().map(|p| p.index).collect();
        seen.sort();
        prop_assert_eq!(seen, (0..n).collect::<Vec<_>>());
        prop_assert!(places.iter().all(|p| p.depth < MAX_DEPTH));
        let html = render_items(&t, "rc", Locale::Fr);
        prop_assert_eq!(html.matches("<li ").count(), n);
        prop_assert_eq!(html.matches("</li>").count(), n);
        prop_assert_eq!(html.matches("<ol").count(), html.matches("</ol>").count());
    }
}
