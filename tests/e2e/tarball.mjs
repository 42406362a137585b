// The package as users get it: `npm pack` of the built pkg/, once per build (cached
// under tests/e2e/.out/pack, keyed by the packed files' contents), unpacked as a CDN
// serves it, and installed into a plain Node project.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../..");
const OUT = path.join(here, ".out/pack");
export const run = (cmd, args, cwd, env) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: env ? { ...process.env, ...env } : process.env });

/** Hash of pkg/ (what `npm pack` would ship). */
function pkgHash() {
  const h = crypto.createHash("sha256");
  const dir = path.join(ROOT, "pkg");
  for (const f of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, f);
    if (fs.statSync(full).isFile()) h.update(f).update(fs.readFileSync(full));
  }
  return h.digest("hex").slice(0, 16);
}

/**
 * Packs pkg/ (reusing the tarball of an identical pkg/) and returns
 * `{ tarball, unpacked, name, version, files: [{ path, size }] }`; `unpacked` is
 * the tarball's `package/` folder.
 */
export function packed() {
  const hash = pkgHash();
  const dir = path.join(OUT, hash);
  const info = path.join(dir, "pack.json");
  if (!fs.existsSync(info)) {
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const [p] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", dir, path.join(ROOT, "pkg")], ROOT));
    run("tar", ["xzf", p.filename, "-C", dir], dir);
    fs.writeFileSync(info, JSON.stringify({ filename: p.filename, name: p.name, version: p.version, files: p.files.map((f) => ({ path: f.path, size: f.size })) }));
  }
  const p = JSON.parse(fs.readFileSync(info, "utf8"));
  return { tarball: path.join(dir, p.filename), unpacked: path.join(dir, "package"), name: p.name, version: p.version, files: p.files, hash };
}

/** A Node project with the tarball installed (npm install, no other dependencies). */
export function installed() {
  const p = packed();
  const app = path.join(OUT, p.hash, "node-app");
  if (!fs.existsSync(path.join(app, "node_modules", p.name, "package.json"))) {
    fs.mkdirSync(app, { recursive: true });
    fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "node-app", private: true, type: "module" }));
    run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", p.tarball], app);
  }
  return { ...p, app };
}
