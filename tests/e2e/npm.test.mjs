// The frontend developer's path: the packed tarball installed into a Vite + React 19
// + TypeScript app in StrictMode (tests/vite-app), type-checked (<review-card …> in
// JSX through review-card/react), built, and run in headless Chromium: `mount` in an
// effect, `unmount` in its cleanup, across a prop change that keeps what the reader
// typed; and the element from `review-card/react` rendering by itself. The app is
// installed and built once per tarball (a stamp in dist/), so a warm run reuses it.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve } from "./server.mjs";
import { launch } from "./browser.mjs";
import { packed, run, ROOT } from "./tarball.mjs";
import { FIXTURES } from "./lib.mjs";

const APP = path.join(ROOT, "tests/vite-app");
const bin = (name) => path.join(APP, "node_modules/.bin", name);
let server, browser;
after(async () => { await browser?.close(); await server?.close(); });

const EXPECTED_FILES = ["LICENSE", "README.md", "cli.mjs", "element.d.ts", "element.js", "embed.js", "node.js", "package.json",
  "react.d.ts", "react.js", "review.schema.json", "review_card.d.ts", "review_card.js", "review_card_bg.wasm", "review_card_card_bg.wasm",
  "review_card_comments_bg.wasm"];

test("the tarball ships every path's files and says where they are", () => {
  const pkg = packed();
  assert.deepEqual(pkg.files.map((f) => f.path).sort(), EXPECTED_FILES);
  const json = JSON.parse(fs.readFileSync(path.join(pkg.unpacked, "package.json"), "utf8"));
  for (const key of ["name", "version", "description", "license", "repository", "types", "files", "exports", "bin", "unpkg", "jsdelivr"]) assert.ok(json[key], `package.json has ${key}`);
  assert.equal(json.unpkg, "embed.js");
  assert.equal(json.jsdelivr, "embed.js");
  assert.equal(json.bin["review-card"], "cli.mjs");
  assert.deepEqual(Object.keys(json.exports).sort(), [".", "./element", "./embed.js", "./package.json", "./react", "./review.schema.json", "./review_card_bg.wasm", "./review_card_card_bg.wasm", "./review_card_comments_bg.wasm"]);
  console.log(`# tarball ${path.basename(pkg.tarball)} ${fs.statSync(pkg.tarball).size} B: ${pkg.files.map((f) => `${f.path} ${f.size} B`).join(", ")}`);
});

test("Vite + React 19 + TypeScript (StrictMode): type-checks, builds, mounts, keeps typed values across a prop change", async () => {
  const pkg = packed();
  if (!fs.existsSync(bin("vite"))) run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], APP);
  const stamp = path.join(APP, "dist/.tarball");
  const sources = ["index.html", "vite.config.ts", "tsconfig.json", ...fs.readdirSync(path.join(APP, "src")).map((f) => "src/" + f)];
  const key = pkg.hash + ":" + sources.map((f) => fs.statSync(path.join(APP, f)).mtimeMs).join(",");
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== key) {
    run("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", pkg.tarball], APP);
    run(bin("tsc"), ["--noEmit", "-p", "."], APP);
    fs.rmSync(path.join(APP, "dist"), { recursive: true, force: true });
    fs.mkdirSync(path.join(APP, "public"), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, "rust-and-bone.json"), path.join(APP, "public/rust-and-bone.json"));
    run(bin("vite"), ["build", "--logLevel", "error"], APP);
    fs.writeFileSync(stamp, key);
  }
  const assets = fs.readdirSync(path.join(APP, "dist/assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), "Vite emitted the .wasm: " + assets.join(", "));

  server = await serve(path.join(APP, "dist"));
  browser = await launch();
  const tab = await browser.newPage();
  const errors = [];
  tab.on("pageerror", (e) => errors.push(e.message));
  tab.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") errors.push(m.text()); });
  await tab.goto(server.url + "/");
  await tab.waitForSelector("#review >> form");
  assert.equal(await tab.textContent("#review >> .title"), "Rust & Bone");
  assert.deepEqual(JSON.parse(await tab.textContent("#check")), { valid: false, codes: ["invalid_email"], ssr: true });
  // StrictMode mounted, unmounted and mounted again: one card, one JSON-LD.
  assert.deepEqual(await tab.evaluate(() => ({ articles: document.querySelector("#review").shadowRoot.querySelectorAll("article").length, ld: document.querySelectorAll("#review > script[type='application/ld+json']").length })), { articles: 1, ld: 1 });

  await tab.fill("#review >> input[name=author]", "Ada Lovelace");
  await tab.fill("#review >> input[name=email]", "ada@example.com");
  await tab.fill("#review >> input[name=url]", "ada.example");
  await tab.fill("#review >> textarea[name=comment]", "The ending earns its tears.");
  await tab.click("#lang"); // a prop change: cleanup unmounts, the effect mounts again
  await tab.waitForFunction(() => document.querySelector("#review").shadowRoot.querySelector(".score")?.getAttribute("aria-label") === "Note : 7,2 sur 10");
  const values = await tab.evaluate(() => Object.fromEntries(["author", "email", "url", "comment"].map((n) => [n, document.querySelector("#review").shadowRoot.querySelector(`[name=${n}]`).value])));
  assert.deepEqual(values, { author: "Ada Lovelace", email: "ada@example.com", url: "ada.example", comment: "The ending earns its tears." });
  assert.match(await tab.textContent("#review >> .count"), /65[\s\u202f\u00a0]?498/, "the counter follows the restored comment");

  // The element from review-card/react, with the attributes typed in JSX.
  await tab.waitForSelector("#element >> form");
  assert.deepEqual(await tab.evaluate(() => {
    const root = document.querySelector("#element").shadowRoot;
    return { heading: root.querySelector(".title").tagName, theme: root.querySelector(".card").dataset.theme };
  }), { heading: "H3", theme: "dark" });
  assert.deepEqual(errors, []);
});
