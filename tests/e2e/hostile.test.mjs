// Hostile hosts: aggressive CSS, redefined globals, and 200 cards on one page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, page, doc, open, cardsRendered, SAMPLE_JSON } from "./lib.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => env.close());

const CARD = `<review-card comments><script type="application/json">${SAMPLE_JSON}</script><p>fallback</p></review-card>`;

/** In the page: is every card readable (visible, sane sizes, working disclosure)? */
const READABLE = () => [...document.querySelectorAll("review-card")].map((c) => {
  const root = c.shadowRoot;
  const title = root.querySelector(".title");
  const t = getComputedStyle(title);
  const card = root.querySelector(".card").getBoundingClientRect();
  const button = root.querySelector("button.more");
  button.click();
  const opened = root.querySelector(".body").getBoundingClientRect().height > 0;
  button.click();
  return {
    title: title.textContent,
    fontPx: parseFloat(t.fontSize),
    color: t.color,
    visible: card.width > 200 && card.height > 100,
    direction: getComputedStyle(root.querySelector(".card")).direction,
    opened,
  };
});

test("aggressive host CSS cannot break the card", async () => {
  const css = `<style>
    * { all: unset !important; }
    html { font-size: 12px !important; direction: rtl !important; }
    body * { display: none !important; color: red !important; font-size: 80px !important; visibility: hidden !important; }
    review-card { display: none !important; opacity: 0 !important; }
    article, p, button, h2, div, span, a, form, input, textarea { display: none !important; position: fixed !important; }
    </style>`;
  const url = page(env.server, "/hostile-css.html", doc(CARD, { head: css }));
  const { tab, context } = await open(env.browser, url);
  await cardsRendered(tab, 1);
  const [r] = await tab.evaluate(READABLE);
  assert.equal(r.title, "Rust & Bone");
  assert.ok(r.visible, "the card is visible");
  assert.ok(r.fontPx >= 14 && r.fontPx <= 30, `title size ${r.fontPx}px is readable`);
  assert.notEqual(r.color, "rgb(255, 0, 0)");
  assert.equal(r.direction, "ltr");
  assert.ok(r.opened, "read more works");
  await context.close();
});

test("huge host fonts scale the card without breaking it", async () => {
  const url = page(env.server, "/hostile-font.html", doc(CARD, { head: "<style>html{font-size:40px}</style>" }));
  const { tab, context } = await open(env.browser, url, { viewport: { width: 800, height: 800 } });
  await cardsRendered(tab, 1);
  const [r] = await tab.evaluate(READABLE);
  assert.ok(r.fontPx >= 50, `title grows with the page (${r.fontPx}px)`);
  const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
  await context.close();
});

test("a host that redefines common globals", async () => {
  const head = `<script src="/hostile-globals.js"></script>`;
  env.server.routes["/hostile-globals.js"] = (req, res) => {
    res.writeHead(200, { "content-type": "text/javascript" });
    res.end(`
      window.define = function () { throw new Error("AMD define called"); }; window.define.amd = {};
      window.module = { exports: {} }; window.exports = {}; window.require = function () { throw new Error("require called"); };
      window.process = { env: { NODE_ENV: "production" } }; window.global = window; window.$ = function () { return null; };
      Object.prototype.comments = true; Object.prototype.theme = "neon"; Object.prototype.title = "polluted";
      Array.prototype.forEach = function () { throw new Error("host forEach"); };
      Array.prototype.map = function () { throw new Error("host map"); };
      NodeList.prototype.forEach = function () { throw new Error("host NodeList.forEach"); };
      window.reviewCard = "host value";
    `);
  };
  const url = page(env.server, "/hostile-globals.html", doc(CARD.replace(" comments", ""), { head }));
  const { tab, log, context } = await open(env.browser, null);
  await tab.addInitScript(() => {}); // keep the recorder
  await tab.goto(url);
  await cardsRendered(tab, 1);
  const r = await tab.evaluate(() => {
    const root = document.querySelector("review-card").shadowRoot;
    return { title: root.querySelector(".title").textContent, theme: root.querySelector(".card").dataset.theme, form: !!root.querySelector("form") };
  });
  assert.deepEqual(r, { title: "Rust & Bone", theme: "auto", form: false });
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("200 cards on one page all render and stay readable", async () => {
  const cards = Array.from({ length: 200 }, (_, i) =>
    `<review-card><script type="application/json">${JSON.stringify({ title: "Review " + (i + 1), kind: "film", score: (i % 11), body: "One. Two three four five six seven eight nine ten. ".repeat(10) })}</script></review-card>`).join("");
  const url = page(env.server, "/hostile-200.html", doc(`<main>${cards}</main>`));
  const { tab, log, context } = await open(env.browser, url);
  await cardsRendered(tab, 1);
  const before = await tab.evaluate(() => [...document.querySelectorAll("review-card")].filter((c) => c.shadowRoot && c.shadowRoot.querySelector("article")).length);
  assert.ok(before < 200, `cards far below the fold wait (${before} rendered at first)`);
  for (let y = 0; y < 200; y++) {
    await tab.evaluate(() => window.scrollBy(0, window.innerHeight));
    const done = await tab.evaluate(() => [...document.querySelectorAll("review-card")].every((c) => c.shadowRoot && c.shadowRoot.querySelector("article")));
    if (done) break;
    await tab.waitForTimeout(20);
  }
  await cardsRendered(tab, 200);
  const titles = await tab.evaluate(() => [...document.querySelectorAll("review-card")].map((c) => c.shadowRoot.querySelector(".title").textContent));
  assert.equal(titles.length, 200);
  assert.equal(titles[199], "Review 200");
  assert.deepEqual(log.pageErrors, []);
  console.log(`# hostile: 200 cards rendered (${before} before scrolling)`);
  await context.close();
});

test("a host that rewrites the form's IDs into broken selectors gets no error", async () => {
  const url = page(env.server, "/hostile-ids.html", doc(CARD));
  const { tab, log, context } = await open(env.browser, url);
  await cardsRendered(tab, 1);
  const root = (sel) => tab.locator("review-card").locator(sel);
  await root("button.submit").click();
  await tab.waitForFunction(() => !document.querySelector("review-card").shadowRoot.querySelector(".summary").hidden);
  // The page turns the comment field's ID (and the summary's link to it) into text
  // that would break a CSS selector built from it.
  await tab.evaluate(() => {
    const r = document.querySelector("review-card").shadowRoot;
    const id = r.querySelector("textarea").id;
    r.querySelector("textarea").id = 'x"] *';
    r.querySelector(`.summary a[data-for="${id}"]`).dataset.for = 'x"] *';
  });
  await root(".summary a").first().click();
  const focused = await tab.evaluate(() => document.querySelector("review-card").shadowRoot.activeElement?.tagName);
  await root("textarea").fill("A bruising, tender film.");
  const invalid = await tab.evaluate(() => document.querySelector("review-card").shadowRoot.querySelector("textarea").getAttribute("aria-invalid"));
  assert.equal(focused, "TEXTAREA", "the summary link still reaches its field");
  assert.equal(invalid, null, "the fixed field's error still clears");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
