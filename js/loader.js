// The <review-card> element and the <div data-review-card> scan, shared by the
// embed script (js/embed.js, which bundles the glue) and the package's
// `review-card/element` entry (js/element.js, which imports the glue). Not a module:
// scripts/package.mjs pastes this function into both. `load(comments)` returns a
// promise of the API ({ mount, unmount }), ready to call, of a build that has the
// comment form when `comments` is true.
function reviewCardStart(w, load) {
  "use strict";
  var PREFIX = "[review-card]";
  var document = w.document;
  var TIMEOUT_MS = 10000;
  var TEXT = {
    en: { loading: "Loading review…", failed: "This review could not be loaded", retry: "Try again" },
    fr: { loading: "Chargement de la critique…", failed: "Impossible de charger cette critique", retry: "Réessayer" }
  };
  // Every attribute the README documents; a change to any of them re-renders.
  var ATTRS = ["src", "lang", "theme", "heading-level", "comments", "comments-endpoint", "comments-mode",
    "comments-post-id", "comments-min-fill-ms", "comments-timeout-ms", "timeout", "json-ld"];

  function langOf(el) {
    var near = el.closest("[lang]"), l = ((near && near.getAttribute("lang")) || "en").slice(0, 2).toLowerCase();
    return TEXT[l] ? l : "en";
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
      b.addEventListener("click", function () { el.__reviewCardJson = null; render(el); });
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

  // The module failed (reported once for the page): each card shows its fallback
  // content, in no reserved space.
  var reported = false;
  function fallback(el, e) {
    el.__reviewCardState = "failed";
    if (!reported) {
      reported = true;
      console.error(PREFIX, (e && e.message ? e.message : String(e)) + "; showing the fallback content");
    }
    var root = el.shadowRoot;
    if (root && !el.hasAttribute("data-rendered")) {
      root.replaceChildren(document.createElement("slot"));
      try { root.adoptedStyleSheets = []; } catch (x) { /* no constructable stylesheets */ }
    }
    el.removeAttribute("aria-busy");
  }

  function fetchJson(el, url, timeoutMs) {
    var ctrl = typeof AbortController === "function" ? new AbortController() : null;
    el.__reviewCardAbort = ctrl;
    var timedOut = false;
    var timer = setTimeout(function () { timedOut = true; if (ctrl) ctrl.abort(); }, timeoutMs);
    return fetch(url, { signal: ctrl && ctrl.signal, credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) throw new Error("the server answered " + r.status + " for " + url);
        var type = r.headers.get("content-type") || "";
        if (type && !/json/i.test(type)) throw new Error("expected JSON from " + url + " but got " + type.split(";")[0]);
        // The response's own URL (after redirects): relative links in it resolve against it.
        return r.text().then(function (text) { return { text: text, base: r.url || url }; });
      })
      .catch(function (e) {
        // Aborts and network errors can strike while the headers or the body are read.
        if (e && e.name === "AbortError") throw new Error(timedOut ? "no answer from " + url + " within " + timeoutMs / 1000 + " s" : "superseded");
        if (e instanceof TypeError) {
          var cross = new URL(url).origin !== location.origin;
          throw new Error("the network request for " + url + " failed" + (cross ? " (blocked by CORS? its server must send Access-Control-Allow-Origin)" : ""));
        }
        throw e;
      })
      .finally(function () { clearTimeout(timer); if (el.__reviewCardAbort === ctrl) el.__reviewCardAbort = null; });
  }

  function inlineData(el) {
    // Our own JSON-LD output (data-review-card-generated) is never read back.
    return el.querySelector(':scope > script[type="application/json"], :scope > script[type="application/ld+json"]:not([data-review-card-generated])');
  }

  /** The review's JSON text: inline, the last answer for the same `src`, or fetched. */
  function dataOf(el) {
    var src = attr(el, "src");
    if (src) {
      var url = new URL(src, document.baseURI).href;
      if (el.__reviewCardJson && el.__reviewCardJson.url === url) return Promise.resolve(el.__reviewCardJson);
      return fetchJson(el, url, Number(attr(el, "timeout")) || TIMEOUT_MS).then(function (d) {
        el.__reviewCardJson = { url: url, text: d.text, base: d.base };
        return el.__reviewCardJson;
      });
    }
    var inline = inlineData(el);
    if (inline) return Promise.resolve({ text: inline.textContent });
    return Promise.reject(new Error('no review data: give a src attribute or an inline <script type="application/json">'));
  }

  function render(el) {
    // The latest render wins: an older one still waiting for its data is dropped.
    var gen = (el.__reviewCardGen || 0) + 1;
    el.__reviewCardGen = gen;
    if (el.__reviewCardAbort) el.__reviewCardAbort.abort();
    var current = function () { return el.__reviewCardGen === gen; };
    var mounted = el.__reviewCardState === "done";
    el.__reviewCardState = "rendering";
    // Rendered on the server (renderToString, the CLI): taken over in place.
    var options = optionsOf(el);
    if (el.hasAttribute("data-rendered") && el.shadowRoot && !attr(el, "src") && !inlineData(el)) {
      // A pre-rendered card with a form needs the build that has one.
      load(!!options.comments || !!el.shadowRoot.querySelector("form")).then(function (m) {
        if (!current()) return;
        m.mount(el, undefined, options);
        done(el);
      }, function (e) { fallback(el, e); }).catch(function (e) { el.__reviewCardState = "failed"; fail(el, e && e.message ? e.message : String(e)); });
      return;
    }
    var remote = !!attr(el, "src");
    var data = dataOf(el); // fetched while the module loads
    data.catch(function () {}); // reported below, once the module is known to work
    if (remote && !mounted) showState(el, "loading");
    else if (remote) el.setAttribute("aria-busy", "true");
    load(!!options.comments).then(function (m) {
      return data.then(function (d) {
        if (!current()) return;
        if (d.base) options.baseUrl = d.base;
        m.mount(el, d.text, options);
        done(el);
      });
    }, function (e) {
      if (current()) fallback(el, e);
    }).catch(function (e) {
      if (!current()) return;
      el.__reviewCardState = "failed";
      var message = e && e.message ? e.message : String(e);
      // The page enforces Trusted Types and refuses the card's policy: as when the
      // module is blocked, the fallback content stays and the console says why.
      if (/^Trusted Types/.test(message)) fallback(el, e);
      else fail(el, message);
    });
  }

  function done(el) {
    el.removeAttribute("aria-busy");
    el.__reviewCardState = "done";
    el.dispatchEvent(new CustomEvent("review-card:ready", { bubbles: true, composed: true }));
  }

  // Attribute changes are batched: several in one task render once, after it.
  function changed(el) {
    if (!el.__reviewCardState || el.__reviewCardQueued) return;
    el.__reviewCardQueued = true;
    queueMicrotask(function () {
      el.__reviewCardQueued = false;
      if (el.isConnected) render(el);
    });
  }

  // Cards near the viewport render first; the rest when they come near it.
  var io = "IntersectionObserver" in w
    ? new IntersectionObserver(function (entries) {
        // Plain loops: a host page may have replaced Array.prototype methods.
        for (var i = 0; i < entries.length; i++) {
          if (entries[i].isIntersecting) { io.unobserve(entries[i].target); start(entries[i].target); }
        }
      }, { rootMargin: "400px 0px" })
    : null;

  function start(el) {
    if (el.__reviewCardState === "rendering" || el.__reviewCardState === "done") return;
    render(el);
  }

  // Before rendering, each card gets a shadow root that shows its fallback content
  // (<slot>) and a tiny stylesheet: the host page cannot hide it, and it reserves
  // room so that only cards near the viewport are rendered.
  var placeholderSheet = null;
  function placeholder(el) {
    if (!el.shadowRoot) {
      // Server-rendered markup inserted with innerHTML: its declarative shadow root
      // was not attached by the parser, so attach it here (no HTML parsing involved).
      var template = el.querySelector(":scope > template[shadowrootmode]");
      if (template && el.hasAttribute("data-rendered")) {
        el.attachShadow({ mode: "open" }).appendChild(template.content);
        template.remove();
      }
    }
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
    if (io) io.observe(el); else start(el);
  }

  if (!w.customElements.get("review-card")) {
    w.customElements.define("review-card", class extends HTMLElement {
      static get observedAttributes() { return ATTRS; }
      connectedCallback() { schedule(this); }
      disconnectedCallback() { if (io) io.unobserve(this); }
      attributeChangedCallback(name, old, value) {
        // Initial attributes also arrive here before connectedCallback; only a card
        // that has already started rendering re-renders.
        if (old !== value && this.isConnected) changed(this);
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
  var dataAttrs = [];
  for (var i = 0; i < ATTRS.length; i++) dataAttrs.push("data-" + ATTRS[i]);
  function watch() {
    scan(document.documentElement);
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        var r = records[i];
        if (r.type === "attributes") {
          if (r.target.hasAttribute("data-review-card")) changed(r.target);
          continue;
        }
        for (var j = 0; j < r.addedNodes.length; j++) scan(r.addedNodes[j]);
      }
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: dataAttrs });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
}
