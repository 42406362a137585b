// URLs: relative links in a review's JSON resolve against the JSON's own URL when
// it came by `src` (another path or another origin), the JSON-LD carries them
// absolute, and links to another origin than the page's get rel="nofollow ugc".
// The cover image's src resolves the same way.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, page, doc, open, cardsRendered, WWW } from "./lib.mjs";
import { serve } from "./server.mjs";

let env, other;
before(async () => { env = await setup(); other = await serve(WWW); });
after(async () => { await other.close(); await env.close(); });

const REVIEW = JSON.stringify({
  title: "Rust & Bone", url: "rust-and-bone.html", excerpt: "Short.", image: "posters/rust.svg",
  author: { name: "Piers Marchant", url: "../../critics/piers" },
});
const json = (body) => (req, res) => {
  res.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" });
  res.end(body);
};

/** In the page: each card's links (href as written, rel) and its JSON-LD urls. */
const LINKS = () => [...document.querySelectorAll("review-card")].map((c) => {
  const links = [...c.shadowRoot.querySelectorAll("a[href]")].map((a) => ({ href: a.getAttribute("href"), rel: a.getAttribute("rel") }));
  const ld = JSON.parse(c.querySelector("script[data-review-card-generated]").textContent);
  const img = c.shadowRoot.querySelector("img").getAttribute("src");
  return { id: c.id, links, img, ld: [ld.url, ld.author && ld.author.url, ld.itemReviewed.image] };
});

test("relative links resolve against the JSON's URL; third-party links get nofollow ugc", async () => {
  env.server.routes["/data/2012/rust.json"] = json(REVIEW);
  other.routes["/feeds/films/rust.json"] = json(REVIEW);
  const body = `<review-card id="same" src="/data/2012/rust.json"></review-card>` +
    `<review-card id="cross" src="${other.url}/feeds/films/rust.json"></review-card>` +
    `<review-card id="inline"><script type="application/json">${REVIEW}</script></review-card>`;
  const url = page(env.server, "/pages/post.html", doc(body));
  const { tab, log, context } = await open(env.browser, url);
  await cardsRendered(tab, 3);
  const [same, cross, inline] = await tab.evaluate(LINKS);
  const a = env.server.url, b = other.url;
  assert.deepEqual(same, {
    id: "same",
    links: [{ href: `${a}/data/2012/rust-and-bone.html`, rel: null }, { href: `${a}/critics/piers`, rel: "author" }],
    img: `${a}/data/2012/posters/rust.svg`,
    ld: [`${a}/data/2012/rust-and-bone.html`, `${a}/critics/piers`, `${a}/data/2012/posters/rust.svg`],
  });
  assert.deepEqual(cross, {
    id: "cross",
    links: [{ href: `${b}/feeds/films/rust-and-bone.html`, rel: "nofollow ugc" }, { href: `${b}/critics/piers`, rel: "author nofollow ugc" }],
    img: `${b}/feeds/films/posters/rust.svg`,
    ld: [`${b}/feeds/films/rust-and-bone.html`, `${b}/critics/piers`, `${b}/feeds/films/posters/rust.svg`],
  });
  // Inline JSON belongs to the page: its links resolve against the page.
  assert.deepEqual(inline, {
    id: "inline",
    links: [{ href: `${a}/pages/rust-and-bone.html`, rel: null }, { href: `${a}/critics/piers`, rel: "author" }],
    img: `${a}/pages/posters/rust.svg`,
    ld: [`${a}/pages/rust-and-bone.html`, `${a}/critics/piers`, `${a}/pages/posters/rust.svg`],
  });
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("renderToString resolves against baseUrl and refuses a relative one", async () => {
  const url = page(env.server, "/render-urls.html", "<!doctype html><title>r</title>");
  const { tab, context } = await open(env.browser, url);
  const r = await tab.evaluate(async (review) => {
    const m = await import("/review_card.js");
    await m.default({ module_or_path: "/review_card_bg.wasm" });
    const html = m.renderToString(review, { baseUrl: "https://reviews.example/films/2012/rust.json" });
    const plain = m.renderToString(review);
    let refused = null;
    try { m.renderToString(review, { baseUrl: "/films/rust.json" }); } catch (e) { refused = e.message; }
    return { html, plain, refused };
  }, REVIEW);
  assert.ok(r.html.includes('href="https://reviews.example/films/2012/rust-and-bone.html"'), r.html);
  assert.ok(r.html.includes('rel="author" href="https://reviews.example/critics/piers"'));
  assert.ok(r.html.includes('"url":"https://reviews.example/films/2012/rust-and-bone.html"'), "JSON-LD is absolute");
  assert.ok(r.plain.includes('href="rust-and-bone.html"'), "without baseUrl links stay as written");
  assert.equal(r.refused, "options.baseUrl: must be an absolute http or https URL");
  await context.close();
});
