// Byte budget (bytes are deterministic, so a test may check them; times live in
// `make bench`). Everything a card with its comment form needs, gzip -9: the wasm
// (which holds the CSS), the JS glue and the embed loader.
//
// Issue 6 asks for at most 30 kB now and 16 kB later. This build does not meet that
// yet (see BENCHMARKS.md and the note on issue 6), so this test holds a ratchet at
// the size measured when it was written: the widget may shrink, never grow. Lower
// RATCHET whenever the size drops; never raise it to make a change pass.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { WWW } from "./lib.mjs";

const ROOT = path.resolve(WWW, "..");
// What a blogger hosts, as `make build` lays it out in www/ (JS minified there).
const FILES = ["www/pkg/review_card_bg.wasm", "www/pkg/review_card.js", "www/embed.js"];
const RATCHET = 48_359; // bytes, gzip -9: 48,356 measured 2026-11-24 (48,480 earlier that day; 49,033 on 2026-11-23; 52,822 at the start of that day; 73,405 before immediate-abort std and terser)
const GOAL = 30 * 1024;

test("wasm + JS glue + embed loader (+ CSS inside the wasm), gzip, within the ratchet", () => {
  let total = 0;
  const parts = [];
  for (const f of FILES) {
    const gz = zlib.gzipSync(fs.readFileSync(path.join(ROOT, f)), { level: 9 }).length;
    parts.push(`${f} ${gz} B`);
    total += gz;
  }
  console.log(`# bytes: ${parts.join(", ")}; total ${total} B gzip (ratchet ${RATCHET} B, goal ${GOAL} B: ${total <= GOAL ? "met" : `${total - GOAL} B over`})`);
  assert.ok(total <= RATCHET, `${total} B gzip is over the ${RATCHET} B ratchet`);
});
