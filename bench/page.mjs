// The functions a benchmark page runs, shared by `make bench` (bench/run.mjs) and
// `node bench/builds.mjs`: in-page source, after a setup that defines `window.impl`
// ({ mount(el, review) -> the element, validate(fields), wasmBytes(), settle?(els) })
// and `SAMPLE`, and with a `<div id="box">` in the page.
export const PAGE_FUNCTIONS = `const box = document.getElementById("box");
async function settle(els) { if (window.impl.settle) await window.impl.settle(els); }
window.renderN = async (n) => {
  box.replaceChildren();
  const reviews = Array.from({ length: n }, (_, i) => ({ ...SAMPLE, title: SAMPLE.title + " " + i, score: { value: i % 11, max: 10 } }));
  const hosts = Array.from({ length: n }, () => document.createElement("div"));
  for (const h of hosts) box.appendChild(h);
  const t0 = performance.now();
  const outs = [];
  for (let i = 0; i < n; i++) outs.push(window.impl.mount(hosts[i], reviews[i]));
  await settle(outs);
  const t1 = performance.now();
  void box.offsetHeight; // style and layout
  const t2 = performance.now();
  return { script: t1 - t0, total: t2 - t0 };
};
window.keystroke = () => {
  const comment = "a".repeat(65000) + "é".repeat(262) + "x"; // 65525 bytes
  const fields = { comment, author: "Ada", email: "ada@example.com", url: "example.com" };
  // performance.now() is coarsened to 0.1 ms: time batches of 20 calls, keep the median batch.
  if (!window.impl.validate(fields).valid) throw new Error("the benchmark comment should be valid");
  const batches = [];
  for (let b = 0; b < 11; b++) {
    const t = performance.now();
    for (let i = 0; i < 20; i++) window.impl.validate(fields);
    batches.push((performance.now() - t) / 20);
  }
  batches.sort((a, b) => a - b);
  return batches[5];
};
window.memory = async (n) => {
  await window.renderN(n);
  if (window.gc) { window.gc(); window.gc(); }
  return { heap: performance.memory ? performance.memory.usedJSHeapSize : 0, wasm: window.impl.wasmBytes() };
};
`;
