// The agreement table: every case of tests/e2e/agreement-cases.mjs is posted through
// the widget's form (default mode, same site) and straight to both endpoints of the
// real WordPress (wp-comments-post.php and the REST route with anonymous comments
// on), and the verdicts (stored or refused) are compared. Where the widget is
// stricter by decision, the case says why and the test checks that it still is.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, open } from "./lib.mjs";
import { startWordPress, cardPage, send } from "./wordpress.mjs";
import { CASES, defaults } from "./agreement-cases.mjs";

let wp, env;
before(async () => {
  wp = startWordPress();
  wp.wp("reset-comments");
  wp.option("harness_no_flood", "1");
  wp.option("harness_rest_anon", "1");
  env = await setup();
});
after(async () => {
  wp?.option("harness_rest_anon", "");
  await env?.close();
  wp?.stop();
});

const bytes = (s) => Buffer.byteLength(s, "utf8");

test(`the agreement table: ${CASES.length} cases, the widget's verdict against both WordPress endpoints`, async () => {
  assert.ok(CASES.length >= 30);
  const url = wp.page("agreement.html", cardPage({ "comments-endpoint": "/wp-comments-post.php", "comments-post-id": wp.posts.open }));
  const { tab, context } = await open(env.browser, url);
  await tab.goto(url);
  const rows = [];
  for (const [i, c] of CASES.entries()) {
    const v = { ...defaults(i, c.name), ...c };
    const fields = { author: v.author, email: v.email, url: v.url, comment: v.comment };
    const widget = await send(tab, fields);
    const form = await fetch(`${wp.base}/wp-comments-post.php`, {
      method: "POST", redirect: "manual", headers: { accept: "application/json" },
      body: new URLSearchParams({ ...fields, comment_post_ID: String(wp.posts.tableForm) }),
    });
    const formText = await form.text();
    const rest = await fetch(`${wp.base}/wp-json/wp/v2/comments`, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ author_name: v.author, author_email: v.email, author_url: v.url, content: v.comment, post: wp.posts.tableRest }),
    });
    const restText = await rest.text();
    const row = {
      name: c.name,
      widget: widget.kind === "ok" ? "stored" : widget.kind === "invalid" ? "refused (widget)" : "refused (WordPress)",
      widgetText: widget.text,
      form: form.status === 302 ? "stored" : "refused",
      formText: form.status === 302 ? "" : formText.slice(0, 120),
      rest: rest.status === 201 ? "stored" : "refused",
      restText: rest.status === 201 ? "" : restText.slice(0, 120),
      note: c.widget || c.rest || "",
    };
    rows.push(row);
    // The widget must not send what WordPress then refuses: it says so first.
    assert.notEqual(row.widget, "refused (WordPress)", `${c.name}: the widget sent it and WordPress refused: ${widget.text}`);
    const widgetStored = row.widget === "stored";
    if (c.widget) {
      assert.deepEqual([c.name, widgetStored, row.form], [c.name, false, "stored"], `${c.name}: documented as stricter (${c.widget})`);
    } else {
      assert.equal(widgetStored, row.form === "stored", `${c.name}: widget ${row.widget} (${widget.text}), wp-comments-post.php ${row.form} ${row.formText}`);
    }
    if (c.rest) assert.notEqual(row.rest, row.form, `${c.name}: documented REST difference (${c.rest})`);
    else assert.equal(row.rest, row.form, `${c.name}: REST ${row.rest} ${row.restText}, form ${row.form} ${row.formText}`);
    // Over a byte limit, the widget says exactly how many bytes to remove.
    const m = /by ([\d,]+) bytes?: the limit is ([\d,]+) bytes/.exec(widget.text)?.map((s) => s.replaceAll(",", ""));
    if (m) {
      const field = { 65525: "comment", 245: "author", 100: "email", 200: "url" }[m[2]];
      let value = fields[field].trim();
      if (field === "author") value = value.replace(/<[^>]*>/g, "");
      if (field === "url" && !/^https?:\/\//.test(value)) value = "https://" + value;
      assert.equal(Number(m[1]), bytes(value) - Number(m[2]), `${c.name}: bytes to remove`);
    }
  }
  const agree = rows.filter((r) => (r.widget === "stored") === (r.form === "stored")).length;
  console.log(`# agreement: ${agree}/${rows.length} cases with the same verdict as wp-comments-post.php; ` +
    `${rows.filter((r) => r.note && CASES.find((c) => c.name === r.name).widget).length} documented as stricter; ` +
    `REST differs from the form endpoint on ${rows.filter((r) => r.rest !== r.form).length}`);
  for (const r of rows) console.log(`# ${r.name.padEnd(58)} widget ${r.widget.padEnd(18)} form ${r.form.padEnd(8)} REST ${r.rest.padEnd(8)} ${r.note}`);
  await context.close();
});
