// Reading order: "Read more" reveals the review's body right after itself, in the
// DOM and in focus order; Tab goes from the button into what it opened.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, page, doc, open, cardsRendered, SAMPLE_JSON } from "./lib.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => env.close());

const REVIEW = JSON.stringify({ ...JSON.parse(SAMPLE_JSON), url: "/reviews/rust-and-bone" });

test("revealed text follows the button that revealed it, and Tab reaches its link", async () => {
  const url = page(env.server, "/reading-order.html", doc(`<review-card><script type="application/json">${REVIEW}</script></review-card><p><a href="/next">After the card</a></p>`));
  const { tab, context } = await open(env.browser, url);
  await cardsRendered(tab, 1);
  await tab.focus("review-card >> button.more");
  await tab.keyboard.press("Enter");
  const order = await tab.evaluate(() => {
    const root = document.querySelector("review-card").shadowRoot;
    const button = root.querySelector("button.more");
    const body = root.getElementById(button.getAttribute("aria-controls"));
    return {
      expanded: button.getAttribute("aria-expanded"),
      next: button.nextElementSibling === body,
      // Visually too: the body starts below the button.
      below: body.getBoundingClientRect().top >= button.getBoundingClientRect().bottom,
    };
  });
  assert.deepEqual(order, { expanded: "true", next: true, below: true });
  await tab.keyboard.press("Tab");
  const focused = await tab.evaluate(() => {
    const a = document.querySelector("review-card").shadowRoot.activeElement;
    return a ? a.tagName + " " + a.getAttribute("href") + " " + !!a.closest(".body") : null;
  });
  assert.equal(focused, `A ${env.server.url}/reviews/rust-and-bone true`, "Tab from the button goes to the link inside the revealed body");
  // And Shift+Tab goes back to the button.
  await tab.keyboard.press("Shift+Tab");
  const back = await tab.evaluate(() => document.querySelector("review-card").shadowRoot.activeElement?.className);
  assert.equal(back, "more");
  await context.close();
});
