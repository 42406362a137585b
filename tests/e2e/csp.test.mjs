// Strict Content Security Policy: the demo works with no violation; without
// 'wasm-unsafe-eval' the fallback content stays visible and the console says why.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { setup, open, cardsRendered } from "./lib.mjs";

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";
const envs = [];
after(async () => { for (const e of envs) await e.close(); });

test("the demo works under a strict CSP with no violation reported", async () => {
  const env = await setup({ headers: { "content-security-policy": STRICT } });
  envs.push(env);
  const { tab, log, context } = await open(env.browser, env.server.url + "/");
  await cardsRendered(tab, 2);
  // Styles applied (adopted stylesheet): the badge has its background colour.
  const bg = await tab.evaluate(() => getComputedStyle(document.querySelector("review-card").shadowRoot.querySelector(".score")).backgroundColor);
  assert.equal(bg, "rgb(23, 97, 42)");
  // The form still validates.
  await tab.click("review-card#sample >> button.submit");
  await tab.waitForSelector("review-card#sample >> .summary:not([hidden])");
  await tab.click("review-card#sample >> button.more");
  assert.deepEqual(await tab.evaluate(() => window.__csp), []);
  assert.deepEqual(log.errors.filter((e) => /Content Security Policy|Refused/i.test(e)), []);
  await context.close();
});

test("without 'wasm-unsafe-eval' the fallback stays visible and the console says why", async () => {
  const env = await setup({ headers: { "content-security-policy": NO_WASM } });
  envs.push(env);
  const { tab, log, context } = await open(env.browser, env.server.url + "/");
  await tab.waitForFunction(() => window.__csp.length > 0);
  await tab.waitForTimeout(300);
  const fallbacks = await tab.evaluate(() => [...document.querySelectorAll("review-card")].map((c) => {
    const p = c.querySelector("p");
    const r = p.getBoundingClientRect();
    return { text: p.textContent.trim().slice(0, 11), visible: r.height > 0 && r.width > 0, card: !!(c.shadowRoot && c.shadowRoot.querySelector("article")) };
  }));
  assert.deepEqual(fallbacks, [
    { text: "Rust & Bone", visible: true, card: false },
    { text: "De rouille ", visible: true, card: false },
  ]);
  assert.ok(log.console.some((m) => m.includes("[review-card]") && /WebAssembly/.test(m)), log.console.join("\n"));
  await context.close();
});
