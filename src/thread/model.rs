//! The thread model: WordPress comments, checked and sanitized once, arranged as
//! replies under their parents.

use super::sanitize::sanitize;
use super::wordpress::WpComment;
use crate::entities::decode_entities;
use crate::model::Date;

/// Replies nest this many levels deep (a comment, a reply, a reply to the reply);
/// deeper replies are listed flat at the last level, each saying whom it answers.
pub const MAX_DEPTH: usize = 3;

/// IDs above this are the widget's own, for the reader's comment when WordPress did
/// not say its ID (`wp-comments-post.php` approved it: its answer is a page).
pub const LOCAL_IDS: u64 = u64::MAX / 2;

/// A local date and time as WordPress gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The day.
    pub date: Date,
    /// Hour, 0 to 23.
    pub hour: u8,
    /// Minute, 0 to 59.
    pub minute: u8,
}

impl Stamp {
    /// Reads `YYYY-MM-DDTHH:MM[:SS…]`; `None` for anything else or an impossible date.
    pub fn parse(s: &str) -> Option<Stamp> {
        let date = crate::parse::parse_date(s)?;
        let b = s.as_bytes();
        let two = |i: usize| match b.get(i..i + 2)? {
            [t @ b'0'..=b'9', u @ b'0'..=b'9'] => Some((t - b'0') * 10 + (u - b'0')),
            _ => None,
        };
        let (hour, minute) = (two(11)?, two(14)?);
        (b.get(13) == Some(&b':') && hour < 24 && minute < 60).then_some(Stamp {
            date,
            hour,
            minute,
        })
    }
}

/// A comment ready to show: every field checked, the text allow-listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// WordPress's ID.
    pub id: u64,
    /// The parent's ID, 0 for none.
    pub parent: u64,
    /// The author's name as text (references decoded; escaped when written).
    pub author: String,
    /// The author's website when it passed the URL allow-list as absolute http(s).
    pub url: Option<String>,
    /// When it was posted, in the site's time.
    pub when: Option<Stamp>,
    /// The UTC moment for `<time datetime>`, e.g. `2026-12-01T20:11:00Z`.
    pub datetime: Option<String>,
    /// The text's markup, through [`sanitize`].
    pub html: String,
    /// Awaiting moderation (only ever the reader's own comment).
    pub held: bool,
}

impl Comment {
    /// Whether this is the reader's comment under an ID of the widget's own
    /// ([`LOCAL_IDS`]): nothing can reply to it.
    pub fn is_local(&self) -> bool {
        self.id > LOCAL_IDS
    }

    /// Checks and sanitizes one WordPress comment.
    pub fn from_wordpress(c: &WpComment) -> Comment {
        let author = decode_entities(c.author_name.trim());
        let url = Some(decode_entities(c.author_url.trim())).filter(|u| {
            let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
            (lower.starts_with("http://") || lower.starts_with("https://"))
                && crate::url::check_url(u, false).is_ok()
        });
        // `YYYY-MM-DDTHH:MM` is ASCII once parsed; seconds only when they are `:SS`.
        let datetime = Stamp::parse(&c.date_gmt).map(|_| {
            let b = c.date_gmt.as_bytes();
            let seconds = matches!(b.get(16..19), Some([b':', b'0'..=b'9', b'0'..=b'9']));
            let (minutes, rest) = c.date_gmt.split_at(16);
            [minutes, if seconds { &rest[..3] } else { ":00" }, "Z"].concat()
        });
        Comment {
            id: c.id,
            parent: c.parent,
            author,
            url,
            when: Stamp::parse(&c.date),
            datetime,
            html: sanitize(&c.content.rendered),
            held: !c.status.is_empty() && c.status != "approved",
        }
    }
}

/// The comments loaded so far, in the order WordPress sent them (oldest first), and
/// how many approved comments the post has in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Thread {
    /// The comments WordPress listed (the first `listed`), oldest first, then the
    /// reader's own that it has not listed yet: a later page puts its comments
    /// before those, and takes the reader's out once it lists them.
    pub comments: Vec<Comment>,
    /// How many of `comments` WordPress listed.
    pub listed: usize,
    /// The post's approved comments (WordPress's `X-WP-Total`), when it said.
    pub total: Option<u64>,
    /// Whether WordPress has more pages to load.
    pub more: bool,
    /// Pages of [`super::PAGE_SIZE`] loaded.
    pub pages: u32,
    /// The reader's own approved comments posted since `total` was read.
    pub own: u64,
    /// Whether a page is on its way: one request at a time, also for a card
    /// rendered again meanwhile (whose new section then shows that page).
    pub loading: bool,
}

/// One comment's place in the thread: its index in [`Thread::comments`], its depth
/// (0 for top level), and for a reply listed flat past [`MAX_DEPTH`] the index of the
/// comment it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Index in [`Thread::comments`].
    pub index: usize,
    /// 0 for a top-level comment, at most `MAX_DEPTH - 1`.
    pub depth: usize,
    /// For a reply listed flat (deeper than the nesting goes): whom it answers.
    pub answers: Option<usize>,
}

impl Thread {
    /// Adds a page of WordPress's answer (at most [`super::PAGE_SIZE`] of it, whatever
    /// the server sent) and its `X-WP-Total`. A comment already there (the reader's
    /// own, shown when posted and then listed by WordPress) is replaced, not repeated.
    pub fn add_page(&mut self, page: &[WpComment], total: Option<u64>) {
        let page = &page[..page.len().min(super::PAGE_SIZE as usize)];
        self.pages += 1;
        for c in page {
            self.list(Comment::from_wordpress(c));
        }
        // A fresh count includes whatever the reader posted before it. Without one
        // (a proxy that drops the header), a full page means there may be more.
        self.more = match total {
            Some(t) => u64::from(self.pages) * u64::from(super::PAGE_SIZE) < t,
            None => page.len() == super::PAGE_SIZE as usize,
        };
        if total.is_some() {
            self.own = 0;
        }
        self.total = total;
    }

    /// Puts a comment WordPress listed after those listed before, in place of the
    /// same one already there: listed on an earlier page, or the reader's own
    /// (matched by ID, or for one under a [`LOCAL_IDS`] ID by author and parent).
    fn list(&mut self, c: Comment) {
        let listed = self.listed;
        if let Some(i) = self.comments[..listed].iter().position(|x| x.id == c.id) {
            self.comments[i] = c;
            return;
        }
        let own = self.comments[listed..].iter().position(|x| {
            x.id == c.id || (x.is_local() && x.author == c.author && x.parent == c.parent)
        });
        if let Some(i) = own {
            self.comments.remove(listed + i);
        }
        self.comments.insert(listed, c);
        self.listed += 1;
    }

    /// Adds the reader's own comment, just posted (after every listed one): approved,
    /// it counts at once.
    pub fn add_own(&mut self, c: Comment) {
        match self.comments.iter_mut().find(|x| x.id == c.id) {
            Some(existing) => *existing = c,
            None => {
                self.own += u64::from(!c.held);
                self.comments.push(c);
            }
        }
    }

    /// An ID for the reader's comment when WordPress did not say it: above
    /// [`LOCAL_IDS`], counting down for each one posted.
    pub fn local_id(&self) -> u64 {
        u64::MAX - self.comments.iter().filter(|c| c.is_local()).count() as u64
    }

    /// Whether WordPress has more pages to load.
    pub fn has_more(&self) -> bool {
        self.more
    }

    /// The number shown in the heading: WordPress's count of approved comments, plus
    /// the reader's own approved ones posted since; without WordPress's count, the
    /// approved comments shown.
    pub fn count(&self) -> u64 {
        match self.total {
            Some(t) => t.saturating_add(self.own),
            None => self.comments.iter().filter(|c| !c.held).count() as u64,
        }
    }

    /// The comments in reading order with their depth: each top-level comment
    /// followed by its replies, nested up to [`MAX_DEPTH`] levels, then flat.
    ///
    /// A comment counts as a reply only when its parent comes earlier in the list
    /// (WordPress lists parents first): a missing parent (held, trashed, on a page not
    /// loaded) makes it top-level, and no answer can make a cycle.
    pub fn places(&self) -> Vec<Place> {
        let n = self.comments.len();
        let parent_of: Vec<Option<usize>> = (0..n)
            .map(|i| {
                let p = self.comments[i].parent;
                if p == 0 {
                    return None;
                }
                self.comments[..i].iter().position(|c| c.id == p)
            })
            .collect();
        let mut out = Vec::with_capacity(n);
        // Depth-first with an explicit stack (no recursion a long reply chain could
        // exhaust); children pushed in reverse so they come out in order.
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for root in (0..n).filter(|&i| parent_of[i].is_none()) {
            stack.push((root, 0));
            while let Some((i, depth)) = stack.pop() {
                let answers = if depth == MAX_DEPTH - 1 && parent_of[i].is_some() {
                    // Flat at the last level: say whom it answers unless that is the
                    // comment it is nested under.
                    parent_of[i].filter(|&p| {
                        out.iter()
                            .rev()
                            .find(|pl: &&Place| pl.depth < depth)
                            .is_none_or(|pl| pl.index != p)
                    })
                } else {
                    None
                };
                out.push(Place {
                    index: i,
                    depth,
                    answers,
                });
                let next = (depth + 1).min(MAX_DEPTH - 1);
                // Replies come after their parent (see above): only later ones are looked at.
                for c in (i + 1..n).rev().filter(|&c| parent_of[c] == Some(i)) {
                    stack.push((c, next));
                }
            }
        }
        out
    }
}
