// `node bench/builds.mjs A=dir B=dir`: two builds of this widget (each a folder with
// the ES module `review_card.js` and `review_card_bg.wasm`, e.g. a commit's www/) in
// the same headless Chromium run, interleaved fresh pages, medians: 1000 cards mounted
// (script, then script + style and layout), the JS heap after them, and one keystroke's
// validation of a 65,525-byte comment. For costs of a
// change (issue 18: what the serde port costs in speed); the numbers go into
// BENCHMARKS.md by hand. BENCH_RUNS sets the pages per figure (9).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";
import { PAGE_FUNCTIONS } from "./page.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS || 9);
const builds = process.argv.slice(2).map((a) => { const [label, dir] = a.split("="); return { label, dir: path.resolve(dir) }; });
if (builds.length < 2) throw new Error("usage: node bench/builds.mjs LABEL=DIR LABEL=DIR [...]");
const SAMPLE = fs.readFileSync(path.join(ROOT, "tests/fixtures/rust-and-bone.json"), "utf8");

const routes = {};
builds.forEach((b, i) => {
  for (const f of ["review_card.js", "review_card_bg.wasm"]) {
    const body = fs.readFileSync(path.join(b.dir, f));
    routes[`/b${i}/${f}`] = (req, res) => { res.writeHead(200, { "content-type": f.endsWith(".js") ? "text/javascript" : "application/wasm", "cache-control": "no-store" }); res.end(body); };
  }
  routes[`/b${i}.html`] = (req, res) => {
    res.writeHead(200, { "content-type": "text/html", "cache-control": "no-store" });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>builds</title></head><body><div id="box"></div>
<script type="module">
import init, { mount, validateComment } from "/b${i}/review_card.js";
await init({ module_or_path: "/b${i}/review_card_bg.wasm" });
const SAMPLE = ${SAMPLE};
window.impl = { mount: (el, r) => { mount(el, r, { jsonLd: false }); return el; }, validate: validateComment, wasmBytes: () => 0 };
${PAGE_FUNCTIONS}
window.ready = true;
</script></body></html>`);
  };
});

const server = await serve(ROOT, { routes });
const browser = await launch(["--enable-precise-memory-info", "--js-flags=--expose-gc"]);
const results = builds.map(() => []);
for (let run = 0; run < RUNS; run++) {
  for (let i = 0; i < builds.length; i++) {
    const ctx = await browser.newContext();
    const tab = await ctx.newPage();
    await tab.goto(`${server.url}/b${i}.html`);
    await tab.waitForFunction(() => window.ready);
    const key = await tab.evaluate(() => window.keystroke());
    const times = await tab.evaluate(() => window.renderN(1000));
    const { heap } = await tab.evaluate(() => window.memory(1000));
    results[i].push({ ...times, heap, key });
    await ctx.close();
  }
  process.stderr.write(`builds: run ${run + 1} of ${RUNS} done\n`);
}
await browser.close();
await server.close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const rows = results.map((r) => ({ script: median(r.map((x) => x.script)), total: median(r.map((x) => x.total)), heap: median(r.map((x) => x.heap)), key: median(r.map((x) => x.key)) }));
console.log(`| build | 1000 cards, script | with style and layout | JS heap after | validateComment, 65,525 B | ${RUNS} pages each, medians |`);
console.log("| --- | ---: | ---: | ---: | ---: | --- |");
rows.forEach((r, i) => {
  const vs = i === 0 ? "" : ` (${(r.script / rows[0].script).toFixed(2)}× / ${(r.total / rows[0].total).toFixed(2)}× the first)`;
  console.log(`| ${builds[i].label} | ${r.script.toFixed(0)} ms | ${r.total.toFixed(0)} ms | ${(r.heap / 1e6).toFixed(1)} MB | ${r.key.toFixed(3)} ms | ${vs} |`);
});
