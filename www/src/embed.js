/*! review-card embed loader (classic or module script). Usage: see README.md. */
(function () {
  "use strict";
  var PREFIX = "[review-card]";
  var w = window;
  if (w.__reviewCardLoader) return; // loaded twice: the first copy does the work
  w.__reviewCardLoader = true;

  // Where this script lives, so the .wasm next to it is found. Classic scripts have
  // document.currentScript; module scripts do not, so fall back to a matching tag.
  var self = document.currentScript && document.currentScript.src;
  if (!self) {
    var tags = document.querySelectorAll('script[src*="embed"]');
    self = tags.length ? tags[tags.length - 1].src : location.href;
  }
  var base = new URL("./", self).href;
  var wasmModule = null;

  function load() {
    if (!wasmModule) {
      wasmModule = import(base + "pkg/review_card.js").then(function (m) {
        return m.default({ module_or_path: base + "pkg/review_card_bg.wasm" }).then(function () {
          return m;
        });
      });
      wasmModule.catch(function () {}); // reported per card below
    }
    return wasmModule;
  }

  var TIMEOUT_MS = 10000;
  var TEXT = {
    en: { loading: "Loading review…", failed: "This review could not be loaded", retry: "Try again" },
    fr: { loading: "Chargement de la critique…", failed: "Impossible de charger cette critique", retry: "Réessayer" }
  };

  function langOf(el) {
    var near = el.closest("[lang]"), l = (near && near.getAttribute("lang")) || "en";
    return TEXT[l.slice(0, 2).toLowerCase()] ? l.slice(0, 2).toLowerCase() : "en";
  }

  function attr(el, name) {
    return el.getAttribute(name) || el.getAttribute("data-" + name);
  }

  function optionsOf(el) {
    var o = { lang: attr(el, "lang") || undefined, theme: attr(el, "theme") || undefined };
    var level = attr(el, "heading-level");
    if (level) o.headingLevel = level;
    if (attr(el, "json-ld") === "off") o.jsonLd = false;
    if (el.hasAttribute("comments") || el.hasAttribute("data-comments")) {
      o.comments = {
        endpoint: attr(el, "comments-endpoint") || undefined,
        mode: attr(el, "comments-mode") || undefined,
        postId: attr(el, "comments-post-id") || undefined
      };
      var fill = attr(el, "comments-min-fill-ms");
      if (fill) o.comments.minFillMs = Number(fill);
      var postTimeout = attr(el, "comments-timeout-ms");
      if (postTimeout) o.comments.timeoutMs = Number(postTimeout);
    }
    return o;
  }

  /** Shows a loading or error state in the card's shadow root, built with text nodes. */
  function showState(el, kind, reason) {
    var root = el.shadowRoot || el.attachShadow({ mode: "open" });
    var t = TEXT[langOf(el)];
    var box = document.createElement("div");
    box.className = "state";
    box.setAttribute("part", "state");
    if (kind === "loading") {
      box.setAttribute("role", "status");
      box.textContent = t.loading;
      el.setAttribute("aria-busy", "true");
    } else {
      box.setAttribute("role", "alert");
      var p = document.createElement("p");
      p.textContent = t.failed + (reason ? ": " + reason : ".");
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = t.retry;
      b.addEventListener("click", function () { render(el, true); });
      box.appendChild(p);
      box.appendChild(b);
      el.removeAttribute("aria-busy");
    }
    root.replaceChildren(box);
  }

  function fail(el, reason) {
    console.error(PREFIX, reason, el);
    showState(el, "error", reason);
    el.dispatchEvent(new CustomEvent("review-card:error", { bubbles: true, composed: true, detail: { message: reason } }));
  }

  function fetchJson(url, timeoutMs) {
    var ctrl = typeof AbortController === "function" ? new AbortController() : null;
    var timer = setTimeout(function () { if (ctrl) ctrl.abort(); }, timeoutMs);
    return fetch(url, { signal: ctrl && ctrl.signal, credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) throw new Error("the server answered " + r.status + " for " + url);
        var type = r.headers.get("content-type") || "";
        if (type && !/json/i.test(type)) throw new Error("expected JSON from " + url + " but got " + type.split(";")[0]);
        return r.text();
      })
      .catch(function (e) {
        // Aborts and network errors can strike while the headers or the body are read.
        if (e && e.name === "AbortError") throw new Error("no answer from " + url + " within " + timeoutMs / 1000 + " s");
        if (e instanceof TypeError) throw new Error("the network request for " + url + " failed");
        throw e;
      })
      .finally(function () { clearTimeout(timer); });
  }

  function dataOf(el) {
    var src = attr(el, "src");
    if (src) return fetchJson(new URL(src, document.baseURI).href, Number(attr(el, "timeout")) || TIMEOUT_MS);
    // Inline data: our own JSON-LD output (data-review-card-generated) is never read back.
    var inline = el.querySelector('script[type="application/json"], script[type="application/ld+json"]:not([data-review-card-generated])');
    if (inline) return Promise.resolve(inline.textContent);
    return Promise.reject(new Error('no review data: give a src attribute or an inline <script type="application/json">'));
  }

  function render(el, retry) {
    if (el.__reviewCardState === "rendering" || (!retry && el.__reviewCardState === "done")) return;
    // Rendered on the server (review-card CLI / renderToString): already complete.
    if (el.hasAttribute("data-rendered") && !attr(el, "src") && !el.querySelector('script[type="application/json"]')) {
      el.__reviewCardState = "done";
      return;
    }
    el.__reviewCardState = "rendering";
    var remote = !!attr(el, "src");
    if (remote) showState(el, "loading");
    var data = dataOf(el); // fetched while the module loads
    data.catch(function () {}); // reported below, once the module is known to work
    load().then(function (m) {
      return data.then(function (json) {
        m.mount(el, json, optionsOf(el));
        el.removeAttribute("aria-busy");
        el.__reviewCardState = "done";
        el.dispatchEvent(new CustomEvent("review-card:ready", { bubbles: true, composed: true }));
      });
    }, function (e) {
      // The module itself failed: WebAssembly blocked (CSP) or unsupported. Leave
      // the fallback content visible and say why.
      el.__reviewCardState = "failed";
      console.warn(PREFIX, "WebAssembly could not run, showing the fallback content:", e && e.message ? e.message : String(e));
      if (el.shadowRoot) el.shadowRoot.replaceChildren(document.createElement("slot"));
      el.removeAttribute("aria-busy");
    }).catch(function (e) {
      el.__reviewCardState = "failed";
      fail(el, e && e.message ? e.message : String(e));
    });
  }

  // Cards near the viewport render first; the rest when they come near it.
  var io = "IntersectionObserver" in w
    ? new IntersectionObserver(function (entries) {
        // Plain loops: a host page may have replaced Array.prototype methods.
        for (var i = 0; i < entries.length; i++) {
          if (entries[i].isIntersecting) { io.unobserve(entries[i].target); render(entries[i].target); }
        }
      }, { rootMargin: "400px 0px" })
    : null;

  // Before rendering, each card gets a shadow root that shows its fallback content
  // (<slot>) and a tiny stylesheet: the host page cannot hide it, and it reserves
  // room so that only cards near the viewport are rendered.
  var placeholderSheet = null;
  function placeholder(el) {
    if (el.shadowRoot) return; // includes a server-rendered declarative shadow root
    var root = el.attachShadow({ mode: "open" });
    root.appendChild(document.createElement("slot"));
    try {
      if (!placeholderSheet) {
        placeholderSheet = new CSSStyleSheet();
        placeholderSheet.replaceSync(":host{display:block!important;visibility:visible!important;opacity:1!important;min-height:var(--review-card-placeholder-height,8rem)}");
      }
      root.adoptedStyleSheets = [placeholderSheet];
    } catch (e) { /* no constructable stylesheets: the card still renders */ }
  }

  function schedule(el) {
    placeholder(el);
    if (io) io.observe(el); else render(el);
  }

  if (!customElements.get("review-card")) {
    customElements.define("review-card", class extends HTMLElement {
      static get observedAttributes() { return ["src", "lang", "theme", "heading-level"]; }
      connectedCallback() { schedule(this); }
      disconnectedCallback() { if (io) io.unobserve(this); }
      attributeChangedCallback(name, old, value) {
        // Initial attributes also arrive here before connectedCallback; only a card
        // that has already started rendering re-renders.
        if (old !== value && this.isConnected && this.__reviewCardState) render(this, true);
      }
    });
  }

  // <div data-review-card data-src="…"> for editors that strip unknown tags.
  function scan(node) {
    if (node.nodeType !== 1) return;
    if (node.hasAttribute("data-review-card")) schedule(node);
    var found = node.querySelectorAll("[data-review-card]");
    for (var i = 0; i < found.length; i++) schedule(found[i]);
  }
  function start() {
    scan(document.documentElement);
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        for (var j = 0; j < records[i].addedNodes.length; j++) scan(records[i].addedNodes[j]);
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  // Expose the JS API for pages that want to mount cards themselves.
  w.reviewCard = {
    ready: function () { return load(); },
    mount: function (el, review, options) { return load().then(function (m) { return m.mount(el, review, options); }); }
  };
})();
