//! Number formatting without `core::fmt`'s float machinery (which is large in wasm).

/// The largest magnitude [`push_number`] writes; scores beyond it are refused.
pub const MAX_SHOWN: f64 = 1e15;

/// `value` as it may be shown against its `max`: 9.999 of 10 is 9.99, never
/// rounded up to the maximum it did not reach (shown to hundredths).
pub fn short_of(value: f64, max: f64) -> f64 {
    let top = (max * 100.0).round();
    if value < max && (value * 100.0).round() >= top {
        (top - 1.0) / 100.0
    } else {
        value
    }
}

/// Appends `value` rounded to at most two decimals, without trailing zeros, using
/// `decimal` as the decimal separator: `7.2` → "7.2" (or "7,2"), `85.0` → "85",
/// `-1.005` → "-1". Non-finite values never reach here (the parser refuses them);
/// they are written as "?" to stay total.
pub fn push_number(out: &mut String, value: f64, decimal: char) {
    if !value.is_finite() || value.abs() > MAX_SHOWN {
        out.push('?');
        return;
    }
    let hundredths = (value * 100.0).round() as i64;
    if hundredths < 0 {
        out.push('-');
    }
    let abs = hundredths.unsigned_abs();
    push_u64(out, abs / 100);
    let frac = abs % 100;
    if frac != 0 {
        out.push(decimal);
        out.push(char::from(b'0' + (frac / 10) as u8));
        if frac % 10 != 0 {
            out.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
}

/// Appends an unsigned integer in decimal.
pub fn push_u64(out: &mut String, n: u64) {
    push_grouped(out, n, None);
}

/// Appends an unsigned integer in decimal, with `group` (if any) between each three
/// digits from the right ("65,525").
pub fn push_grouped(out: &mut String, mut n: u64, group: Option<char>) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for (k, &b) in buf[i..].iter().enumerate() {
        if let Some(g) = group {
            if k > 0 && (buf.len() - i - k) % 3 == 0 {
                out.push(g);
            }
        }
        out.push(char::from(b));
    }
}

/// Parses digits in `radix` (2 to 36), with no sign or spaces: `"42"` → 42. `None`
/// when `s` is empty, holds anything else, or overflows `u64`. One small parser for
/// every integer read, in place of core's `parse` and `from_str_radix` monomorphs.
pub fn parse_int(s: &str, radix: u32) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    s.chars().try_fold(0u64, |n, c| {
        n.checked_mul(u64::from(radix))?
            .checked_add(u64::from(c.to_digit(radix)?))
    })
}

/// Parses a plain decimal such as `7.2`, `-1` or `10.50` (no exponent), as numeric
/// strings in schema.org ratings are written; `None` for anything else. Exact
/// (correctly rounded) for up to 15 significant digits, which is all it accepts.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let dot = crate::substring::find_any(digits, b".");
    let (whole, frac) = match dot {
        Some(i) => (digits.get(..i)?, digits.get(i + 1..)?),
        None => (digits, ""),
    };
    if whole.is_empty() || (dot.is_some() && frac.is_empty()) || whole.len() + frac.len() > 15 {
        return None;
    }
    let mantissa = parse_int(whole, 10)? * 10u64.pow(frac.len() as u32)
        + if frac.is_empty() {
            0
        } else {
            parse_int(frac, 10)?
        };
    // Both are exact in an f64 (below 2^53 and 10^22), so one division rounds once.
    let value = mantissa as f64 / 10u64.pow(frac.len() as u32) as f64;
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `value` formatted by [`push_number`] with a `.` separator.
    fn number(value: f64) -> String {
        let mut s = String::new();
        push_number(&mut s, value, '.');
        s
    }

    #[test]
    fn formats_like_a_person_would_write_it() {
        assert_eq!(number(7.2), "7.2");
        assert_eq!(number(85.0), "85");
        assert_eq!(number(0.0), "0");
        assert_eq!(number(4.25), "4.25");
        assert_eq!(number(3.333), "3.33");
        assert_eq!(number(-2.5), "-2.5");
        assert_eq!(number(10.05), "10.05");
        assert_eq!(number(f64::NAN), "?");
    }

    #[test]
    fn parses_plain_digits_only() {
        assert_eq!(parse_int("42", 10), Some(42));
        assert_eq!(parse_int("00", 10), Some(0));
        assert_eq!(parse_int("2F", 16), Some(47));
        assert_eq!(parse_int("2f", 16), Some(47));
        assert_eq!(parse_int("18446744073709551615", 10), Some(u64::MAX));
        assert_eq!(parse_int("18446744073709551616", 10), None);
        for bad in ["", "+5", "-5", " 5", "5 ", "1e3", "4.0", "x", "٣"] {
            assert_eq!(parse_int(bad, 10), None, "{bad:?}");
        }
    }

    #[test]
    fn a_score_below_the_maximum_never_shows_as_the_maximum() {
        assert_eq!(number(short_of(9.999, 10.0)), "9.99");
        assert_eq!(number(short_of(9.995, 10.0)), "9.99");
        assert_eq!(number(short_of(9.994, 10.0)), "9.99");
        assert_eq!(number(short_of(10.0, 10.0)), "10");
        assert_eq!(number(short_of(4.999, 5.0)), "4.99");
        assert_eq!(number(short_of(7.2, 10.0)), "7.2");
    }

    #[test]
    fn parses_plain_decimals_exactly() {
        assert_eq!(parse_decimal("7.2"), Some(7.2));
        assert_eq!(parse_decimal("10"), Some(10.0));
        assert_eq!(parse_decimal("-0.5"), Some(-0.5));
        assert_eq!(parse_decimal("0.1"), Some(0.1));
        assert_eq!(parse_decimal("123456789.012345"), Some(123456789.012345));
        for bad in [
            "",
            "-",
            ".5",
            "5.",
            "1e3",
            "+1",
            "1.2.3",
            "x",
            "1234567890123456",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn uses_the_given_decimal_separator() {
        let mut s = String::new();
        push_number(&mut s, 7.2, ',');
        assert_eq!(s, "7,2");
    }
}
