// Forced colors (Windows high contrast): every control of the card and its form
// keeps a visible boundary and a visible focus indicator.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import os from "node:os";
import { setup, page, doc, open, cardsRendered, SAMPLE_JSON } from "./lib.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => env.close());

const REVIEW = JSON.stringify({ ...JSON.parse(SAMPLE_JSON), url: "/reviews/rust-and-bone" });

/** In the page: each control's border and, once focused, its outline. */
const CONTROLS = () => {
  const root = document.querySelector("review-card").shadowRoot;
  const controls = [...root.querySelectorAll("button, input:not([tabindex='-1']), textarea, a.more")]
    .filter((c) => c.getClientRects().length > 0 && !c.closest(".hp"));
  return controls.map((c) => {
    const s = getComputedStyle(c);
    const sides = ["top", "right", "bottom", "left"].map((side) => ({
      width: parseFloat(s.getPropertyValue(`border-${side}-width`)),
      style: s.getPropertyValue(`border-${side}-style`),
      color: s.getPropertyValue(`border-${side}-color`),
    }));
    c.focus({ focusVisible: true });
    const f = getComputedStyle(c);
    const outline = { width: parseFloat(f.outlineWidth), style: f.outlineStyle, color: f.outlineColor };
    const name = c.tagName.toLowerCase() + (c.className ? "." + c.className : "") + (c.name ? "[" + c.name + "]" : "");
    return { name, type: c.type, sides, background: s.backgroundColor, outline, focused: root.activeElement === c };
  });
};

test("under forced-colors: active every control keeps a boundary and a focus indicator", async () => {
  const url = page(env.server, "/forced-colors.html", doc(`<review-card comments><script type="application/json">${REVIEW}</script></review-card>`));
  const { tab, context } = await open(env.browser, null, { viewport: { width: 800, height: 1400 } });
  await tab.emulateMedia({ forcedColors: "active" });
  await tab.goto(url);
  await cardsRendered(tab, 1);
  assert.equal(await tab.evaluate(() => matchMedia("(forced-colors: active)").matches), true);
  // Focus indicators show for keyboard users: reach the first control by keyboard.
  await tab.keyboard.press("Tab");
  const controls = await tab.evaluate(CONTROLS);
  assert.ok(controls.length >= 6, `found the card's controls (${controls.map((c) => c.name).join(", ")})`);
  for (const c of controls) {
    if (c.type === "checkbox") continue; // a native checkbox draws its own box in system colours
    for (const side of c.sides) {
      assert.ok(side.width >= 1 && side.style !== "none" && side.style !== "hidden", `${c.name} has a border (${JSON.stringify(side)})`);
      assert.notEqual(side.color, c.background, `${c.name}'s border differs from its background`);
    }
  }
  for (const c of controls) {
    assert.ok(c.focused, `${c.name} takes focus`);
    assert.ok(c.outline.width >= 2 && c.outline.style !== "none", `${c.name} shows a focus outline (${JSON.stringify(c.outline)})`);
  }
  const shot = path.join(process.env.SCREENSHOT_DIR || os.tmpdir(), "review-card-forced-colors.png");
  await tab.locator("review-card").screenshot({ path: shot });
  console.log(`# forced colors: ${controls.length} controls checked; screenshot ${shot}`);
  await context.close();
});
