// What the vanilla and Lit baselines share: kind labels and the excerpt rule.
export const KINDS = { film: "Film", book: "Book", album: "Album", game: "Game", show: "Show", product: "Product", other: "Review" };

export function excerpt(paragraphs, max) {
  const text = paragraphs.join(" ").split(/\s+/).join(" ");
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(" ", max);
  return text.slice(0, cut > max / 3 ? cut : max).replace(/[ ,;:]+$/, "") + "…";
}
