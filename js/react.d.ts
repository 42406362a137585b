// review-card/react: registers <review-card> (like review-card/element) and types it
// in React's JSX (React 18 and 19), attributes as the element takes them.
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { ReviewCardAttributes, ReviewCardElement } from "./element.js";

export type { ReviewCardAttributes, ReviewCardElement } from "./element.js";

/** The props of `<review-card>` in JSX: its attributes, plus React's for any element. */
export type ReviewCardProps = DetailedHTMLProps<HTMLAttributes<ReviewCardElement>, ReviewCardElement> &
  Omit<ReviewCardAttributes, "lang">;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "review-card": ReviewCardProps;
    }
  }
}
