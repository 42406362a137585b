/*! review-card embed script (classic or module script). Usage: see README.md. */
// One file: scripts/package.mjs pastes the wasm-bindgen glue (as plain functions)
// and js/loader.js into the marked places, and terser minifies the whole. As
// soon as it runs, the wasm next to it downloads and compiles while the page goes
// on, in parallel with each card's review JSON: nothing waits for a request it does
// not need.
(function () {
  "use strict";
  var PREFIX = "[review-card]";
  var w = window;
  if (w.__reviewCardLoader) return; // loaded twice, or beside review-card/element: the first copy does the work
  w.__reviewCardLoader = true;

  /* @glue */

  // Where this script lives, so the .wasm next to it is found. Classic scripts have
  // document.currentScript; module scripts do not, but an Error's stack names the
  // script's URL in every engine; failing both, the last tag that looks like ours.
  function scriptUrl() {
    if (document.currentScript && document.currentScript.src) return document.currentScript.src;
    var m = /(https?:\/\/[^\s)]+?)(?::\d+){1,2}\)?\s*$/m.exec((new Error().stack || "").split("\n").filter(Boolean).pop() || "");
    if (m) return m[1];
    var tags = document.querySelectorAll('script[src*="review-card"], script[src*="embed"]');
    return tags.length ? tags[tags.length - 1].src : location.href;
  }
  var self = scriptUrl().split(/[?#]/)[0];
  // A CDN may serve the package's default file at the package's own URL
  // (https://cdn.jsdelivr.net/npm/review-card@1.2.3): that is a folder.
  var base = new URL(/\.m?js$/.test(self) ? "./" : self.replace(/\/?$/, "/"), self).href;
  var wasmUrl = base + "review_card_bg.wasm";

  /** Why a fetch or compilation failed, in words that point at the fix. */
  function explain(e, type) {
    var m = e && e.message ? e.message : String(e);
    if (/Content.Security|CSP|unsafe-eval/i.test(m)) {
      return "WebAssembly is blocked by the page's Content-Security-Policy: script-src needs 'wasm-unsafe-eval' (" + m + ")";
    }
    if (e instanceof WebAssembly.CompileError) {
      return "WebAssembly could not compile " + wasmUrl + (type ? " (served as " + type + ")" : "") + ": " + m;
    }
    return "WebAssembly could not run: " + m;
  }

  function compile() {
    if (typeof WebAssembly !== "object") return Promise.reject(new Error("this browser has no WebAssembly"));
    return fetch(wasmUrl, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error("the server answered " + r.status + " for " + wasmUrl + " (review_card_bg.wasm belongs next to the embed script)");
      var type = (r.headers.get("content-type") || "").split(";")[0].trim();
      var wasm = type === "application/wasm" && WebAssembly.compileStreaming
        ? WebAssembly.compileStreaming(r)
        : r.arrayBuffer().then(function (bytes) {
            console.warn(PREFIX, wasmUrl + " is served as " + (type || "no content type") + "; serve .wasm as application/wasm so that it compiles while it downloads");
            return WebAssembly.compile(bytes);
          });
      return wasm.catch(function (e) { throw new Error(explain(e, type)); });
    }, function () {
      var cross = new URL(wasmUrl).origin !== location.origin;
      throw new Error("could not fetch " + wasmUrl + (cross
        ? ": blocked by CORS? Its server must send Access-Control-Allow-Origin (or the network failed)"
        : ": the network request failed"));
    });
  }

  var api = null;
  function load() {
    if (!api) {
      api = compile().then(function (module) {
        return __wbg_init({ module_or_path: module }).catch(function (e) { throw new Error(explain(e)); });
      }).then(function () {
        return { mount: mount, unmount: unmount };
      });
      api.catch(function () {}); // reported per page by the loader
    }
    return api;
  }
  load(); // now: the download and compilation overlap everything else

  /* @loader */
  reviewCardStart(w, load);

  // The JS API for pages that want to mount cards themselves.
  w.reviewCard = {
    ready: function () { return load(); },
    mount: function (el, review, options) { return load().then(function (m) { return m.mount(el, review, options); }); },
    unmount: function (el) { return load().then(function (m) { return m.unmount(el); }); }
  };
})();
