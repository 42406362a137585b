// Completes wasm-pack's pkg/ into the npm package, the one distribution every path
// uses (README): the ES module API and its types, the Node entry, the embed script
// for bloggers and CDNs, the element entry, the CLI, the JSON Schema. Then copies
// what a blog hosts into www/ (the demo), so the demo runs on the same files.
// Run after `wasm-pack build`.
//
// pkg/, as a CDN serves it (https://cdn.jsdelivr.net/npm/review-card@VERSION/…):
//   embed.js              the blogger's one script: loader + glue, minified (terser)
//   review_card_bg.wasm   the wasm of review_card.js; short import/export names (wasm-opt)
//   review_card_comments_bg.wasm  embed.js's wasm for cards with comments: the same
//                         crate without the ES module's extra exports, on the same glue
//   review_card_card_bg.wasm  the same without the comment form either: embed.js
//                         loads it while no card on the page has comments
//   review_card.js        ES module API (readable; bundlers minify it)   + .d.ts
//   node.js               Node entry: `await init()` reads the wasm with fs
//   element.js, react.js  `review-card/element`, `review-card/react`     + .d.ts
//   cli.mjs               `npx review-card`
//   review.schema.json, README.md, LICENSE, package.json
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { adoptGlue, minifyNames, minifyText } from "./minify.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkgDir = path.join(root, "pkg");
const p = (...f) => path.join(root, ...f);
const read = (f) => fs.readFileSync(f, "utf8");
const pkgFile = path.join(pkgDir, "package.json");
const pkg = JSON.parse(read(pkgFile));

/** Replaces `from` (which must occur exactly once) in `text`. */
function replaceOnce(text, from, to, what) {
  if (text.split(from).length !== 2) throw new Error(`package: ${what}: the text to replace is not there exactly once (wasm-bindgen changed?)`);
  return text.replace(from, () => to);
}

// --- The glue ---------------------------------------------------------------
// Strings go into the wasm through one `TextEncoder.encodeInto`. wasm-bindgen's glue
// first copies ASCII one character at a time in a JS loop, then moves to
// `encodeInto` at the first non-ASCII character, growing the buffer by reallocation
// (wasm-bindgen issue #1776 asks whether that loop still pays). For the
// 65,525-byte comment validated on every keystroke the loop is most of the cost
// (about half; issue 19's goal is under 1 ms, BENCHMARKS.md has the figures). The
// buffer is sized for the worst case (3 bytes per
// UTF-16 unit) and shrunk in place after; `__wbindgen_realloc` must not be asked for
// zero bytes, so an empty string (and a full buffer) is left as allocated. The exact text is required, so a
// wasm-bindgen upgrade that changes it fails the build here (the version is pinned).
const PASS_STRING = `    let len = arg.length;
    let ptr = malloc(len, 1) >>> 0;

    const mem = getUint8ArrayMemory0();

    let offset = 0;

    for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 0x7F) break;
        mem[ptr + offset] = code;
    }
    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }
        ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
        const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
        const ret = cachedTextEncoder.encodeInto(arg, view);

        offset += ret.written;
        ptr = realloc(ptr, len, offset, 1) >>> 0;
    }
`;
const ENCODE_INTO = `    const len = arg.length * 3;
    let ptr = malloc(len, 1) >>> 0;
    const offset = cachedTextEncoder.encodeInto(arg, getUint8ArrayMemory0().subarray(ptr, ptr + len)).written;
    if (offset !== len) ptr = realloc(ptr, len, offset, 1) >>> 0;
`;
const gluePath = path.join(pkgDir, "review_card.js");
const cardDir = p("target/card-pkg");
const namesFile = path.join(cardDir, "names.json");
const wasmPath = path.join(pkgDir, "review_card_bg.wasm");
let glue = read(gluePath);
if (!glue.includes("/* review-card: packaged */")) {
  glue = replaceOnce(glue, PASS_STRING, ENCODE_INTO, "passStringToWasm0");
  // Every export called before init() says so, instead of a TypeError from inside
  // the glue ("Cannot read properties of undefined (reading '__wbindgen_free')").
  const exported = [...glue.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
  if (exported.length === 0) throw new Error("package: no exported functions found in the glue");
  glue = glue.replace(/^(export function \w+\([^)]*\) \{)$/gm, "$1\n    if (wasm === undefined) notReady();");
  if (glue.split("if (wasm === undefined) notReady();").length - 1 !== exported.length) {
    throw new Error("package: not every exported function got its init() check");
  }
  glue = replaceOnce(glue, "let wasmModule, wasmInstance, wasm;\n", `let wasmModule, wasmInstance, wasm;\n\nfunction notReady() {\n    throw new Error("review-card: call init() first (await init() once, then use the other exports)");\n}\n`, "let wasm");
  // Short names between the glue and the wasm (scripts/minify.mjs).
  const renamed = wasmPath + ".renamed";
  const raw = glue;
  const names = minifyNames(wasmPath, renamed, glue, p("node_modules/.bin/wasm-opt"));
  glue = names.glue;
  fs.renameSync(renamed, wasmPath);
  // Kept for the card-only wasm (below), which is renamed to match on every run.
  fs.writeFileSync(namesFile, JSON.stringify({ glue: raw, map: names.map, module: names.module }));
  glue = "/* review-card: packaged */\n" + glue;
  fs.writeFileSync(gluePath, glue);
}
// The embed's two builds (Makefile: without the `api` feature) run on the same glue:
// their imports are a subset of the full build's, renamed to the same short names.
const saved = JSON.parse(read(namesFile));
for (const [dir, file] of [["target/comments-pkg", "review_card_comments_bg.wasm"], ["target/card-pkg", "review_card_card_bg.wasm"]]) {
  adoptGlue(p(dir, "review_card_bg.wasm"), path.join(pkgDir, file), read(p(dir, "review_card.js")), saved.glue, saved);
}

// wasm-pack's declarations of the wasm's own exports name the long names; nothing
// imports them.
fs.rmSync(path.join(pkgDir, "review_card_bg.wasm.d.ts"), { force: true });

// --- The embed script: loader + glue in one classic script ---------------------
const loader = read(p("js/loader.js"));
/** The glue as plain declarations for a function body (no import.meta, no exports). */
function glueAsScript(text) {
  let s = text.replace(/^export function /gm, "function ").replace(/^export class /gm, "class ");
  s = replaceOnce(s, "export { initSync, __wbg_init as default };", "", "export { initSync, default }");
  // The embed always passes the compiled module; the default URL is never used.
  s = replaceOnce(s, "new URL('review_card_bg.wasm', import.meta.url)", "undefined", "import.meta.url");
  if (/\bexport\b|\bimport\b/.test(s.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ""))) throw new Error("package: the glue still has module syntax");
  return s;
}
let embed = read(p("js/embed.js"));
embed = replaceOnce(embed, "/* @glue */", glueAsScript(glue), "embed @glue");
embed = replaceOnce(embed, "/* @loader */", loader, "embed @loader");
fs.writeFileSync(path.join(pkgDir, "embed.js"), (await minifyText(embed, false, "embed.js")) + "\n");

// --- Other entries ------------------------------------------------------------
fs.writeFileSync(path.join(pkgDir, "element.js"), replaceOnce(read(p("js/element.js")), "/* @loader */", loader, "element @loader"));
for (const f of ["node.js", "cli.mjs", "react.js", "element.d.ts", "react.d.ts"]) fs.copyFileSync(p("js", f), path.join(pkgDir, f));
fs.chmodSync(path.join(pkgDir, "cli.mjs"), 0o755);
fs.copyFileSync(p("schema/review.schema.json"), path.join(pkgDir, "review.schema.json"));
fs.copyFileSync(p("README.md"), path.join(pkgDir, "README.md"));
if (!fs.existsSync(path.join(pkgDir, "LICENSE"))) fs.copyFileSync(p("LICENSE"), path.join(pkgDir, "LICENSE"));

const dts = path.join(pkgDir, "review_card.d.ts");
const text = read(dts)
  .replaceAll("options: ReviewCardOptions | undefined", "options?: ReviewCardOptions")
  .replace("review: Review | SchemaOrgReview | string | undefined, options?:", "review?: Review | SchemaOrgReview | string, options?:");
if (/export function \w+\([^)]*: any/.test(text)) throw new Error("package: an exported function still takes `any`");
// init() with no argument: the browser fetches the wasm next to the glue, Node reads it.
fs.writeFileSync(dts, text);

// --- package.json ------------------------------------------------------------
pkg.type = "module";
pkg.main = "node.js";
pkg.module = "review_card.js";
pkg.types = "review_card.d.ts";
// Bare CDN URLs (https://cdn.jsdelivr.net/npm/review-card) serve the embed script.
pkg.unpkg = "embed.js";
pkg.jsdelivr = "embed.js";
pkg.bin = { "review-card": "cli.mjs" };
pkg.files = ["embed.js", "review_card.js", "review_card.d.ts", "review_card_bg.wasm", "review_card_comments_bg.wasm", "review_card_card_bg.wasm", "node.js", "element.js", "element.d.ts",
  "react.js", "react.d.ts", "cli.mjs", "review.schema.json", "README.md", "LICENSE"];
pkg.exports = {
  ".": { types: "./review_card.d.ts", node: "./node.js", import: "./review_card.js", default: "./review_card.js" },
  "./element": { types: "./element.d.ts", default: "./element.js" },
  "./react": { types: "./react.d.ts", default: "./react.js" },
  "./embed.js": "./embed.js",
  "./review_card_bg.wasm": "./review_card_bg.wasm",
  "./review_card_comments_bg.wasm": "./review_card_comments_bg.wasm",
  "./review_card_card_bg.wasm": "./review_card_card_bg.wasm",
  "./review.schema.json": "./review.schema.json",
  "./package.json": "./package.json",
};
pkg.engines = { node: ">=20" };
pkg.homepage = pkg.homepage || "https://github.com/review-card/review-card#readme";
// The element entries register <review-card>: not to be tree-shaken away.
pkg.sideEffects = ["./element.js", "./react.js", "./embed.js"];
fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + "\n");
for (const f of pkg.files) if (!fs.existsSync(path.join(pkgDir, f))) throw new Error(`package: ${f} is listed in files but missing`);

// --- www/: the demo, on the package's own files --------------------------------
for (const f of ["embed.js", "review_card.js", "review_card_bg.wasm", "review_card_comments_bg.wasm", "review_card_card_bg.wasm"]) fs.copyFileSync(path.join(pkgDir, f), p("www", f));
fs.rmSync(p("www/pkg"), { recursive: true, force: true });
for (const f of ["embed.js", "review_card.js", "review_card_bg.wasm", "review_card_comments_bg.wasm", "review_card_card_bg.wasm"]) console.log(`package: pkg/${f} ${fs.statSync(path.join(pkgDir, f)).size} B`);
console.log("package: pkg/ is complete (embed script, ES module, Node entry, element, types, CLI, schema); www/ has the same embed files");
