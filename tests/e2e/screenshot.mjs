// Usage: node tests/e2e/screenshot.mjs OUT.png [width] [--expand]
// Serves www/, opens the demo in headless Chromium and saves a full-page screenshot.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./server.mjs";
import { launch } from "./browser.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../www");
const [out = "demo.png", width = "900"] = process.argv.slice(2);
const server = await serve(root);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
page.on("console", (m) => console.log("console:", m.type(), m.text()));
await page.goto(server.url + "/");
await page.waitForSelector("review-card#sample >> article");
if (process.argv.includes("--expand")) await page.click("review-card#sample >> button.more");
if (process.argv.includes("--tab")) {
  for (let i = 0; i < Number(process.env.TABS || 3); i++) await page.keyboard.press("Tab");
}
await page.screenshot({ path: out, fullPage: true });
await browser.close();
await server.close();
console.log("wrote", out);
