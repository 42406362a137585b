// Structured data against Google's rich-result rules as Adobe's open-source validator
// encodes them (@adobe/structured-data-validator, fed by @marbec/web-auto-extractor,
// as a crawler reads a page). Offline: no schema.org vocabulary file is passed, so
// only Google's rules for each type are checked.
//
// One review of every kind, with and without an image, rendered two ways: by the
// package's `review-card` command (renderToString in Node, for static sites) and by
// the embed on a live page (the JSON-LD a mounted card writes into its light DOM).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import Validator from "@adobe/structured-data-validator";
import WebAutoExtractor from "@marbec/web-auto-extractor";
import { setup, page, doc, open, cardsRendered, FIXTURES, WWW } from "./lib.mjs";

const KINDS = JSON.parse(fs.readFileSync(path.join(FIXTURES, "kinds.json"), "utf8"));
const ROOT = path.resolve(WWW, "..");

function withoutImage(review) {
  const { image, ...rest } = review;
  return rest;
}

async function issues(html) {
  const data = new WebAutoExtractor({ addLocation: true, embedSource: ["rdfa", "microdata"] }).parse(html);
  const items = Object.values(data.jsonld).flat().map((r) => r.itemReviewed && r.itemReviewed["@type"]);
  const found = await new Validator().validate(data);
  return {
    types: Object.keys(data.jsonld),
    items,
    errors: found.filter((i) => i.severity === "ERROR").map((i) => i.issueMessage),
    warnings: found.filter((i) => i.severity === "WARNING").map((i) => i.issueMessage),
  };
}

// The package's command (`npx review-card`): renderToString in Node, from the wasm.
function cli(review) {
  return execFileSync(process.execPath, [path.join(ROOT, "pkg/cli.mjs"), "-"], {
    input: JSON.stringify(review), encoding: "utf8",
  });
}

// What the data cannot supply is left out, never made up: Google's product rules
// (merchant listings, which the validator applies to every Product) require an
// image and an offer, so a product whose data lacks either is written as a Thing.
const ITEM = { film: "Movie", book: "Book", album: "MusicAlbum", game: "VideoGame", show: "TVSeries", product: "Product", other: "Thing" };

const summary = [];
after(() => {
  for (const line of summary) console.log(`# structured data: ${line}`);
});

for (const [kind, review] of Object.entries(KINDS)) {
  for (const [label, data] of [["with image", review], ["without image", withoutImage(review)]]) {
    test(`validator, review-card command: ${kind} ${label}`, async () => {
      const r = await issues(cli(data));
      assert.deepEqual(r.types, ["Review"]);
      assert.deepEqual(r.items, [kind === "product" && !data.image ? "Thing" : ITEM[kind]]);
      assert.deepEqual(r.errors, [], `${kind} ${label}: ${r.errors.join("; ")}`);
      summary.push(`command, ${kind} ${label}: ${r.errors.length} errors, ${r.warnings.length} warnings`);
    });
  }
}

test("the validator catches what it should (a review without rating or item name fails)", async () => {
  const r = await issues(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"Review","author":{"@type":"Person","name":"A"},"itemReviewed":{"@type":"Movie"}}</script>`);
  assert.deepEqual(r.errors.sort(), ['Required attribute "itemReviewed.name" is missing', 'Required attribute "reviewRating" is missing']);
  // Why a product without its image or price is not written as a Product.
  const p = await issues(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"Review","author":{"@type":"Person","name":"A"},"reviewRating":{"@type":"Rating","ratingValue":4,"bestRating":5},"itemReviewed":{"@type":"Product","name":"Chair"}}</script>`);
  assert.deepEqual(p.errors.sort(), ['One of the following attributes is required: "aggregateRating", "offers" or "review"', 'Required attribute "image" is missing', 'Required attribute "offers" is missing']);
});

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test("validator, live page: the JSON-LD every mounted card writes, every kind with and without image", async () => {
  const cards = Object.values(KINDS).flatMap((r) => [r, withoutImage(r)])
    .map((r) => `<review-card><script type="application/json">${JSON.stringify(r).replace(/</g, "\\u003c")}</script></review-card>`);
  const url = page(env.server, "/structured-data.html", doc(`<main><h1>Reviews</h1>${cards.join("")}</main>`));
  // Tall enough that every card is near the viewport (cards render as they come near it).
  const { tab, context } = await open(env.browser, url, { viewport: { width: 1000, height: 16000 } });
  await cardsRendered(tab, cards.length);
  // Only what the cards wrote: the inline data scripts are application/json, not JSON-LD.
  const html = await tab.evaluate(() => document.documentElement.outerHTML);
  const written = (html.match(/data-review-card-generated/g) || []).length;
  assert.equal(written, cards.length, "one JSON-LD script per card");
  const r = await issues(html);
  assert.deepEqual(r.errors, [], r.errors.join("; "));
  assert.equal(r.items.length, cards.length);
  summary.push(`live page, ${cards.length} cards: ${r.errors.length} errors, ${r.warnings.length} warnings`);
  await context.close();
});
