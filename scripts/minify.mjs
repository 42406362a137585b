// Minification for the package (used by scripts/package.mjs): terser for the embed
// script, and the names the glue and the wasm use for each other (wasm-opt's
// --minify-imports-and-exports-and-modules). wasm-bindgen names each of its ~110
// imports like `__wbg_setAttribute_6a3ee9b5deb84fea`; those hashes appear in both
// files and do not compress. Measured 2026-11-23: 2.3 kB gzip less in the wasm alone.
// The package ships one wasm with the short names, so the ES module glue carries
// them too (it stays readable otherwise: bundlers minify it themselves).
// `make bench` minifies the vanilla and Lit baselines with the same terser settings.
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { minify } from "terser";

/** Terser settings shared by the build and the benchmark. */
export const OPTIONS = { compress: { passes: 2 }, mangle: true, format: { comments: /^!/ } };

/** Minified text of one JavaScript file (`module`: an ES module). */
export async function minifyFile(file, module) {
  return minifyText(fs.readFileSync(file, "utf8"), module, file);
}

/** Minified text of JavaScript source `text` (`what` names it in errors). */
export async function minifyText(text, module, what) {
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
