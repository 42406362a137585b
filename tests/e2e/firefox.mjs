// Debian's Firefox ESR through geckodriver's WebDriver HTTP API (playwright-core
// drives only its own patched Firefox builds, which are downloads). Just what the
// tests need: open a URL, run a script that resolves a value, close.
import { spawn } from "node:child_process";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const GECKODRIVER = process.env.GECKODRIVER || path.join(os.homedir(), ".cargo/bin/geckodriver");
const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function call(base, method, route, body) {
  const r = await fetch(base + route, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
  const json = await r.json();
  if (!r.ok) throw new Error(`geckodriver ${method} ${route}: ${json.value && json.value.message}`);
  return json.value;
}

/** Starts Firefox (headless); returns { open(url), run(fn, ...args), close() }. */
export async function firefox() {
  const port = await freePort();
  const driver = spawn(GECKODRIVER, ["--host", "127.0.0.1", "--port", String(port)], { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { await call(base, "GET", "/status"); break; } catch (e) {
      if (i > 100) { driver.kill(); throw new Error("geckodriver did not start: " + e.message); }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  let session;
  try {
    session = (await call(base, "POST", "/session", { capabilities: { alwaysMatch: { browserName: "firefox", "moz:firefoxOptions": {
      binary: FIREFOX, args: ["-headless"],
      prefs: { "app.update.enabled": false, "browser.shell.checkDefaultBrowser": false, "network.captive-portal-service.enabled": false, "datareporting.policy.dataSubmissionEnabled": false },
    } } } })).sessionId;
  } catch (e) { driver.kill(); throw e; }
  const s = `/session/${session}`;
  return {
    open: (url) => call(base, "POST", `${s}/url`, { url }),
    /** Runs `fn(...args)` (may return a promise) in the page and returns its value. */
    run: (fn, ...args) => call(base, "POST", `${s}/execute/async`, {
      script: `const done = arguments[arguments.length - 1]; Promise.resolve((${fn}).apply(null, Array.from(arguments).slice(0, -1))).then((v) => done({ ok: v }), (e) => done({ error: String(e && e.message || e) }));`,
      args,
    }).then((r) => { if (r && "error" in r) throw new Error(r.error); return r.ok; }),
    async close() {
      try { await call(base, "DELETE", s); } finally { driver.kill(); }
    },
  };
}
