// Crossings of the JS/wasm boundary (calls from the wasm into the JS glue) per card
// mounted and per keystroke validated, counted by wrapping every function the glue
// hands the wasm. The counts are deterministic, so, like bytes, a test may hold
// them to a budget; time itself is measured by `make bench`.
//
// Reviews and options cross through serde-wasm-bindgen (issue 18): each field the
// serde types declare is one property read (and an `in` check when it is absent),
// and each value read asks its type in a few calls. Budgets, not ratchets: a card
// with the sample review measured 227 crossings with { jsonLd: false } on
// 2026-12-01 (18 when the wasm parsed a JSON copy itself), so a harmless change does
// not fail here; a change that reads the review element by element would.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { setup, page, FIXTURES, WWW } from "./lib.mjs";

const PKG = path.resolve(WWW, "../pkg");
const SAMPLE = fs.readFileSync(path.join(FIXTURES, "rust-and-bone.json"), "utf8");
const MOUNT_BUDGET = 256; // per card, { jsonLd: false } (as in `make bench`)
const MOUNT_DEFAULT_BUDGET = 320; // per card, default options (JSON-LD written through serde)
const VALIDATE_BUDGET = 32; // per validateComment call with four fields

let env;
before(async () => {
  env = await setup();
  const glue = fs.readFileSync(path.join(PKG, "review_card.js"), "utf8");
  // The import module's name is shortened by the build (scripts/minify.mjs).
  const hook = (glue.match(/    return \{\n        __proto__: null,\n        "[^"]+": import0,/) || [])[0];
  assert.ok(hook, "the glue still builds its imports as import0 (update this test if wasm-bindgen changed it)");
  const counting = glue.replace(hook, "    globalThis.__crossings = {};\n" +
    "    for (const [k, f] of Object.entries(import0)) if (typeof f === 'function') import0[k] = function () { globalThis.__crossings[k] = (globalThis.__crossings[k] || 0) + 1; return f.apply(this, arguments); };\n" + hook);
  env.server.routes["/count/review_card.js"] = (req, res) => { res.writeHead(200, { "content-type": "text/javascript" }); res.end(counting); };
  env.server.routes["/count/review_card_bg.wasm"] = (req, res) => { res.writeHead(200, { "content-type": "application/wasm" }); res.end(fs.readFileSync(path.join(PKG, "review_card_bg.wasm"))); };
});
after(() => env.close());

/** Runs `body` (a function of the module) in a page after three warm-up mounts; returns the counts per call. */
async function count(name, body, calls) {
  const url = page(env.server, `/count-${name}.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>count</title></head><body><div id="box"></div><script type="module">
import init, * as rc from "/count/review_card.js";
await init({ module_or_path: "/count/review_card_bg.wasm" });
const SAMPLE = ${SAMPLE};
const box = document.getElementById("box");
for (let i = 0; i < 3; i++) { const h = document.createElement("div"); box.append(h); rc.mount(h, SAMPLE); rc.mount(h, SAMPLE, { jsonLd: false }); }
rc.validateComment({ comment: "x", author: "a", email: "a@b.co", url: "" });
globalThis.__crossings = {};
const run = ${body};
for (let i = 0; i < ${calls}; i++) run(rc, box, SAMPLE, i);
window.result = globalThis.__crossings;
</script></body></html>`);
  const tab = await env.browser.newPage();
  await tab.goto(url);
  await tab.waitForFunction(() => window.result);
  const counts = await tab.evaluate(() => window.result);
  await tab.close();
  const total = Object.values(counts).reduce((a, b) => a + b, 0) / calls;
  const detail = Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k.replace(/_[0-9a-f]{16}$/, "")} ${v / calls}`).join(", ");
  console.log(`# crossings, ${name}: ${total} per call (${detail})`);
  return { total, detail };
}

test("mounting a card crosses into JS within its budget", async () => {
  const bench = await count("mount", "(rc, box, s, i) => { const h = document.createElement('div'); box.append(h); rc.mount(h, { ...s, title: s.title + i }, { jsonLd: false }); }", 10);
  assert.ok(bench.total <= MOUNT_BUDGET, `${bench.total} crossings per mount, over the budget of ${MOUNT_BUDGET}: ${bench.detail}`);
  const plain = await count("mount-default", "(rc, box, s, i) => { const h = document.createElement('div'); box.append(h); rc.mount(h, { ...s, title: s.title + i }); }", 10);
  assert.ok(plain.total <= MOUNT_DEFAULT_BUDGET, `${plain.total} crossings per mount, over the budget of ${MOUNT_DEFAULT_BUDGET}: ${plain.detail}`);
});

test("validating a comment crosses into JS within its budget", async () => {
  const v = await count("validate", "(rc, box, s, i) => rc.validateComment({ comment: 'A fine film ' + i, author: 'Ada', email: 'ada@example.com', url: 'example.com' })", 10);
  assert.ok(v.total <= VALIDATE_BUDGET, `${v.total} crossings per validation, over the budget of ${VALIDATE_BUDGET}: ${v.detail}`);
});
