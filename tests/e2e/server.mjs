// A static file server for the browser tests: serves www/ on 127.0.0.1 with the
// right MIME types (application/wasm for streaming compilation) and lets a test
// add routes and headers (for example a Content-Security-Policy).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
  ".png": "image/png", ".svg": "image/svg+xml",
};

/** Starts a server for `root`; `routes` maps a path to (req, res) => void. */
export function serve(root, { routes = {}, headers = {} } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const route = routes[url.pathname];
    if (route) return route(req, res);
    // Chromium asks for /favicon.ico on its own schedule; a 404 there would reach the
    // console as an error in whichever test happened to be listening.
    if (url.pathname === "/favicon.ico") { res.writeHead(204).end(); return; }
    const file = path.join(root, decodeURIComponent(url.pathname).replace(/\/$/, "/index.html"));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { "content-type": "text/plain" }).end("not found"); return; }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store", ...headers });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)), routes });
  }));
}
