// Text of every shape crosses into the wasm intact, through the glue as the build
// ships it in www/ (scripts/package.mjs replaces wasm-bindgen's character-by-character
// ASCII copy with one `TextEncoder.encodeInto` into a buffer sized for the worst case
// and shrunk after). Each case checks what comes back out of the wasm, so a string
// cut short, padded or mis-encoded on the way in shows as a different text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, page } from "./lib.mjs";

let env;
let tab;
before(async () => {
  env = await setup();
  const url = page(env.server, "/strings.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>strings</title></head><body><script type="module">
import init, * as rc from "/review_card.js";
await init();
window.rc = rc;
window.ready = true;
</script></body></html>`);
  tab = await env.browser.newPage();
  await tab.goto(url);
  await tab.waitForFunction(() => window.ready);
});
after(() => env.close());

/**
 * validateComment's result for the comment typed after a leading space: trimming
 * changes it, so the value comes back out of the wasm (an unchanged value would be
 * handed back as the caller's own string). Nothing follows the text, so a string
 * cut short or padded on the way in shows at its end.
 */
const sent = (comment) => tab.evaluate((c) => window.rc.validateComment({ comment: " " + c, author: "Ada", email: "ada@example.com" }), comment);

test("ASCII, accented, CJK, emoji and mixed comments come back out of the wasm unchanged", async () => {
  const cases = {
    "long ASCII": "a".repeat(65000),
    "accent first, then long ASCII": "é" + "b".repeat(40000),
    "long ASCII, then accents": "a".repeat(65000) + "é".repeat(262),
    "three-byte characters only": "漢字".repeat(500),
    "emoji (surrogate pairs)": "😀 Rust & Bone 🎬".repeat(50),
    "one ASCII character": "x",
  };
  for (const [name, text] of Object.entries(cases)) {
    const r = await sent(text);
    assert.equal(r.values.comment, text, name);
    assert.equal(r.valid, true, `${name}: ${JSON.stringify(r.errors)}`);
  }
});

test("a string that fills the worst-case buffer exactly, and an empty one, cross intact", async () => {
  // Only three-byte characters: encodeInto fills all 3 bytes per UTF-16 unit.
  const html = await tab.evaluate(() => window.rc.renderToString({ title: "漢字のレビュー", body: "本文" }, { jsonLd: false }));
  assert.match(html, /id="rc-title">漢字のレビュー</);
  // Empty strings: the comment (required) and the language tag (English by default).
  const r = await tab.evaluate(() => window.rc.validateComment({ comment: "", author: "Ada", email: "ada@example.com" }, ""));
  assert.deepEqual(r.errors.map((e) => [e.field, e.code, e.message]), [["comment", "required", "Enter your comment"]]);
});

test("a lone surrogate becomes U+FFFD, as with wasm-bindgen's own glue", async () => {
  const r = await sent("A\uD800B");
  assert.equal(r.values.comment, "A\uFFFDB");
});

test("the byte limit counts UTF-8 bytes of what crossed: 65,525 pass, 65,526 do not", async () => {
  const ok = await sent("a".repeat(65525 - 4) + "😀");
  assert.equal(ok.valid, true, JSON.stringify(ok.errors));
  const over = await sent("a".repeat(65525 - 3) + "😀");
  assert.deepEqual(over.errors.map((e) => [e.field, e.code]), [["comment", "too_long"]]);
  assert.match(over.errors[0].message, /by 1 byte:/);
});
