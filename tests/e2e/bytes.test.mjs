// Byte budgets (issue #19): the gzip bytes a reader downloads through the blogger's
// embed, for a card without comments and for a card with its comment form. Bytes are
// deterministic, so they may be a test; times live in `make bench`. What counts is
// what the browser fetches from the widget's own files (the embed script, the glue,
// every wasm module), found by loading the page, so splitting or renaming files never
// breaks this test: only going over a budget does. The review JSON and the host page
// are the blogger's, not the widget's.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { setup, page, open, cardsRendered, SAMPLE_JSON, WWW } from "./lib.mjs";

const BUDGETS = {
  "a card without comments": 55_000,
  "a card with its comment form": 70_000,
};

let env;
before(async () => {
  env = await setup();
  env.server.routes["/budget-review.json"] = (req, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end(SAMPLE_JSON); };
});
after(async () => env.close());

/** Loads a page with one embedded card and returns the widget files it fetched. */
async function downloads(name, attrs) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><script src="/embed.js" async></script></head><body><main><review-card src="/budget-review.json"${attrs}><a href="/r">Read the review</a></review-card></main></body></html>`;
  const url = page(env.server, `/budget-${attrs ? "form" : "card"}.html`, html);
  const { tab, context } = await open(env.browser, null);
  const fetched = new Set();
  tab.on("request", (r) => {
    const u = new URL(r.url());
    if (u.origin === new URL(url).origin && !u.pathname.startsWith("/budget-")) fetched.add(u.pathname);
  });
  await tab.goto(url);
  await cardsRendered(tab, 1);
  if (attrs) await tab.waitForFunction(() => !!document.querySelector("review-card").shadowRoot.querySelector("form"));
  // Anything loaded lazily after the first render (a second module on first use).
  await tab.waitForLoadState("networkidle");
  await context.close();
  return [...fetched].sort();
}

for (const [name, budget] of Object.entries(BUDGETS)) {
  test(`${name}: at most ${budget} B gzip downloaded`, async () => {
    const files = await downloads(name, name.includes("form") ? ' comments comments-endpoint="/wp-json/wp/v2/comments" comments-post-id="1"' : "");
    assert.ok(files.some((f) => f.endsWith(".wasm")), `a wasm module was fetched: ${files.join(", ")}`);
    let total = 0;
    const parts = files.map((f) => {
      const gz = zlib.gzipSync(fs.readFileSync(path.join(WWW, f)), { level: 9 }).length;
      total += gz;
      return `${f} ${gz} B`;
    });
    console.log(`# bytes, ${name}: ${parts.join(", ")}; total ${total} B gzip (budget ${budget} B)`);
    assert.ok(total <= budget, `${name}: ${total} B gzip is over the ${budget} B budget (${parts.join(", ")})`);
  });
}
