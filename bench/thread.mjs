// The conversation (issue #17): 100 comments rendered under a card, from the moment
// the answer has arrived to the list in the DOM (WordPress's JSON read by the browser,
// the comment-HTML allow-list, threading, markup, the list's innerHTML), and with
// style and layout. WordPress pages them by 20, so the figure is the fifth page's:
// "Show more comments" pressed four times, then the list of 100 re-rendered. review-card only: the baselines have no thread.
// `node bench/thread.mjs` runs it alone (www/ must be built).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SAMPLE = fs.readFileSync(path.join(ROOT, "tests/fixtures/rust-and-bone.json"), "utf8");

/** 100 comments as WordPress answers them: a third are replies, all with markup. */
export function comments(n = 100) {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    parent: i % 3 === 2 ? i : 0,
    author_name: `Reader ${i + 1}`,
    author_url: i % 4 === 0 ? `https://reader${i + 1}.example/` : "",
    date: `2026-11-${String(1 + (i % 28)).padStart(2, "0")}T10:${String(i % 60).padStart(2, "0")}:00`,
    date_gmt: `2026-11-${String(1 + (i % 28)).padStart(2, "0")}T09:${String(i % 60).padStart(2, "0")}:00`,
    content: { rendered: `<p>Comment ${i + 1} on <em>Rust &amp; Bone</em>: Audiard&#8217;s best, <a href="https://example.com/${i}" rel="nofollow ugc">see here</a>.</p>\n<p>Second paragraph with <strong>bold</strong> and <code>code</code>.</p>\n` },
  }));
}

function pageHtml() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench thread</title></head><body><div id="box"></div>
<script type="module">
import init, { mount } from "/www/review_card.js";
await init({ module_or_path: "/www/review_card_bg.wasm" });
const host = document.getElementById("box");
let arrived = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.name.includes("&page=5&")) arrived = e.responseEnd;
}).observe({ type: "resource", buffered: true });
mount(host, ${SAMPLE}, { jsonLd: false, comments: { endpoint: "/bench-comments", mode: "wordpress", postId: 1 } });
const list = host.shadowRoot.querySelector(".thread-list");
const more = host.shadowRoot.querySelector(".thread-more");
window.result = new Promise((resolve) => new MutationObserver(() => {
  const t1 = performance.now();
  const count = list.querySelectorAll(".c").length;
  if (count < 100) return more.click();
  void host.offsetHeight;
  const t2 = performance.now();
  // The resource entry may be queued after the mutation: read it once more.
  const entry = performance.getEntriesByType("resource").find((e) => e.name.includes("&page=5&"));
  const start = entry ? entry.responseEnd : arrived;
  resolve({ script: t1 - start, total: t2 - start, count });
}).observe(list, { childList: true }));
</script></body></html>`;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Medians over `runs` fresh page loads: { script, total } in ms, and the comment count. */
export async function runThread({ browser, server, runs }) {
  const all = comments(100);
  server.routes["/bench-comments"] = (req, res) => {
    const page = Number(new URL(req.url, "http://x").searchParams.get("page")) || 1;
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "x-wp-total": "100", "cache-control": "no-store" });
    res.end(JSON.stringify(all.slice((page - 1) * 20, page * 20)));
  };
  server.routes["/bench-thread.html"] = (req, res) => { res.writeHead(200, { "content-type": "text/html", "cache-control": "no-store" }); res.end(pageHtml()); };
  const script = [], total = [];
  let count = 0;
  for (let run = 0; run < runs; run++) {
    // Tall enough that the thread is near the viewport at once.
    const ctx = await browser.newContext({ viewport: { width: 800, height: 3000 } });
    const tab = await ctx.newPage();
    await tab.goto(server.url + "/bench-thread.html");
    await tab.waitForFunction(() => window.result, null, { timeout: 20000 });
    const r = await tab.evaluate(() => window.result);
    script.push(r.script);
    total.push(r.total);
    count = r.count;
    await ctx.close();
  }
  return { script: median(script), total: median(total), count };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { serve } = await import("../tests/e2e/server.mjs");
  const { launch } = await import("../tests/e2e/browser.mjs");
  const server = await serve(ROOT);
  const browser = await launch();
  const r = await runThread({ browser, server, runs: Number(process.env.BENCH_RUNS || 9) });
  console.log(`render ${r.count} comments: ${r.script.toFixed(2)} ms answer to DOM, ${r.total.toFixed(2)} ms with style and layout`);
  await browser.close();
  await server.close();
}
