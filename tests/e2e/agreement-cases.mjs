// The agreement table: inputs on which the widget's verdict must equal WordPress's.
// Each case is posted through the widget's form and straight to both WordPress
// endpoints (tests/e2e/wordpress-agreement.test.mjs). Fields not given take the
// valid defaults below. `widget` notes a documented decision where the widget is
// stricter than WordPress (README, "Where the widget is stricter than WordPress").
const A = "a".repeat(63);
/** The valid values a case does not set: unique per case, so that WordPress's
 * duplicate check (same author, email and content) never links two cases. */
export const defaults = (i, name) => ({ author: `Reader ${i}`, email: `reader${i}@example.com`, url: "", comment: `Agreement case ${i}: ${name}` });
export const CASES = [
  { name: "all valid" },
  { name: "website bare host (becomes https://)", url: "example.com" },
  { name: "website http", url: "http://example.com/about" },
  { name: "comment empty", comment: "" },
  { name: "comment only ASCII spaces and newlines", comment: "  \n\t \r\n " },
  { name: "comment only U+00A0 (PHP trim keeps it)", comment: "\u00a0\u00a0" },
  { name: "comment only U+3000 ideographic space", comment: "\u3000" },
  { name: "comment with a vertical tab and NUL around it", comment: "\u000bhello\u000b" },
  { name: "comment of exactly 65525 bytes, multi-byte", comment: "é".repeat(32762) + "a" },
  { name: "comment of 65526 bytes, multi-byte", comment: "é".repeat(32763) },
  { name: "comment of 65525 bytes of emoji and ASCII", comment: "🎬".repeat(16381) + "a" },
  { name: "comment of 65528 bytes of emoji", comment: "🎬".repeat(16382) },
  { name: "comment with HTML", comment: "<b>Bold</b> and <script>x</script>" },
  { name: "comment CJK", comment: "素晴らしい映画でした。" },
  { name: "comment with a control character", comment: "bell\u0007here", widget: "refuses control characters WordPress silently drops" },
  { name: "name empty", author: "" },
  { name: "name only spaces", author: "   " },
  { name: "name only tags <b></b>", author: "<b></b>" },
  { name: "name with tags around text", author: "<i>Ada</i>" },
  { name: "name an HTML comment only", author: "<!-- hi -->" },
  { name: "name with a lone < and space", author: "a < b" },
  { name: "name of 245 bytes, multi-byte", author: "é".repeat(122) + "a" },
  { name: "name of 246 bytes, multi-byte", author: "é".repeat(123) },
  { name: "name of 246 bytes with tags making it 240", author: "<b>" + "a".repeat(236) + "</b>" + "bbbb" },
  { name: "name only U+00A0", author: "\u00a0" },
  { name: "email empty", email: "" },
  { name: "email invalid", email: "not-an-address" },
  { name: "email 5 bytes", email: "a@b.c" },
  { name: "email single label", email: "user@localhost" },
  { name: "email with spaces around", email: "  ada@example.com  ", rest: "REST checks the address before trimming it; the widget sends it trimmed, which REST stores" },
  { name: "email of 100 bytes", email: "a".repeat(88) + "@example.com" },
  { name: "email of 101 bytes (no silent cut to 100)", email: "a".repeat(89) + "@example.com" },
  { name: "email with a 63-character label", email: `name@${A}.com` },
  { name: "email with a 64-character label", email: `name@${A}a.com`, widget: "refuses a domain label over 63 characters (no such domain exists; HTML's type=email refuses it)" },
  { name: "email non-ASCII local part", email: "josé@example.com" },
  { name: "email IDN domain", email: "name@exämple.com" },
  { name: "website ftp", url: "ftp://example.com/file", widget: "accepts only http and https websites (the card links nothing else)" },
  { name: "website javascript:", url: "javascript:alert(1)", widget: "accepts only http and https websites (the card links nothing else)" },
  { name: "website of 200 bytes", url: "https://example.com/" + "p".repeat(180) },
  { name: "website of 201 bytes", url: "https://example.com/" + "p".repeat(181) },
  { name: "website bare host of 197 bytes, 205 once https:// is added", url: "example.com/" + "p".repeat(185), widget: "sends https:// + a bare host, so it counts those 8 bytes", rest: "REST adds http:// before its length check and refuses it too" },
];
