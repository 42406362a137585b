// Faults: bad data, bad networks and bad comment endpoints. Each ends in a clear,
// accessible message; no unhandled rejection, no Rust panic, no lost comment text,
// and the module keeps working for the other cards.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, page, doc, open, cardsRendered, SAMPLE_JSON } from "./lib.mjs";

let env;
let faults = 0;
before(async () => { env = await setup(); });
after(async () => { await env.close(); console.log(`# faults: ${faults} faults injected`); });

const json = (body, status = 200, type = "application/json") => (req, res) => { res.writeHead(status, { "content-type": type }); res.end(body); };
const never = () => () => {}; // accepts the request and never answers
const slow = (ms, body) => (req, res) => setTimeout(() => json(body)(req, res), ms);

// Deep nesting where the card reads (unknown fields are never read at all).
const deep = `{"title":"x","credits":${"[".repeat(5000)}${"]".repeat(5000)}}`;
const DATA_FAULTS = {
  malformed: [json('{"title": "x",, }'), "the text is not valid JSON (line 1, column 15)"],
  truncated: [json(SAMPLE_JSON.slice(0, 300)), "the JSON ends too early"],
  huge: [json(JSON.stringify({ title: "x", body: "a".repeat(10 * 1024 * 1024) })), "bytes; the limit is 2000000"],
  "wrong types": [json('{"title": 12, "score": "7.2"}'), "title: expected a string, got a number"],
  "deeply nested": [json(deep), "credits[0]: expected an object with role and name, got a list"],
  "not an object": [json("[1,2,3]"), "expected a JSON object, got a list"],
  "score out of range": [json('{"title":"x","score":{"value":12}}'), "score.value: 12 is above max 10"],
  "a value that mentions wasm": [json('{"title":"x","kind":"wasm"}'), 'kind: "wasm" is not one of'],
  "404": [json("missing", 404, "text/plain"), "the server answered 404"],
  "500": [json("oops", 500, "text/plain"), "the server answered 500"],
  "wrong content type": [json("<html>login page</html>", 200, "text/html"), "expected JSON from"],
  timeout: [never(), "no answer from"],
};

test(`${Object.keys(DATA_FAULTS).length} data and network faults each end in an accessible error state`, async () => {
  let body = "";
  for (const [name, [route]] of Object.entries(DATA_FAULTS)) {
    const path = "/fault-" + name.replace(/ /g, "-") + ".json";
    env.server.routes[path] = route;
    const timeout = name === "timeout" ? ' timeout="500"' : "";
    body += `<review-card data-fault="${name}" src="${path}"${timeout}><a href="/fallback">Fallback link</a></review-card>`;
  }
  body += `<review-card id="good"><script type="application/json">${SAMPLE_JSON}</script></review-card>`;
  const url = page(env.server, "/faults.html", doc(`<main>${body}</main>`) .replace("</head>", "<script src=/fault-events.js></script></head>"));
  env.server.routes["/fault-events.js"] = json("window.__errors=[];document.addEventListener('review-card:error',e=>window.__errors.push(e.target.dataset.fault+': '+e.detail.message));", 200, "text/javascript");
  const { tab, log, context } = await open(env.browser, null, { viewport: { width: 900, height: 8000 } });
  await tab.goto(url);
  const n = Object.keys(DATA_FAULTS).length;
  await tab.waitForFunction((n) => window.__errors && window.__errors.length >= n, n, { timeout: 20000 });
  const states = await tab.evaluate(() => [...document.querySelectorAll("review-card[data-fault]")].map((c) => {
    const alert = c.shadowRoot.querySelector("[role=alert]");
    return { fault: c.dataset.fault, text: alert ? alert.querySelector("p").textContent : null, retry: !!(alert && alert.querySelector("button")) };
  }));
  for (const s of states) {
    const expected = DATA_FAULTS[s.fault][1];
    assert.ok(s.text && s.text.startsWith("This review could not be loaded: "), `${s.fault}: ${s.text}`);
    assert.ok(s.text.includes(expected), `${s.fault}: "${s.text}" should mention "${expected}"`);
    assert.ok(s.retry, `${s.fault}: has a retry button`);
  }
  faults += states.length;
  const prefixed = log.console.filter((m) => m.includes("[review-card]"));
  assert.equal(prefixed.length, n, "one prefixed console message per failed card");
  assert.deepEqual(await tab.evaluate(() => window.__unhandled), []);
  assert.deepEqual(log.pageErrors, []);
  assert.ok(!log.console.some((m) => /unreachable|panicked/.test(m)), "no Rust panic");
  // The good card rendered, and the module still works for a card added now.
  await cardsRendered(tab, 1);
  const later = await tab.evaluate(async () => {
    const el = document.createElement("review-card");
    el.innerHTML = '<script type="application/json">{"title":"Added later"}<\/script>';
    document.querySelector("main").prepend(el);
    await new Promise((r) => el.addEventListener("review-card:ready", r));
    return el.shadowRoot.querySelector(".title").textContent;
  });
  assert.equal(later, "Added later");
  await context.close();
});

test("a body that stalls after the headers times out with the same clear message", async () => {
  env.server.routes["/stall.json"] = (req, res) => { res.writeHead(200, { "content-type": "application/json" }); res.write('{"title":'); };
  const url = page(env.server, "/stall.html", doc('<review-card src="/stall.json" timeout="400"></review-card>'));
  const { tab, context } = await open(env.browser, url);
  const alert = await tab.waitForSelector("review-card >> [role=alert] p");
  assert.equal(await alert.textContent(), "This review could not be loaded: no answer from " + env.server.url + "/stall.json within 0.4 s");
  faults++;
  await context.close();
});

test("a slow response shows a loading state, then the card; retry recovers from a 500", async () => {
  let calls = 0;
  env.server.routes["/slow.json"] = slow(800, SAMPLE_JSON);
  env.server.routes["/flaky.json"] = (req, res) => (++calls === 1 ? json("down", 500, "text/plain") : json(SAMPLE_JSON))(req, res);
  const url = page(env.server, "/slow.html", doc('<review-card id=slow src="/slow.json"></review-card><review-card id=flaky src="/flaky.json"></review-card>'));
  const { tab, context } = await open(env.browser, url);
  const loading = await tab.waitForSelector("#slow >> [role=status]");
  assert.equal(await loading.textContent(), "Loading review…");
  assert.equal(await tab.getAttribute("#slow", "aria-busy"), "true");
  await tab.waitForSelector("#slow >> article", { timeout: 5000 });
  assert.equal(await tab.getAttribute("#slow", "aria-busy"), null);
  await tab.waitForSelector("#flaky >> [role=alert] button");
  await tab.click("#flaky >> [role=alert] button");
  await tab.waitForSelector("#flaky >> article");
  faults += 2;
  await context.close();
});

const ENDPOINT_FAULTS = {
  "500 with HTML": [json("<html><body><h1>Internal Server Error</h1></body></html>", 500, "text/html"), "Your comment was not accepted: the server answered 500"],
  // Form mode (the default): a 200 that is neither a redirect nor an error page is
  // what WordPress answers when it stored nothing.
  "200 with garbage": [json("\u0000\u0001garbage{{", 200, "text/plain"), "The site did not store your comment"],
  "hangs": [never(), "The site did not answer in time, so this page cannot tell whether your comment arrived."],
  "drops the connection": [(req) => req.socket.destroy(), "The connection failed before the site answered"],
  "403 with a WordPress message": [json('{"code":"rest_comment_login_required","message":"Sorry, you must be logged in to comment."}', 403), "Your comment was not accepted: Sorry, you must be logged in to comment."],
};

test(`${Object.keys(ENDPOINT_FAULTS).length} failing comment endpoints: clear message, nothing lost`, async () => {
  for (const [name, [route, expected]] of Object.entries(ENDPOINT_FAULTS)) {
    env.server.routes["/comments"] = route;
    const url = page(env.server, "/comment-fault.html", doc(`<review-card comments comments-endpoint="/comments" comments-min-fill-ms="0" comments-timeout-ms="500"><script type="application/json">${SAMPLE_JSON}</script></review-card>`));
    const { tab, log, context } = await open(env.browser, url);
    await cardsRendered(tab, 1);
    const typed = { comment: "Audiard’s best — 漢字 😀", author: "Ada", email: "ada@example.com", url: "https://ada.example" };
    for (const [k, v] of Object.entries(typed)) await tab.fill(`review-card >> [name=${k}]`, v);
    await tab.click("review-card >> button.submit");
    await tab.waitForFunction(() => {
      const s = document.querySelector("review-card").shadowRoot.querySelector(".status");
      return s.dataset.kind === "error";
    }, null, { timeout: 5000 });
    const status = await tab.textContent("review-card >> .status");
    assert.ok(status.startsWith(expected), `${name}: ${status}`);
    for (const [k, v] of Object.entries(typed)) assert.equal(await tab.inputValue(`review-card >> [name=${k}]`), v, `${name}: ${k} kept`);
    assert.equal(await tab.getAttribute("review-card >> form", "aria-busy"), null, `${name}: not stuck busy`);
    assert.deepEqual(await tab.evaluate(() => window.__unhandled), []);
    assert.deepEqual(log.pageErrors, []);
    faults++;
    await context.close();
  }
});
