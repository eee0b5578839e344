import type { Parent, PhrasingContent, Root, RootContent } from "mdast";
import type { InlineMath, Math } from "mdast-util-math";
import type { VFile } from "vfile";

/** Display math as remark-math builds it from `$$` lines, so rehype-katex typesets it in display mode. */
function displayMath(value: string): Math {
  return {
    type: "math",
    value,
    data: {
      hName: "pre",
      hChildren: [
        {
          type: "element",
          tagName: "code",
          properties: { className: ["language-math", "math-display"] },
          children: [{ type: "text", value }],
        },
      ],
    },
  };
}

function isBlank(node: PhrasingContent): boolean {
  return node.type === "break" || (node.type === "text" && node.value.trim() === "");
}

function isWrittenAsDisplay(node: PhrasingContent, source: string): node is InlineMath {
  const offset = node.position?.start.offset;
  return node.type === "inlineMath" && offset !== undefined && source.startsWith("$$", offset);
}

function showDisplayMath(node: Parent, source: string): void {
  node.children = node.children.flatMap((child: RootContent): RootContent[] => {
    // `$$\frac{a}{b}` then `$$` on the next line: remark-math reads the first line as the block's
    // "meta" (as a code fence's language) and would drop it from the formula.
    if (child.type === "math" && child.meta) return [displayMath([child.meta, child.value].filter(Boolean).join("\n"))];
    // `$$x$$` on a line of its own is text math to remark-math; written so, it means display math.
    if (child.type === "paragraph") {
      const formulas = child.children.filter((inline) => !isBlank(inline));
      if (formulas.length > 0 && formulas.every((inline): inline is InlineMath => isWrittenAsDisplay(inline, source)))
        return formulas.map((formula) => displayMath(formula.value));
    }
    if ("children" in child) showDisplayMath(child, source);
    return [child];
  }) as Parent["children"];
}

/**
 * A remark plugin, after remark-math: `$$…$$` written as a paragraph of its own, on one line or
 * with the formula starting on the `$$` line, is display math (as GitHub shows it), not inline math.
 */
export function remarkDisplayMath() {
  return (tree: Root, file: VFile) => showDisplayMath(tree, String(file.value));
}
