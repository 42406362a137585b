// Accessibility in a real browser: axe-core (WCAG 2.0/2.1/2.2 A and AA) on the card
// and the form in both themes and both languages, with the disclosure open and with
// form errors; keyboard-only walk-through; 320 px wide and 200% text.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { setup, page, doc, open, cardsRendered, axe, SAMPLE_JSON } from "./lib.mjs";

let env;
const audits = [];
before(async () => { env = await setup(); });
after(async () => {
  await env.close();
  const rules = Math.max(...audits.map((a) => a.rules));
  console.log(`# a11y: ${audits.length} page states audited, up to ${rules} axe rules each, 0 violations required`);
});

const FR = JSON.stringify({ ...JSON.parse(SAMPLE_JSON), title: "De rouille et d'os", lang: "fr", published: "2012-11-16",
  credits: [{ role: "Réalisateur", name: "Jacques Audiard" }], author: { name: "Piers Marchant", url: "https://example.com/piers", bio: "Critique." } });

function cards(theme, lang) {
  const json = lang === "fr" ? FR : SAMPLE_JSON;
  return doc(`<main><h1>Reviews</h1>
    <review-card theme="${theme}" lang="${lang}" comments comments-min-fill-ms="0"><script type="application/json">${json}</script></review-card>
    <review-card theme="${theme}" lang="${lang}"><script type="application/json">{"title":"Drive","kind":"film","url":"/drive","excerpt":"Tense.","score":{"value":2,"max":5,"min":1}}</script></review-card>
    </main>`, { lang });
}

async function audit(tab, label) {
  const r = await axe(tab);
  audits.push({ label, rules: r.rules });
  assert.deepEqual(r.violations, [], `${label}: axe violations`);
  assert.ok(r.rules > 40, `${label}: axe checked ${r.rules} rules`);
}

for (const theme of ["light", "dark"]) {
  for (const lang of ["en", "fr"]) {
    test(`axe: ${theme} theme, ${lang}: collapsed, expanded, form errors`, async () => {
      const url = page(env.server, `/a11y-${theme}-${lang}.html`, cards(theme, lang));
      const { tab, context } = await open(env.browser, url);
      await cardsRendered(tab, 2);
      await audit(tab, `${theme}/${lang} collapsed`);
      await tab.click("review-card >> button.more");
      assert.equal(await tab.getAttribute("review-card >> button.more", "aria-expanded"), "true");
      await audit(tab, `${theme}/${lang} expanded`);
      await tab.click("review-card >> button.submit");
      await tab.waitForSelector("review-card >> .summary:not([hidden])");
      await audit(tab, `${theme}/${lang} form errors`);
      await context.close();
    });
  }
}

test("axe: dark host in auto theme", async () => {
  const url = page(env.server, "/a11y-auto-dark.html", cards("auto", "en"));
  const { tab, context } = await open(env.browser, null);
  await tab.emulateMedia({ colorScheme: "dark" });
  await tab.goto(url);
  await cardsRendered(tab, 2);
  const bg = await tab.evaluate(() => getComputedStyle(document.querySelector("review-card").shadowRoot.querySelector(".card")).backgroundColor);
  assert.equal(bg, "rgb(28, 29, 32)", "auto follows prefers-color-scheme: dark");
  await audit(tab, "auto/dark");
  await context.close();
});

test("the audit sees inside the shadow root (a planted violation is caught)", async () => {
  const url = page(env.server, "/a11y-planted.html", cards("light", "en"));
  const { tab, context } = await open(env.browser, url);
  await cardsRendered(tab, 2);
  await tab.evaluate(() => {
    const root = document.querySelector("review-card").shadowRoot;
    root.querySelector(".excerpt").insertAdjacentHTML("beforeend", '<input type="text"><span class="lowc">faint</span>');
    const s = new CSSStyleSheet(); s.replaceSync(".lowc{color:#eee}");
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, s];
  });
  const r = await axe(tab);
  const ids = r.violations.map((v) => v.id).sort();
  assert.deepEqual(ids, ["color-contrast", "label"]);
  await context.close();
});

test("keyboard only: every control in a sensible order, each with a visible focus indicator", async () => {
  const url = page(env.server, "/a11y-keys.html", cards("light", "en"));
  const { tab, context } = await open(env.browser, url);
  await cardsRendered(tab, 2);
  const seen = [];
  for (let i = 0; i < 10; i++) {
    await tab.keyboard.press("Tab");
    seen.push(await tab.evaluate(() => {
      let a = document.activeElement;
      while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
      const s = getComputedStyle(a);
      return { id: (a.getAttribute("name") || a.className || a.tagName).toString(), outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 };
    }));
  }
  // Card 1: read more, then its form top to bottom (the honeypot is skipped);
  // card 2: its read-more link; then focus leaves the page and comes back to card 1.
  assert.deepEqual(seen.slice(0, 8).map((s) => s.id),
    ["more", "comment", "author", "email", "url", "wp-comment-cookies-consent", "submit", "more"]);
  for (const s of seen.slice(0, 8)) assert.ok(s.outline, `${s.id} shows a focus outline`);
  // Enter on the focused disclosure opens it; the focus stays on it.
  await tab.keyboard.press("Shift+Tab");
  for (let i = 0; i < 7; i++) await tab.keyboard.press("Shift+Tab");
  await tab.keyboard.press("Enter");
  assert.equal(await tab.getAttribute("review-card >> button.more", "aria-expanded"), "true");
  await tab.keyboard.press("Space");
  assert.equal(await tab.getAttribute("review-card >> button.more", "aria-expanded"), "false");
  await context.close();
});

test("usable at 320 CSS pixels and with 200% text", async () => {
  const url = page(env.server, "/a11y-narrow.html", cards("light", "en").replace("<head>", "<head><style>html{font-size:200%}body{margin:0}</style>"));
  const { tab, context } = await open(env.browser, url, { viewport: { width: 320, height: 640 } });
  // At 200% text the first card is several screens tall once rendered, and the second
  // renders only when it comes near the viewport (README): scroll to it as a reader would.
  await cardsRendered(tab, 1);
  await tab.evaluate(() => document.querySelectorAll("review-card")[1].scrollIntoView());
  await cardsRendered(tab, 2);
  await tab.evaluate(() => window.scrollTo(0, 0));
  const m = await tab.evaluate(() => {
    const root = document.querySelector("review-card").shadowRoot;
    const card = root.querySelector(".card");
    const title = root.querySelector(".title");
    return {
      pageOverflow: document.documentElement.scrollWidth - 320,
      cardOverflow: card.scrollWidth - card.clientWidth,
      titlePx: parseFloat(getComputedStyle(title).fontSize),
      scoreRight: root.querySelector(".score").getBoundingClientRect().right,
    };
  });
  assert.ok(m.pageOverflow <= 0, `no horizontal scrolling (overflow ${m.pageOverflow}px)`);
  assert.ok(m.cardOverflow <= 0, `nothing cut off inside the card (overflow ${m.cardOverflow}px)`);
  assert.ok(m.titlePx >= 48, `text scaled with the page (title ${m.titlePx}px)`);
  assert.ok(m.scoreRight <= 320, "the score badge stays on screen");
  await audit(tab, "320px 200% text");
  await context.close();
});
