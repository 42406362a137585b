// The real WordPress for the end-to-end tests: tests/wordpress/start.sh (Debian's
// packages, a private MariaDB, `php -S` on 127.0.0.1), driven from Node.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const DIR = path.resolve(here, "../wordpress");
const WWW = path.resolve(here, "../../www");

/** Starts (or reuses) the WordPress on WP_PORT, else the first free port of 8321–8329. */
export function startWordPress() {
  const first = Number(process.env.WP_PORT || 8321);
  for (let port = first; port <= Math.max(first, 8329); port++) {
    const env = { ...process.env, PORT: String(port) };
    let out;
    try {
      out = execFileSync(path.join(DIR, "start.sh"), { env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    } catch (e) {
      if (e.status === 3) continue; // the port is someone else's
      throw e;
    }
    const vars = Object.fromEntries(out.trim().split("\n").map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
    const wp = (...args) => execFileSync(path.join(DIR, "wp.sh"), args, { env, encoding: "utf8" }).trim();
    // The built widget, served by WordPress's own server (same origin as the site).
    // The site outlives a run (its state is in /tmp): a link left by another
    // checkout would serve that checkout's build, so it is pointed here each time.
    const link = path.join(vars.DOCROOT, "pages", "www");
    let target = null;
    try { target = fs.readlinkSync(link); } catch { /* not there yet */ }
    if (target !== WWW) {
      fs.rmSync(link, { force: true });
      fs.symlinkSync(WWW, link);
    }
    return {
      port, base: vars.BASE, vars,
      posts: { open: +vars.OPEN_POST, closed: +vars.CLOSED_POST, draft: +vars.DRAFT_POST, password: +vars.PASSWORD_POST, tableForm: +vars.TABLE_FORM_POST, tableRest: +vars.TABLE_REST_POST },
      wp,
      comments: () => JSON.parse(wp("comments")),
      option: (name, value) => wp("option", name, value),
      /** Writes a page into the site's document root; returns its URL. */
      page(name, html) {
        fs.writeFileSync(path.join(vars.DOCROOT, "pages", name), html);
        return `${vars.BASE}/pages/${name}`;
      },
      stop: () => execFileSync(path.join(DIR, "stop.sh"), { env, stdio: "inherit" }),
    };
  }
  throw new Error("no free port for WordPress in 8321-8329");
}

/** A page with one card whose form posts as the attributes say. */
export function cardPage(attrs, { script = "/pages/www/embed.js", review = { title: "Rust & Bone", url: "https://blog.example/rust-and-bone/" } } = {}) {
  const a = Object.entries(attrs).map(([k, v]) => (v === true ? k : `${k}="${String(v).replace(/"/g, "&quot;")}"`)).join(" ");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>WordPress test</title><script src="${script}"></script></head>` +
    `<body><main><review-card comments comments-min-fill-ms="0" ${a}><script type="application/json">${JSON.stringify(review)}</script></review-card></main></body></html>`;
}

/** Fills the card's fields, clicks "Post Comment" and waits for the verdict:
 * `{ kind: "invalid", text }` (the widget refused), or the status line's kind and text. */
export async function send(tab, fields) {
  await tab.waitForFunction(() => document.querySelector("review-card")?.shadowRoot?.querySelector("form.form[novalidate]"));
  await tab.evaluate((fields) => {
    const root = document.querySelector("review-card").shadowRoot;
    for (const [k, v] of Object.entries(fields)) {
      const el = root.querySelector(`[name="${k}"]`);
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }
    root.querySelector(".status").removeAttribute("data-kind");
    root.querySelector("button.submit").click();
  }, fields);
  return verdict(tab);
}

/** Waits for the form's verdict (see `send`). */
export async function verdict(tab) {
  const h = await tab.waitForFunction(() => {
    const root = document.querySelector("review-card").shadowRoot;
    const summary = root.querySelector(".summary");
    if (summary && !summary.hidden) return { kind: "invalid", text: [...summary.querySelectorAll("li")].map((l) => l.textContent).join(" | ") };
    const s = root.querySelector(".status");
    return s.dataset.kind ? { kind: s.dataset.kind, text: s.firstChild ? s.firstChild.textContent.trim() : "", retry: !!s.querySelector("button.retry") } : null;
  }, null, { timeout: 20000 });
  return h.jsonValue();
}

/** The value of a field of the card's form. */
export function fieldValue(tab, name) {
  return tab.evaluate((name) => document.querySelector("review-card").shadowRoot.querySelector(`[name="${name}"]`).value, name);
}
