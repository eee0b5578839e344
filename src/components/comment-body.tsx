import "katex/dist/katex.min.css";
import Markdown, { type Components } from "react-markdown";
import rehypeKatex, { type Options as KatexOptions } from "rehype-katex";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { remarkArxivLinks } from "@/lib/markdown/arxiv-links";
import { remarkDisplayMath } from "@/lib/markdown/display-math";
import { remarkHtmlAsText } from "@/lib/markdown/html-as-text";
import { remarkMathBounds } from "@/lib/markdown/math-bounds";

// GitHub's sanitizing rules, plus the classes remark-math gives math so KaTeX can find it. KaTeX
// runs after sanitizing, on text the schema has already cleaned, so its own markup is kept.
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [["className", /^language-./, "math-inline", "math-display"]],
  },
};

// What one formula may cost, on top of remarkMathBounds' check of its source (which lets no reader
// define macros): 1,000 expansions of KaTeX's own macros (2,000 characters of `\neq \leq \dots`
// take 540), sizes (`\rule{500em}{500em}`) capped at 20 em, no `\href` or `\htmlClass`, no
// warnings in the server log. rehype-katex always falls back to throwOnError: false, showing a
// formula KaTeX cannot typeset as its source in red.
const katexOptions: KatexOptions = { maxExpand: 1_000, maxSize: 20, strict: "ignore", trust: false };

const components: Components = {
  // Long code scrolls sideways; focusable so the keyboard can scroll it too.
  pre: ({ children }) => <pre tabIndex={0}>{children}</pre>,
  a: ({ href, children }) => (
    <a href={href} rel="nofollow ugc noopener" className="font-medium text-indigo-600 underline dark:text-indigo-400">
      {children}
    </a>
  ),
  // No images from arbitrary hosts: an image becomes a plain link to it.
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} rel="nofollow ugc noopener" className="text-indigo-600 underline dark:text-indigo-400">
        {alt || "image"}
      </a>
    ) : (
      <>{alt}</>
    ),
};

/**
 * A comment's Markdown (GFM, `$…$` and `$$…$$` math) rendered on the server: raw HTML is shown as
 * text, never rendered, unsafe URLs (`javascript:`, `data:`) are dropped, math too long or too
 * deeply nested to typeset safely is shown as code, and the output passes rehype-sanitize before
 * KaTeX typesets the math.
 */
export function CommentBody({ markdown }: { markdown: string }) {
  return (
    <div className="comment-body text-sm leading-relaxed break-words text-gray-800 dark:text-gray-200">
      <Markdown
        remarkPlugins={[remarkGfm, remarkMath, remarkDisplayMath, remarkMathBounds, remarkHtmlAsText, remarkArxivLinks]}
        rehypePlugins={[
          [rehypeSanitize, schema],
          [rehypeKatex, katexOptions],
        ]}
        components={components}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
