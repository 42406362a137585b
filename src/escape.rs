//! The one escaping function. Every piece of text that reaches markup, in element
//! content or in a double-quoted attribute value, goes through [`push_escaped`].

/// Appends `text` to `out` with `&`, `<`, `>`, `"` and `'` replaced by character
/// references, so the text can stand in element content or in any quoted attribute.
pub fn push_escaped(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

/// Returns `text` escaped as by [`push_escaped`].
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(
            escape(r#"<a href="x" title='y'>&amp;</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn leaves_other_text_alone_including_multibyte() {
        assert_eq!(escape("Audiard’s film — 漢 😀"), "Audiard’s film — 漢 😀");
    }
}
