// The Lit baseline as a blogger embeds it: one script (Lit bundled in, minified, as a
// Lit user ships a component) that defines <review-card src>, fetches the review JSON
// and renders the same card (bench/lit-card.js). `make bench` bundles it (esbuild).
import { LitReviewCard } from "./lit-card.js";

class LitEmbed extends LitReviewCard {
  connectedCallback() {
    super.connectedCallback();
    fetch(new URL(this.getAttribute("src"), document.baseURI), { headers: { Accept: "application/json" } })
      .then((r) => {
        if (!r.ok) throw new Error("the server answered " + r.status);
        return r.json();
      })
      .then((review) => {
        this.review = review;
        return this.updateComplete;
      })
      .then(() => this.dispatchEvent(new CustomEvent("review-card:ready", { bubbles: true, composed: true })));
  }
}
if (!customElements.get("review-card")) customElements.define("review-card", LitEmbed);
