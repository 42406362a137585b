// Benchmark floor: the same card (same markup, same stylesheet) in plain JavaScript,
// rendered by cloning a <template> and filling text with textContent.
import CSS from "./card-css.js";
import { KINDS, excerpt } from "./shared.js";

const sheet = new CSSStyleSheet();
sheet.replaceSync(CSS);
const tpl = document.createElement("template");
tpl.innerHTML =
  '<article class="card" part="card" data-theme="auto" lang="en" aria-labelledby="rc-title"><div class="head"><p class="kind" part="kind"></p>' +
  '<h2 class="title" part="title" id="rc-title"></h2><dl class="credits" part="credits"></dl></div>' +
  '<div class="score" part="score" role="img"><span class="score-label">Score</span><span class="score-value"></span><span class="score-max"></span>' +
  '<span class="score-bar"><span class="score-fill"></span></span></div><p class="excerpt" part="excerpt" data-derived></p>' +
  '<div class="body" part="body" id="rc-body" hidden></div><button type="button" class="more" part="more" aria-expanded="false" aria-controls="rc-body">' +
  '<span class="more-open">Read more</span><span class="more-close">Show less</span><span class="vh"></span></button>' +
  '<footer class="byline" part="byline"><p class="by">By <span class="name"></span></p><p class="bio"></p></footer></article>';
const credit = document.createElement("template");
credit.innerHTML = "<div><dt></dt><dd></dd></div>";

function onClick(e) {
  const button = e.target.closest("button.more");
  if (!button) return;
  const open = button.getAttribute("aria-expanded") === "true";
  button.setAttribute("aria-expanded", String(!open));
  this.getElementById("rc-body").hidden = open;
  this.querySelector(".excerpt").hidden = !open;
}

export function mountVanilla(el, review) {
  const r = typeof review === "string" ? JSON.parse(review) : review;
  if (typeof r.title !== "string" || !r.title.trim()) throw new Error("title: is required");
  let root = el.shadowRoot;
  if (!root) {
    root = el.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [sheet];
    root.addEventListener("click", onClick);
  }
  const f = tpl.content.cloneNode(true);
  const q = (s) => f.querySelector(s);
  q(".kind").textContent = KINDS[r.kind] || "Review";
  q(".title").textContent = r.title;
  const dl = q(".credits");
  for (const c of r.credits || []) {
    const d = credit.content.cloneNode(true);
    d.querySelector("dt").textContent = c.role;
    d.querySelector("dd").textContent = c.name;
    dl.appendChild(d);
  }
  const s = typeof r.score === "number" ? { value: r.score, max: 10, min: 0 } : { max: 10, min: 0, ...r.score };
  const ratio = (s.value - s.min) / (s.max - s.min);
  const badge = q(".score");
  badge.setAttribute("aria-label", `Score: ${s.value} out of ${s.max}`);
  badge.dataset.band = ratio >= 0.7 ? "high" : ratio >= 0.4 ? "mid" : "low";
  q(".score-value").textContent = String(s.value);
  q(".score-max").textContent = "/" + s.max;
  q(".score-fill").dataset.fill = String(Math.round(ratio * 10));
  const paragraphs = (r.body || "").split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  q(".excerpt").textContent = r.excerpt || excerpt(paragraphs, 240);
  const body = q(".body");
  for (const p of paragraphs) body.appendChild(document.createElement("p")).textContent = p;
  q(".vh").textContent = ": review of " + r.title;
  q(".name").textContent = r.author.name;
  q(".bio").textContent = r.author.bio || "";
  root.replaceChildren(f);
}

const enc = new TextEncoder();
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
/** The same comment rules in JavaScript (the baseline for per-keystroke validation). */
export function validateVanilla(fields) {
  const errors = [];
  const v = {};
  for (const [name, max, required] of [["comment", 65525, true], ["author", 245, true], ["email", 100, true], ["url", 200, false]]) {
    const value = (fields[name] || "").trim().replace(/\r\n?/g, "\n");
    v[name] = value;
    if (!value) { if (required) errors.push({ field: name, code: "required" }); continue; }
    if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(value)) { errors.push({ field: name, code: "invalid_chars" }); continue; }
    if (enc.encode(value).length > max) { errors.push({ field: name, code: "too_long" }); continue; }
    if (name === "email" && (value.length < 6 || !EMAIL.test(value))) errors.push({ field: name, code: "invalid_email" });
  }
  return { valid: errors.length === 0, errors, values: v };
}
