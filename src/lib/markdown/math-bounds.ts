import type { Parent, Root, RootContent } from "mdast";
// remark-math's `math` and `inlineMath` nodes, in mdast's types.
import type {} from "mdast-util-math";

/** The longest formula typeset; a longer one is shown as its source. */
export const MATH_MAX_CHARACTERS = 2_000;
/** The deepest nesting of groups (`{…}`, `\left…\right`, `\begin…\end`) typeset. */
export const MATH_MAX_DEPTH = 20;

// Each `{`, `\left` or `\begin` opens a level that its `}`, `\right` or `\end` closes; escaped
// braces (`\{`) and comments (`% {`) open nothing.
const TOKEN = /\\(?:[a-zA-Z]+|[^a-zA-Z])|%[^\n]*|[{}]/g;
const OPENS = new Set(["{", "\\left", "\\begin"]);
const CLOSES = new Set(["}", "\\right", "\\end"]);
// A macro of the reader's own can nest without limit whatever its source looks like
// (`\def\a{\sqrt{\a}}\a`, or one that nests its argument twice): none are typeset.
const DEFINES_MACROS = new Set([
  "\\def",
  "\\gdef",
  "\\edef",
  "\\xdef",
  "\\global",
  "\\let",
  "\\futurelet",
  "\\newcommand",
  "\\renewcommand",
  "\\providecommand",
]);

/**
 * Whether KaTeX may typeset `tex`: at most MATH_MAX_CHARACTERS long, nested at most
 * MATH_MAX_DEPTH deep, and defining no macros. What KaTeX builds, and what the browser then lays
 * out, grows with the nesting (300 nested `\sqrt{` in 2 kB crashed browser tabs), so this is
 * checked on the source, in one pass, before KaTeX runs.
 */
export function isMathWithinBounds(tex: string): boolean {
  if (tex.length > MATH_MAX_CHARACTERS) return false;
  let depth = 0;
  for (const [token] of tex.matchAll(TOKEN)) {
    if (DEFINES_MACROS.has(token)) return false;
    if (OPENS.has(token) && ++depth > MATH_MAX_DEPTH) return false;
    if (CLOSES.has(token)) depth = Math.max(0, depth - 1);
  }
  return true;
}

function boundMath(node: Parent): void {
  node.children = node.children.map((child: RootContent): RootContent => {
    if (child.type === "math" && !isMathWithinBounds(child.value)) return { type: "code", value: child.value };
    if (child.type === "code" && child.lang === "math" && !isMathWithinBounds(child.value)) return { type: "code", value: child.value };
    if (child.type === "inlineMath" && !isMathWithinBounds(child.value)) return { type: "inlineCode", value: child.value };
    if ("children" in child) boundMath(child);
    return child;
  }) as Parent["children"];
}

/**
 * A remark plugin, after remark-math: math beyond the bounds (`$…$`, `$$…$$` and ```` ```math ````
 * blocks) is shown as its source in code instead of being typeset.
 */
export function remarkMathBounds() {
  return (tree: Root) => boundMath(tree);
}
