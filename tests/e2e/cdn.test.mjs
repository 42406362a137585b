// The blogger's path, from the packed tarball only: unpacked and served as a CDN
// serves a package (/npm/review-card@VERSION/…, Access-Control-Allow-Origin: *) on
// one 127.0.0.1 port, a blog on another with the README's two lines. Also: the
// wasm and the review JSON are requested in parallel, and without the CORS header
// the one console message names CORS and the fallback shows in no reserved space.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { launch } from "./browser.mjs";
import { packed } from "./tarball.mjs";
import { SAMPLE_JSON } from "./lib.mjs";

const TYPES = { ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json", ".ts": "text/plain", ".md": "text/markdown" };
const pkg = packed();
const servers = [];
let browser;

function listen(handler) {
  const server = http.createServer(handler);
  servers.push(server);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}`)));
}

/** A CDN serving the unpacked tarball; `hooks[file]` may delay a file's answer. */
function cdn({ cors, hooks = {} }) {
  const prefix = `/npm/${pkg.name}@${pkg.version}`;
  return listen(async (req, res) => {
    const url = new URL(req.url, "http://x");
    let rel = url.pathname === prefix || url.pathname === prefix + "/" ? "embed.js" : url.pathname.startsWith(prefix + "/") ? url.pathname.slice(prefix.length + 1) : null;
    const file = rel && path.join(pkg.unpacked, rel);
    if (!file || !file.startsWith(pkg.unpacked) || !fs.existsSync(file)) { res.writeHead(404, { "content-type": "text/plain" }).end("not found"); return; }
    if (hooks[rel]) await hooks[rel]();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store", ...(cors ? { "access-control-allow-origin": "*" } : {}) });
    res.end(fs.readFileSync(file));
  });
}

/** The blog: `pages[path]` HTML, and the review JSON (after `beforeJson`). */
function blog(pages, beforeJson) {
  return listen(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (url.pathname === "/reviews/rust-and-bone.json") {
      if (beforeJson) await beforeJson();
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(SAMPLE_JSON);
      return;
    }
    if (url.pathname === "/favicon.ico") { res.writeHead(204).end(); return; }
    const html = pages[url.pathname];
    if (!html) { res.writeHead(404).end(); return; }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
  });
}

// The README's two lines, with the CDN's origin in place of https://cdn.jsdelivr.net.
const post = (script, attrs = " comments") => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My film blog</title>
${script}
</head><body><h1>Rust &amp; Bone</h1>
<review-card src="/reviews/rust-and-bone.json"${attrs}>
  <a href="/reviews/rust-and-bone">Rust &amp; Bone: our review (7.2/10)</a>
</review-card>
<p id="after">The next paragraph of the post.</p></body></html>`;

let cdnUrl, blogUrl, noCorsUrl;
// Each resolves when its request arrives; the wasm's answer waits for the JSON's
// request and the JSON's for the wasm's, so the page only loads if neither request
// waits for the other's answer.
let arrived;
const make = () => { let r; const p = new Promise((res) => { r = res; }); return { p, r }; };
function resetArrivals() {
  arrived = { wasm: make(), json: make() };
}
// Which script of /both.html waits for the other (see `hold`), and its release.
let held = null;
let ran = make();
resetArrivals();

before(async () => {
  assert.deepEqual(fs.readdirSync(pkg.unpacked).includes("embed.js"), true, "the tarball has embed.js");
  const gate = async () => { arrived.wasm.r(); await arrived.json.p; };
  // On the page with both scripts, `held` names the one whose answer waits until
  // the other has run, so each order is tested rather than left to the race.
  const hold = (rel) => async () => { if (held === rel) await ran.p; };
  cdnUrl = await cdn({ cors: true, hooks: { "review_card_comments_bg.wasm": gate, "review_card_card_bg.wasm": gate, "review_card_bg.wasm": gate, "embed.js": hold("embed.js"), "element.js": hold("element.js") } });
  noCorsUrl = await cdn({ cors: false });
  const base = `${cdnUrl}/npm/${pkg.name}@${pkg.version}`;
  blogUrl = await blog({
    "/classic.html": post(`<script src="${base}/embed.js" async></script>`),
    "/module.html": post(`<script type="module" src="${base}/embed.js"></script>`),
    "/bare.html": post(`<script src="${base}" async></script>`),
    "/card.html": post(`<script src="${base}/embed.js" async></script>`, ""),
    "/both.html": post(`<script type="module" src="${base}/element.js"></script>\n<script src="${base}/embed.js" async></script>`),
    "/no-cors.html": post(`<script src="${noCorsUrl}/npm/${pkg.name}@${pkg.version}/embed.js" async></script>`),
  }, async () => { arrived.json.r(); await arrived.wasm.p; });
  browser = await launch();
});
after(async () => { await browser?.close(); for (const s of servers) await new Promise((r) => s.close(r)); });

async function open(pathname, waitUntil = "load") {
  resetArrivals();
  if (pathname === "/no-cors.html") arrived.wasm.r(); // that CDN has no gate
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const tab = await context.newPage();
  const log = [];
  const requests = [];
  tab.on("console", (m) => log.push(m.type() + ": " + m.text()));
  tab.on("pageerror", (e) => log.push("pageerror: " + e.message));
  tab.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await tab.goto(blogUrl + pathname, { waitUntil });
  return { tab, log, requests, context };
}

async function cardAndForm(tab) {
  await tab.waitForFunction(() => document.querySelector("review-card").shadowRoot?.querySelector("article form, article ~ form, form"), null, { timeout: 15000 });
  return tab.evaluate(() => {
    const root = document.querySelector("review-card").shadowRoot;
    return { title: root.querySelector(".title").textContent, score: root.querySelector(".score").getAttribute("aria-label"), form: !!root.querySelector("form textarea[name=comment]") };
  });
}

for (const [name, route] of [["a classic async script", "/classic.html"], ["a module script", "/module.html"], ["the package's bare URL (jsdelivr/unpkg field)", "/bare.html"]]) {
  test(`the card and its form render from the CDN as ${name}`, async () => {
    const { tab, log, requests, context } = await open(route);
    assert.deepEqual(await cardAndForm(tab), { title: "Rust & Bone", score: "Score: 7.2 out of 10", form: true });
    // One script: the embed script and the wasm from the CDN, the JSON from the blog.
    const fromCdn = requests.filter((r) => r.startsWith("/npm/"));
    assert.deepEqual(fromCdn.map((r) => r.replace(/^\/npm\/[^/]+/, "")).sort(), route === "/bare.html" ? ["", "/review_card_comments_bg.wasm"] : ["/embed.js", "/review_card_comments_bg.wasm"]);
    assert.deepEqual(log.filter((m) => /error|\[review-card\]/.test(m)), []);
    await context.close();
  });
}

test("a card without comments loads the card-only wasm; given comments later, the full one takes over", async () => {
  const { tab, log, requests, context } = await open("/card.html");
  await tab.waitForFunction(() => document.querySelector("review-card").shadowRoot?.querySelector("article"), null, { timeout: 15000 });
  const wasm = () => requests.filter((r) => r.endsWith(".wasm")).map((r) => r.replace(/^.*\//, ""));
  assert.deepEqual(wasm(), ["review_card_card_bg.wasm"]);
  assert.equal(await tab.evaluate(() => !!document.querySelector("review-card").shadowRoot.querySelector("form")), false);
  // The blogger turns comments on (or an app sets the attribute): the card re-renders
  // on the full build, with its form, and "Read more" still opens on one click (the
  // card-only build let go of its listeners).
  await tab.evaluate(() => document.querySelector("review-card").setAttribute("comments", ""));
  assert.equal((await cardAndForm(tab)).form, true);
  assert.deepEqual(wasm(), ["review_card_card_bg.wasm", "review_card_comments_bg.wasm"]);
  await tab.evaluate(() => document.querySelector("review-card").shadowRoot.querySelector("button.more").click());
  assert.equal(await tab.evaluate(() => document.querySelector("review-card").shadowRoot.querySelector("button.more").getAttribute("aria-expanded")), "true");
  assert.deepEqual(log.filter((m) => /error|\[review-card\]/.test(m)), []);
  await context.close();
});

test("without Access-Control-Allow-Origin the one console message names CORS and the URL; the fallback shows with no gap", async () => {
  const { tab, log, context } = await open("/no-cors.html");
  const wasmUrl = `${noCorsUrl}/npm/${pkg.name}@${pkg.version}/review_card_comments_bg.wasm`;
  for (let i = 0; i < 100 && !log.some((m) => m.includes("[review-card]")); i++) await tab.waitForTimeout(100);
  await tab.waitForFunction(() => !document.querySelector("review-card").hasAttribute("aria-busy"));
  await tab.waitForTimeout(200); // nothing else arrives
  const ours = log.filter((m) => m.includes("[review-card]"));
  assert.equal(ours.length, 1, log.join("\n"));
  assert.match(ours[0], /CORS/);
  assert.ok(ours[0].includes(wasmUrl), ours[0]);
  assert.match(ours[0], /Access-Control-Allow-Origin/);
  const r = await tab.evaluate(() => {
    const host = document.querySelector("review-card");
    const link = host.querySelector("a");
    const h = host.getBoundingClientRect(), a = link.getBoundingClientRect(), next = document.getElementById("after").getBoundingClientRect();
    return { text: link.textContent, visible: a.width > 0 && a.height > 0, hostHeight: Math.round(h.height), linkHeight: Math.round(a.height), gapBelow: Math.round(next.top - a.bottom) };
  });
  assert.equal(r.text, "Rust & Bone: our review (7.2/10)");
  assert.ok(r.visible);
  assert.ok(r.hostHeight <= r.linkHeight + 2, `the host is no taller than its fallback: ${JSON.stringify(r)}`);
  assert.ok(r.gapBelow < 40, `no blank space reserved below the fallback: ${JSON.stringify(r)}`);
  await context.close();
});

for (const [first, second] of [["element.js", "embed.js"], ["embed.js", "element.js"]]) {
  test(`review-card/element beside the embed script, ${first} running first: one element, each card rendered once`, async () => {
    held = second;
    ran = make();
    const { tab, log, requests, context } = await open("/both.html", "commit"); // "load" waits for the held script
    // The first script has run once it has asked for its wasm; then the second may load.
    const firstWasm = first === "embed.js" ? "review_card_comments_bg.wasm" : "review_card_bg.wasm";
    for (let i = 0; i < 150 && !requests.some((r) => r.endsWith("/" + firstWasm)); i++) await tab.waitForTimeout(100);
    ran.r();
    assert.deepEqual(await cardAndForm(tab), { title: "Rust & Bone", score: "Score: 7.2 out of 10", form: true });
    await tab.waitForFunction(() => !!window.__reviewCardLoader && performance.getEntriesByType("resource").filter((e) => /\/(embed|element)\.js$/.test(e.name)).length === 2, null, { timeout: 15000 });
    await tab.waitForTimeout(300);
    assert.deepEqual(await tab.evaluate(() => ({ articles: document.querySelector("review-card").shadowRoot.querySelectorAll("article").length, ld: document.querySelectorAll("review-card > script[data-review-card-generated]").length })), { articles: 1, ld: 1 });
    // Only the first script's wasm was fetched: the second did nothing.
    assert.deepEqual(requests.filter((r) => r.endsWith(".wasm")).map((r) => r.replace(/^.*\//, "")), [firstWasm]);
    assert.deepEqual(log.filter((m) => /error|\[review-card\]/.test(m)), []);
    held = null;
    await context.close();
  });
}
