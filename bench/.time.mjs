import fs from "node:fs";
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";
const ROOT = new URL("..", import.meta.url).pathname;
const SAMPLE = JSON.parse(fs.readFileSync(ROOT + "tests/fixtures/rust-and-bone.json", "utf8"));
const FN = process.env.FN || "run";
const N = Number(process.env.N || 1000), RUNS = Number(process.env.RUNS || 9);
const server = await serve(ROOT);
server.routes["/p.html"] = (req, res) => { res.writeHead(200, { "content-type": "text/html", "cache-control": "no-store" }); res.end(`<!doctype html><html lang=en><body><div id=box></div><script type=module>
import init, { mount, renderToString } from "/www/pkg/review_card.js";
await init({ module_or_path: "/www/pkg/review_card_bg.wasm" });
const SAMPLE = ${JSON.stringify(SAMPLE)};
window.run = (n) => { const box = document.getElementById("box"); box.replaceChildren();
  const reviews = Array.from({ length: n }, (_, i) => ({ ...SAMPLE, title: SAMPLE.title + " " + i, score: { value: i % 11, max: 10 } }));
  const hosts = Array.from({ length: n }, () => document.createElement("div")); for (const h of hosts) box.appendChild(h);
  const t0 = performance.now(); for (let i = 0; i < n; i++) mount(hosts[i], reviews[i], { jsonLd: false }); const t1 = performance.now(); void box.offsetHeight; return [t1 - t0, performance.now() - t0]; };
window.floor = (n) => { const box = document.getElementById("box"); box.replaceChildren();
  const h0 = document.createElement("div"); box.appendChild(h0); mount(h0, SAMPLE, { jsonLd: false }); const html = h0.shadowRoot.innerHTML; const sheets = h0.shadowRoot.adoptedStyleSheets; box.replaceChildren();
  const hosts = Array.from({ length: n }, () => document.createElement("div")); for (const h of hosts) box.appendChild(h);
  const t0 = performance.now(); for (let i = 0; i < n; i++) { const r = hosts[i].attachShadow({ mode: "open" }); r.adoptedStyleSheets = sheets; r.innerHTML = html; } const t1 = performance.now(); void box.offsetHeight; return [t1 - t0, performance.now() - t0]; };
window.strfy = (n) => { const reviews = Array.from({ length: n }, (_, i) => ({ ...SAMPLE, title: SAMPLE.title + " " + i, score: { value: i % 11, max: 10 } }));
  const t0 = performance.now(); let k = 0; for (let i = 0; i < n; i++) k += JSON.stringify(reviews[i]).length; return [performance.now() - t0, k]; };
window.rts = (n) => { const reviews = Array.from({ length: n }, (_, i) => JSON.stringify({ ...SAMPLE, title: SAMPLE.title + " " + i, score: { value: i % 11, max: 10 } }));
  const t0 = performance.now(); let k = 0; for (let i = 0; i < n; i++) k += renderToString(reviews[i], { jsonLd: false }).length; return [performance.now() - t0, k]; };
window.runs = (n) => { const box = document.getElementById("box"); box.replaceChildren();
  const reviews = Array.from({ length: n }, (_, i) => JSON.stringify({ ...SAMPLE, title: SAMPLE.title + " " + i, score: { value: i % 11, max: 10 } }));
  const hosts = Array.from({ length: n }, () => document.createElement("div")); for (const h of hosts) box.appendChild(h);
  const t0 = performance.now(); for (let i = 0; i < n; i++) mount(hosts[i], reviews[i], { jsonLd: false }); const t1 = performance.now(); void box.offsetHeight; return [t1 - t0, performance.now() - t0]; };
window.ready = true;</script>`); };
const browser = await launch();
const s = [], t = [];
for (let r = 0; r < RUNS; r++) {
  const ctx = await browser.newContext(); const page = await ctx.newPage();
  await page.goto(server.url + "/p.html"); await page.waitForFunction(() => window.ready);
  const [a, b] = await page.evaluate(([f, n]) => window[f](n), [FN, N]); s.push(a); t.push(b); await ctx.close();
}
const med = (x) => x.sort((a, b) => a - b)[x.length >> 1].toFixed(1);
console.log(`N=${N} script ${med(s)} ms, total ${med(t)} ms (median of ${RUNS})`);
await browser.close(); server.close();
