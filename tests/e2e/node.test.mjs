// Node and server rendering, from the installed tarball: `await init()` with no
// argument, exports before init, renderToString's HTML complete with JavaScript
// disabled, then taken over in place by the embed script (no second render, no
// second JSON-LD); and `npx review-card`, the package's command.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { installed } from "./tarball.mjs";
import { setup, page, FIXTURES } from "./lib.mjs";

const app = installed();
const SAMPLE = path.join(FIXTURES, "rust-and-bone.json");
const node = (code) => spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: app.app, encoding: "utf8" });
let env;
before(async () => {
  env = await setup();
  // The embed script as the tarball has it, served beside the page.
  for (const f of ["embed.js", "review_card_comments_bg.wasm", "review_card_card_bg.wasm"]) {
    const body = fs.readFileSync(path.join(app.unpacked, f));
    env.server.routes["/cdn/" + f] = (req, res) => { res.writeHead(200, { "content-type": f.endsWith(".js") ? "text/javascript" : "application/wasm" }); res.end(body); };
  }
});
after(async () => env?.close());

test("Node 20+: exports before init() say so; await init() with no argument works", () => {
  const r = node(`
    import init, { renderToString, mount, validateComment } from "review-card";
    const before = [];
    for (const f of [() => renderToString({ title: "x" }), () => validateComment({}), () => mount(null, {})]) {
      try { f(); before.push("no error"); } catch (e) { before.push(e instanceof Error ? e.message : String(e)); }
    }
    await init();
    await init(); // twice is fine
    console.log(JSON.stringify({ before, html: renderToString({ title: "Rust & Bone", score: 7.2 }).slice(0, 40) }));
  `);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  for (const m of out.before) assert.match(m, /call init\(\) first/);
  assert.equal(out.html, "<review-card data-rendered><template sha");
});

function ssr(options) {
  const r = node(`
    import init, { renderToString } from "review-card";
    import { readFileSync } from "node:fs";
    await init();
    process.stdout.write(renderToString(readFileSync(${JSON.stringify(SAMPLE)}, "utf8"), ${JSON.stringify(options)}));
  `);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}
const LAST_PARAGRAPH = JSON.parse(fs.readFileSync(SAMPLE, "utf8")).body.trim().split(/\n\s*\n/).pop().trim();
const doc = (body, head = "") => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SSR</title>${head}</head><body><main>${body}</main></body></html>`;

test("renderToString's HTML, with JavaScript disabled: the whole review readable, no dead control", async () => {
  const url = page(env.server, "/ssr-nojs.html", doc(ssr({ theme: "light" })));
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const tab = await context.newPage();
  await tab.goto(url);
  const r = await tab.evaluate(() => {
    const root = document.querySelector("review-card").shadowRoot;
    const ps = [...root.querySelectorAll(".body p")];
    const last = ps[ps.length - 1] || null;
    const box = last && last.getBoundingClientRect();
    const hidden = [...root.querySelectorAll("[hidden]")].length;
    return {
      last: last && last.textContent, lastVisible: !!box && box.height > 0 && box.width > 0, hidden,
      controls: [...root.querySelectorAll("button, input, select, textarea, [aria-expanded], [role=button]")].map((e) => e.outerHTML.slice(0, 60)),
    };
  });
  assert.equal(r.last, LAST_PARAGRAPH);
  assert.ok(r.lastVisible, "the last paragraph is shown");
  assert.equal(r.hidden, 0, "nothing hidden that only a script could reveal");
  assert.deepEqual(r.controls, [], "no control that needs JavaScript");
  await context.close();
});

test("the embed script takes a pre-rendered card over in place: no second render, one JSON-LD, the form works", async () => {
  const html = ssr({ theme: "auto", comments: { minFillMs: 0 } });
  const url = page(env.server, "/ssr-js.html", doc(html));
  const context = await env.browser.newContext();
  const tab = await context.newPage();
  const errors = [];
  tab.on("pageerror", (e) => errors.push(e.message));
  tab.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await tab.goto(url);
  // Mark the server's nodes, then load the embed script as a blog would.
  await tab.evaluate(() => {
    const root = document.querySelector("review-card").shadowRoot;
    root.querySelector("article").dataset.mark = "server";
    root.querySelector("form").dataset.mark = "server";
    // Elements added or removed (the form's counter may update its text).
    window.__mutations = 0;
    const elements = (nodes) => [...nodes].filter((n) => n.nodeType === 1).length;
    new MutationObserver((r) => { for (const m of r) window.__mutations += elements(m.addedNodes) + elements(m.removedNodes); }).observe(root, { childList: true, subtree: true });
    window.__ready = new Promise((r) => document.addEventListener("review-card:ready", r));
    const s = document.createElement("script");
    s.src = "/cdn/embed.js";
    document.head.appendChild(s);
  });
  await tab.evaluate(() => window.__ready);
  const before = await tab.evaluate(() => window.__mutations);
  const r = await tab.evaluate(() => {
    const root = document.querySelector("review-card").shadowRoot;
    return { mark: root.querySelector("article").dataset.mark, form: root.querySelector("form").dataset.mark, articles: root.querySelectorAll("article").length, ld: document.querySelectorAll('script[type="application/ld+json"]').length };
  });
  assert.deepEqual(r, { mark: "server", form: "server", articles: 1, ld: 1 });
  assert.equal(before, 0, "the server's markup was not re-rendered");
  // Interactive now: an empty comment is refused by the card's own validation.
  await tab.click("review-card >> button.submit");
  await tab.waitForSelector("review-card >> .summary:not([hidden])");
  assert.equal(await tab.locator("review-card >> textarea[name=comment]").getAttribute("aria-invalid"), "true");
  assert.deepEqual(errors, []);
  await context.close();
});

const npx = (...args) => spawnSync("npx", ["--no-install", "review-card", ...args], { cwd: app.app, encoding: "utf8" });
// The same command through the bin link npm made (npx takes about 2 s to start).
const cli = (...args) => spawnSync(path.join(app.app, "node_modules/.bin/review-card"), args, { cwd: app.app, encoding: "utf8" });

test("npx review-card renders the sample; refuses a missing file, an invalid review, an unknown option and --lang de", () => {
  const ok = npx(SAMPLE, "--lang", "fr", "--theme", "dark", "--heading-level", "3");
  assert.equal(ok.status, 0, ok.stderr);
  assert.ok(ok.stdout.startsWith("<review-card data-rendered><template shadowrootmode=\"open\">"), ok.stdout.slice(0, 80));
  assert.ok(ok.stdout.includes("Rust &amp; Bone") && ok.stdout.includes("<h3") && ok.stdout.includes("Note"), "French, level 3");
  assert.ok(ok.stdout.includes(LAST_PARAGRAPH.slice(-30).replaceAll("'", "&#39;")) || ok.stdout.includes(LAST_PARAGRAPH.slice(-18)));
  const stdin = spawnSync(path.join(app.app, "node_modules/.bin/review-card"), ["-"], { cwd: app.app, encoding: "utf8", input: fs.readFileSync(SAMPLE, "utf8") });
  assert.equal(stdin.status, 0, stdin.stderr);
  const bad = path.join(app.app, "bad.json");
  fs.writeFileSync(bad, JSON.stringify({ title: "x", score: 12 }));
  const de = npx("--lang", "de", SAMPLE);
  assert.equal(de.status, 1);
  assert.match(de.stderr, /supported languages: en, fr/);
  for (const [args, message] of [
    [["missing.json"], /review-card: missing\.json: no such file/],
    [[bad], /review-card: .*bad\.json: score.*12/],
    [["--colour", "red", SAMPLE], /review-card: unknown argument --colour/],
    [["--lang", "de", SAMPLE], /review-card: --lang de is not supported; supported languages: en, fr/],
    [["--theme", "blue", SAMPLE], /review-card: .*theme/],
    [[], /usage: review-card/],
  ]) {
    const r = cli(...args);
    assert.equal(r.status, 1, `${args.join(" ")}: exit ${r.status}`);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, "");
  }
});
