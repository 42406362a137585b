// Minifies what a blogger's page downloads into www/ (the folder `make build` lays
// out for hosting): the embed loader and the wasm-bindgen glue (terser), and the
// names the glue and the wasm use for each other (wasm-opt's
// --minify-imports-and-exports-and-modules). wasm-bindgen names each of its ~110
// imports like `__wbg_setAttribute_6a3ee9b5deb84fea`; those hashes appear in both
// files and do not compress. Measured 2026-11-23: 2.3 kB gzip less in the wasm alone.
//
// The npm package in pkg/ keeps the readable glue and the full names: bundlers
// minify it themselves, and its `init()` result keeps `memory` and the exports'
// names. In www/ the exports are renamed too (`init()`'s result is internal there).
// `make bench` minifies the vanilla and Lit baselines with the same terser settings.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { minify } from "terser";

/** Terser settings shared by the build and the benchmark. */
export const OPTIONS = { compress: { passes: 2 }, mangle: true, format: { comments: /^!/ } };

/** Minified text of one JavaScript file (`module`: an ES module). */
export async function minifyFile(file, module) {
  return minifyText(fs.readFileSync(file, "utf8"), module, file);
}

async function minifyText(text, module, what) {
  const out = await minify(text, { ...OPTIONS, module });
  if (typeof out.code !== "string") throw new Error(`minify: no output for ${what}`);
  return out.code;
}

// What rustc and wasm-bindgen emit (the build strips the target-features section,
// so wasm-opt is told). Not --all-features: that re-encodes imports for proposals
// browsers do not ship.
const FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-reference-types", "--enable-multivalue", "--enable-sign-ext", "--enable-mutable-globals"];

const escape = (s) => s.replace(/[$.]/g, "\\$&");

/**
 * Renames the wasm's imports, exports and import module with wasm-opt, writing
 * `wasmOut`, and returns `glue` with the same renames. Throws if any name is not
 * found exactly where it is expected, so a wasm-bindgen upgrade that changes the
 * glue's shape fails the build instead of shipping a broken pair.
 */
export function minifyNames(wasmIn, wasmOut, glue, wasmOpt) {
  const map = JSON.parse(execFileSync(wasmOpt, [wasmIn, ...FEATURES, "--minify-imports-and-exports-and-modules", "-o", wasmOut], { encoding: "utf8" }));
  const modules = new Set(map.imports.map(([m]) => m));
  if (modules.size !== 1) throw new Error(`minify: expected one import module, got ${[...modules].join(", ")}`);
  const [moduleName] = modules;
  const imported = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(wasmOut)));
  const newModule = imported[0].module;
  const moduleKey = `${JSON.stringify(moduleName)}: import0`;
  if (glue.split(moduleKey).length !== 2) throw new Error(`minify: glue does not name the import module once as ${moduleKey}`);
  glue = glue.replace(moduleKey, `${JSON.stringify(newModule)}: import0`);
  for (const [, name, short] of map.imports) {
    const key = new RegExp(`^(\\s+)${escape(name)}:`, "gm");
    const hits = glue.match(key) || [];
    if (hits.length !== 1) throw new Error(`minify: import ${name} appears ${hits.length} times in the glue`);
    glue = glue.replace(key, `$1${short}:`);
  }
  const shorts = new Set();
  for (const [name, short] of map.exports) {
    glue = glue.replace(new RegExp(`\\bwasm\\.${escape(name)}\\b`, "g"), `wasm.${short}`);
    shorts.add(short);
  }
  for (const [, used] of glue.matchAll(/\bwasm\.([\w$]+)/g)) {
    if (!shorts.has(used)) throw new Error(`minify: the glue uses wasm.${used}, which the wasm does not export`);
  }
  const keys = new Set([...glue.matchAll(/^\s+([\w$]+): function/gm)].map((m) => m[1]));
  for (const { name } of imported) {
    if (!keys.has(name)) throw new Error(`minify: the wasm imports ${name}, which the glue does not provide`);
  }
  return glue;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const p = (f) => path.join(root, f);
  const write = (to, code, from) => {
    fs.mkdirSync(path.dirname(p(to)), { recursive: true });
    fs.writeFileSync(p(to), code + "\n");
    console.log(`minify: ${from} ${fs.statSync(p(from)).size} B -> ${to} ${fs.statSync(p(to)).size} B`);
  };
  write("www/embed.js", await minifyFile(p("www/src/embed.js"), false), "www/src/embed.js");
  fs.mkdirSync(p("www/pkg"), { recursive: true });
  const glue = minifyNames(p("pkg/review_card_bg.wasm"), p("www/pkg/review_card_bg.wasm"), fs.readFileSync(p("pkg/review_card.js"), "utf8"), p("node_modules/.bin/wasm-opt"));
  console.log(`minify: pkg/review_card_bg.wasm ${fs.statSync(p("pkg/review_card_bg.wasm")).size} B -> www/pkg/review_card_bg.wasm ${fs.statSync(p("www/pkg/review_card_bg.wasm")).size} B (names)`);
  write("www/pkg/review_card.js", await minifyText(glue, true, "pkg/review_card.js"), "pkg/review_card.js");
}
