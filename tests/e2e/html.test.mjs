// Valid HTML: the Nu Html Checker (vnu-jar) on renderToString output for a range of
// reviews and options, and on the demo page.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { WWW, SAMPLE_JSON } from "./lib.mjs";

const require = createRequire(import.meta.url);
const VNU = require("vnu-jar");
const PKG = path.resolve(WWW, "../pkg");

const sample = JSON.parse(SAMPLE_JSON);
const REVIEWS = {
  sample: [sample, {}],
  "sample-with-form": [sample, { comments: { endpoint: "/wp-comments-post.php", mode: "form", postId: 7 } }],
  french: [{ ...sample, lang: "fr", published: "2012-11-16" }, { theme: "dark", headingLevel: 3 }],
  minimal: [{ title: "Drive" }, {}],
  link: [{ title: "Drive", url: "https://example.com/drive", excerpt: "Tense.", score: 8 }, { theme: "light" }],
  scored: [{ title: "x", score: { value: 2, min: 1, max: 5 }, kind: "album", credits: [{ role: "Artist", name: "A" }] }, {}],
  author: [{ title: "x", author: { name: "P", url: "/p", bio: "B" }, published: "2024-02-29" }, { headingLevel: 6 }],
  nasty: [{ title: "<b>&\"'</b>", body: "</p><p>x\n\ny", excerpt: "</script><!--", credits: [{ role: "<i>", name: "&amp;" }],
    author: { name: "\"><svg onload=alert(1)>", bio: "<![CDATA[x]]>" } }, { comments: true }],
  unicode: [{ title: "漢字 👨‍👩‍👧‍👦 e\u0301", body: "👍🏽".repeat(300) }, {}],
};

test("renderToString output and the demo page are valid HTML", async () => {
  const mod = await import(path.join(PKG, "review_card.js"));
  await mod.default({ module_or_path: fs.readFileSync(path.join(PKG, "review_card_bg.wasm")) });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "review-card-vnu-"));
  const files = [];
  for (const [name, [review, options]] of Object.entries(REVIEWS)) {
    const html = mod.renderToString(review, options);
    assert.ok(html.startsWith("<review-card"), name);
    const file = path.join(dir, name + ".html");
    fs.writeFileSync(file, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body><main>${html}</main></body></html>`);
    files.push(file);
  }
  files.push(path.join(WWW, "index.html"));
  let out = "";
  try {
    out = execFileSync("java", ["-jar", VNU, "--errors-only", "--format", "text", ...files], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = String(e.stdout) + String(e.stderr);
  }
  assert.equal(out.trim(), "", "vnu reported errors:\n" + out);
  console.log(`# html: ${files.length} documents checked by vnu, 0 errors`);
});
