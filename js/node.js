// The package's entry in Node ("node" in package.json's exports): the same API, and
// `await init()` with no argument reads the wasm next to this file (Node's fetch has
// no file: URLs).
import { readFile } from "node:fs/promises";
import initWeb from "./review_card.js";

export * from "./review_card.js";

/** Loads the wasm: from `input` when given (as in the browser), else from disk. */
export default async function init(input) {
  if (input === undefined) input = { module_or_path: await readFile(new URL("./review_card_bg.wasm", import.meta.url)) };
  return initWeb(input);
}
