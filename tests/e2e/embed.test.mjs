// The embed forms: classic and module scripts, the custom element and the data-
// attribute div, inline and remote data, the fallback, the double script, single-
// page-app additions and re-adding, both themes with the host toggle, both
// languages, and the JSON-LD content checked field by field.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, page, open, cardsRendered, SAMPLE_JSON } from "./lib.mjs";

let env;
before(async () => {
  env = await setup();
  env.server.routes["/review.json"] = (req, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end(SAMPLE_JSON); };
});
after(async () => env.close());

const html = (head, body, lang = "en") => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;
const inline = (json = SAMPLE_JSON) => `<script type="application/json">${json}</script>`;
const title = (tab, sel = "review-card") => tab.evaluate((s) => document.querySelector(s).shadowRoot.querySelector(".title").textContent, sel);

test("classic async script, custom element with src", async () => {
  const url = page(env.server, "/e-classic.html", html('<script src="/embed.js" async></script>', '<review-card src="/review.json"><a href="/r">Fallback</a></review-card>'));
  const { tab, context } = await open(env.browser, url);
  await cardsRendered(tab, 1);
  assert.equal(await title(tab), "Rust & Bone");
  await context.close();
});

test("module script, inline JSON", async () => {
  const url = page(env.server, "/e-module.html", html('<script type="module" src="/embed.js"></script>', `<review-card>${inline()}</review-card>`));
  const { tab, context } = await open(env.browser, url);
  await cardsRendered(tab, 1);
  assert.equal(await title(tab), "Rust & Bone");
  await context.close();
});

test("a <div data-review-card data-src> for editors that strip unknown tags", async () => {
  const url = page(env.server, "/e-div.html", html('<script src="/embed.js" async></script>', '<div data-review-card data-src="/review.json" data-theme="dark" data-lang="fr"></div>'));
  const { tab, context } = await open(env.browser, url);
  await cardsRendered(tab, 1);
  const r = await tab.evaluate(() => {
    const root = document.querySelector("[data-review-card]").shadowRoot;
    return { title: root.querySelector(".title").textContent, theme: root.querySelector(".card").dataset.theme, score: root.querySelector(".score").getAttribute("aria-label") };
  });
  assert.deepEqual(r, { title: "Rust & Bone", theme: "dark", score: "Note : 7,2 sur 10" });
  await context.close();
});

test("the fallback content shows until the card renders, and without JavaScript", async () => {
  const url = page(env.server, "/e-nojs.html", html('<script src="/embed.js" async></script>', '<review-card src="/review.json"><a href="/r">Read our review of Rust &amp; Bone</a></review-card>'));
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const tab = await context.newPage();
  await tab.goto(url);
  const link = await tab.evaluate(() => { const a = document.querySelector("review-card a"); const r = a.getBoundingClientRect(); return { text: a.textContent, visible: r.width > 0 && r.height > 0 }; });
  assert.deepEqual(link, { text: "Read our review of Rust & Bone", visible: true });
  await context.close();
});

test("loading the script twice defines one element and renders each card once", async () => {
  const url = page(env.server, "/e-twice.html", html('<script src="/embed.js"></script><script type="module" src="/embed.js?v=2"></script>', `<review-card>${inline()}</review-card>`));
  const { tab, log, context } = await open(env.browser, url);
  await cardsRendered(tab, 1);
  await tab.waitForTimeout(200);
  const r = await tab.evaluate(() => ({ articles: document.querySelector("review-card").shadowRoot.querySelectorAll("article").length, ld: document.querySelectorAll("review-card > script[data-review-card-generated]").length }));
  assert.deepEqual(r, { articles: 1, ld: 1 });
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("cards added later (single-page app), removed and re-added", async () => {
  const url = page(env.server, "/e-spa.html", html('<script src="/embed.js"></script>', "<main id=app></main>"));
  const { tab, log, context } = await open(env.browser, url);
  await tab.evaluate((json) => {
    const app = document.getElementById("app");
    const card = document.createElement("review-card");
    card.innerHTML = `<script type="application/json">${json}<\/script>`;
    app.appendChild(card);
    const div = document.createElement("div");
    div.setAttribute("data-review-card", "");
    div.setAttribute("data-src", "/review.json");
    app.appendChild(div);
  }, SAMPLE_JSON);
  await cardsRendered(tab, 2);
  const again = await tab.evaluate(async () => {
    const card = document.querySelector("review-card");
    card.remove();
    document.getElementById("app").appendChild(card);
    await new Promise((r) => setTimeout(r, 100));
    return { articles: card.shadowRoot.querySelectorAll("article").length, title: card.shadowRoot.querySelector(".title").textContent };
  });
  assert.deepEqual(again, { articles: 1, title: "Rust & Bone" });
  // Changing an attribute re-renders in place.
  await tab.evaluate(() => document.querySelector("review-card").setAttribute("lang", "fr"));
  await tab.waitForFunction(() => document.querySelector("review-card").shadowRoot.querySelector(".score").getAttribute("aria-label") === "Note : 7,2 sur 10");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("themes: light, dark, and auto following the host's dark class and data-theme", async () => {
  const cards = `<review-card id=l theme=light>${inline()}</review-card><review-card id=d theme=dark>${inline()}</review-card><review-card id=a>${inline()}</review-card>`;
  const url = page(env.server, "/e-theme.html", html('<script src="/embed.js"></script>', cards));
  const { tab, context } = await open(env.browser, null);
  await tab.emulateMedia({ colorScheme: "light" });
  await tab.goto(url);
  await cardsRendered(tab, 3);
  const bg = (id) => tab.evaluate((id) => getComputedStyle(document.getElementById(id).shadowRoot.querySelector(".card")).backgroundColor, id);
  const LIGHT = "rgb(255, 255, 255)", DARK = "rgb(28, 29, 32)";
  assert.equal(await bg("l"), LIGHT);
  assert.equal(await bg("d"), DARK);
  assert.equal(await bg("a"), LIGHT);
  await tab.evaluate(() => document.documentElement.classList.add("dark"));
  await tab.waitForFunction(() => getComputedStyle(document.getElementById("a").shadowRoot.querySelector(".card")).backgroundColor === "rgb(28, 29, 32)");
  assert.equal(await bg("l"), LIGHT, "a fixed theme ignores the host");
  // A card added later takes the page's theme as the observer last saw it.
  await tab.evaluate((card) => { document.body.insertAdjacentHTML("beforeend", card); document.getElementById("late").scrollIntoView(); }, `<review-card id=late>${inline()}</review-card>`);
  await cardsRendered(tab, 4);
  assert.equal(await bg("late"), DARK, "a card added while the page is dark starts dark");
  await tab.evaluate(() => { document.documentElement.classList.remove("dark"); document.body.dataset.theme = "dark"; });
  await tab.waitForFunction(() => getComputedStyle(document.getElementById("a").shadowRoot.querySelector(".card")).backgroundColor === "rgb(28, 29, 32)");
  await tab.evaluate(() => { document.body.dataset.theme = "light"; });
  assert.equal(await bg("a"), LIGHT);
  // A dark OS with a host that says light stays light; without a host preference it goes dark.
  await tab.emulateMedia({ colorScheme: "dark" });
  assert.equal(await bg("a"), LIGHT);
  await tab.evaluate(() => { delete document.body.dataset.theme; });
  await tab.waitForFunction(() => getComputedStyle(document.getElementById("a").shadowRoot.querySelector(".card")).backgroundColor === "rgb(28, 29, 32)");
  // Custom properties theme the card from the host page.
  await tab.addStyleTag({ content: "#l { --review-card-bg: rgb(1, 2, 3); --review-card-radius: 0px; }" });
  assert.equal(await bg("l"), "rgb(1, 2, 3)");
  await context.close();
});

test("languages: the lang attribute, then the data's lang, then the page's", async () => {
  const noLang = JSON.stringify({ title: "x", score: 7.2, published: "2012-11-16" });
  const frData = JSON.stringify({ title: "x", score: 7.2, lang: "fr" });
  const cards = `<review-card id=attr lang=fr>${inline(noLang)}</review-card><review-card id=data>${inline(frData)}</review-card><review-card id=page>${inline(noLang)}</review-card>`;
  const url = page(env.server, "/e-lang.html", html('<script src="/embed.js"></script>', cards, "fr-CA"));
  const { tab, context } = await open(env.browser, url);
  await cardsRendered(tab, 3);
  const r = await tab.evaluate(() => ["attr", "data", "page"].map((id) => {
    const root = document.getElementById(id).shadowRoot;
    return [root.querySelector(".score").getAttribute("aria-label"), root.querySelector(".kind").textContent, root.querySelector("time")?.textContent ?? null];
  }));
  assert.deepEqual(r, [
    ["Note : 7,2 sur 10", "Critique", "16 novembre 2012"],
    ["Note : 7,2 sur 10", "Critique", null],
    ["Note : 7,2 sur 10", "Critique", "16 novembre 2012"],
  ]);
  await context.close();
});

test("JSON-LD in the light DOM, field by field; json-ld=off turns it off", async () => {
  const data = JSON.stringify({ ...JSON.parse(SAMPLE_JSON), published: "2012-11-16", url: "https://example.com/rust-and-bone", author: { name: "Piers Marchant", url: "https://example.com/piers" } });
  const url = page(env.server, "/e-ld.html", html('<script src="/embed.js"></script>', `<review-card id=on>${inline(data)}</review-card><review-card id=off json-ld=off>${inline(data)}</review-card>`));
  const { tab, context } = await open(env.browser, url);
  await cardsRendered(tab, 2);
  const ld = await tab.evaluate(() => [...document.querySelectorAll('#on > script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)));
  assert.equal(ld.length, 1);
  const v = ld[0];
  assert.equal(v["@context"], "https://schema.org");
  assert.equal(v["@type"], "Review");
  assert.deepEqual(v.itemReviewed, { "@type": "Movie", name: "Rust & Bone", director: { "@type": "Person", name: "Jacques Audiard" } });
  assert.deepEqual(v.reviewRating, { "@type": "Rating", ratingValue: 7.2, bestRating: 10, worstRating: 0 });
  assert.deepEqual(v.author, { "@type": "Person", name: "Piers Marchant", url: "https://example.com/piers" });
  assert.equal(v.datePublished, "2012-11-16");
  assert.equal(v.url, "https://example.com/rust-and-bone");
  assert.equal(v.inLanguage, "en");
  assert.ok(v.reviewBody.startsWith("There is a watery trope"));
  assert.equal(await tab.evaluate(() => document.querySelectorAll('#off > script[type="application/ld+json"]').length), 0);
  await context.close();
});

test("a page's existing schema.org Review markup renders as a card", async () => {
  const ldInput = JSON.stringify({ "@context": "https://schema.org", "@type": "Review", itemReviewed: { "@type": "Book", name: "Le Petit Prince" }, reviewRating: { "@type": "Rating", ratingValue: "4", bestRating: "5" }, author: "A. Reader", reviewBody: "Lovely." });
  const url = page(env.server, "/e-ldin.html", html('<script src="/embed.js"></script>', `<review-card><script type="application/ld+json">${ldInput}</script></review-card>`));
  const { tab, context } = await open(env.browser, url);
  await cardsRendered(tab, 1);
  const r = await tab.evaluate(() => { const root = document.querySelector("review-card").shadowRoot; return [root.querySelector(".title").textContent, root.querySelector(".kind").textContent, root.querySelector(".score").getAttribute("aria-label")]; });
  assert.deepEqual(r, ["Le Petit Prince", "Book", "Score: 4 out of 5"]);
  await context.close();
});

test("an error in one card dispatches review-card:error and leaves the others working", async () => {
  const url = page(env.server, "/e-error.html", html('<script src="/embed.js"></script>', `<review-card id=bad>${inline('{"title":""}')}</review-card><review-card id=good>${inline()}</review-card>`));
  const { tab, log, context } = await open(env.browser, null);
  await tab.addInitScript(() => { window.__e = []; document.addEventListener("review-card:error", (e) => window.__e.push(e.target.id + ": " + e.detail.message)); });
  await tab.goto(url);
  await cardsRendered(tab, 1);
  await tab.waitForFunction(() => window.__e.length === 1);
  assert.deepEqual(await tab.evaluate(() => window.__e), ["bad: title: must not be empty"]);
  assert.equal(log.console.filter((m) => m.startsWith("error: [review-card]")).length, 1);
  await context.close();
});

test("the CLI's static fragment displays styled and complete with JavaScript disabled", async () => {
  const { execFileSync } = await import("node:child_process");
  const fragment = execFileSync("cargo", ["run", "--quiet", "--bin", "review-card", "--", "tests/fixtures/rust-and-bone.json"], { encoding: "utf8" });
  const url = page(env.server, "/e-static.html", html("", `<main>${fragment}</main>`));
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const tab = await context.newPage();
  await tab.goto(url);
  const r = await tab.evaluate(() => {
    const root = document.querySelector("review-card").shadowRoot;
    const body = root.querySelector(".body");
    return {
      title: root.querySelector(".title").textContent,
      badge: getComputedStyle(root.querySelector(".score")).backgroundColor,
      bodyShown: body.getBoundingClientRect().height > 200,
      lastWords: body.textContent.trim().slice(-18),
      ld: JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent).itemReviewed.name,
    };
  });
  assert.deepEqual(r, { title: "Rust & Bone", badge: "rgb(23, 97, 42)", bodyShown: true, lastWords: "feels duly earned.", ld: "Rust & Bone" });
  await context.close();
});

test("every attribute re-renders when it changes; several changes in one task render once", async () => {
  env.server.routes["/other.json"] = (req, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end(JSON.stringify({ title: "Drive", score: 8 })); };
  const url = page(env.server, "/e-attrs.html", html('<script src="/embed.js"></script>', '<review-card id=c src="/review.json"></review-card>'));
  const { tab, log, context } = await open(env.browser, null);
  await tab.addInitScript(() => { window.__ready = 0; document.addEventListener("review-card:ready", () => window.__ready++); });
  await tab.goto(url);
  await tab.waitForFunction(() => window.__ready === 1);
  const probe = (js) => tab.evaluate(`(() => { const root = document.getElementById("c").shadowRoot; const host = document.getElementById("c"); return ${js}; })()`);
  const CASES = [
    ["lang", "fr", 'root.querySelector(".score").getAttribute("aria-label")', "Note : 7,2 sur 10"],
    ["theme", "dark", 'root.querySelector(".card").dataset.theme', "dark"],
    ["heading-level", "4", 'root.querySelector(".title").tagName', "H4"],
    ["comments", "", '!!root.querySelector("form.form")', true],
    ["comments-endpoint", "/wp-json/wp/v2/comments", 'root.querySelector("form.form").getAttribute("action")', "/wp-json/wp/v2/comments"],
    ["comments-mode", "form", 'root.querySelector("form.form").dataset.mode', "form"],
    ["comments-post-id", "42", 'root.querySelector("[name=comment_post_ID]")?.value ?? root.querySelector("form.form").outerHTML.includes("42")', true],
    ["comments-min-fill-ms", "1234", 'root.querySelector("form.form").dataset.minFill', "1234"],
    ["comments-timeout-ms", "4321", 'root.querySelector("form.form").dataset.timeout', "4321"],
    ["timeout", "5000", "window.__ready > 0", true],
    ["json-ld", "off", 'host.querySelectorAll("script[data-review-card-generated]").length', 0],
    ["src", "/other.json", 'root.querySelector(".title").textContent', "Drive"],
  ];
  for (const [name, value, js, expected] of CASES) {
    const before = await tab.evaluate(() => window.__ready);
    await tab.evaluate(([n, v]) => document.getElementById("c").setAttribute(n, v), [name, value]);
    await tab.waitForFunction((b) => window.__ready > b, before);
    let got = await probe(js);
    if (name === "comments-post-id" && got === "42") got = true;
    assert.deepEqual(got, expected, `${name}="${value}"`);
  }
  // Three changes in one task: one render, with all three applied.
  const before = await tab.evaluate(() => window.__ready);
  await tab.evaluate(() => { const c = document.getElementById("c"); c.setAttribute("lang", "en"); c.setAttribute("theme", "light"); c.setAttribute("heading-level", "3"); });
  await tab.waitForFunction((b) => window.__ready > b, before);
  await tab.waitForTimeout(300);
  assert.equal(await tab.evaluate(() => window.__ready), before + 1, "one render for three changes");
  assert.deepEqual(await probe('[root.querySelector(".score").getAttribute("aria-label"), root.querySelector(".card").dataset.theme, root.querySelector(".title").tagName]'), ["Score: 8 out of 10", "light", "H3"]);
  // The same, on the <div data-review-card> form.
  await tab.evaluate(() => { const d = document.createElement("div"); d.id = "d"; d.setAttribute("data-review-card", ""); d.setAttribute("data-src", "/review.json"); document.body.appendChild(d); });
  await tab.waitForFunction(() => document.getElementById("d").shadowRoot?.querySelector(".title"));
  await tab.evaluate(() => document.getElementById("d").setAttribute("data-lang", "fr"));
  await tab.waitForFunction(() => document.getElementById("d").shadowRoot.querySelector(".score").getAttribute("aria-label") === "Note : 7,2 sur 10");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("the latest src wins over an older response still in flight", async () => {
  let releaseSlow;
  const slowArrived = new Promise((r) => { env.server.routes["/slow.json"] = (req, res) => { r(); releaseSlow = () => { res.writeHead(200, { "content-type": "application/json" }); res.end(JSON.stringify({ title: "Slow and old" })); }; }; });
  env.server.routes["/fast.json"] = (req, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end(JSON.stringify({ title: "Fast and new" })); };
  const url = page(env.server, "/e-race.html", html('<script src="/embed.js"></script>', '<review-card id=r src="/slow.json"></review-card>'));
  const { tab, log, context } = await open(env.browser, url);
  await slowArrived;
  await tab.evaluate(() => document.getElementById("r").setAttribute("src", "/fast.json"));
  await tab.waitForFunction(() => document.getElementById("r").shadowRoot.querySelector(".title")?.textContent === "Fast and new");
  releaseSlow();
  await tab.waitForTimeout(400);
  assert.equal(await tab.evaluate(() => document.getElementById("r").shadowRoot.querySelector(".title").textContent), "Fast and new");
  assert.deepEqual(log.console.filter((m) => m.includes("[review-card]")), []);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
