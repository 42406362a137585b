// The cover image and the stars in a real browser: the space reserved before the
// image loads (measured with the Layout Instability API), the placeholder when it
// fails, refused URLs, 320 px, axe in both themes, forced colors.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { setup, page, doc, open, cardsRendered, axe, SAMPLE_JSON, WWW } from "./lib.mjs";

let env;
let held = [];
const release = () => { for (const answer of held.splice(0)) answer(); };
const POSTER = fs.readFileSync(path.join(WWW, "rust-and-bone-poster.svg"));
const measured = [];
before(async () => {
  env = await setup();
  // The poster, held until the test releases it: the page is on screen well before
  // the image paints, however slow the machine.
  env.server.routes["/held-poster.svg"] = (req, res) => {
    held.push(() => { res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "no-store" }); res.end(POSTER); });
  };
  env.server.routes["/missing-poster.svg"] = (req, res) => { res.writeHead(404, { "content-type": "text/plain" }); res.end("gone"); };
});
after(async () => {
  await env.close();
  for (const m of measured) console.log(`# image: ${m}`);
});

const sample = JSON.parse(SAMPLE_JSON);
const ALT = "Poster: the title Rust & Bone over dark blue waves";
function review(image, extra = {}) {
  return JSON.stringify({ ...sample, image, ...extra }).replace(/</g, "\\u003c");
}
function cardPage(json, attrs = "", after = "<p id=below>Text under the card.</p>") {
  return doc(`<main><h1>Reviews</h1><review-card ${attrs}><script type="application/json">${json}</script></review-card>${after}</main>`);
}
// Records layout shifts (not caused by input) from the start of the page.
const SHIFTS = () => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ value: e.value, t: e.startTime });
  }).observe({ type: "layout-shift", buffered: true });
};
const frames = (tab) => tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

function geometry(tab) {
  return tab.evaluate(() => {
    const root = document.querySelector("review-card").shadowRoot;
    const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height, bottom: r.bottom, right: r.right }; };
    const img = root.querySelector(".image img");
    return {
      img: box(img), frame: box(root.querySelector(".image")), head: box(root.querySelector(".head")),
      title: box(root.querySelector(".title")), below: box(document.getElementById("below")),
      card: box(root.querySelector(".card")), loaded: img.complete && img.naturalWidth > 0,
      alt: img.getAttribute("alt"), loading: img.getAttribute("loading"), decoding: img.getAttribute("decoding"),
      scrollWidth: document.documentElement.scrollWidth,
    };
  });
}

test("the image renders with its alt, loads lazily, and its space is reserved: no layout shift when it paints", async () => {
  const url = page(env.server, "/img-cls.html", cardPage(review({ src: "/held-poster.svg", alt: ALT, width: 200, height: 300 })));
  const { tab, context } = await open(env.browser, null);
  await tab.addInitScript(SHIFTS);
  await tab.goto(url, { waitUntil: "domcontentloaded" }); // the load event would wait for the held image
  await cardsRendered(tab);
  await frames(tab);
  const before = await geometry(tab);
  assert.equal(before.loaded, false, "the poster is still on its way (held by the server)");
  assert.equal(before.alt, ALT);
  assert.equal(before.loading, "lazy");
  assert.equal(before.decoding, "async");
  assert.ok(Math.abs(before.img.h - before.img.w * 1.5) < 1, `2:3 reserved before load: ${before.img.w}x${before.img.h}`);
  const shiftsBefore = await tab.evaluate(() => window.__shifts.length);
  release();
  await tab.waitForFunction(() => { const i = document.querySelector("review-card").shadowRoot.querySelector(".image img"); return i.complete && i.naturalWidth > 0; }, null, { timeout: 10000 });
  await frames(tab);
  await tab.waitForTimeout(200);
  const afterLoad = await geometry(tab);
  assert.deepEqual(afterLoad.img, before.img, "the image box did not move or resize");
  assert.deepEqual(afterLoad.below, before.below, "the text under the card did not move");
  const shifts = await tab.evaluate(() => window.__shifts);
  const late = shifts.slice(shiftsBefore).reduce((s, e) => s + e.value, 0);
  const total = shifts.reduce((s, e) => s + e.value, 0);
  assert.equal(late, 0, `layout shift while the image loaded: ${JSON.stringify(shifts)}`);
  measured.push(`CLS while the poster loaded: ${late}; whole page load (fallback to card included): ${total.toFixed(4)}`);
  await context.close();
});

test("the measurement can fail: an image without a reserved size shifts the text under it", async () => {
  const url = page(env.server, "/img-cls-control.html", (`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>control</title></head><body><main><h1>Control</h1><img src="/held-poster.svg" alt="x"><div id=below style="height:400px;background:#eee">Under.</div></main></body></html>`));
  const { tab, context } = await open(env.browser, null);
  await tab.addInitScript(SHIFTS);
  await tab.goto(url, { waitUntil: "domcontentloaded" }); // the load event would wait for the held image
  await frames(tab);
  release();
  await tab.waitForFunction(() => document.querySelector("img").complete && window.__shifts.length > 0, null, { timeout: 10000 }).catch(() => {});
  await frames(tab);
  const total = await tab.evaluate(() => window.__shifts.reduce((s, e) => s + e.value, 0));
  assert.ok(total > 0.05, `unreserved image shifted the page by ${total}`);
  measured.push(`control without reserved size: CLS ${total.toFixed(4)}`);
  await context.close();
});

test("a broken image shows the placeholder in the same space, keeping its alt", async () => {
  const url = page(env.server, "/img-broken.html", cardPage(review({ src: "/missing-poster.svg", alt: ALT, width: 200, height: 300 })));
  const { tab, context } = await open(env.browser, url);
  await cardsRendered(tab);
  await tab.waitForSelector("review-card >> .image[data-failed]", { timeout: 10000 });
  const s = await tab.evaluate(() => {
    const root = document.querySelector("review-card").shadowRoot;
    const frame = root.querySelector(".image"), img = frame.querySelector("img");
    const f = getComputedStyle(frame), after = getComputedStyle(frame, "::after");
    const r = img.getBoundingClientRect();
    return { border: f.borderTopStyle, opacity: getComputedStyle(img).opacity, glyph: after.content, glyphBorder: after.borderTopStyle,
      glyphWidth: parseFloat(after.width), w: r.width, h: r.height, alt: img.alt };
  });
  assert.equal(s.border, "dashed");
  assert.equal(s.opacity, "0", "no broken-image icon");
  assert.equal(s.glyph, '""');
  assert.equal(s.glyphBorder, "solid");
  assert.ok(s.glyphWidth > 20, `placeholder glyph drawn: ${s.glyphWidth}px`);
  assert.ok(Math.abs(s.h - s.w * 1.5) < 1, `space kept: ${s.w}x${s.h}`);
  assert.equal(s.alt, ALT);
  await tab.screenshot({ path: "/tmp/review-card-image-broken.png" });
  await context.close();
});

test("javascript: and data: image URLs are refused with a precise error", async () => {
  const cases = [
    ["js", "javascript:window.__pwned()", 'image: "javascript:window.__pwned()" is not allowed: use an http, https or relative URL'],
    ["data", { src: "data:image/svg+xml,%3Csvg%20onload=window.__pwned()%3E", alt: "x" }, 'image.src: "data:image/svg+xml,%3Csvg%20onload=windo…" is not allowed: use an http, https or relative URL'],
    ["noalt", { src: "/p.svg" }, 'image.alt: is required: describe the image, or use "" when the title says it all'],
  ];
  const body = cases.map(([id, image]) => `<review-card id=${id}><script type="application/json">${review(image)}</script></review-card>`).join("");
  const url = page(env.server, "/img-refused.html", doc(`<main><h1>Refused</h1>${body}</main>`));
  const { tab, context } = await open(env.browser, null);
  await tab.addInitScript(() => { window.__e = []; document.addEventListener("review-card:error", (e) => window.__e.push(e.target.id + ": " + e.detail.message)); });
  await tab.goto(url);
  await tab.waitForFunction((n) => window.__e.length === n, cases.length, { timeout: 15000 });
  assert.deepEqual((await tab.evaluate(() => window.__e)).sort(), cases.map(([id, , msg]) => `${id}: ${msg}`).sort());
  const imgs = await tab.evaluate(() => [...document.querySelectorAll("review-card")].map((h) => h.shadowRoot && h.shadowRoot.querySelectorAll("img").length));
  assert.deepEqual(imgs, [0, 0, 0]);
  assert.equal(await tab.evaluate(() => window.__xss), 0);
  await context.close();
});

test("at 320 px the image sits beside the title, nothing overflows", async () => {
  const url = page(env.server, "/img-320.html", cardPage(review({ src: "/rust-and-bone-poster.svg", alt: ALT, width: 200, height: 300 })));
  const { tab, context } = await open(env.browser, url, { viewport: { width: 320, height: 640 } });
  await cardsRendered(tab);
  await frames(tab);
  const g = await geometry(tab);
  assert.ok(g.frame.right <= g.title.x && g.title.x - g.frame.right <= 24, `image just left of the title: ${g.frame.right}, ${g.title.x}`);
  assert.ok(g.frame.y < g.title.bottom && g.title.y < g.frame.bottom, "image and title share a row");
  assert.ok(g.frame.w >= 60 && g.frame.w <= 80, `a small poster at 320 px: ${g.frame.w}px`);
  assert.ok(g.scrollWidth <= 320, `no horizontal scroll: ${g.scrollWidth}`);
  await tab.screenshot({ path: "/tmp/review-card-image-320.png" });
  await context.close();
});

test("at desktop width the image sits beside the title, the score at the end", async () => {
  const url = page(env.server, "/img-wide.html", cardPage(review({ src: "/rust-and-bone-poster.svg", alt: ALT, width: 200, height: 300 })));
  const { tab, context } = await open(env.browser, url);
  await cardsRendered(tab);
  await frames(tab);
  const g = await geometry(tab);
  const score = await tab.evaluate(() => document.querySelector("review-card").shadowRoot.querySelector(".score").getBoundingClientRect().x);
  assert.ok(g.frame.right <= g.title.x && g.title.x - g.frame.right <= 24 && g.title.right <= score, `image, title, score in a row: ${g.frame.right} ${g.title.x} ${score}`);
  // The error listener is the card's click listener: a click on the poster must not
  // read as a failed load.
  await tab.mouse.click(g.frame.x + g.frame.w / 2, g.frame.y + g.frame.h / 2);
  assert.equal(await tab.evaluate(() => document.querySelector("review-card").shadowRoot.querySelector(".image").hasAttribute("data-failed")), false, "a click is not a failure");
  await tab.screenshot({ path: "/tmp/review-card-image-wide.png" });
  await context.close();
});

for (const theme of ["light", "dark"]) {
  test(`axe: ${theme} theme with an image, a broken image and stars`, async () => {
    const body = [
      `<review-card theme=${theme}><script type="application/json">${review({ src: "/rust-and-bone-poster.svg", alt: ALT, width: 200, height: 300 })}</script></review-card>`,
      `<review-card theme=${theme}><script type="application/json">${review("/missing-poster.svg", { title: "Drive", score: { value: 4.5, max: 5 } })}</script></review-card>`,
    ].join("");
    const url = page(env.server, `/img-axe-${theme}.html`, doc(`<main><h1>Reviews</h1>${body}</main>`));
    const { tab, context } = await open(env.browser, url);
    await cardsRendered(tab, 2);
    await tab.waitForSelector("review-card >> .image[data-failed]", { timeout: 10000 });
    const r = await axe(tab);
    assert.deepEqual(r.violations, [], `${theme}: axe violations`);
    assert.ok(r.rules > 40, `axe checked ${r.rules} rules`);
    measured.push(`axe ${theme}: 0 violations over ${r.rules} rules (image, broken image, stars)`);
    await context.close();
  });
}

test("stars: the number and the words stay, and forced colors paint them", async () => {
  const json = JSON.stringify({ title: "Outer Wilds", kind: "game", score: { value: 4.5, max: 5 }, excerpt: "A solar system on a loop." });
  const url = page(env.server, "/img-stars.html", cardPage(json));
  const { tab, context } = await open(env.browser, null);
  await tab.emulateMedia({ forcedColors: "active" });
  await tab.goto(url);
  await cardsRendered(tab);
  const s = await tab.evaluate(() => {
    const root = document.querySelector("review-card").shadowRoot;
    const badge = root.querySelector(".score"), stars = root.querySelector(".stars"), fill = root.querySelector(".stars-fill");
    return {
      label: badge.getAttribute("aria-label"), role: badge.getAttribute("role"), text: badge.textContent,
      ratio: fill.getBoundingClientRect().width / stars.getBoundingClientRect().width,
      empty: getComputedStyle(stars, "::before").content, full: getComputedStyle(fill, "::before").content,
      color: getComputedStyle(stars).color, bg: getComputedStyle(badge).backgroundColor,
      forced: matchMedia("(forced-colors: active)").matches,
    };
  });
  assert.equal(s.forced, true);
  assert.equal(s.label, "Score: 4.5 out of 5");
  assert.equal(s.role, "img");
  assert.ok(s.text.includes("4.5") && s.text.includes("/5"), `the number is shown: ${s.text}`);
  assert.ok(Math.abs(s.ratio - 0.9) < 0.03, `4.5 of 5 stars filled: ${s.ratio}`);
  assert.equal(s.empty, '"☆☆☆☆☆"');
  assert.equal(s.full, '"★★★★★"');
  assert.notEqual(s.color, s.bg, "stars differ from their background in forced colors");
  await tab.screenshot({ path: "/tmp/review-card-stars-forced.png" });
  await context.close();
});
