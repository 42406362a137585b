// Benchmark comparison: the same card as a Lit web component (what a frontend
// developer would pick instead of this widget).
import { LitElement, html, unsafeCSS, nothing } from "lit";
import CSS from "./card-css.js";
import { KINDS, excerpt } from "./shared.js";


export class LitReviewCard extends LitElement {
  static properties = { review: { attribute: false }, expanded: { state: true } };
  static styles = unsafeCSS(CSS);
  constructor() { super(); this.expanded = false; }
  render() {
    const r = this.review;
    if (!r) return nothing;
    const s = typeof r.score === "number" ? { value: r.score, max: 10, min: 0 } : { max: 10, min: 0, ...r.score };
    const ratio = (s.value - s.min) / (s.max - s.min);
    const paragraphs = (r.body || "").split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    return html`<article class="card" part="card" data-theme="auto" lang="en" aria-labelledby="rc-title"><div class="head"><p class="kind" part="kind">${KINDS[r.kind] || "Review"}</p><h2 class="title" part="title" id="rc-title">${r.title}</h2><dl class="credits" part="credits">${(r.credits || []).map((c) => html`<div><dt>${c.role}</dt><dd>${c.name}</dd></div>`)}</dl></div><div class="score" part="score" role="img" aria-label="Score: ${s.value} out of ${s.max}" data-band=${ratio >= 0.7 ? "high" : ratio >= 0.4 ? "mid" : "low"}><span class="score-label">Score</span><span class="score-value">${s.value}</span><span class="score-max">/${s.max}</span><span class="score-bar"><span class="score-fill" data-fill=${Math.round(ratio * 10)}></span></span></div><p class="excerpt" part="excerpt" data-derived ?hidden=${this.expanded}>${r.excerpt || excerpt(paragraphs, 240)}</p><div class="body" part="body" id="rc-body" ?hidden=${!this.expanded}>${paragraphs.map((p) => html`<p>${p}</p>`)}</div><button type="button" class="more" part="more" aria-expanded=${String(this.expanded)} aria-controls="rc-body" @click=${() => { this.expanded = !this.expanded; }}><span class="more-open">Read more</span><span class="more-close">Show less</span><span class="vh">: review of ${r.title}</span></button><footer class="byline" part="byline"><p class="by">By <span class="name">${r.author.name}</span></p><p class="bio">${r.author.bio || ""}</p></footer></article>`;
  }
}
customElements.define("lit-review-card", LitReviewCard);

export function mountLit(container, review) {
  const el = document.createElement("lit-review-card");
  el.review = typeof review === "string" ? JSON.parse(review) : review;
  container.appendChild(el);
  return el;
}
