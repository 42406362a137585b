// review-card/element: registers <review-card> (and the <div data-review-card>
// scan) in an app that bundles the package. Safe beside the embed script: whichever
// runs first defines the element, the other does nothing. The wasm loads on the
// first card (bundlers emit review_card_bg.wasm as an asset).
import init, { mount, unmount } from "./review_card.js";

/* @loader */

let api = null;
function load() {
  if (!api) {
    api = init().then(() => ({ mount, unmount }));
    api.catch(() => {}); // reported per page by the loader
  }
  return api;
}

if (typeof window !== "undefined" && !window.__reviewCardLoader) {
  window.__reviewCardLoader = true;
  reviewCardStart(window, load);
}
