// Minifies the JavaScript a blogger's page downloads: the embed loader and the
// wasm-bindgen glue, into www/ (the folder `make build` lays out for hosting).
// The npm package in pkg/ keeps the readable glue: bundlers minify it themselves.
// `make bench` minifies the vanilla and Lit baselines with the same settings.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";

/** Terser settings shared by the build and the benchmark. */
export const OPTIONS = { compress: { passes: 2 }, mangle: true, format: { comments: /^!/ } };

/** Minified text of one JavaScript file (`module`: an ES module). */
export async function minifyFile(file, module) {
  const out = await minify(fs.readFileSync(file, "utf8"), { ...OPTIONS, module });
  if (typeof out.code !== "string") throw new Error(`minify: no output for ${file}`);
  return out.code;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const jobs = [
    ["www/src/embed.js", "www/embed.js", false],
    ["pkg/review_card.js", "www/pkg/review_card.js", true],
  ];
  for (const [from, to, module] of jobs) {
    const code = await minifyFile(path.join(root, from), module);
    fs.mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
    fs.writeFileSync(path.join(root, to), code + "\n");
    console.log(`minify: ${from} ${fs.statSync(path.join(root, from)).size} B -> ${to} ${Buffer.byteLength(code) + 1} B`);
  }
}
