// `make bench`: this widget against a vanilla-JS floor and a Lit component, in the
// same headless Chromium run, as medians over fresh page loads. Prints a table of
// ratios to vanilla and writes BENCHMARKS.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";
import { minifyFile } from "../scripts/minify.mjs";
import { runMobile, mobileMarkdown, PROFILE_TEXT } from "./mobile.mjs";
import { PAGE_FUNCTIONS } from "./page.mjs";
import { runThread } from "./thread.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS || 9);
// The localhost rows take most of the time (1000 cards, three times per run): on a
// busy machine they can be given fewer loads than the phone rows.
const LOCAL_RUNS = Number(process.env.BENCH_LOCAL_RUNS || RUNS);
// The widget's files as a blogger gets them: the npm package (pkg/) as a CDN such as
// jsDelivr or unpkg serves it, the script its `jsdelivr` field names and the wasm next
// to it (the embed finds it by its own URL).
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, "pkg/package.json"), "utf8"));
const WIDGET = { dir: "pkg", entry: PKG.jsdelivr, files: [PKG.jsdelivr, "review_card_card_bg.wasm", "review_card_comments_bg.wasm"] };
const SAMPLE = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/rust-and-bone.json"), "utf8"));
fs.writeFileSync(path.join(ROOT, "bench/card-css.js"), "export default " + JSON.stringify(fs.readFileSync(path.join(ROOT, "src/card.css"), "utf8")) + ";\n");

const IMPLS = {
  "review-card (Rust/wasm)": {
    head: "",
    setup: `import init, { mount, validateComment } from "/www/review_card.js";
      const wasm = await init({ module_or_path: "/www/review_card_bg.wasm" });
      window.impl = { mount: (el, r) => { mount(el, r, OPTS); return el; }, validate: (f) => validateComment(f), wasmBytes: () => Object.values(wasm).find((v) => v instanceof WebAssembly.Memory).buffer.byteLength };`, // short export names (scripts/package.mjs)
    // The bytes row counts what a blogger's page with a comment form downloads: the
    // embed's files (minified by the build), not the ES module these rows time.
    files: ["www/embed.js", "www/review_card_comments_bg.wasm"],
  },
  "vanilla JS": {
    head: "",
    setup: `import { mountVanilla, validateVanilla } from "/bench/vanilla.js";
      window.impl = { mount: (el, r) => { mountVanilla(el, r); return el; }, validate: validateVanilla, wasmBytes: () => 0 };`,
    files: ["bench/vanilla.js", "bench/shared.js", "bench/card-css.js"],
  },
  "Lit": {
    head: `<script type="importmap">{"imports":{"lit":"/node_modules/lit/index.js","lit/":"/node_modules/lit/","lit-html":"/node_modules/lit-html/lit-html.js","lit-html/":"/node_modules/lit-html/","lit-element/":"/node_modules/lit-element/","@lit/reactive-element":"/node_modules/@lit/reactive-element/reactive-element.js","@lit/reactive-element/":"/node_modules/@lit/reactive-element/"}}</script>`,
    setup: `import { mountLit } from "/bench/lit-card.js";
      import { validateVanilla } from "/bench/vanilla.js";
      window.impl = { mount: (el, r) => { const c = mountLit(el, r); return c; }, settle: (els) => Promise.all(els.map((e) => e.updateComplete)), validate: validateVanilla, wasmBytes: () => 0 };`,
    files: ["bench/lit-card.js", "bench/shared.js", "bench/card-css.js"], // + the lit runtime files the page loads (added from resource timing)
  },
};

function pageHtml(impl, mode) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${impl.head}</head><body><div id="box"></div>
<script type="module">
const SAMPLE = ${JSON.stringify(SAMPLE)};
const OPTS = { jsonLd: false }; // the baselines emit no JSON-LD: compare the same card
${impl.setup}
${PAGE_FUNCTIONS}
if (${JSON.stringify(mode)} === "first") {
  const host = document.createElement("div");
  box.appendChild(host);
  const out = window.impl.mount(host, SAMPLE);
  await settle([out]);
  (out.shadowRoot || host.shadowRoot).querySelector("article").getBoundingClientRect();
  window.firstCard = performance.now();
}
window.ready = true;
</script></body></html>`;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
// The widget's files are counted as `make build` hosts them in www/ (minified by
// scripts/minify.mjs); every other JavaScript file is minified here with the same
// terser settings, so the baselines get the same treatment.
const sizes = async (file) => {
  const full = path.join(ROOT, file);
  const b = file.endsWith(".js") && !file.startsWith("www/") ? Buffer.from(await minifyFile(full, true)) : fs.readFileSync(full);
  return { raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length, brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
};

const server = await serve(ROOT);
const browser = await launch(["--enable-precise-memory-info", "--js-flags=--expose-gc"]);
const results = {};
const loadBefore = os.loadavg();
const started = Date.now();
// BENCH_ALSO="label=dir[;label=dir]" adds another build of the widget (the same
// files under another folder, e.g. a branch's www/) to the phone rows, same run.
const also = (process.env.BENCH_ALSO || "").split(";").filter(Boolean).map((x) => { const [label, dir] = x.split("="); return { label, dir }; });
const mobile = await runMobile({ root: ROOT, browser, runs: RUNS, widget: WIDGET, also });
const thread = await runThread({ browser, server, runs: RUNS });
const threadLine = `render ${thread.count} comments (a third of them replies, each with links and emphasis) as the fifth page of 20 arrives after "Show more comments": from the answer's last byte to the list in the DOM with the first new comment focused (focus lays the list out): ${thread.script.toFixed(1)} ms; with style and layout: ${thread.total.toFixed(1)} ms (medians of ${RUNS} fresh loads).`;
// Runs are interleaved (run 1 of each implementation, then run 2 of each, ...), so
// a machine that slows down or speeds up during the benchmark shifts all three alike
// instead of biasing the ratios.
const state = Object.entries(IMPLS).map(([name, impl], i) => {
  const route = `/bench-page-${i}`;
  for (const mode of ["first", "idle"]) server.routes[route + "-" + mode + ".html"] = (req, res) => { res.writeHead(200, { "content-type": "text/html", "cache-control": "no-store" }); res.end(pageHtml(impl, mode)); };
  return { name, route, files: [...impl.files], r: { first: [], n1: [], n100: [], n1000: [], key: [], heap: [], wasm: [] } };
});
for (let run = 0; run < LOCAL_RUNS; run++) {
  for (const impl of state) {
    const { route, r } = impl;
    const ctx = await browser.newContext();
    const tab = await ctx.newPage();
    await tab.goto(server.url + route + "-first.html");
    await tab.waitForFunction(() => window.firstCard);
    r.first.push(await tab.evaluate(() => window.firstCard));
    if (run === 0) {
      const loaded = await tab.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
      for (const p of loaded) if (p.startsWith("/node_modules/")) impl.files.push(p.slice(1));
      impl.files = [...new Set(impl.files)];
    }
    await ctx.close();
    for (const [key, n] of [["n1", 1], ["n100", 100], ["n1000", 1000]]) {
      const c = await browser.newContext();
      const t = await c.newPage();
      await t.goto(server.url + route + "-idle.html");
      await t.waitForFunction(() => window.ready);
      r[key].push(await t.evaluate((n) => window.renderN(n), n));
      await c.close();
    }
    const c = await browser.newContext();
    const t = await c.newPage();
    await t.goto(server.url + route + "-idle.html");
    await t.waitForFunction(() => window.ready);
    r.key.push(await t.evaluate(() => window.keystroke()));
    const mem = await t.evaluate(() => window.memory(1000));
    r.heap.push(mem.heap);
    r.wasm.push(mem.wasm);
    await c.close();
  }
  process.stderr.write(`bench: run ${run + 1} of ${LOCAL_RUNS} done\n`);
}
for (const { name, files, r } of state) {
  const bytes = (await Promise.all(files.map(sizes))).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  results[name] = {
    files,
    bytesRaw: bytes.raw, bytesGzip: bytes.gzip, bytesBrotli: bytes.brotli,
    first: median(r.first),
    s1: median(r.n1.map((x) => x.script)), t1: median(r.n1.map((x) => x.total)),
    s100: median(r.n100.map((x) => x.script)), t100: median(r.n100.map((x) => x.total)),
    s1000: median(r.n1000.map((x) => x.script)), t1000: median(r.n1000.map((x) => x.total)),
    key: median(r.key), heap: median(r.heap), wasm: median(r.wasm),
  };
}
const version = browser.version();
const loadAfter = os.loadavg();
const loadLine = `Machine load during this run (1-, 5-, 15-minute load averages on ${os.cpus().length} cores): ${loadBefore.map((x) => x.toFixed(2)).join(", ")} at the start, ${loadAfter.map((x) => x.toFixed(2)).join(", ")} at the end, ${((Date.now() - started) / 60000).toFixed(1)} minutes; other work on the machine slows every implementation alike only to the extent that it is steady.`;
await browser.close();
await server.close();

const ROWS = [
  ["bytes shipped, raw", "bytesRaw", "B"], ["bytes shipped, gzip", "bytesGzip", "B"], ["bytes shipped, brotli", "bytesBrotli", "B"],
  ["first card laid out after a cold load", "first", "ms"],
  ["render 1 card: script", "s1", "ms"], ["render 1 card: script + style + layout", "t1", "ms"],
  ["render 100 cards: script", "s100", "ms"], ["render 100 cards: script + style + layout", "t100", "ms"],
  ["render 1000 cards: script", "s1000", "ms"], ["render 1000 cards: script + style + layout", "t1000", "ms"],
  ["validate a 65525-byte comment (per keystroke)", "key", "ms"],
  ["JS heap after 1000 cards", "heap", "B"], ["wasm linear memory after 1000 cards", "wasm", "B"],
];
const [ours, vanilla, lit] = Object.values(results);
const fmt = (v, unit) => unit === "ms" ? (v < 1 ? v.toFixed(3) : v.toFixed(2)) + " ms" : Math.round(v).toLocaleString("en-US") + " B";
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) + "×" : "–");
const ms0 = (v) => `${Math.round(v)} ms`;
const lines = [
  "| figure | review-card | vanilla JS | Lit | review-card / vanilla | Lit / vanilla |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  ...ROWS.map(([label, key, unit]) => `| ${label} | ${fmt(ours[key], unit)} | ${fmt(vanilla[key], unit)} | ${fmt(lit[key], unit)} | ${ratio(ours[key], vanilla[key])} | ${ratio(lit[key], vanilla[key])} |`),
];
// Issue 19's goals, checked against this run (ratios to vanilla in the same run),
// and every figure (bytes aside) where Lit is ahead, said plainly.
const r = (k) => ours[k] / vanilla[k];
const m = (key, hints = false) => mobile.find((x) => x.key === key && x.hints === hints);
const phone = m("ours").first / m("vanilla").first;
const kB = (b) => `${b.toLocaleString("en-US")} B`;
const GOALS = [
  ["required", "first card through the embed, phone profile, no hints", `${phone.toFixed(2)}× vanilla`, "at most 1.5×", phone <= 1.5],
  ["required", "code a card without comments downloads, gzip", kB(m("ours").codeGzip), "at most 55 kB (55,000 B, as tests/e2e/bytes.test.mjs)", m("ours").codeGzip <= 55000],
  ["required", "code a card with its comment form downloads, gzip", kB(m("oursForm").codeGzip), "at most 70 kB (70,000 B, as tests/e2e/bytes.test.mjs)", m("oursForm").codeGzip <= 70000],
  ["goal", "first card through the embed, phone profile, no hints", `${phone.toFixed(2)}× vanilla`, "at most 1.2×", phone <= 1.2],
  ["goal", "the same, against Lit", `${ms0(m("ours").first)} against ${ms0(m("lit").first)}`, "ahead of Lit", m("ours").first < m("lit").first],
  ["goal", "code a card without comments downloads, gzip", kB(m("ours").codeGzip), "at most 35 kB (35,000 B)", m("ours").codeGzip <= 35000],
  ["goal", "1000 cards, script + style + layout", `${r("t1000").toFixed(2)}× vanilla`, "at most 1.15×", r("t1000") <= 1.15],
  ["goal", "validation per keystroke at 65525 bytes", fmt(ours.key, "ms"), "under 1 ms", ours.key < 1],
  ["goal", "JS heap after 1000 cards", `${r("heap").toFixed(2)}× vanilla`, "at most 1.5×", r("heap") <= 1.5],
];
const goals = [
  "| kind | figure | this run | target | met |",
  "| --- | --- | ---: | --- | --- |",
  ...GOALS.map(([kind, what, got, target, met]) => `| ${kind} | ${what} | ${got} | ${target} | ${met ? "yes" : "**no**"} |`),
];
const behind = ROWS.filter(([, key]) => !key.startsWith("bytes") && key !== "wasm" && ours[key] > lit[key])
  .map(([label, key, unit]) => `- ${label}: ${fmt(ours[key], unit)} against Lit's ${fmt(lit[key], unit)}`);
const litLine = behind.length ? "Where this widget is **not** ahead of Lit in this run:\n\n" + behind.join("\n")
  : "This widget is ahead of Lit on every figure but bytes in this run.";
const cpu = (fs.readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) || [, "unknown"])[1];
const machine = `${os.type()} ${os.release()}, ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Chromium ${version} (headless); Node ${process.version}; ${RUNS} fresh page loads per phone figure and ${LOCAL_RUNS} per localhost figure, medians.`;
const phoneMd = mobileMarkdown(mobile);
console.log(phoneMd.table + "\n\n" + phoneMd.paths + "\n");
console.log(lines.join("\n"));
console.log("\n" + goals.join("\n") + "\n\n" + litLine);
console.log("\nThe conversation: " + threadLine);
console.log("\n" + machine + "\n" + loadLine);
const files = Object.entries(results).map(([n, r]) => `- ${n}: ${r.files.join(", ")}`).join("\n");
const template = fs.readFileSync(path.join(ROOT, "bench/BENCHMARKS.template.md"), "utf8");
// Everything after the template's last line (the marker) in the current
// BENCHMARKS.md is written by hand (analysis, other issues' sections): kept.
const MARKER = template.trimEnd().split("\n").pop();
const previous = fs.existsSync(path.join(ROOT, "BENCHMARKS.md")) ? fs.readFileSync(path.join(ROOT, "BENCHMARKS.md"), "utf8") : "";
const kept = previous.includes(MARKER) ? previous.slice(previous.indexOf(MARKER) + MARKER.length) : "\n";
fs.writeFileSync(path.join(ROOT, "BENCHMARKS.md"), template.trimEnd()
  .replace("{{DATE}}", () => new Date().toISOString().slice(0, 10))
  .replace("{{MACHINE}}", () => machine)
  .replace("{{PROFILE}}", () => PROFILE_TEXT)
  .replace("{{MOBILE}}", () => phoneMd.table)
  .replace("{{PATHS}}", () => phoneMd.paths)
  .replace("{{HINTS}}", () => phoneMd.hints)
  .replace("{{MOBILE_FILES}}", () => mobile.filter((x) => !x.hints).map((x) => `- ${x.name}: ${x.code.join(", ")}`).join("\n"))
  .replace("{{TABLE}}", () => lines.join("\n"))
  .replace("{{THREAD}}", () => threadLine)
  .replace("{{GOALS}}", () => goals.join("\n"))
  .replace("{{LIT}}", () => litLine)
  .replace("{{FILES}}", () => files)
  .replace("{{LOAD}}", () => loadLine) + kept);
console.log("\nbench: wrote BENCHMARKS.md");
