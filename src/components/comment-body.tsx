import "katex/dist/katex.min.css";
import Markdown, { type Components } from "react-markdown";
import rehypeKatex from "rehype-katex";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { remarkArxivLinks } from "@/lib/markdown/arxiv-links";
import { remarkHtmlAsText } from "@/lib/markdown/html-as-text";

// GitHub's sanitizing rules, plus the classes remark-math gives math so KaTeX can find it. KaTeX
// runs after sanitizing, on text the schema has already cleaned, so its own markup is kept.
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [["className", /^language-./, "math-inline", "math-display"]],
  },
};

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
 * text, never rendered, unsafe URLs (`javascript:`, `data:`) are dropped, and the
 * output passes rehype-sanitize before KaTeX typesets the math.
 */
export function CommentBody({ markdown }: { markdown: string }) {
  return (
    <div className="comment-body text-sm leading-relaxed break-words text-gray-800 dark:text-gray-200">
      <Markdown
        remarkPlugins={[remarkGfm, remarkMath, remarkHtmlAsText, remarkArxivLinks]}
        rehypePlugins={[[rehypeSanitize, schema], rehypeKatex]}
        components={components}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
