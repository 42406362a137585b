// The conversation under the card, against a real WordPress (Debian's package):
// approved comments only, threaded, 45 paginated by 20, loaded near the viewport,
// injection payloads inert as content and as author names, Reply through the form
// (held: shown only to its author; approved: under its parent), failure and retry,
// axe with the thread open in both themes and both languages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setup, page, doc, open, cardsRendered, axe, SAMPLE_JSON } from "./lib.mjs";
import { PAYLOADS } from "./payloads.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
// The WordPress harness: start.sh (idempotent), wp.sh (PHP and SQL on the site), stop.sh.
const HARNESS = [path.resolve(here, "../wordpress"), path.resolve(here, "../../../shared/wordpress")]
  .find((d) => fs.existsSync(path.join(d, "start.sh")) && fs.existsSync(path.join(d, "wp.sh")));

let env, wp;

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

function harness(script, args = [], input) {
  return execFileSync(path.join(HARNESS, script), args, {
    env: { ...process.env, PORT: String(wp.port), WP_STATE: wp.state }, encoding: "utf8", input,
    stdio: ["pipe", "pipe", "pipe"], timeout: 300_000,
  });
}
const php = (code) => harness("wp.sh", ["php", code]);

before(async () => {
  assert.ok(HARNESS, "a WordPress harness (tests/wordpress or ../shared/wordpress)");
  const port = await freePort();
  wp = { port, state: fs.mkdtempSync(path.join(os.tmpdir(), "thread-wp-")) };
  const out = harness("start.sh");
  wp.base = /^BASE=(.*)$/m.exec(out)[1];
  php(`update_option('harness_rest_anon', '1'); update_option('comment_previously_approved', '1');`);
  // Seed: post T with 45 approved comments (1 ← 2 ← 3 ← 4 a reply chain, 5 by a
  // commenter known to WordPress) plus a held, a spam and a trashed one; post P with
  // every payload as content and as author name.
  const payloadFile = path.join(wp.state, "payloads.json");
  fs.writeFileSync(payloadFile, JSON.stringify(PAYLOADS));
  const seeded = php(`
    $mk = function ($title) { return wp_insert_post(['post_title' => $title, 'post_status' => 'publish', 'comment_status' => 'open']); };
    $t = $mk('Thread'); $p = $mk('Payloads');
    $when = strtotime('2026-11-02 09:00:00'); $ids = [];
    $add = function ($post, $author, $content, $parent = 0, $approved = 1, $email = '') use (&$when) {
      $when += 60;
      return wp_insert_comment(['comment_post_ID' => $post, 'comment_author' => $author, 'comment_author_email' => $email,
        'comment_content' => $content, 'comment_parent' => $parent, 'comment_approved' => $approved,
        'comment_date' => date('Y-m-d H:i:s', $when), 'comment_date_gmt' => date('Y-m-d H:i:s', $when)]);
    };
    for ($i = 1; $i <= 45; $i++) {
      $parent = ($i >= 2 && $i <= 4) ? $ids[$i - 1] : 0;
      $ids[$i] = $add($t, "Author $i", "<p>Comment number $i.</p>", $parent, 1, $i == 5 ? 'known@example.com' : '');
      if ($i == 6) { $add($t, 'Held', 'HELD-COMMENT', $ids[1], 0); $add($t, 'Spam', 'SPAM-COMMENT', 0, 'spam'); $add($t, 'Trash', 'TRASH-COMMENT', 0, 'trash'); }
    }
    foreach (json_decode(file_get_contents(${JSON.stringify(payloadFile)}), true) as $payload) { $add($p, $payload, $payload); }
    echo json_encode(['thread' => $t, 'payloads' => $p, 'ids' => $ids]);`);
  Object.assign(wp, JSON.parse(seeded.trim().split("\n").pop()));
  env = await setup();
});

after(async () => {
  if (env) await env.close();
  if (wp) {
    try { harness("stop.sh", ["--wipe"]); } catch (e) { console.log("# stop.sh: " + e.message); }
  }
});

const endpoint = () => `${wp.base}/wp-json/wp/v2/comments`;

function card(post, { theme = "light", lang = "en", before = "" } = {}) {
  const json = lang === "fr" ? JSON.stringify({ ...JSON.parse(SAMPLE_JSON), lang: "fr" }) : SAMPLE_JSON;
  return doc(`<main><h1>Review</h1>${before}<review-card theme="${theme}" lang="${lang}" comments comments-mode="wordpress" comments-min-fill-ms="0"
    comments-endpoint="${endpoint()}" comments-post-id="${post}"><script type="application/json">${json}</script></review-card></main>`, { lang });
}

/** Evaluates `fn(root)` with the card's shadow root. */
const inCard = (tab, fn, arg) => tab.evaluate(([src, a]) => {
  const root = document.querySelector("review-card").shadowRoot;
  return new Function("root", "arg", `return (${src})(root, arg);`)(root, a);
}, [fn.toString(), arg]);

async function loaded(tab, count) {
  await tab.waitForFunction((n) => {
    const root = document.querySelector("review-card")?.shadowRoot;
    return root && root.querySelectorAll(".thread .c").length >= n && !root.querySelector(".thread[aria-busy]");
  }, count, { timeout: 20000 });
}

test("45 approved comments: threaded, paginated by 20, only approved ones", async () => {
  const { tab, context, log } = await open(env.browser, page(env.server, "/thread.html", card(wp.thread)));
  await cardsRendered(tab);
  await loaded(tab, 20);
  const first = await inCard(tab, (root) => ({
    title: root.querySelector(".thread-title").textContent,
    count: root.querySelectorAll(".c").length,
    more: !root.querySelector(".thread-more").hidden,
    list: root.querySelector(".thread-list").tagName,
  }));
  assert.deepEqual(first, { title: "45 comments", count: 20, more: true, list: "OL" });
  // Replies: 2 under 1, 3 under 2; 4 (a reply to 3) listed flat after 3, saying so.
  const ids = wp.ids;
  const shape = await inCard(tab, (root, ids) => {
    const li = (i) => root.querySelector(`.c[data-id="${ids[i]}"]`);
    return {
      twoUnderOne: li(2).parentElement.closest(".c") === li(1),
      threeUnderTwo: li(3).parentElement.closest(".c") === li(2),
      fourBesideThree: li(4).parentElement === li(3).parentElement,
      fourSays: li(4).querySelector(".c-to")?.textContent,
      label: (() => {
        const a = li(1).querySelector(".c-main");
        return a.getAttribute("aria-labelledby").split(" ").map((id) => root.getElementById(id).textContent).join(" | ");
      })(),
      time: li(1).querySelector("time").getAttribute("datetime"),
    };
  }, ids);
  assert.deepEqual(shape, {
    twoUnderOne: true, threeUnderTwo: true, fourBesideThree: true, fourSays: "In reply to Author 3",
    label: "Author 1 | November 2, 2026 at 9:01 am", time: "2026-11-02T09:01:00Z",
  });
  // Show more: the next 20, focus on the first of them; then the last 5, no button.
  await tab.click("review-card >> .thread-more");
  await loaded(tab, 40);
  const focus = await inCard(tab, (root) => root.activeElement?.closest(".c")?.dataset.id);
  assert.equal(focus, String(ids[21]), "focus on the first comment the page added");
  await tab.click("review-card >> .thread-more");
  await loaded(tab, 45);
  const end = await inCard(tab, (root) => ({
    count: root.querySelectorAll(".c").length, more: !root.querySelector(".thread-more").hidden, text: root.querySelector(".thread").textContent,
  }));
  assert.equal(end.count, 45);
  assert.equal(end.more, false);
  for (const hidden of ["HELD-COMMENT", "SPAM-COMMENT", "TRASH-COMMENT"]) assert.ok(!end.text.includes(hidden), hidden);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("loaded only when the card nears the viewport; nothing above the form moves", async () => {
  // A short window: the card and form fill it, the thread starts far below it.
  const url = page(env.server, "/thread-far.html", card(wp.thread));
  const { tab, context } = await open(env.browser, null, { viewport: { width: 800, height: 240 } });
  const asked = [];
  tab.on("request", (r) => { if (r.url().includes("/wp/v2/comments?")) asked.push(r.url()); });
  await tab.goto(url);
  await cardsRendered(tab);
  await tab.waitForTimeout(800);
  const before = await inCard(tab, (root) => ({
    form: root.querySelector("form").getBoundingClientRect().top + scrollY,
    thread: root.querySelector(".thread").getBoundingClientRect().top + scrollY,
  }));
  assert.ok(before.thread > 240 + 800, `the thread starts ${before.thread} px down`);
  assert.deepEqual(asked, [], "no comments request while the thread is far below");
  await tab.evaluate(() => document.querySelector("review-card").shadowRoot.querySelector(".thread").scrollIntoView());
  await loaded(tab, 20);
  assert.equal(asked.length, 1);
  assert.match(asked[0], /[?&]post=\d+&order=asc&per_page=20&page=1/);
  const after = await inCard(tab, (root) => root.querySelector("form").getBoundingClientRect().top + scrollY);
  assert.equal(after, before.form, "nothing above the form moved while the comments loaded");
  await context.close();
});

test("payloads as comment content and author names are inert text", async () => {
  const { tab, context, log } = await open(env.browser, page(env.server, "/thread-xss.html", card(wp.payloads)));
  await cardsRendered(tab);
  await loaded(tab, 20);
  while (await inCard(tab, (root) => !root.querySelector(".thread-more").hidden)) {
    const n = await inCard(tab, (root) => root.querySelectorAll(".c").length);
    await tab.click("review-card >> .thread-more");
    await loaded(tab, Math.min(n + 20, PAYLOADS.length));
  }
  await tab.waitForTimeout(500);
  const r = await inCard(tab, (root) => {
    const allowed = new Set(["P", "BR", "A", "EM", "STRONG", "CODE", "BLOCKQUOTE", "Q", "CITE", "ABBR", "DEL"]);
    const bad = [];
    for (const el of root.querySelectorAll(".c-text *")) {
      if (!allowed.has(el.tagName)) bad.push(el.tagName);
      for (const a of el.attributes) if (!(el.tagName === "A" && ["href", "rel"].includes(a.name))) bad.push(el.tagName + "@" + a.name);
      if (el.tagName === "A" && !/^https?:/i.test(el.getAttribute("href"))) bad.push("href " + el.getAttribute("href"));
    }
    // The name: text in the widget's own <bdi> (so no bidi control in it reorders
    // the date or "Reply"), inside a link only through the allow-list.
    for (const el of root.querySelectorAll(".c-author *")) if (!["A", "BDI"].includes(el.tagName) || (el.tagName === "BDI" && el.children.length)) bad.push("author " + el.tagName);
    const texts = [...root.querySelectorAll(".c-text")].map((e) => e.textContent);
    return { bad, count: root.querySelectorAll(".c").length, texts, xss: window.__xss };
  });
  assert.equal(r.count, PAYLOADS.length);
  assert.deepEqual(r.bad, []);
  assert.equal(r.xss, 0);
  assert.ok(r.texts.some((t) => t.includes("<script>__pwned()</script>")), "a script tag shows as text");
  assert.deepEqual(log.dialogs, []);
  await context.close();
});

test("Reply: held reply shown in place only to its author; approved reply under its parent", async (t) => {
  // The later tests count the thread as seeded (plus the approved reply to comment
  // 2): the other comments this test posts go, even when it fails.
  t.after(() => php(`global $wpdb; foreach ($wpdb->get_col("SELECT comment_ID FROM $wpdb->comments WHERE comment_content IN ('A reply begun in French.', 'Sent while the card rendered again.')") as $id) wp_delete_comment($id, true);`));
  const { tab, context } = await open(env.browser, page(env.server, "/thread-reply.html", card(wp.thread)));
  await cardsRendered(tab);
  await loaded(tab, 20);
  const one = wp.ids[1];
  await tab.click(`review-card >> .c-reply[data-reply="${one}"]`);
  let state = await inCard(tab, (root) => ({
    focus: root.activeElement?.name, note: root.querySelector(".replying")?.textContent,
    parent: root.querySelector("[name=comment_parent]").value,
    described: root.querySelector("[name=comment]").getAttribute("aria-describedby").split(" ").includes(root.querySelector(".replying").id),
  }));
  assert.deepEqual(state, { focus: "comment", note: "Replying to Author 1 Cancel reply", parent: String(one), described: true });
  await tab.click("review-card >> .cancel-reply");
  state = await inCard(tab, (root) => ({
    note: !!root.querySelector(".replying"), parent: root.querySelector("[name=comment_parent]").value,
    focus: root.activeElement?.dataset.reply,
  }));
  assert.deepEqual(state, { note: false, parent: "0", focus: String(one) });
  await tab.keyboard.press("Enter");
  await tab.fill("review-card >> [name=comment]", "A held reply to the first comment.");
  await tab.fill("review-card >> [name=author]", "New Reader");
  await tab.fill("review-card >> [name=email]", "new-reader@example.com");
  await tab.click("review-card >> button.submit");
  await tab.waitForFunction(() => /awaiting moderation/.test(document.querySelector("review-card").shadowRoot.querySelector(".status").textContent), null, { timeout: 20000 });
  const held = await inCard(tab, (root, one) => {
    const mine = [...root.querySelectorAll(".c-text")].find((t) => t.textContent.includes("A held reply"))?.closest(".c");
    return {
      under: mine?.parentElement.closest(".c")?.dataset.id, mark: mine?.querySelector(".c-held")?.textContent,
      focused: root.activeElement === mine?.querySelector(".c-main"), note: !!root.querySelector(".replying"),
      parent: root.querySelector("[name=comment_parent]").value, title: root.querySelector(".thread-title").textContent,
    };
  }, one);
  assert.deepEqual(held, { under: String(one), mark: "Your comment is awaiting moderation.", focused: true, note: false, parent: "0", title: "45 comments" });
  const stored = JSON.parse(php(`global $wpdb; echo json_encode($wpdb->get_row("SELECT comment_parent AS parent, comment_approved AS approved FROM $wpdb->comments WHERE comment_author = 'New Reader'"));`).trim().split("\n").pop());
  assert.deepEqual(stored, { parent: String(one), approved: "0" });
  // Another visitor does not see it.
  const other = await open(env.browser, page(env.server, "/thread-reply.html", card(wp.thread)));
  await cardsRendered(other.tab);
  await loaded(other.tab, 20);
  assert.equal(await inCard(other.tab, (root) => root.querySelector(".thread").textContent.includes("A held reply")), false);
  await other.context.close();
  // A commenter WordPress knows is approved at once: the reply shows under comment 2.
  // Flood control (15 s per IP; every test client is 127.0.0.1): the last comment moves an hour back.
  php(`global $wpdb; $wpdb->query("UPDATE $wpdb->comments SET comment_date_gmt = comment_date_gmt - INTERVAL 1 HOUR, comment_date = comment_date - INTERVAL 1 HOUR WHERE comment_author = 'New Reader'");`);
  const two = wp.ids[2];
  await tab.click(`review-card >> .c-reply[data-reply="${two}"]`);
  await tab.fill("review-card >> [name=comment]", "An approved reply to the second comment.");
  await tab.fill("review-card >> [name=author]", "Author 5");
  await tab.fill("review-card >> [name=email]", "known@example.com");
  await tab.click("review-card >> button.submit");
  await tab.waitForFunction(() => /was posted/.test(document.querySelector("review-card").shadowRoot.querySelector(".status").textContent), null, { timeout: 20000 });
  const approved = await inCard(tab, () => {
    const root = document.querySelector("review-card").shadowRoot;
    const mine = [...root.querySelectorAll(".c-text")].find((t) => t.textContent.includes("An approved reply"))?.closest(".c");
    return { under: mine?.parentElement.closest(".c")?.dataset.id, held: !!mine?.querySelector(".c-held"), title: root.querySelector(".thread-title").textContent };
  });
  assert.deepEqual(approved, { under: String(two), held: false, title: "46 comments" });
  // The host page switches the card to dark, then to French (each a new render):
  // the conversation stays as it was, the held reply included, without a new request.
  let requests = 0;
  tab.on("request", (r) => { if (r.url().includes("/wp/v2/comments?")) requests++; });
  for (const [name, value] of [["theme", "dark"], ["lang", "fr"]]) {
    await tab.evaluate(([n, v]) => document.querySelector("review-card").setAttribute(n, v), [name, value]);
    await tab.waitForFunction(([n, v]) => {
      const card = document.querySelector("review-card").shadowRoot.querySelector("article.card");
      return n === "theme" ? card?.dataset.theme === v : card?.lang === v;
    }, [name, value], { timeout: 10000 });
  }
  const kept = await inCard(tab, (root, [one, two]) => {
    const find = (text) => [...root.querySelectorAll(".c-text")].find((t) => t.textContent.includes(text))?.closest(".c");
    const held = find("A held reply"), mine = find("An approved reply");
    return {
      comments: root.querySelectorAll(".thread .c").length, title: root.querySelector(".thread-title").textContent,
      heldUnder: held?.parentElement.closest(".c")?.dataset.id, mark: held?.querySelector(".c-held")?.textContent,
      approvedUnder: mine?.parentElement.closest(".c")?.dataset.id, more: !root.querySelector(".thread-more").hidden,
      busy: root.querySelector(".thread").hasAttribute("aria-busy"),
    };
  }, [one, two]);
  assert.deepEqual(kept, {
    comments: 22, title: "46\u00a0commentaires", heldUnder: String(one), mark: "Votre commentaire est en attente de modération.",
    approvedUnder: String(two), more: true, busy: false,
  });
  assert.equal(requests, 0, "no comments page fetched again");
  // A reply begun in French and sent after the host switched back to English goes
  // under the comment it answers, in WordPress too.
  php(`global $wpdb; $wpdb->query("UPDATE $wpdb->comments SET comment_date_gmt = comment_date_gmt - INTERVAL 1 HOUR, comment_date = comment_date - INTERVAL 1 HOUR WHERE comment_author = 'Author 5' AND comment_content LIKE 'An approved reply%'");`);
  const six = wp.ids[6];
  await tab.click(`review-card >> .c-reply[data-reply="${six}"]`);
  await tab.fill("review-card >> [name=comment]", "A reply begun in French.");
  await tab.evaluate(() => document.querySelector("review-card").setAttribute("lang", "en"));
  await tab.waitForFunction(() => document.querySelector("review-card").shadowRoot.querySelector("article.card")?.lang === "en");
  const resumed = await inCard(tab, (root) => ({
    note: root.querySelector(".replying")?.textContent, parent: root.querySelector("[name=comment_parent]").value,
    text: root.querySelector("[name=comment]").value,
  }));
  assert.deepEqual(resumed, { note: "Replying to Author 6 Cancel reply", parent: String(six), text: "A reply begun in French." });
  await tab.click("review-card >> button.submit");
  await tab.waitForFunction(() => /was posted/.test(document.querySelector("review-card").shadowRoot.querySelector(".status").textContent), null, { timeout: 20000 });
  const sent = JSON.parse(php(`global $wpdb; echo json_encode($wpdb->get_row("SELECT comment_parent AS parent FROM $wpdb->comments WHERE comment_content = 'A reply begun in French.'"));`).trim().split("\n").pop());
  assert.deepEqual(sent, { parent: String(six) });
  const placed = await inCard(tab, (root) => [...root.querySelectorAll(".c-text")].find((t) => t.textContent.includes("A reply begun"))?.closest(".c")?.parentElement.closest(".c")?.dataset.id);
  assert.equal(placed, String(six));
  // The host re-renders the card while a post is on its way (WordPress's answer held
  // back): the new form shows it busy, and the verdict and the comment land in it.
  php(`global $wpdb; $wpdb->query("UPDATE $wpdb->comments SET comment_date_gmt = comment_date_gmt - INTERVAL 1 HOUR, comment_date = comment_date - INTERVAL 1 HOUR WHERE comment_content = 'A reply begun in French.'");`);
  const gate = () => { let open; const shut = new Promise((r) => { open = r; }); return { shut, open }; };
  const post = gate(), asked = gate();
  await context.route((url) => url.pathname.endsWith("/wp/v2/comments"), async (route) => {
    if (route.request().method() === "POST") { asked.open(); await post.shut; }
    await route.fallback();
  });
  await tab.fill("review-card >> [name=comment]", "Sent while the card rendered again.");
  await tab.click("review-card >> button.submit");
  await asked.shut;
  await tab.evaluate(() => document.querySelector("review-card").setAttribute("theme", "light"));
  await tab.waitForFunction(() => document.querySelector("review-card").shadowRoot.querySelector("article.card")?.dataset.theme === "light");
  const sending = await inCard(tab, (root) => ({
    busy: root.querySelector("form.form").getAttribute("aria-busy"), disabled: root.querySelector("button.submit").disabled,
    status: root.querySelector("form.form .status").textContent,
  }));
  assert.deepEqual(sending, { busy: "true", disabled: true, status: "Sending your comment…" });
  post.open();
  await tab.waitForFunction(() => /was posted/.test(document.querySelector("review-card").shadowRoot.querySelector("form.form .status").textContent), null, { timeout: 20000 });
  const landed = await inCard(tab, (root) => {
    const mine = [...root.querySelectorAll(".c-text")].find((t) => t.textContent.includes("Sent while the card"))?.closest(".c");
    return { shown: !!mine, focused: root.activeElement === mine?.querySelector(".c-main"), text: root.querySelector("[name=comment]").value, busy: root.querySelector("form.form").hasAttribute("aria-busy") };
  });
  assert.deepEqual(landed, { shown: true, focused: true, text: "", busy: false });
  assert.equal(php(`global $wpdb; echo $wpdb->get_var("SELECT COUNT(*) FROM $wpdb->comments WHERE comment_content = 'Sent while the card rendered again.'");`).trim().split("\n").pop(), "1");
  // "Show more comments", then the host switches to French before page 2 arrives:
  // the new card says it is loading, shows page 2 and focuses its first comment.
  const page2 = gate(), asked2 = gate();
  let pages2 = 0;
  await context.route((url) => url.pathname.endsWith("/wp/v2/comments") && url.searchParams.get("page") === "2", async (route) => {
    pages2++; asked2.open(); await page2.shut; await route.fallback();
  });
  await tab.click("review-card >> .thread-more");
  await asked2.shut;
  await tab.evaluate(() => document.querySelector("review-card").setAttribute("lang", "fr"));
  await tab.waitForFunction(() => document.querySelector("review-card").shadowRoot.querySelector("article.card")?.lang === "fr");
  assert.deepEqual(await inCard(tab, (root) => ({ busy: root.querySelector(".thread").getAttribute("aria-busy"), status: root.querySelector(".thread .status").textContent })),
    { busy: "true", status: "Chargement des commentaires…" });
  page2.open();
  await tab.waitForFunction((id) => document.querySelector("review-card").shadowRoot.querySelector(`.c[data-id="${id}"]`), wp.ids[21], { timeout: 20000 });
  assert.equal(await inCard(tab, (root) => root.activeElement?.closest(".c")?.dataset.id), String(wp.ids[21]));
  assert.equal(pages2, 1, "page 2 asked for once");
  await context.unrouteAll({ behavior: "wait" });
  await context.close();
});

test("a failing comments request shows a retry and never breaks the card or the form", async () => {
  const { tab, context, log } = await open(env.browser, null);
  let calls = 0;
  await context.route("**/wp/v2/comments?*", (route) => (++calls === 1 ? route.abort("failed") : route.continue()));
  await tab.goto(page(env.server, "/thread-fail.html", card(wp.thread)));
  await cardsRendered(tab);
  await tab.waitForFunction(() => document.querySelector("review-card").shadowRoot.querySelector(".thread .retry"), null, { timeout: 20000 });
  const failed = await inCard(tab, (root) => ({
    state: root.querySelector(".thread .status").textContent, error: root.querySelector(".thread .status").dataset.kind, card: !!root.querySelector("article.card"), form: !!root.querySelector("form.form"),
  }));
  assert.deepEqual(failed, { state: "The comments could not be loaded. Try again", error: "error", card: true, form: true });
  await tab.fill("review-card >> [name=comment]", "Still typing");
  await tab.click("review-card >> button.more");
  assert.equal(await tab.getAttribute("review-card >> button.more", "aria-expanded"), "true");
  await tab.focus("review-card >> .thread .retry");
  await tab.keyboard.press("Enter");
  await loaded(tab, 20);
  // 45, or 46 once the Reply test's approved reply is in.
  assert.match(await inCard(tab, (root) => root.querySelector(".thread-title").textContent), /^4[56] comments$/);
  // The pressed button went with the failure: focus is on the first comment, not lost.
  assert.equal(await inCard(tab, (root) => root.activeElement?.closest(".c")?.dataset.id), String(wp.ids[1]));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("under Trusted Types and forced colors: the thread renders, Reply works, every control has a boundary and focus", async () => {
  const csp = { "content-security-policy": "require-trusted-types-for 'script'; trusted-types review-card" };
  const { tab, context, log } = await open(env.browser, null, { viewport: { width: 800, height: 1400 } });
  await tab.emulateMedia({ forcedColors: "active" });
  await tab.goto(page(env.server, "/thread-tt.html", card(wp.thread), csp));
  await cardsRendered(tab);
  await loaded(tab, 20);
  await tab.click(`review-card >> .c-reply[data-reply="${wp.ids[1]}"]`);
  assert.equal(await inCard(tab, (root) => root.querySelector(".replying")?.textContent), "Replying to Author 1 Cancel reply");
  await tab.keyboard.press("Shift+Tab"); // keyboard focus, so :focus-visible applies below
  const controls = await inCard(tab, (root) => [...root.querySelectorAll(".thread button:not([hidden]), .replying button")].map((c) => {
    const s = getComputedStyle(c);
    const border = ["top", "right", "bottom", "left"].every((side) =>
      parseFloat(s.getPropertyValue(`border-${side}-width`)) >= 1 && s.getPropertyValue(`border-${side}-style`) !== "none");
    c.focus({ focusVisible: true });
    const f = getComputedStyle(c);
    return { name: c.className, border, outline: parseFloat(f.outlineWidth) >= 2 && f.outlineStyle !== "none" };
  }));
  assert.ok(controls.some((c) => c.name === "c-reply") && controls.some((c) => c.name === "thread-more") && controls.some((c) => c.name === "cancel-reply"),
    controls.map((c) => c.name).join(", "));
  for (const c of controls) assert.deepEqual(c, { name: c.name, border: true, outline: true });
  assert.deepEqual(await tab.evaluate(() => window.__csp), [], "no Trusted Types violation");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

for (const theme of ["light", "dark"]) {
  for (const lang of ["en", "fr"]) {
    test(`axe: thread open, ${theme} theme, ${lang}`, async () => {
      const { tab, context } = await open(env.browser, page(env.server, `/thread-${theme}-${lang}.html`, card(wp.thread, { theme, lang })));
      await cardsRendered(tab);
      await loaded(tab, 20);
      await tab.click(`review-card >> .c-reply[data-reply="${wp.ids[1]}"]`);
      if (lang === "fr") assert.match(await inCard(tab, (root) => root.querySelector(".thread-title").textContent), /^4[56]\u00a0commentaires$/);
      const r = await axe(tab);
      assert.deepEqual(r.violations, [], `${theme}/${lang}: axe violations`);
      assert.ok(r.rules > 40);
      await context.close();
    });
  }
}
