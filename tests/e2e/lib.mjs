// Shared helpers for the end-to-end tests: one server and one browser per file,
// and pages that record everything that could go wrong.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { serve } from "./server.mjs";
import { launch } from "./browser.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const WWW = path.resolve(here, "../../www");
export const FIXTURES = path.resolve(here, "../fixtures");
const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve("axe-core/axe.min.js");

/** Starts the server (routes may be added later) and the browser. */
export async function setup(options = {}) {
  const server = await serve(WWW, options);
  const browser = await launch();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Serves an HTML page at `route` on the server. */
export function page(server, route, html, headers = {}) {
  server.routes[route] = (req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers });
    res.end(html);
  };
  return server.url + route;
}

/** A page document that loads the embed script. */
export function doc(body, { lang = "en", head = "" } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>test</title>` +
    `<script src="/embed.js"></script>${head}</head><body>${body}</body></html>`;
}

/** Opens a tab that records console errors, page errors, dialogs and CSP reports. */
export async function open(browser, url, { viewport = { width: 1000, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  const tab = await context.newPage();
  const log = { errors: [], console: [], dialogs: [], csp: [], pageErrors: [] };
  tab.on("console", (m) => { log.console.push(m.type() + ": " + m.text()); if (m.type() === "error") log.errors.push(m.text()); });
  tab.on("pageerror", (e) => log.pageErrors.push(String(e && e.message)));
  tab.on("dialog", (d) => { log.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await tab.addInitScript(() => {
    window.__unhandled = [];
    window.addEventListener("unhandledrejection", (e) => window.__unhandled.push(String(e.reason && e.reason.message || e.reason)));
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
    window.__xss = 0;
    window.__pwned = () => { window.__xss++; };
  });
  if (url) await tab.goto(url);
  return { tab, log, context };
}

/** Waits until `count` cards on the page have rendered an article. */
export async function cardsRendered(tab, count = 1, timeout = 15000) {
  await tab.waitForFunction((n) => {
    const hosts = [...document.querySelectorAll("review-card, [data-review-card]")];
    return hosts.filter((h) => h.shadowRoot && h.shadowRoot.querySelector("article")).length >= n;
  }, count, { timeout });
}

/** Runs axe on the page (it descends into open shadow roots) for WCAG A/AA tags. */
export async function axe(tab) {
  if (!(await tab.evaluate(() => !!window.axe))) await tab.addScriptTag({ path: AXE_PATH });
  return tab.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      resultTypes: ["violations"],
    });
    return {
      violations: r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ") + " :: " + n.failureSummary).slice(0, 3) })),
      rules: new Set([...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map((x) => x.id)).size,
      incomplete: r.incomplete.map((v) => v.id),
    };
  });
}

export const SAMPLE_JSON = (await import("node:fs")).readFileSync(path.join(FIXTURES, "rust-and-bone.json"), "utf8");
