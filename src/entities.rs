//! Character references in text a server sent (WordPress's comments, author names
//! and error pages), decoded once into text: what a reference decodes to is text,
//! never markup and never the start of another reference.

/// The named character references WordPress writes in comments, names and messages.
const NAMED: [(&str, char); 14] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("hellip", '…'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
];

/// Decodes character references (`&amp;`, `&#8217;`, `&#x2019;` and the common named
/// ones) into text. Anything else stays as it was, to be escaped as text: the result
/// is text, never markup.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    // crate::substring: a char pattern would bring core's searcher in.
    while let Some(i) = crate::substring::find_any(rest, b"&") {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.as_bytes().iter().take(12).position(|&c| c == b';');
        let decoded = end.and_then(|e| {
            let body = &rest[1..e];
            let c = if let Some(num) = body.strip_prefix('#') {
                let (digits, radix) = match num.as_bytes().first() {
                    Some(b'x' | b'X') => (&num[1..], 16),
                    _ => (num, 10),
                };
                u32::from_str_radix(digits, radix)
                    .ok()
                    .filter(|_| !digits.is_empty() && !digits.starts_with('+'))
                    .and_then(char::from_u32)
                    .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')?
            } else {
                NAMED.iter().find(|(n, _)| *n == body)?.1
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
