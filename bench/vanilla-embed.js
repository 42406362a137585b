// The vanilla-JS baseline as a blogger embeds it: one script that defines
// <review-card src>, fetches the review JSON and renders the same card (bench/vanilla.js)
// into a shadow root. `make bench` bundles and minifies it into one file (esbuild).
import { mountVanilla } from "./vanilla.js";

class VanillaEmbed extends HTMLElement {
  connectedCallback() {
    fetch(new URL(this.getAttribute("src"), document.baseURI), { headers: { Accept: "application/json" } })
      .then((r) => {
        if (!r.ok) throw new Error("the server answered " + r.status);
        return r.json();
      })
      .then((review) => {
        mountVanilla(this, review);
        this.dispatchEvent(new CustomEvent("review-card:ready", { bubbles: true, composed: true }));
      });
  }
}
if (!customElements.get("review-card")) customElements.define("review-card", VanillaEmbed);
