// Trusted Types (`require-trusted-types-for 'script'`): with the card's policy
// allowed (`trusted-types review-card`) the card, its body and its form render with
// no violation; where the page allows no such policy the fallback content stays
// and the console says why.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, page, doc, open, cardsRendered, SAMPLE_JSON } from "./lib.mjs";
import { firefox } from "./firefox.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => env.close());

const ALLOWED = "require-trusted-types-for 'script'; trusted-types review-card";
const REFUSED = "require-trusted-types-for 'script'; trusted-types 'none'";
const CARDS = `<review-card id="inline" comments><script type="application/json">${SAMPLE_JSON}</script><p>Fallback: Rust &amp; Bone</p></review-card>` +
  `<review-card id="remote" src="/rust-and-bone.json"><p>Fallback: remote review</p></review-card>`;

test("with the review-card policy allowed, card, body, form and JSON-LD render with no violation", async () => {
  const url = page(env.server, "/tt-allowed.html", doc(CARDS), { "content-security-policy": ALLOWED });
  const { tab, log, context } = await open(env.browser, url);
  await cardsRendered(tab, 2);
  await tab.click("#inline >> button.more");
  await tab.click("#inline >> button.submit");
  await tab.waitForSelector("#inline >> .summary:not([hidden])");
  await tab.fill("#inline >> textarea", "A bruising, tender film.");
  const r = await tab.evaluate(() => {
    const root = document.getElementById("inline").shadowRoot;
    return {
      paragraphs: root.querySelectorAll(".body p:not(.original)").length,
      summary: root.querySelectorAll(".summary li").length,
      error: root.querySelector(".field-error:not([hidden])")?.textContent || "",
      count: root.querySelector(".count-value")?.textContent || "",
      jsonLd: JSON.parse(document.querySelector("#inline > script[data-review-card-generated]").textContent)["@type"],
      remote: document.getElementById("remote").shadowRoot.querySelector(".title").textContent,
    };
  });
  assert.ok(r.paragraphs >= 2, `the body's paragraphs were written (${r.paragraphs})`);
  assert.ok(r.summary >= 2, `the error summary lists the errors (${r.summary})`);
  assert.ok(r.error.length > 0, "an inline error message shows");
  assert.match(r.count, /\d/);
  assert.equal(r.jsonLd, "Review");
  assert.equal(r.remote, "Rust & Bone");
  assert.deepEqual(await tab.evaluate(() => window.__csp), []);
  assert.deepEqual(log.errors.filter((e) => !/Failed to load resource/.test(e)), [], "no console error but the favicon's 404");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("where no policy is allowed, the fallback stays and the console says why", async () => {
  const url = page(env.server, "/tt-refused.html", doc(CARDS), { "content-security-policy": REFUSED });
  const { tab, log, context } = await open(env.browser, url);
  await tab.waitForFunction(() => document.querySelectorAll("review-card").length === 2 &&
    [...document.querySelectorAll("review-card")].every((c) => c.__reviewCardState === "failed"), null, { timeout: 15000 });
  const r = await tab.evaluate(() => [...document.querySelectorAll("review-card")].map((c) => {
    const p = c.querySelector("p");
    const box = p.getBoundingClientRect();
    return { text: p.textContent, visible: box.width > 0 && box.height > 0, card: !!c.shadowRoot.querySelector("article"), alert: !!c.shadowRoot.querySelector("[role=alert]") };
  }));
  assert.deepEqual(r, [
    { text: "Fallback: Rust & Bone", visible: true, card: false, alert: false },
    { text: "Fallback: remote review", visible: true, card: false, alert: false },
  ]);
  const why = log.console.filter((m) => m.includes("[review-card]") && m.includes("Trusted Types"));
  assert.equal(why.length, 1, "one message for the page: " + log.console.join("\n"));
  assert.match(why[0], /trusted-types review-card/);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("an npm user's mount under refused Trusted Types throws a clear Error and keeps the host's content", async () => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tt</title></head><body><div id="host"><p>Host content</p></div></body></html>`;
  const url = page(env.server, "/tt-npm.html", html, { "content-security-policy": REFUSED });
  const { tab, context } = await open(env.browser, url);
  const r = await tab.evaluate(async (json) => {
    const m = await import("/review_card.js");
    await m.default({ module_or_path: "/review_card_bg.wasm" });
    const host = document.getElementById("host");
    let message = null;
    try { m.mount(host, json); } catch (e) { message = e.message; }
    const p = host.querySelector("p").getBoundingClientRect();
    // Refused 10,000 times more: nothing is held, and the same clear error each time.
    const wasm = await m.default();
    const memory = Object.values(wasm).find((v) => v instanceof WebAssembly.Memory);
    const tables = Object.values(wasm).filter((v) => v instanceof WebAssembly.Table);
    const state = () => memory.buffer.byteLength + " B, table " + tables.map((t) => t.length).join("+");
    const before = state();
    let same = 0;
    for (let i = 0; i < 10000; i++) { try { m.mount(host, json); } catch (e) { same += e.message === message; } }
    return { message, visible: p.height > 0, slot: !!host.shadowRoot?.querySelector("slot"), same, before, after: state() };
  }, SAMPLE_JSON);
  assert.match(r.message, /^Trusted Types: .*policy "review-card".*trusted-types review-card/);
  assert.deepEqual({ visible: r.visible, slot: r.slot }, { visible: true, slot: true });
  assert.equal(r.same, 10000);
  assert.equal(r.after, r.before, "10,000 refused mounts hold no memory or table slots");
  await context.close();
});

test("Firefox: the same card renders with the policy allowed, and falls back where it is refused", async () => {
  const warn = `<script>window.__warn=[];const w=console.error;console.error=function(){window.__warn.push([].join.call(arguments," "));return w.apply(console,arguments)};</script>`;
  const card = `<review-card><script type="application/json">${SAMPLE_JSON}</script><p>Fallback: Rust &amp; Bone</p></review-card>`;
  const allowed = page(env.server, "/tt-firefox-allowed.html", doc(card, { head: warn }), { "content-security-policy": ALLOWED });
  const refused = page(env.server, "/tt-firefox-refused.html", doc(card, { head: warn }), { "content-security-policy": REFUSED });
  const ff = await firefox();
  try {
    await ff.open(allowed);
    const ok = await ff.run(async () => {
      const c = document.querySelector("review-card");
      for (let i = 0; i < 200 && !(c.shadowRoot && c.shadowRoot.querySelector("article")); i++) await new Promise((r) => setTimeout(r, 50));
      c.shadowRoot.querySelector("button.more").click();
      return {
        enforced: typeof trustedTypes === "object",
        title: c.shadowRoot.querySelector(".title").textContent,
        paragraphs: c.shadowRoot.querySelectorAll(".body p").length,
        warnings: window.__warn,
      };
    });
    assert.equal(ok.enforced, true, "this Firefox has Trusted Types");
    assert.equal(ok.title, "Rust & Bone");
    assert.ok(ok.paragraphs >= 2, `the body opened (${ok.paragraphs} paragraphs)`);
    assert.deepEqual(ok.warnings, []);
    await ff.open(refused);
    const fallback = await ff.run(async () => {
      const c = document.querySelector("review-card");
      for (let i = 0; i < 200 && c.__reviewCardState !== "failed" && !(c.shadowRoot && c.shadowRoot.querySelector("article")); i++) await new Promise((r) => setTimeout(r, 50));
      const p = c.querySelector("p").getBoundingClientRect();
      return { card: !!c.shadowRoot.querySelector("article"), visible: p.height > 0, warnings: window.__warn };
    });
    assert.deepEqual({ card: fallback.card, visible: fallback.visible }, { card: false, visible: true });
    assert.equal(fallback.warnings.length, 1, fallback.warnings.join("\n"));
    assert.match(fallback.warnings[0], /^\[review-card\] Trusted Types: .*trusted-types review-card/);
  } finally {
    await ff.close();
  }
});
