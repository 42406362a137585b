// A module that never breaks: every export refuses bad arguments with an Error
// naming the argument, and 10,000 failing calls of every kind leave every export
// working, the wasm memory and the externref table where they were.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, page, open, SAMPLE_JSON } from "./lib.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => env.close());

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>calls</title></head>
<body><div id="ok"></div><script type="application/json" id="review">${SAMPLE_JSON}</script></body></html>`;

/** Loads the package module itself (no loader) and returns its wasm exports. */
async function module(tab) {
  await tab.evaluate(async () => {
    const m = await import("/review_card.js");
    const wasm = await m.default({ module_or_path: "/review_card_bg.wasm" });
    window.__m = m;
    window.__wasm = wasm;
  });
}

test("each export names the argument it refuses and what it expected", async () => {
  const url = page(env.server, "/calls-messages.html", HTML);
  const { tab, context } = await open(env.browser, url);
  await module(tab);
  const messages = await tab.evaluate(() => {
    const { mount, unmount, renderToString, validateComment } = window.__m;
    const review = document.getElementById("review").textContent;
    const el = document.getElementById("ok");
    const out = {};
    const call = (name, f) => {
      try { f(); out[name] = "no error"; } catch (e) { out[name] = (e instanceof Error ? "Error: " : "not an Error: ") + e.message; }
    };
    call("mount(null)", () => mount(null, review));
    call("mount(undefined)", () => mount(undefined, review));
    call("mount(string)", () => mount("#ok", review));
    call("mount({})", () => mount({ closest() { throw new Error("fake"); } }, review));
    call("mount(el, null)", () => mount(el, null));
    call("mount(el, 42)", () => mount(el, 42));
    call("mount(el, review, 7)", () => mount(el, review, 7));
    call("mount(input)", () => mount(document.createElement("input"), review));
    call("unmount(null)", () => unmount(null));
    call("renderToString(null)", () => renderToString(null));
    call("validateComment(null)", () => validateComment(null));
    call("validateComment(fields, 5)", () => validateComment({}, 5));
    return out;
  });
  assert.deepEqual(messages, {
    "mount(null)": "Error: element: expected an Element, got null",
    "mount(undefined)": "Error: element: expected an Element, got undefined",
    "mount(string)": "Error: element: expected an Element, got a string",
    "mount({})": "Error: element: expected an Element, got an object",
    "mount(el, null)": "Error: review: is required",
    "mount(el, 42)": "Error: review: expected an object",
    "mount(el, review, 7)": "Error: options: expected an object",
    "mount(input)": "Error: element: cannot hold a shadow root; mount into a <div>, a <section> or a <review-card>",
    "unmount(null)": "Error: element: expected an Element, got null",
    "renderToString(null)": "Error: review: is required",
    "validateComment(null)": "Error: fields: expected an object",
    "validateComment(fields, 5)": "Error: lang: expected a string, got a number",
  });
  await context.close();
});

test("10,000 failing calls of every kind leave every export working and memory flat", async () => {
  const url = page(env.server, "/calls-many.html", HTML);
  const { tab, log, context } = await open(env.browser, url);
  await module(tab);
  const r = await tab.evaluate(() => {
    const { mount, unmount, renderToString, validateComment } = window.__m;
    const wasm = window.__wasm;
    const review = document.getElementById("review").textContent;
    const el = document.getElementById("ok");
    const input = document.createElement("input");
    const host = document.createElement("div");
    document.body.append(host);
    const throwing = { toJSON() { throw new Error("host toJSON"); } };
    const getter = Object.defineProperty({}, "comment", { get() { throw new Error("host getter"); } });
    const kinds = {
      "mount(null)": () => mount(null, review),
      "mount(fake element)": () => mount({ closest() { throw new Error("fake"); } }, review),
      "mount(revoked proxy)": () => { const p = Proxy.revocable({}, {}); p.revoke(); mount(p.proxy, review); },
      "mount(el, bad JSON)": () => mount(host, '{"title": "x",, }'),
      "mount(el, number)": () => mount(host, 42),
      "mount(el, throwing toJSON)": () => mount(host, throwing),
      "mount(el, bad options)": () => mount(host, review, { theme: "neon" }),
      "mount(input)": () => mount(input, review),
      "unmount(fake element)": () => unmount({ closest() { throw new Error("fake"); } }),
      "renderToString(bad)": () => renderToString("{"),
      "renderToString(review, bad options)": () => renderToString(review, { headingLevel: 9 }),
      "validateComment(null)": () => validateComment(null),
      "validateComment(getter throws)": () => validateComment(getter),
      "validateComment(number field)": () => validateComment({ comment: 5 }),
      "validateComment(lang symbol)": () => validateComment({}, Symbol("x")),
      "validateComment(lang revoked proxy)": () => { const p = Proxy.revocable({}, {}); p.revoke(); validateComment({}, p.proxy); },
    };
    // By type, not by name: www/ renames the wasm's exports.
    const memory = Object.values(wasm).find((v) => v instanceof WebAssembly.Memory);
    const tables = Object.values(wasm).filter((v) => v instanceof WebAssembly.Table);
    const state = () => ({ memory: memory.buffer.byteLength, table: tables.map((t) => t.length).join("+") });
    // Warm up: the first calls of each kind may grow the heap once.
    for (const f of Object.values(kinds)) for (let i = 0; i < 50; i++) { try { f(); } catch (e) {} }
    const before = state();
    const failures = {};
    const t0 = performance.now();
    for (const [name, f] of Object.entries(kinds)) {
      let errors = 0;
      for (let i = 0; i < 10000; i++) {
        try { f(); } catch (e) { if (e instanceof Error && !(e instanceof WebAssembly.RuntimeError)) errors++; }
      }
      failures[name] = errors;
    }
    // A baseUrl the allow-list passes but the URL parser refuses: the link stays as
    // written, and nothing leaks (`new URL` would throw and keep a table slot each time).
    const relative = JSON.stringify({ ...JSON.parse(review), url: "x.html" });
    let refused = "";
    for (let i = 0; i < 10000; i++) refused = renderToString(relative, { baseUrl: "http://[::1" });
    const ms = performance.now() - t0;
    const afterState = state();
    // Every export still works.
    mount(el, review, { comments: true });
    const title = el.shadowRoot.querySelector(".title").textContent;
    const html = renderToString(review).slice(0, 28);
    const valid = validateComment({ comment: "A fine film.", author: "Ann", email: "ann@example.com" }).valid;
    const unresolved = /<a[^>]* href="([^"]*)"/.exec(refused)[1];
    return { failures, before, after: afterState, title, html, valid, unresolved, ms: Math.round(ms) };
  });
  for (const [name, errors] of Object.entries(r.failures)) assert.equal(errors, 10000, `${name}: ${errors} of 10,000 threw a plain Error`);
  assert.equal(r.title, "Rust & Bone");
  assert.equal(r.html, "<review-card data-rendered><");
  assert.equal(r.valid, true);
  assert.equal(r.unresolved, "x.html");
  assert.equal(r.after.memory, r.before.memory, `wasm memory ${r.before.memory} -> ${r.after.memory} bytes`);
  assert.equal(r.after.table, r.before.table, `externref table ${r.before.table} -> ${r.after.table} slots`);
  assert.deepEqual(log.pageErrors, []);
  console.log(`# hostile-calls: ${Object.keys(r.failures).length} kinds x 10,000 failing calls in ${r.ms} ms; memory ${r.before.memory} -> ${r.after.memory} B, externref table ${r.before.table} -> ${r.after.table}`);
  await context.close();
});
