// The first card as a reader's phone meets it: a blog post with the blogger's embed
// (one script tag, then <review-card src> for the review JSON), on an emulated phone
// (CDP: 150 ms latency, 1.6 Mbps down, 750 kbps up, CPU 4× slower, cache off), every
// file served gzip-encoded as a CDN serves it. This widget, a vanilla-JS embed and a
// Lit embed (each baseline bundled into one minified file with esbuild, as their users
// ship them), in the same Chromium, interleaved fresh loads, medians; each with and
// without the <link rel="preload"> hints a blogger may add. For every figure the
// requests of the median load are kept, so the critical path can be listed.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { build } from "esbuild";

/** The phone profile (issue 19). Throughputs are in bytes per second. */
export const PROFILE = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8, cpu: 4 };
export const PROFILE_TEXT = "150 ms latency, 1.6 Mbps down, 750 kbps up, CPU throttled 4×, cache disabled, every file gzip-encoded (level 9)";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm", ".css": "text/css; charset=utf-8" };
const REVIEW_URL = "/reviews/rust-and-bone.json";

/**
 * Serves `files` (URL path -> Buffer) gzip-encoded, as a CDN serves them (with CORS,
 * as a CDN on another origin must). Compressed once, up front, so the server adds
 * no time; `set` adds a file.
 */
function cdn(files) {
  const gz = new Map();
  const set = (p, body) => gz.set(p, zlib.gzipSync(body, { level: 9 }));
  for (const [p, body] of Object.entries(files)) set(p, body);
  const server = http.createServer((req, res) => {
    const p = new URL(req.url, "http://127.0.0.1").pathname;
    const body = gz.get(p);
    if (!body) { res.writeHead(404, { "content-type": "text/plain" }).end("not found"); return; }
    res.writeHead(200, { "content-type": TYPES[path.extname(p)] || "application/octet-stream", "content-encoding": "gzip", vary: "Accept-Encoding", "content-length": body.length, "cache-control": "public, max-age=31536000", "access-control-allow-origin": "*" });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}`, set, gzipBytes: (p) => gz.get(p).length, close: () => new Promise((r) => server.close(r)) })));
}

async function bundle(root, entry) {
  const out = await build({ entryPoints: [path.join(root, entry)], bundle: true, minify: true, format: "iife", target: "es2022", write: false, logLevel: "warning", legalComments: "none" });
  return Buffer.from(out.outputFiles[0].contents);
}

/** A short blog post with the embed pasted into it, as README.md tells a blogger. */
function post({ script, attrs, hints }) {
  const para = "<p>Marion Cotillard and Matthias Schoenaerts in Jacques Audiard's film: our critic's verdict, with the score and a place for your comments below.</p>";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Rust &amp; Bone: our review</title>
${hints.join("\n")}
<script>addEventListener("review-card:ready", (e) => { e.target.shadowRoot.querySelector("article").getBoundingClientRect(); if (!window.firstCard) window.firstCard = performance.now(); });</script>
<style>body{font:17px/1.5 Georgia,serif;max-width:40rem;margin:1rem auto;padding:0 1rem}</style></head>
<body><header><h1>Rust &amp; Bone</h1><p>Posted on November 16, 2012</p></header><main>${para}
<script src="${script}" async></script>
<review-card src="${REVIEW_URL}"${attrs}><a href="/reviews/rust-and-bone">Rust &amp; Bone: our review (7.2/10)</a></review-card>
${para}</main></body></html>`;
}

/** A <link> hint for one file the no-hint load fetched (`href`: its URL in the page). */
function hintFor(p, entry, href) {
  if (p === entry) return `<link rel="preload" href="${href}" as="script">`;
  if (p.endsWith(".js") || p.endsWith(".mjs")) return `<link rel="modulepreload" href="${href}">`;
  return `<link rel="preload" href="${href}" as="fetch" crossorigin>`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One fresh load on the phone profile: the first card's time and the requests before it. */
async function load(browser, url) {
  const ctx = await browser.newContext();
  const tab = await ctx.newPage();
  const cdp = await ctx.newCDPSession(tab);
  const reqs = new Map();
  cdp.on("Network.requestWillBeSent", (e) => {
    const stack = e.initiator && e.initiator.stack;
    let by = e.initiator && e.initiator.url;
    for (let s = stack; !by && s; s = s.parent) if (s.callFrames && s.callFrames.length) by = s.callFrames[0].url;
    reqs.set(e.requestId, { url: e.request.url, start: e.timestamp, by: by || null, kind: e.initiator && e.initiator.type, end: null, bytes: 0 });
  });
  cdp.on("Network.loadingFinished", (e) => { const r = reqs.get(e.requestId); if (r) { r.end = e.timestamp; r.bytes = e.encodedDataLength; } });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: PROFILE.latency, downloadThroughput: PROFILE.downloadThroughput, uploadThroughput: PROFILE.uploadThroughput });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpu });
  await tab.goto(url, { waitUntil: "commit" });
  await tab.waitForFunction(() => window.firstCard, null, { timeout: 60000, polling: 50 });
  const first = await tab.evaluate(() => window.firstCard);
  await ctx.close();
  const all = [...reqs.values()];
  const doc = all.find((r) => r.url === url) || all[0];
  const t0 = doc.start;
  const pathOf = (u) => { const x = new URL(u); return x.pathname; };
  const requests = all.filter((r) => r.end !== null).map((r) => ({ path: pathOf(r.url), by: r.by ? pathOf(r.by) : null, kind: r.kind, start: (r.start - t0) * 1000, end: (r.end - t0) * 1000, bytes: r.bytes }))
    .filter((r) => r.start <= first).sort((a, b) => a.start - b.start);
  return { first, requests };
}

/**
 * The requests the first card waited for, as a chain: the last request to finish
 * before the card, then whatever started it, back to the page.
 */
export function criticalPath(requests, first) {
  const done = requests.filter((r) => r.end <= first);
  if (!done.length) return [];
  let r = done.reduce((a, b) => (b.end > a.end ? b : a));
  const chain = [];
  const seen = new Set();
  while (r && !seen.has(r.path)) {
    chain.unshift(r);
    seen.add(r.path);
    const by = r.by;
    r = by ? done.find((x) => x.path === by) : null;
  }
  return chain;
}

/**
 * Runs the phone-profile loads. `widget` names the widget's files as a blogger
 * hosts them: { dir, files: [paths under dir], entry: the script tag's file }.
 */
export async function runMobile({ root, browser, runs, widget, also = [] }) {
  const review = fs.readFileSync(path.join(root, "tests/fixtures/rust-and-bone.json"));
  // The scripts and the wasm come from a CDN on its own origin; the page and the
  // review JSON from the blog.
  const files = {};
  for (const f of widget.files) files[`/cdn/review-card/${f}`] = fs.readFileSync(path.resolve(root, widget.dir, f));
  // An older build to compare may load other files (review_card_bg.wasm for comments,
  // before review_card_comments_bg.wasm): each is served if it has it.
  also.forEach((a, i) => {
    for (const f of new Set([...widget.files, "review_card_bg.wasm"])) {
      if (fs.existsSync(path.resolve(root, a.dir, f))) files[`/cdn/also-${i}/${f}`] = fs.readFileSync(path.resolve(root, a.dir, f));
    }
  });
  files["/cdn/vanilla/embed.js"] = await bundle(root, "bench/vanilla-embed.js");
  files["/cdn/lit/embed.js"] = await bundle(root, "bench/lit-embed.js");
  const cdnServer = await cdn(files);
  const blog = await cdn({ [REVIEW_URL]: review });
  const served = (p) => p === REVIEW_URL || !!files[p];
  const href = (p) => (files[p] ? cdnServer.url + p : p);
  const IMPLS = [
    { key: "ours", name: "review-card", script: `/cdn/review-card/${widget.entry}`, attrs: ' json-ld="off"' },
    { key: "oursForm", name: "review-card, card with its comment form", script: `/cdn/review-card/${widget.entry}`, attrs: ' json-ld="off" comments' },
    ...also.map((a, i) => ({ key: `also${i}`, name: a.label, script: `/cdn/also-${i}/${widget.entry}`, attrs: ' json-ld="off"' })),
    { key: "vanilla", name: "vanilla JS", script: "/cdn/vanilla/embed.js", attrs: "" },
    { key: "lit", name: "Lit", script: "/cdn/lit/embed.js", attrs: "" },
  ];
  // The hints come from what a first, untimed load without hints fetched (so they
  // follow the files the embed asks for).
  const configs = [];
  for (const im of IMPLS) {
    const page = `/post-${im.key}.html`;
    blog.set(page, Buffer.from(post({ script: href(im.script), attrs: im.attrs, hints: [] })));
    const warm = await load(browser, blog.url + page);
    const fetched = warm.requests.filter((r) => r.path !== page && served(r.path)).map((r) => r.path);
    const hints = [...new Set(fetched)].map((p) => hintFor(p, im.script, href(p)));
    blog.set(`/post-${im.key}-hints.html`, Buffer.from(post({ script: href(im.script), attrs: im.attrs, hints })));
    configs.push({ ...im, hints: false, page, loads: [] });
    configs.push({ ...im, hints: true, hintTags: hints.map((h) => h.replace(cdnServer.url, "https://cdn.example")), page: `/post-${im.key}-hints.html`, loads: [] });
  }
  for (let run = 0; run < runs; run++) {
    for (const c of configs) {
      const l = await load(browser, blog.url + c.page);
      l.requests = l.requests.filter((r) => r.path === c.page || served(r.path)); // not the favicon's 404
      c.loads.push(l);
    }
    process.stderr.write(`bench: mobile run ${run + 1} of ${runs} done\n`);
  }
  await cdnServer.close();
  await blog.close();
  return configs.map((c) => {
    const sorted = [...c.loads].sort((a, b) => a.first - b.first);
    const mid = sorted[Math.floor(sorted.length / 2)];
    const before = mid.requests.filter((r) => r.path !== c.page && r.end <= mid.first);
    // What the browser received (headers included), and the gzip bodies of the code
    // alone (the files fetched before the card, not the page or the review JSON).
    const transferred = before.reduce((a, r) => a + r.bytes, 0);
    const code = [...new Set(before.map((r) => r.path).filter((p) => files[p]))];
    const codeGzip = code.reduce((a, p) => a + cdnServer.gzipBytes(p), 0);
    return { ...c, first: median(c.loads.map((l) => l.first)), all: c.loads.map((l) => l.first), median: mid, transferred, code, codeGzip, path: criticalPath(mid.requests, mid.first) };
  });
}

const ms = (v) => `${Math.round(v)} ms`;
const name = (p) => p.replace(/^\/cdn\//, "").replace(/^\/reviews\//, "");

/** Markdown: the table, the critical paths and the hints, for BENCHMARKS.md. */
export function mobileMarkdown(results) {
  const get = (key, hints) => results.find((r) => r.key === key && r.hints === hints);
  const ratio = (a, b) => (a / b).toFixed(2) + "×";
  const rows = [
    "| first card through the embed, phone profile | no hints | / vanilla | with preload hints | / vanilla with hints | hints save | last byte to card (no hints) | code before the card, gzip | received before the card | requests in the chain |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const key of [...new Set(results.map((r) => r.key))]) {
    const a = get(key, false), b = get(key, true), va = get("vanilla", false), vb = get("vanilla", true);
    rows.push(`| ${a.name} | ${ms(a.first)} | ${ratio(a.first, va.first)} | ${ms(b.first)} | ${ratio(b.first, vb.first)} | ${ms(a.first - b.first)} | ${ms(a.median.first - a.path[a.path.length - 1].end)} | ${a.codeGzip.toLocaleString("en-US")} B | ${a.transferred.toLocaleString("en-US")} B | ${a.path.length} |`);
  }
  const paths = results.map((r) => {
    const chain = r.path.map((q) => `${name(q.path)} (${Math.round(q.start)}–${Math.round(q.end)} ms, ${q.bytes.toLocaleString("en-US")} B)`).join(" → ");
    const others = r.median.requests.filter((q) => !r.path.includes(q) && q.end <= r.median.first).map((q) => `${name(q.path)} (${Math.round(q.start)}–${Math.round(q.end)} ms)`);
    return `- ${r.name}, ${r.hints ? "with hints" : "no hints"} (card at ${ms(r.median.first)}): ${chain}${others.length ? "; in parallel: " + others.join(", ") : ""}`;
  });
  const hints = results.filter((r) => r.hints && r.key !== "oursForm").map((r) => `- ${r.name}:\n\n  \`\`\`html\n${r.hintTags.map((t) => "  " + t).join("\n")}\n  \`\`\``);
  return { table: rows.join("\n"), paths: paths.join("\n"), hints: hints.join("\n") };
}
