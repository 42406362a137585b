/** What is reviewed. */
export type ReviewKind = "film" | "book" | "album" | "game" | "show" | "product" | "other";

/** A score: a number out of 10, or a value with its range. */
export type ReviewScore = number | { value: number; max?: number; min?: number };

/** The cover image. A URL alone is decorative (alt ""); otherwise `alt` is required. */
export type ReviewImage =
  | string
  | {
      /** http, https or relative (not data: or javascript:). */
      src: string;
      /** What the image shows; "" when it is decorative. */
      alt: string;
      /** Pixels, both or neither: the aspect ratio reserved before it loads. */
      width?: number;
      height?: number;
    };

/** A review in the v1 data format (see review.schema.json in this package). */
export interface Review {
  /** Required, non-empty. */
  title: string;
  kind?: ReviewKind;
  /** The full review: http, https or relative. */
  url?: string;
  score?: ReviewScore;
  /** Shown on the card; derived from `body` when absent. */
  excerpt?: string;
  /** Full text; paragraphs separated by blank lines. */
  body?: string;
  credits?: { role: string; name: string }[];
  author?: string | { name: string; url?: string; bio?: string };
  /** ISO 8601 date, e.g. "2012-11-16". */
  published?: string;
  /** Language tag, e.g. "en" or "fr-FR". */
  lang?: string;
  /** The poster, cover, album art or product photo, beside the title. */
  image?: ReviewImage;
  /** The price the review names (e.g. a product's), with an ISO 4217 currency code. */
  price?: { value: number; currency: string };
}

/** A schema.org Review (JSON-LD), also accepted as input. */
export interface SchemaOrgReview {
  "@type": "Review";
  "@context"?: string;
  [key: string]: unknown;
}

/** Settings of the comment form. */
export interface CommentOptions {
  /** Where to post; without it only the `review-card:comment` event is dispatched. */
  endpoint?: string;
  /** "wordpress": REST API JSON (default); "form": like wp-comments-post.php. */
  mode?: "wordpress" | "form";
  /** The WordPress post ID. */
  postId?: number | string;
  /** Minimum time before a comment may be sent, in ms (default 3000). */
  minFillMs?: number;
  /** How long a post may take, in ms (default 20000). */
  timeoutMs?: number;
}

/** Options of `mount` and `renderToString`. */
export interface ReviewCardOptions {
  /** "en" or "fr"; otherwise the data's lang, then the page's. */
  lang?: string;
  theme?: "light" | "dark" | "auto";
  /** Level of the card's heading, 2 to 6 (default 2). */
  headingLevel?: number | string;
  /** Show the comment form. */
  comments?: boolean | CommentOptions;
  /** Emit schema.org JSON-LD next to the card (default true). */
  jsonLd?: boolean;
  /** Prefix for element IDs (renderToString; default "rc"). */
  idPrefix?: string;
  /** The absolute URL the review's JSON came from: its relative links resolve
   * against it (default: the page's base URL; renderToString leaves them relative). */
  baseUrl?: string;
}

/** The fields of the comment form. */
export interface CommentFields {
  author?: string;
  email?: string;
  url?: string;
  comment?: string;
}

export type CommentField = "comment" | "author" | "email" | "url";
export type CommentErrorCode = "required" | "too_long" | "invalid_email" | "invalid_url" | "invalid_chars";

/** The result of `validateComment`. */
export interface CommentValidation {
  valid: boolean;
  errors: { field: CommentField; code: CommentErrorCode; message: string }[];
  /** What would be sent: trimmed, CRLF normalised, "https://" completed. */
  values: Required<CommentFields>;
}

/** Detail of the cancelable `review-card:comment` event. */
export interface CommentEventDetail extends Required<CommentFields> {
  reviewUrl: string | null;
  /** Set when a spam check stopped the comment (then nothing is sent). */
  spam: null | "honeypot" | "too_fast";
}
