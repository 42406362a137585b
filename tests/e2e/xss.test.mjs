// No script injection: every payload in every field of the review and of the comment
// form. Fails if a dialog opens, a payload runs, an element or attribute outside the
// card's own vocabulary appears, or a link carries a scheme other than http, https,
// mailto or a relative path.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, page, doc, open } from "./lib.mjs";
import { PAYLOADS } from "./payloads.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => env.close());

const FIELDS = ["title", "kind", "url", "excerpt", "body", "credits.role", "credits.name", "author.name", "author.url", "author.bio", "published", "lang", "image.src", "image.alt"];

/** In the page: every element inside the cards, checked against the card's vocabulary. */
const INSPECT = () => {
  const ALLOWED = new Set(["article", "div", "p", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "span", "button", "a",
    "footer", "time", "section", "form", "label", "input", "textarea", "ul", "li", "slot", "style", "img", "bdi"]);
  const ATTRS = new Set(["class", "part", "data-theme", "lang", "aria-labelledby", "id", "role", "aria-label", "data-band",
    "data-fill", "data-derived", "hidden", "type", "aria-expanded", "aria-controls", "href", "rel", "datetime", "aria-hidden",
    "method", "action", "data-mode", "data-min-fill", "data-timeout", "data-key", "data-review-url", "tabindex", "for",
    "rows", "name", "maxlength", "required", "aria-describedby", "autocomplete", "inputmode", "value", "data-field",
    "data-shown", "dir", "novalidate", "aria-invalid", "data-invalid", "data-for", "data-kind", "disabled", "aria-busy", "data-over",
    "data-1p-ignore", "data-lpignore", "data-bwignore", "data-form-type", "data-uncertain",
    "src", "alt", "width", "height", "loading", "decoding", "data-failed"]);
  const problems = [];
  let elements = 0;
  const walk = (root) => {
    for (const el of root.querySelectorAll("*")) {
      elements++;
      const tag = el.localName;
      if (!ALLOWED.has(tag)) problems.push("element <" + tag + ">");
      for (const a of el.attributes) {
        if (!ATTRS.has(a.name)) problems.push("attribute " + a.name + " on <" + tag + ">");
        if (["href", "src", "action", "formaction", "xlink:href"].includes(a.name)) {
          const v = a.value.trim().toLowerCase();
          const scheme = /^([a-z][a-z0-9+.-]*):/.exec(v);
          if ((scheme && !["http", "https", "mailto"].includes(scheme[1])) || v.startsWith("//")) problems.push("link " + a.value);
        }
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  let jsonLd = 0;
  for (const host of document.querySelectorAll(".host")) {
    if (host.shadowRoot) walk(host.shadowRoot);
    // Light DOM: only data blocks (the page's inline JSON, our JSON-LD), and every
    // JSON-LD block must still be one JSON document (no </script> breakout).
    for (const el of host.querySelectorAll("*")) {
      const type = el.getAttribute("type");
      if (el.localName !== "script" || !["application/json", "application/ld+json"].includes(type)) {
        problems.push("light DOM <" + el.localName + ">");
        continue;
      }
      if (type === "application/ld+json") {
        try { if (JSON.parse(el.textContent)["@type"] !== "Review") problems.push("JSON-LD is not a Review"); jsonLd++; }
        catch (e) { problems.push("JSON-LD does not parse: " + el.textContent.slice(0, 60)); }
      }
    }
  }
  return { problems: [...new Set(problems)].slice(0, 20), elements, jsonLd, pwned: window.__xss };
};

function reviewWith(field, payload) {
  const r = { title: "Rust & Bone", kind: "film", url: "/r", excerpt: "E", body: "B1\n\nB2", credits: [{ role: "Director", name: "Jacques Audiard" }],
    author: { name: "Piers Marchant", url: "/p", bio: "Bio" }, published: "2012-11-16", lang: "en", score: 7.2 };
  const [a, b] = field.split(".");
  if (a === "image") r.image = { src: "/p.svg", alt: "A poster" };
  if (a === "credits") r.credits[0][b] = payload; else if (b) r[a][b] = payload; else r[a] = payload;
  return r;
}

test(`${PAYLOADS.length} payloads in each of ${FIELDS.length} review fields`, async () => {
  assert.ok(PAYLOADS.length >= 60);
  const url = page(env.server, "/xss.html", doc("<main id=m></main>"));
  const { tab, log, context } = await open(env.browser, url);
  await tab.evaluate(() => window.reviewCard.ready(true));
  const cases = [];
  for (const p of PAYLOADS) for (const f of FIELDS) cases.push(reviewWith(f, p));
  const result = await tab.evaluate(async (cases) => {
    const m = await window.reviewCard.ready(true);
    let rendered = 0, refused = 0;
    for (const review of cases) {
      const el = document.createElement("div");
      el.className = "host";
      document.getElementById("m").appendChild(el);
      try {
        m.mount(el, review, { comments: true });
        el.shadowRoot.querySelector("button.more")?.click(); // reveal the body too
        rendered++;
      } catch (e) {
        if (!(e instanceof Error) || !e.message) throw new Error("not a precise Error: " + e);
        refused++;
      }
    }
    return { rendered, refused };
  }, cases);
  await tab.waitForTimeout(300); // let any onerror/onload fire
  const seen = await tab.evaluate(INSPECT);
  assert.deepEqual(seen.problems, []);
  assert.equal(seen.pwned, 0, "a payload ran");
  assert.deepEqual(log.dialogs, []);
  assert.equal(result.rendered + result.refused, cases.length);
  assert.ok(result.rendered > cases.length / 2, `most payloads render as text (${result.rendered} rendered, ${result.refused} refused)`);
  assert.ok(seen.elements > 10000);
  assert.equal(seen.jsonLd, result.rendered, "every rendered card wrote one JSON-LD block, intact");
  console.log(`# xss: ${PAYLOADS.length} payloads x ${FIELDS.length} review fields = ${cases.length} cards (${result.rendered} rendered as text, ${result.refused} refused with an error)`);
  await context.close();
});

test("payloads in refused fields show as text in the loader's error state", async () => {
  const cards = PAYLOADS.map((p) => `<review-card class="host"><script type="application/json">${JSON.stringify({ title: "x", kind: p }).replace(/</g, "\\u003c")}</script></review-card>`).join("");
  const url = page(env.server, "/xss-errors.html", doc(`<main>${cards}</main>`));
  const { tab, log, context } = await open(env.browser, null, { viewport: { width: 800, height: 20000 } });
  await tab.goto(url);
  await tab.waitForFunction((n) => [...document.querySelectorAll("review-card")].filter((c) => c.shadowRoot && c.shadowRoot.querySelector("[role=alert]")).length === n, PAYLOADS.length);
  const texts = await tab.evaluate(() => [...document.querySelectorAll("review-card")].map((c) => c.shadowRoot.querySelector("[role=alert] p").textContent));
  assert.ok(texts[0].startsWith("This review could not be loaded: kind: \"<script>__pwned()</script>\" is not one of"), texts[0]);
  const seen = await tab.evaluate(INSPECT);
  assert.deepEqual(seen.problems, []);
  assert.equal(seen.pwned, 0);
  assert.deepEqual(log.dialogs, []);
  await context.close();
});

test(`${PAYLOADS.length} payloads typed into every comment field`, async () => {
  const url = page(env.server, "/xss-form.html", doc("<main><div class=host id=card></div></main>"));
  const { tab, log, context } = await open(env.browser, url);
  await tab.evaluate(async () => {
    const m = await window.reviewCard.ready(true);
    m.mount(document.getElementById("card"), { title: "Rust & Bone", url: "/r" }, { comments: { minFillMs: 0 } });
    window.__events = [];
    document.getElementById("card").addEventListener("review-card:comment", (e) => { e.preventDefault(); window.__events.push(e.detail); });
  });
  for (const p of PAYLOADS) {
    for (const [name, value] of [["comment", p], ["author", p], ["email", p], ["url", p]]) {
      await tab.fill(`#card >> [name="${name}"]`, value);
    }
    await tab.click("#card >> button.submit");
    // And a valid submission carrying the payload in the free-text fields (a name
    // that is only tags is empty once they are stripped, as WordPress strips them).
    await tab.fill("#card >> [name=author]", `Ada ${p}`);
    await tab.fill("#card >> [name=email]", "ada@example.com");
    await tab.fill("#card >> [name=url]", "");
    await tab.click("#card >> button.submit");
  }
  const events = await tab.evaluate(() => window.__events.length);
  const seen = await tab.evaluate(INSPECT);
  assert.deepEqual(seen.problems, []);
  assert.equal(seen.pwned, 0);
  assert.deepEqual(log.dialogs, []);
  assert.ok(events >= PAYLOADS.length - 5, `valid submissions dispatched the event (${events})`);
  console.log(`# xss: ${PAYLOADS.length} payloads x 4 comment fields, ${events} valid submissions`);
  await context.close();
});

test("the inspector catches a planted handler, element and link", async () => {
  const url = page(env.server, "/xss-planted.html", doc("<main><div class=host id=card></div></main>"));
  const { tab, context } = await open(env.browser, url);
  await tab.evaluate(async () => {
    const m = await window.reviewCard.ready();
    m.mount(document.getElementById("card"), { title: "x" }, {});
    document.getElementById("card").shadowRoot.querySelector("article")
      .insertAdjacentHTML("beforeend", '<img src=x onerror="1"><iframe></iframe><a href="javascript:void 0">x</a>');
    document.getElementById("card").insertAdjacentHTML("beforeend", "<b>breakout</b>");
  });
  const seen = await tab.evaluate(INSPECT);
  assert.deepEqual(seen.problems.sort(), ["attribute onerror on <img>", "element <iframe>", "light DOM <b>", "link javascript:void 0"]);
  await context.close();
});
