//! WordPress's answer for `GET /wp-json/wp/v2/comments` (the public REST route), as
//! serde types: only the fields the thread shows, every other field ignored.

use serde::{Deserialize, Deserializer};

/// One comment as the REST API sends it (`view` context, anonymous reader).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct WpComment {
    /// The comment's ID.
    pub id: u64,
    /// The ID of the comment it replies to; 0 for a top-level comment.
    #[serde(default, deserialize_with = "or_default")]
    pub parent: u64,
    /// The author's display name (WordPress stores it with `&`, `<`, `>` as references).
    #[serde(default, deserialize_with = "or_default")]
    pub author_name: String,
    /// The author's website, `""` when none.
    #[serde(default, deserialize_with = "or_default")]
    pub author_url: String,
    /// Local date and time, `YYYY-MM-DDTHH:MM:SS`.
    #[serde(default, deserialize_with = "or_default")]
    pub date: String,
    /// The same moment in UTC.
    #[serde(default, deserialize_with = "or_default")]
    pub date_gmt: String,
    /// The text, as HTML.
    #[serde(default, deserialize_with = "or_default")]
    pub content: Rendered,
    /// `approved`, or `hold` for the reader's own comment awaiting moderation (only
    /// in the answer to posting it: the public list has approved comments only).
    #[serde(default, deserialize_with = "or_default")]
    pub status: String,
}

/// A `{ "rendered": "…" }` field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Rendered {
    /// The HTML WordPress rendered.
    #[serde(default, deserialize_with = "or_default")]
    pub rendered: String,
}

/// `null` (which plugins and old versions send for empty fields) as the default.
fn or_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// The query that lists a post's approved comments, oldest first, one page at a
/// time, with only the fields shown (`_fields`: a smaller answer on a phone).
pub fn list_url(endpoint: &str, post: u64, page: u32) -> String {
    let mut url = String::from(endpoint);
    url.push(if endpoint.as_bytes().contains(&b'?') {
        '&'
    } else {
        '?'
    });
    url.push_str("post=");
    crate::number::push_u64(&mut url, post);
    url.push_str("&order=asc&per_page=");
    crate::number::push_u64(&mut url, super::PAGE_SIZE as u64);
    url.push_str("&page=");
    crate::number::push_u64(&mut url, u64::from(page));
    url.push_str("&_fields=id,parent,author_name,author_url,date,date_gmt,content");
    url
}

/// Where a post's comments are listed, from the form's endpoint: the REST route
/// itself, or for `wp-comments-post.php` the same site's REST route by its query
/// form (which works without pretty permalinks).
pub fn list_endpoint(endpoint: &str, rest: bool) -> Option<String> {
    if rest {
        return Some(endpoint.to_string());
    }
    let base = crate::substring::before_any(endpoint, b"?#");
    let site = base.strip_suffix("wp-comments-post.php")?;
    Some([site, "index.php?rest_route=/wp/v2/comments"].concat())
}
