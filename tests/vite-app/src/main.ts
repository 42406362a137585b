import init, { mount, renderToString, validateComment, type Review, type CommentValidation } from "review-card";

const review: Review = {
  title: "Rust & Bone",
  kind: "film",
  score: { value: 7.2, max: 10 },
  excerpt: "A watery trope runs through Jacques Audiard's film.",
  credits: [{ role: "Director", name: "Jacques Audiard" }],
  author: { name: "Piers Marchant" },
};

// The types describe the format: these would not compile (never called).
export function typeChecks(): void {
  // @ts-expect-error kind must be one of the listed kinds
  const wrongKind: Review = { title: "x", kind: "movie" };
  // @ts-expect-error theme must be light, dark or auto
  mount(document.body, review, { theme: "blue" });
  // @ts-expect-error title is required
  renderToString({ kind: "film" });
  void wrongKind;
}

await init();
mount(document.getElementById("review")!, review, { theme: "light", comments: { minFillMs: 0 } });
const result: CommentValidation = validateComment({ author: "Ada", email: "nope", comment: "Hi" });
document.getElementById("check")!.textContent = JSON.stringify({
  valid: result.valid,
  codes: result.errors.map((e) => e.code),
  ssr: renderToString(review).startsWith("<review-card"),
});
