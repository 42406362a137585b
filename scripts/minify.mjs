// Minification for the package (used by scripts/package.mjs): terser for the embed
// script, and the names the glue and the wasm use for each other (wasm-opt's
// --minify-imports-and-exports-and-modules). wasm-bindgen names each of its ~110
// imports like `__wbg_setAttribute_6a3ee9b5deb84fea`; those hashes appear in both
// files and do not compress (BENCHMARKS.md has what the short names save).
// The package ships one wasm with the short names, so the ES module glue carries
// them too (it stays readable otherwise: bundlers minify it themselves).
// `make bench` minifies the vanilla and Lit baselines with the same terser settings.
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { minify } from "terser";

/**
 * Terser settings shared by the build and the benchmark. ES2020 output (every
 * browser that runs the card has it), with function expressions that use neither
 * `this` nor `arguments` written as arrows (`unsafe_arrows`: unsafe only for a
 * function called with `new`, which none of ours or the glue's is).
 */
export const OPTIONS = { ecma: 2020, compress: { passes: 2, unsafe_arrows: true }, mangle: true, format: { comments: /^!/ } };

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
  return { glue, map, module: newModule };
}

/** The glue's import functions (`__wbg_get_imports`), by name: their source text. */
function importFunctions(glue) {
  const out = new Map();
  const start = glue.indexOf("function __wbg_get_imports()");
  if (start < 0) throw new Error("minify: no __wbg_get_imports in the glue");
  const lines = glue.slice(start).split("\n");
  let name = null;
  for (const line of lines.slice(1)) {
    const head = /^        ([\w$]+): function\(/.exec(line);
    if (head) { name = head[1]; out.set(name, []); continue; }
    if (/^    [^ ]/.test(line)) { if (out.size) break; continue; }
    // Comments name wasm-bindgen's internal shim numbers, which differ per build.
    if (name && !/^\s*\/\//.test(line)) out.get(name).push(line);
  }
  return new Map([...out].map(([k, v]) => [k, v.join("\n")]));
}

// The wasm's closure shims (exports the glue calls through a wrapper function of
// the same name): wasm-bindgen suffixes them per build (`…_true_`, `…_true__1_`).
const SHIM = /\bwasm_bindgen_\w+?___convert__closures_____invoke_\w+/g;
const IS_SHIM = new RegExp(`^${SHIM.source}$`);

/** The glue's wrapper of closure shim `name`, with the name taken out. */
function shimWrapper(glue, name) {
  const at = glue.indexOf(`\nfunction ${name}(`);
  if (at < 0) throw new Error(`minify: the glue has no wrapper for ${name}`);
  return glue.slice(at, glue.indexOf("\n}\n", at)).split(name).join("SHIM");
}

/**
 * Makes a second build of the crate (`wasmIn`, with its own wasm-bindgen glue
 * `ownGlue`) run on the first build's glue: each of its imports is renamed to the
 * first glue's import with the same code (wasm-bindgen numbers some intrinsics and
 * closure shims per build), then to that import's short name in `names` (from
 * `minifyNames`), and its exports to the short names, closure shims to the first
 * build's shim of the same signature. Throws unless every import finds its twin and
 * every export its name, so a pair that would misbehave never ships.
 */
export function adoptGlue(wasmIn, wasmOut, ownGlue, firstGlue, names) {
  const own = importFunctions(ownGlue);
  const first = importFunctions(firstGlue);
  // An import's code with each closure shim's name replaced by what its wrapper does.
  const shape = (code, glue) => code.replace(SHIM, (shim) => shimWrapper(glue, shim));
  const byCode = new Map();
  for (const [name, code] of first) {
    const key = shape(code, firstGlue);
    if (!byCode.has(key)) byCode.set(key, name);
  }
  const shortImport = new Map(names.map.imports.map(([, name, short]) => [name, short]));
  const shortExport = new Map(names.map.exports);
  const shims = new Map(); // this build's closure shim -> the first build's
  const bytes = renameWasm(fs.readFileSync(wasmIn), (module, name) => {
    const code = own.get(name);
    if (code === undefined) throw new Error(`minify: the wasm imports ${name}, which its glue does not provide`);
    const twin = first.get(name) === code ? name : byCode.get(shape(code, ownGlue));
    if (!twin || !shortImport.has(twin)) throw new Error(`minify: no import in the first glue does what ${name} does`);
    const mine = code.match(SHIM) || [];
    const theirs = first.get(twin).match(SHIM) || [];
    mine.forEach((shim, i) => {
      if (shims.has(shim) && shims.get(shim) !== theirs[i]) throw new Error(`minify: closure shim ${shim} pairs with two shims`);
      shims.set(shim, theirs[i]);
    });
    return [names.module, shortImport.get(twin)];
  }, (name) => {
    const target = IS_SHIM.test(name) ? shims.get(name) : name;
    if (!target || !shortExport.has(target)) throw new Error(`minify: the first build has no export for ${name}`);
    return shortExport.get(target);
  });
  fs.writeFileSync(wasmOut, bytes);
}

/** `bytes` with its function imports and its exports renamed (a wasm binary). */
function renameWasm(bytes, renameImport, renameExport) {
  let at = 8;
  const out = [bytes.subarray(0, 8)];
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const leb = (n) => { const b = []; do { let x = n & 0x7f; n >>>= 7; if (n) x |= 0x80; b.push(x); } while (n); return Uint8Array.from(b); };
  // An unsigned LEB128 at `buf[pos]`: [value, the position after it].
  const readLeb = (buf, pos) => { let n = 0, s = 0, c; do { c = buf[pos++]; n |= (c & 0x7f) << s; s += 7; } while (c & 0x80); return [n >>> 0, pos]; };
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at];
    const [size, p] = readLeb(bytes, at + 1);
    const body = bytes.subarray(p, p + size);
    at = p + size;
    if (id !== 2 && id !== 7) { out.push(bytes.subarray(start, at)); continue; }
    let q = 0;
    const u32 = () => { let n; [n, q] = readLeb(body, q); return n; };
    const str = () => { const n = u32(); const s = dec.decode(body.subarray(q, q + n)); q += n; return s; };
    const name = (s) => { const e = enc.encode(s); return [leb(e.length), e]; };
    const parts = [];
    const count = u32();
    // Two exports of one function (wasm-opt merged two closure shims) may rename to
    // the same name: it is exported once.
    const exports = new Map();
    for (let i = 0; i < count; i++) {
      if (id === 2) {
        const [module, field] = renameImport(str(), str());
        const kind = body[q++];
        if (kind !== 0) throw new Error(`minify: import ${field} is not a function (kind ${kind})`);
        parts.push(...name(module), ...name(field), Uint8Array.of(0), leb(u32()));
      } else {
        const exported = renameExport(str());
        const kind = body[q++];
        const index = u32();
        const seen = exports.get(exported);
        if (seen && (seen[0] !== kind || seen[1] !== index)) throw new Error(`minify: two exports renamed to ${exported}`);
        if (seen) continue;
        exports.set(exported, [kind, index]);
        parts.push(...name(exported), Uint8Array.of(kind), leb(index));
      }
    }
    if (q !== body.length) throw new Error(`minify: section ${id} has ${body.length - q} bytes left over`);
    parts.unshift(leb(id === 2 ? count : exports.size));
    const len = parts.reduce((n, a) => n + a.length, 0);
    out.push(Uint8Array.of(id), leb(len), ...parts);
  }
  return Buffer.concat(out);
}
