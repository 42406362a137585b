// The npm package as a frontend developer meets it: `npm pack` the built pkg/,
// install the tarball into a small Vite app, type-check it against the package's
// TypeScript types, build it, and render a card in headless Chromium.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { serve } from "./server.mjs";
import { launch } from "./browser.mjs";
import { WWW } from "./lib.mjs";

const ROOT = path.resolve(WWW, "..");
const APP = path.join(ROOT, "tests/vite-app");
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
let server, browser;
after(async () => { await browser?.close(); await server?.close(); });

test("the packed package installs, type-checks, builds with Vite and renders", async () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "pkg/package.json"), "utf8"));
  for (const key of ["name", "version", "description", "license", "repository", "types", "files", "exports"]) assert.ok(pkg[key], `package.json has ${key}`);
  const out = path.join(APP, ".tarball");
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out);
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", out, path.join(ROOT, "pkg")], ROOT));
  const files = packed[0].files.map((f) => f.path).sort();
  assert.deepEqual(files, ["LICENSE", "README.md", "package.json", "review.schema.json", "review_card.d.ts", "review_card.js", "review_card_bg.wasm"]);
  const tarball = path.join(out, packed[0].filename);
  if (!fs.existsSync(path.join(APP, "node_modules/vite"))) run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], APP);
  run("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", tarball], APP);
  run(path.join(APP, "node_modules/.bin/tsc"), ["--noEmit", "-p", "."], APP);
  fs.rmSync(path.join(APP, "dist"), { recursive: true, force: true });
  run(path.join(APP, "node_modules/.bin/vite"), ["build", "--logLevel", "error"], APP);
  const assets = fs.readdirSync(path.join(APP, "dist/assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), "Vite emitted the .wasm: " + assets.join(", "));

  server = await serve(path.join(APP, "dist"));
  browser = await launch();
  const tab = await browser.newPage();
  const errors = [];
  tab.on("pageerror", (e) => errors.push(e.message));
  await tab.goto(server.url + "/");
  await tab.waitForSelector("#review >> article");
  assert.equal(await tab.textContent("#review >> .title"), "Rust & Bone");
  assert.equal(await tab.getAttribute("#review >> [role=img]", "aria-label"), "Score: 7.2 out of 10");
  await tab.waitForSelector("#review >> form");
  assert.deepEqual(JSON.parse(await tab.textContent("#check")), { valid: false, codes: ["invalid_email"], ssr: true });
  assert.deepEqual(errors, []);
});
