// Turbo-style navigation: the page's <body> or <html> element is replaced, and the
// cards' `auto` theme and language keep following the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, page, open, cardsRendered } from "./lib.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => env.close());

const card = (id, title) => `<review-card id="${id}"><script type="application/json">{"title":"${title}","score":7,"author":"Ann","published":"2012-11-16"}</script></review-card>`;

/** In the page: each card's theme marker and language. */
const STATE = () => [...document.querySelectorAll("review-card")].map((c) => ({
  id: c.id,
  dark: c.getAttribute("data-host-theme") === "dark",
  light: c.getAttribute("data-host-theme") === "light",
  lang: c.shadowRoot?.querySelector("article")?.getAttribute("lang"),
  background: c.shadowRoot?.querySelector("article") ? getComputedStyle(c.shadowRoot.querySelector("article")).backgroundColor : null,
}));

test("theme and language follow the page after <body> and then <html> are replaced", async () => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>nav</title><script src="/embed.js"></script></head>` +
    `<body class="dark">${card("first", "First")}</body></html>`;
  const url = page(env.server, "/navigation.html", html);
  const { tab, log, context } = await open(env.browser, url);
  await cardsRendered(tab, 1);
  assert.deepEqual((await tab.evaluate(STATE))[0], { id: "first", dark: true, light: false, lang: "en", background: "rgb(28, 29, 32)" });

  // Turbo Drive: a new <body> (light page) replaces the old one.
  await tab.evaluate((c) => {
    const body = document.createElement("body");
    body.className = "light";
    body.innerHTML = c;
    document.documentElement.replaceChild(body, document.body);
  }, card("second", "Second"));
  await cardsRendered(tab, 1);
  await tab.waitForFunction(() => document.querySelector("#second")?.shadowRoot?.querySelector("article"));
  assert.deepEqual((await tab.evaluate(STATE)), [{ id: "second", dark: false, light: true, lang: "en", background: "rgb(255, 255, 255)" }]);
  // The new body's theme changes are followed too.
  await tab.evaluate(() => { document.body.className = "dark"; });
  await tab.waitForFunction(() => document.querySelector("#second").getAttribute("data-host-theme") === "dark");

  // A whole new <html> (French, dark) replaces the old one.
  await tab.evaluate((c) => {
    const root = document.createElement("html");
    root.lang = "fr";
    root.dataset.theme = "dark";
    root.innerHTML = `<head><title>nav 2</title></head><body>${c}</body>`;
    document.replaceChild(root, document.documentElement);
  }, card("third", "Troisième"));
  await tab.waitForFunction(() => document.querySelector("#third")?.shadowRoot?.querySelector("article"));
  assert.deepEqual((await tab.evaluate(STATE)), [{ id: "third", dark: true, light: false, lang: "fr", background: "rgb(28, 29, 32)" }]);
  const by = await tab.evaluate(() => document.querySelector("#third").shadowRoot.querySelector(".by").textContent);
  assert.match(by, /^Par /);
  // And the new <html>'s theme is followed: light now.
  await tab.evaluate(() => { document.documentElement.dataset.theme = "light"; });
  await tab.waitForFunction(() => document.querySelector("#third").getAttribute("data-host-theme") === "light");
  assert.deepEqual((await tab.evaluate(STATE))[0].background, "rgb(255, 255, 255)");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
