import { StrictMode, useEffect, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import init, { mount, unmount, renderToString, validateComment, type Review, type CommentValidation } from "review-card";
import "review-card/react"; // registers <review-card> and types it in JSX

const review: Review = {
  title: "Rust & Bone",
  kind: "film",
  score: { value: 7.2, max: 10 },
  excerpt: "A watery trope runs through Jacques Audiard's film.",
  credits: [{ role: "Director", name: "Jacques Audiard" }],
  author: { name: "Piers Marchant" },
};

// The types describe the format and the tag: these would not compile (never called).
export function typeChecks() {
  // @ts-expect-error kind must be one of the listed kinds
  const wrongKind: Review = { title: "x", kind: "movie" };
  // @ts-expect-error theme must be light, dark or auto
  mount(document.body, review, { theme: "blue" });
  // @ts-expect-error title is required
  renderToString({ kind: "film" });
  void wrongKind;
  const card: HTMLElementTagNameMap["review-card"] = document.createElement("review-card");
  void card;
  // @ts-expect-error theme must be light, dark or auto
  return <review-card src="/r.json" theme="blue" />;
}

/** A card through the API: mounted in an effect, unmounted in its cleanup. */
function ApiCard({ lang }: { lang: "en" | "fr" }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current!;
    mount(el, review, { lang, theme: "light", comments: { minFillMs: 0 } });
    return () => unmount(el);
  }, [lang]);
  return <div id="review" ref={ref} />;
}

function App() {
  const [lang, setLang] = useState<"en" | "fr">("en");
  return (
    <main>
      <h1>My film blog</h1>
      <button id="lang" type="button" onClick={() => setLang(lang === "en" ? "fr" : "en")}>
        {lang === "en" ? "En français" : "In English"}
      </button>
      <ApiCard lang={lang} />
      <h2>The element</h2>
      <review-card id="element" src="/rust-and-bone.json" theme="dark" heading-level={3} comments>
        <a href="/rust-and-bone.json">Rust &amp; Bone: the review</a>
      </review-card>
    </main>
  );
}

await init();
createRoot(document.getElementById("app")!).render(<StrictMode><App /></StrictMode>);

const result: CommentValidation = validateComment({ author: "Ada", email: "nope", comment: "Hi" });
document.getElementById("check")!.textContent = JSON.stringify({
  valid: result.valid,
  codes: result.errors.map((e) => e.code),
  ssr: renderToString(review).startsWith("<review-card"),
});
