// Byte budget (bytes are deterministic, so a test may check them; times live in
// `make bench`). Everything a card with its comment form needs, gzip -9: the wasm
// (which holds the CSS) and the embed script (loader and glue in one file).
//
// Issue 19 sets the required budget: at most 70 kB gzip for a card with its form
// (55 kB for a card without comments, once the form's code loads on its own). It
// replaces the exact-byte ratchet, which failed on any change that added a byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { WWW } from "./lib.mjs";

const ROOT = path.resolve(WWW, "..");
// What a blogger hosts, as `make build` lays it out in www/ (JS minified there).
const FILES = ["www/review_card_bg.wasm", "www/embed.js"]; // embed.js holds the glue
const BUDGET = 70 * 1024; // bytes, gzip -9 (issue 19)
const GOAL = 30 * 1024;

test("wasm + embed script (+ CSS inside the wasm), gzip, within the budget", () => {
  let total = 0;
  const parts = [];
  for (const f of FILES) {
    const gz = zlib.gzipSync(fs.readFileSync(path.join(ROOT, f)), { level: 9 }).length;
    parts.push(`${f} ${gz} B`);
    total += gz;
  }
  console.log(`# bytes: ${parts.join(", ")}; total ${total} B gzip (budget ${BUDGET} B, goal ${GOAL} B: ${total <= GOAL ? "met" : `${total - GOAL} B over`})`);
  assert.ok(total <= BUDGET, `${total} B gzip is over the ${BUDGET} B budget`);
});
