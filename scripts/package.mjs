// Completes wasm-pack's pkg/ into the npm package: exports, the JSON Schema, and
// TypeScript signatures with optional options. Run after `wasm-pack build`.
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

const dts = path.join(pkgDir, "review_card.d.ts");
const text = fs.readFileSync(dts, "utf8").replaceAll("options: ReviewCardOptions | undefined", "options?: ReviewCardOptions");
if (text.includes(": any") && /export function \w+\([^)]*: any/.test(text)) {
  throw new Error("package: an exported function still takes `any`");
}
fs.writeFileSync(dts, text);
console.log("package: pkg/ is complete (exports, types, review.schema.json)");
