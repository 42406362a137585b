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

  // The wasm-bindgen glue, as a function: each call is the glue of one module
  // instance. Both builds of the crate run on it (scripts/package.mjs checks that the
  // card-only build imports nothing the full build's glue lacks).
  function glue() {
    /* @glue */
    return { init: __wbg_init, mount: mount, unmount: unmount };
  }

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
  var here = scriptUrl().split(/[?#]/)[0];
  // A CDN may serve the package's default file at the package's own URL
  // (https://cdn.jsdelivr.net/npm/review-card@1.2.3): that is a folder.
  var base = new URL(/\.m?js$/.test(here) ? "./" : here.replace(/\/?$/, "/"), here).href;
  // Two builds: with the comment form, and the card alone (a third smaller). Both
  // leave out the ES module's extra exports (renderToString, validateComment).
  var FILES = { full: "review_card_comments_bg.wasm", card: "review_card_card_bg.wasm" };

  /** Why a fetch or compilation of `wasmUrl` failed, in words that point at the fix. */
  function explain(wasmUrl, e, type) {
    var m = e && e.message ? e.message : String(e);
    if (/Content.Security|CSP|unsafe-eval/i.test(m)) {
      return "WebAssembly is blocked by the page's Content-Security-Policy: script-src needs 'wasm-unsafe-eval' (" + m + ")";
    }
    if (e instanceof WebAssembly.CompileError) {
      return "WebAssembly could not compile " + wasmUrl + (type ? " (served as " + type + ")" : "") + ": " + m;
    }
    return "WebAssembly could not run: " + m;
  }

  function compile(file) {
    var wasmUrl = base + file;
    if (typeof WebAssembly !== "object") return Promise.reject(new Error("this browser has no WebAssembly"));
    return fetch(wasmUrl, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error("the server answered " + r.status + " for " + wasmUrl + " (" + file + " belongs next to the embed script)");
      var type = (r.headers.get("content-type") || "").split(";")[0].trim();
      var wasm = type === "application/wasm" && WebAssembly.compileStreaming
        ? WebAssembly.compileStreaming(r)
        : r.arrayBuffer().then(function (bytes) {
            console.warn(PREFIX, wasmUrl + " is served as " + (type || "no content type") + "; serve .wasm as application/wasm so that it compiles while it downloads");
            return WebAssembly.compile(bytes);
          });
      return wasm.catch(function (e) { throw new Error(explain(wasmUrl, e, type)); });
    }, function () {
      var cross = new URL(wasmUrl).origin !== location.origin;
      throw new Error("could not fetch " + wasmUrl + (cross
        ? ": blocked by CORS? Its server must send Access-Control-Allow-Origin (or the network failed)"
        : ": the network request failed"));
    });
  }

  var builds = {};
  /**
   * A promise of the API ({ mount, unmount }) of the build a card needs: the full
   * one for a card with comments, the card-only one otherwise. Once the full build
   * is loading, every later card uses it: a page never loads both without need.
   */
  function load(comments) {
    var kind = comments || builds.full ? "full" : "card";
    if (!builds[kind]) {
      var g = glue();
      builds[kind] = compile(FILES[kind]).then(function (module) {
        return g.init({ module_or_path: module }).catch(function (e) { throw new Error(explain(base + FILES[kind], e)); });
      }).then(function () {
        // A card that gains comments moves to the full build: the build that
        // mounted it first lets it go (its listeners and observers) beforehand.
        var api = {
          mount: function (el, review, options) {
            var before = el.__reviewCardBuild;
            if (before && before !== api) before.unmount(el);
            el.__reviewCardBuild = api;
            return g.mount(el, review, options);
          },
          unmount: g.unmount
        };
        return api;
      });
      builds[kind].catch(function () {}); // reported per page by the loader
    }
    return builds[kind];
  }
  // Now: the download and compilation overlap everything else. Cards already in
  // the page (the script usually comes after them) say which build.
  load(!!document.querySelector("review-card[comments], [data-review-card][data-comments]"));

  /* @loader */
  reviewCardStart(w, load);

  // The JS API for pages that want to mount cards themselves.
  w.reviewCard = {
    ready: function (comments) { return load(!!comments); },
    mount: function (el, review, options) {
      return load(!!(options && options.comments)).then(function (m) { return m.mount(el, review, options); });
    },
    unmount: function (el) { return Promise.resolve(el.__reviewCardBuild && el.__reviewCardBuild.unmount(el)); }
  };
})();
