// review-card/element: registers <review-card>. The tag and its attributes, typed
// for the DOM (document.createElement, querySelector). React's JSX: review-card/react.

/** The attributes of `<review-card>` (README: "Use it in a blog post"). */
export interface ReviewCardAttributes {
  /** URL of the review JSON. */
  src?: string;
  /** "en" or "fr"; otherwise the data's lang, then the page's. */
  lang?: string;
  theme?: "light" | "dark" | "auto";
  /** 2 to 6 (default 2). */
  "heading-level"?: 2 | 3 | 4 | 5 | 6 | "2" | "3" | "4" | "5" | "6";
  /** Present: show the comment form. */
  comments?: boolean | "";
  "comments-endpoint"?: string;
  "comments-mode"?: "wordpress" | "form";
  "comments-post-id"?: number | string;
  "comments-min-fill-ms"?: number | string;
  "comments-timeout-ms"?: number | string;
  /** How long fetching `src` may take, in ms (default 10000). */
  timeout?: number | string;
  /** "off" leaves out the schema.org JSON-LD. */
  "json-ld"?: "on" | "off";
}

/** A `<review-card>` element. */
export interface ReviewCardElement extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    "review-card": ReviewCardElement;
  }
  interface HTMLElementEventMap {
    "review-card:ready": CustomEvent<undefined>;
    "review-card:error": CustomEvent<{ message: string }>;
  }
}
