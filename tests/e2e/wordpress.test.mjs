// The comment form against a real WordPress (Debian's 6.1 package, default settings,
// tests/wordpress/): each mode the README offers, every answer WordPress gives, and
// a card on another origin. Each test says what the reader is told and checks what
// WordPress stored, and that nothing the reader typed is lost.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, page, open } from "./lib.mjs";
import { startWordPress, cardPage, send, verdict, fieldValue } from "./wordpress.mjs";

let wp, env;
const t0 = Date.now();
before(async () => {
  wp = startWordPress();
  wp.wp("reset-comments");
  // Every test client is 127.0.0.1: flood control is relaxed except in the flood test.
  wp.option("harness_no_flood", "1");
  for (const o of ["harness_rest_anon", "harness_slow_ms", "harness_form_cors"]) wp.option(o, "");
  env = await setup();
});
after(async () => {
  await env?.close();
  wp?.stop();
  console.log(`# wordpress: ${((Date.now() - t0) / 1000).toFixed(1)} s including start and stop`);
});

let n = 0;
const unique = (what) => `${what} #${++n} ${Date.now()}`;
const FORM = () => ({ "comments-endpoint": "/wp-comments-post.php", "comments-post-id": wp.posts.open });
const stored = (content) => wp.comments().filter((c) => c.content === content);

async function card(attrs, name = `t${++n}.html`) {
  const { tab, log, context } = await open(env.browser, wp.page(name, cardPage(attrs)));
  return { tab, log, context };
}

test("default mode (no comments-mode): a new author is stored and held, a previously approved one approved", async () => {
  const { tab, log, context } = await card(FORM());
  const comment = unique("Audiard's best since A Prophet.");
  const v = await send(tab, { author: "Ada Reader", email: "ada@example.com", comment });
  assert.deepEqual([v.kind, v.text], ["ok", "Thank you, your comment is awaiting moderation."]);
  const [c] = stored(comment);
  assert.ok(c, "WordPress stored it");
  assert.equal(c.approved, "0");
  assert.equal(c.post, wp.posts.open);
  assert.equal(await fieldValue(tab, "comment"), "", "the box is emptied once WordPress has it");
  wp.wp("approve", String(c.id));
  const again = unique("And Cotillard is superb.");
  const v2 = await send(tab, { comment: again });
  assert.deepEqual([v2.kind, v2.text], ["ok", "Thank you, your comment was posted."]);
  assert.equal(stored(again)[0].approved, "1");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("form mode on the site's own origin: the reader's comment shows in the thread, held under WordPress's ID, approved once", async () => {
  const { tab, log, context } = await card(FORM(), "thread-form.html");
  await tab.waitForFunction(() => {
    const s = document.querySelector("review-card")?.shadowRoot?.querySelector("section.thread");
    return s && !s.hasAttribute("aria-busy") && /\d|No comments/.test(s.querySelector(".thread-title").textContent);
  }, null, { timeout: 20000 });
  const mine = (text) => tab.evaluate((text) => [...document.querySelector("review-card").shadowRoot.querySelectorAll(".thread .c-main")]
    .filter((a) => a.querySelector(".c-text").textContent.includes(text))
    .map((a) => ({ id: a.closest(".c").dataset.id, held: !!a.querySelector(".c-held"), reply: !!a.querySelector(".c-reply"), focused: a.matches(":focus") })), text);
  const held = unique("Held, and shown to me alone.");
  const v = await send(tab, { author: "Thread Reader", email: "thread@example.com", comment: held });
  assert.equal(v.kind, "ok");
  const [c] = stored(held);
  // WordPress's own ID, read from its redirect (`unapproved=ID`): Reply could name it.
  assert.deepEqual(await mine(held), [{ id: String(c.id), held: true, reply: false, focused: true }]);
  wp.wp("approve", String(c.id));
  const approved = unique("Approved at once.");
  const v2 = await send(tab, { comment: approved });
  assert.deepEqual([v2.kind, v2.text], ["ok", "Thank you, your comment was posted."]);
  // Its ID is not in WordPress's answer (a page): shown once, with no Reply to send a
  // parent nobody has, until WordPress lists it.
  const [shown] = await mine(approved);
  assert.deepEqual({ ...shown, id: BigInt(shown.id) > 2n ** 63n }, { id: true, held: false, reply: false, focused: true });
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("REST mode on a stock WordPress: a plain sentence for the reader, the filter's name for the owner, text kept", async () => {
  const attrs = { "comments-mode": "wordpress", "comments-endpoint": "/wp-json/wp/v2/comments", "comments-post-id": wp.posts.open };
  const { tab, log, context } = await card(attrs);
  const comment = unique("Sent by REST");
  const v = await send(tab, { author: "Rest Reader", email: "rest@example.com", comment });
  assert.equal(v.kind, "error");
  assert.equal(v.text, "This site does not accept comments sent from this page yet, so your comment was not sent. Your text is kept.");
  assert.doesNotMatch(v.text, /log ?in/i);
  assert.ok(log.console.some((m) => m.includes("[review-card]") && m.includes("rest_allow_anonymous_comments") && m.includes("__return_true")), log.console.join("\n"));
  assert.equal(await fieldValue(tab, "comment"), comment);
  assert.equal(stored(comment).length, 0);
  // With the one line a site owner adds, the same card posts and is held.
  wp.option("harness_rest_anon", "1");
  try {
    const v2 = await send(tab, {});
    assert.deepEqual([v2.kind, v2.text], ["ok", "Thank you, your comment is awaiting moderation."]);
    assert.equal(stored(comment)[0].approved, "0");
  } finally { wp.option("harness_rest_anon", ""); }
  await context.close();
});

test("duplicate, closed, draft, password-protected, missing and wrong post: WordPress's words or a true sentence, text kept", async () => {
  const cases = [
    ["duplicate", wp.posts.open, "Your comment was not accepted: Duplicate comment detected; it looks as though you’ve already said that!"],
    ["closed", wp.posts.closed, "Your comment was not accepted: Sorry, comments are closed for this item."],
    ["draft", wp.posts.draft, "The site did not store your comment: this post does not take comments from here (it may be unpublished, password-protected or gone). Your text is kept."],
    ["password", wp.posts.password, "The site did not store your comment: this post does not take comments from here (it may be unpublished, password-protected or gone). Your text is kept."],
    ["wrong post ID", 999999, "The site did not store your comment: this post does not take comments from here (it may be unpublished, password-protected or gone). Your text is kept."],
    ["missing post ID", null, "The site did not store your comment: this post does not take comments from here (it may be unpublished, password-protected or gone). Your text is kept."],
  ];
  const first = unique("Said once");
  {
    const { tab, context } = await card(FORM());
    assert.equal((await send(tab, { author: "Dup", email: "dup@example.com", comment: first })).kind, "ok");
    await context.close();
  }
  for (const [name, post, expected] of cases) {
    const attrs = { "comments-endpoint": "/wp-comments-post.php" };
    if (post) attrs["comments-post-id"] = post;
    const { tab, context } = await card(attrs);
    const comment = name === "duplicate" ? first : unique(`On the ${name} post`);
    const v = await send(tab, { author: "Dup", email: "dup@example.com", comment });
    assert.deepEqual([name, v.kind, v.text], [name, "error", expected]);
    assert.equal(await fieldValue(tab, "comment"), comment, `${name}: the text is kept`);
    assert.equal(stored(comment).length, name === "duplicate" ? 1 : 0, `${name}: nothing (more) stored`);
    await context.close();
  }
});

test("flood control (WordPress's default 15 s): the second comment is refused in WordPress's words, text kept", async () => {
  // Flood control compares with the last comment from this IP (every test client is
  // 127.0.0.1): earlier tests' comments are aged an hour so only this test's count.
  wp.wp("php", "global $wpdb; $wpdb->query(\"UPDATE $wpdb->comments SET comment_date = comment_date - INTERVAL 1 HOUR, comment_date_gmt = comment_date_gmt - INTERVAL 1 HOUR\"); wp_cache_flush();");
  wp.option("harness_no_flood", "");
  try {
    const { tab, context } = await card(FORM());
    assert.equal((await send(tab, { author: "Fast", email: "fast@example.com", comment: unique("First") })).kind, "ok");
    const second = unique("Second, at once");
    const v = await send(tab, { comment: second });
    assert.deepEqual([v.kind, v.text], ["error", "Your comment was not accepted: You are posting comments too quickly. Slow down."]);
    assert.equal(await fieldValue(tab, "comment"), second);
    assert.equal(stored(second).length, 0);
    await context.close();
  } finally { wp.option("harness_no_flood", "1"); }
});

test("a slow site: the timeout never says 'not sent', and Try again makes no duplicate", async () => {
  const { tab, context } = await card({ ...FORM(), "comments-timeout-ms": 700 });
  const comment = unique("Arrived, but slowly");
  wp.option("harness_slow_ms", "2500");
  let v;
  try {
    v = await send(tab, { author: "Slow", email: "slow@example.com", comment });
  } finally { wp.option("harness_slow_ms", ""); }
  assert.equal(v.kind, "error");
  assert.match(v.text, /cannot tell whether your comment arrived/);
  assert.doesNotMatch(v.text, /not sent|could not be sent/);
  assert.ok(v.retry, "a Try again button");
  assert.equal(await fieldValue(tab, "comment"), comment);
  await new Promise((r) => setTimeout(r, 2500)); // WordPress has finished
  assert.equal(stored(comment).length, 1, "it did arrive");
  await tab.evaluate(() => { const r = document.querySelector("review-card").shadowRoot; r.querySelector(".status").removeAttribute("data-kind"); r.querySelector("button.retry").click(); });
  const v2 = await verdict(tab);
  assert.deepEqual([v2.kind, v2.text], ["ok", "Your comment had already reached the site; it was not sent twice."]);
  assert.equal(stored(comment).length, 1, "still one");
  await context.close();
});

test("text typed while a comment is in flight is kept", async () => {
  const { tab, context } = await card(FORM());
  const comment = unique("Sent first");
  wp.option("harness_slow_ms", "1200");
  try {
    await tab.waitForFunction(() => document.querySelector("review-card")?.shadowRoot?.querySelector("form.form[novalidate]"));
    await tab.evaluate(([comment]) => {
      const root = document.querySelector("review-card").shadowRoot;
      for (const [k, v] of [["author", "Typist"], ["email", "typist@example.com"], ["comment", comment]]) root.querySelector(`[name="${k}"]`).value = v;
      root.querySelector("button.submit").click();
    }, [comment]);
    await tab.waitForTimeout(300);
    await tab.locator("review-card textarea").pressSequentially(" and a second thought");
    const v = await verdict(tab);
    assert.equal(v.kind, "ok");
  } finally { wp.option("harness_slow_ms", ""); }
  assert.equal(await fieldValue(tab, "comment"), comment + " and a second thought");
  assert.equal(stored(comment).length, 1);
  await context.close();
});

test("network failure: the reader is told it may not have arrived, with Try again, and the text is kept", async () => {
  const { tab, context } = await card({ "comments-endpoint": "http://127.0.0.1:9/wp-comments-post.php", "comments-post-id": 1 });
  const comment = unique("Nowhere to go");
  const v = await send(tab, { author: "Net", email: "net@example.com", comment });
  assert.equal(v.kind, "error");
  assert.match(v.text, /cannot tell whether your comment arrived/);
  assert.ok(v.retry);
  assert.equal(await fieldValue(tab, "comment"), comment);
  await context.close();
});

test("third-party origin, stock WordPress, form mode: stored and held; the reader is told it was sent", async () => {
  const url = page(env.server, "/third-party.html", cardPage({ "comments-endpoint": `${wp.base}/wp-comments-post.php`, "comments-post-id": wp.posts.open }, { script: "/embed.js" }));
  const { tab, log, context } = await open(env.browser, url);
  const comment = unique("From another site");
  const v = await send(tab, { author: "Elsewhere", email: "elsewhere@example.com", comment });
  assert.deepEqual([v.kind, v.text], ["ok", "Your comment was sent to the site. This page cannot see the site’s answer: it appears there once the site publishes it."]);
  assert.equal(stored(comment)[0]?.approved, "0");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("third-party origin, REST mode with the filter on: WordPress answers CORS itself, held is told as held", async () => {
  wp.option("harness_rest_anon", "1");
  try {
    const url = page(env.server, "/third-party-rest.html", cardPage({ "comments-mode": "wordpress", "comments-endpoint": `${wp.base}/wp-json/wp/v2/comments`, "comments-post-id": wp.posts.open }, { script: "/embed.js" }));
    const { tab, context } = await open(env.browser, url);
    const comment = unique("From another site by REST");
    const v = await send(tab, { author: "Elsewhere", email: "elsewhere-rest@example.com", comment });
    assert.deepEqual([v.kind, v.text], ["ok", "Thank you, your comment is awaiting moderation."]);
    assert.equal(stored(comment)[0]?.approved, "0");
    const dup = await send(tab, { comment });
    assert.deepEqual([dup.kind, dup.text], ["error", "Your comment was not accepted: Duplicate comment detected; it looks as though you’ve already said that!"]);
    await context.close();
  } finally { wp.option("harness_rest_anon", ""); }
});

test("the honeypot: autofill skips it; if something fills it, the reader is told what works, and it works", async () => {
  const { tab, context } = await card(FORM());
  await tab.waitForFunction(() => document.querySelector("review-card")?.shadowRoot?.querySelector("form.form[novalidate]"));
  const attrs = await tab.evaluate(() => {
    const t = document.querySelector("review-card").shadowRoot.querySelector("[name=rc_trap]");
    return { ac: t.getAttribute("autocomplete"), lp: t.getAttribute("data-lpignore"), op: t.hasAttribute("data-1p-ignore"), tab: t.tabIndex };
  });
  assert.deepEqual(attrs, { ac: "off", lp: "true", op: true, tab: -1 });
  const comment = unique("Autofilled trap");
  const v = await send(tab, { author: "Auto", email: "auto@example.com", comment, rc_trap: "https://autofill.example" });
  assert.deepEqual([v.kind, v.text], ["error", "Your comment was not sent: a hidden anti-spam field had been filled in, perhaps by your browser’s autofill. It is cleared now: send your comment again."]);
  assert.equal(stored(comment).length, 0);
  const v2 = await send(tab, {});
  assert.equal(v2.kind, "ok", v2.text);
  assert.equal(stored(comment).length, 1);
  await context.close();
});
