// Completes wasm-pack's pkg/ into the npm package: exports, the JSON Schema,
// TypeScript signatures with optional options, and one change to the glue (strings
// in through `encodeInto`, below). Run after `wasm-pack build`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkgDir = path.join(root, "pkg");
const pkgFile = path.join(pkgDir, "package.json");
const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8"));

fs.copyFileSync(path.join(root, "schema/review.schema.json"), path.join(pkgDir, "review.schema.json"));
fs.copyFileSync(path.join(root, "README.md"), path.join(pkgDir, "README.md"));

pkg.files = [...new Set([...(pkg.files || []), "review.schema.json", "README.md"])];
pkg.module = "review_card.js";
pkg.exports = {
  ".": { types: "./review_card.d.ts", import: "./review_card.js", default: "./review_card.js" },
  "./review_card_bg.wasm": "./review_card_bg.wasm",
  "./review.schema.json": "./review.schema.json",
  "./package.json": "./package.json",
};
pkg.homepage = pkg.homepage || "https://github.com/review-card/review-card#readme";
pkg.sideEffects = false;
fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + "\n");

// Strings go into the wasm through one `TextEncoder.encodeInto`. wasm-bindgen's glue
// first copies ASCII one character at a time in a JS loop, then moves to
// `encodeInto` at the first non-ASCII character, growing the buffer by reallocation
// (wasm-bindgen issue #1776 asks whether that loop still pays). For the
// 65,525-byte comment validated on every keystroke the loop is most of the cost:
// measured 2026-11-24 in Chromium, `validateComment` went from 0.645 to 0.155 ms; mounting
// 1000 cards did not change. The buffer is sized for the worst case (3 bytes per
// UTF-16 unit) and shrunk in place after; `__wbindgen_realloc` must not be asked for
// zero bytes, so an empty string (and a full buffer) is left as allocated. The exact text is required, so a
// wasm-bindgen upgrade that changes it fails the build here (the version is pinned).
const gluePath = path.join(pkgDir, "review_card.js");
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
const glue = fs.readFileSync(gluePath, "utf8");
if (glue.split(PASS_STRING).length !== 2) {
  throw new Error("package: the glue's passStringToWasm0 is not the one this script replaces (wasm-bindgen changed?)");
}
fs.writeFileSync(gluePath, glue.replace(PASS_STRING, ENCODE_INTO));

const dts = path.join(pkgDir, "review_card.d.ts");
const text = fs.readFileSync(dts, "utf8").replaceAll("options: ReviewCardOptions | undefined", "options?: ReviewCardOptions");
if (text.includes(": any") && /export function \w+\([^)]*: any/.test(text)) {
  throw new Error("package: an exported function still takes `any`");
}
fs.writeFileSync(dts, text);
console.log("package: pkg/ is complete (exports, types, review.schema.json, glue)");
