#!/usr/bin/env node
// `npx review-card review.json > card.html`: the package's command, the same as the
// Rust one (src/bin/review-card.rs) on `renderToString`, for static sites without
// Rust. Errors go to stderr as "review-card: …" with exit status 1.
import { readFile } from "node:fs/promises";
import init, { renderToString } from "./node.js";

const USAGE = "usage: review-card [--lang en|fr] [--theme light|dark|auto] [--heading-level 2-6] [--no-json-ld] [--comments-endpoint URL [--comments-mode wordpress|form] [--comments-post-id N]] FILE.json|-";
// The languages the card's string table has (src/i18n.rs).
const LANGS = ["en", "fr"];

function fail(message) {
  process.stderr.write(`review-card: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const options = {};
const comments = {};
let file = null;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  const value = () => {
    if (i + 1 >= args.length) fail(`${arg} needs a value`);
    return args[++i];
  };
  switch (arg) {
    case "--lang": {
      const lang = value();
      if (!LANGS.includes(lang.split(/[-_]/)[0].toLowerCase())) fail(`--lang ${lang} is not supported; supported languages: ${LANGS.join(", ")}`);
      options.lang = lang;
      break;
    }
    case "--theme": options.theme = value(); break;
    case "--heading-level": options.headingLevel = value(); break;
    case "--no-json-ld": options.jsonLd = false; break;
    case "--comments-endpoint": comments.endpoint = value(); break;
    case "--comments-mode": comments.mode = value(); break;
    case "--comments-post-id": comments.postId = value(); break;
    case "-h": case "--help": process.stdout.write(USAGE + "\n"); process.exit(0);
    default:
      if (file === null && (arg === "-" || !arg.startsWith("-"))) file = arg;
      else fail(`unknown argument ${arg}\n${USAGE}`);
  }
}
if (Object.keys(comments).length) options.comments = comments;
if (file === null) fail(USAGE);

let json;
try {
  json = file === "-" ? await readStdin() : await readFile(file, "utf8");
} catch (e) {
  fail(`${file}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
}
await init();
let html;
try {
  html = renderToString(json, options);
} catch (e) {
  fail(`${file === "-" ? "stdin" : file}: ${e.message}`);
}
process.stdout.write(html + "\n");

async function readStdin() {
  let text = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) text += chunk;
  return text;
}
