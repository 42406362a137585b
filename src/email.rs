//! E-mail addresses accepted by both WordPress and the HTML standard.
//!
//! WordPress `is_email()` (wp-includes/formatting.php), in order:
//! 1. at least 6 bytes; 2. an `@` at position 1 or later; split at the first `@`;
//! 3. local part matches `^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+$`;
//! 4. domain has no `..`; 5. no leading/trailing `.` or whitespace;
//! 6. at least two dot-separated labels; 7. each label has no leading/trailing `-`
//!    and matches `^[a-z0-9-]+$` (case-insensitive).
//!
//! HTML "valid e-mail address" (what `<input type=email>` accepts):
//! `^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$`
//!
//! The two agree on the local part. Their intersection adds, from WordPress, the
//! 6-byte minimum and at least two labels; from HTML, labels of at most 63 characters.

/// True when the local part character is allowed by both definitions.
fn local_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&b)
}

/// True when both WordPress's `is_email()` and the HTML standard accept `email`
/// (which should already be trimmed).
pub fn is_valid_email(email: &str) -> bool {
    let bytes = email.as_bytes();
    if bytes.len() < 6 {
        return false;
    }
    let Some(at) = crate::substring::find_any(email, b"@") else {
        return false;
    };
    let (local, domain) = (&email[..at], &email[at + 1..]);
    if local.is_empty() || !local.bytes().all(local_char) {
        return false;
    }
    let mut labels = 0;
    for label in crate::substring::split_any(domain, b".") {
        labels += 1;
        let lb = label.as_bytes();
        // The indexing below runs only after `is_empty()` (short-circuit), so it cannot
        // fail; it is smaller in the wasm than `first()`/`last()` (BENCHMARKS.md).
        if lb.is_empty()
            || lb.len() > 63
            || lb[0] == b'-'
            || lb[lb.len() - 1] == b'-'
            || !lb.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        {
            return false;
        }
    }
    labels >= 2
}

#[cfg(test)]
mod tests {
    use super::is_valid_email;

    /// Each case: the address, what WordPress `is_email()` says, what the HTML
    /// standard says. The widget accepts exactly when both accept.
    const CASES: &[(&str, bool, bool)] = &[
        ("name@example.com", true, true),
        ("piers.marchant@example.com", true, true),
        ("first+tag@example.co.uk", true, true),
        ("a@b.co", true, true),          // exactly 6 bytes
        ("a@b.c", false, true),          // 5 bytes: WP too short
        ("ab@cd", false, true),          // one label: WP needs two
        ("user@localhost", false, true), // single label
        ("x@example.com", true, true),
        ("UPPER@EXAMPLE.COM", true, true),
        ("o'brien@example.ie", true, true),
        ("!#$%&'*+/=?^_`{|}~-@example.com", true, true), // every allowed symbol
        (".dot@example.com", true, true),                // both allow dots anywhere locally
        ("dot.@example.com", true, true),
        ("two..dots@example.com", true, true),
        ("@example.com", false, false), // no local part
        ("plainaddress", false, false),
        ("name@", false, false),
        ("name@@example.com", false, false),
        ("name@exa@mple.com", false, false),
        ("name@example..com", false, false), // empty label
        ("name@.example.com", false, false),
        ("name@example.com.", false, false),
        ("name@-example.com", false, false),
        ("name@example-.com", false, false),
        ("name@ex-ample.com", true, true),
        ("name@123.45.67.89", true, true), // digits-only labels pass both
        ("name@[127.0.0.1]", false, false), // address literal
        ("name@exam_ple.com", false, false),
        ("na me@example.com", false, false),
        ("name@exa mple.com", false, false),
        ("\"quoted\"@example.com", false, false), // quoted local part
        ("name(comment)@example.com", false, false),
        ("name,x@example.com", false, false),
        ("name;x@example.com", false, false),
        ("name<x>@example.com", false, false),
        ("name\\x@example.com", false, false),
        ("josé@example.com", false, false), // non-ASCII local
        ("name@exämple.com", false, false), // IDN must be punycode
        ("name@xn--exmple-cua.com", true, true),
        ("name@example.c", true, true), // one-letter TLD passes both
        ("name@a.b", true, true),
        ("name@example.com-", false, false),
        ("name@sub.example.museum", true, true),
        ("a@", false, false),
        ("n@x.yy", true, true),
        (
            "name@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
            true,
            true,
        ), // 63
        (
            "name@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
            true,
            false,
        ), // 64: HTML refuses
        ("name@example.com\n", false, false),
        ("name\u{0}@example.com", false, false),
        ("name@exa\tmple.com", false, false),
    ];

    #[test]
    fn accepts_exactly_what_both_wordpress_and_html_accept() {
        assert!(CASES.len() >= 40, "at least 40 cases, got {}", CASES.len());
        for &(email, wp, html) in CASES {
            assert_eq!(
                is_valid_email(email),
                wp && html,
                "{email:?} (WordPress {wp}, HTML {html})"
            );
        }
    }
}
