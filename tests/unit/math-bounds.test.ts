import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentBody } from "@/components/comment-body";
import { isMathWithinBounds, MATH_MAX_CHARACTERS, MATH_MAX_DEPTH } from "@/lib/markdown/math-bounds";

// The comment that crashed browser tabs: 300 nested square roots, 2,101 characters.
const DEEP_SQRT = `${"\\sqrt{".repeat(300)}x${"}".repeat(300)}`;

const NORMAL = [
  String.raw`E = mc^2`,
  String.raw`\frac{a+b}{c} \neq \begin{pmatrix}1&2\\3&4\end{pmatrix}`,
  String.raw`\sum_{i=1}^{n} \binom{n}{i} x^{i} \leq \left( \int_0^\infty e^{-x^2}\,dx \right)^{2}`,
  String.raw`\sqrt{\frac{\sqrt{a^{2}+b^{2}}}{\left\{ c_{i_{j}} \right\}}} \leftarrow \mathbb{R}^{n \times m}`,
  String.raw`\begin{aligned} \mathcal{L}(\theta) &= -\frac{1}{N}\sum_{i=1}^{N} \log p_\theta(y_i \mid x_i) \\ &\approx \operatorname{Lip}(f) \cdot \sup_{x} \lVert x \rVert \end{aligned}`,
  String.raw`1 + \cfrac{1}{1 + \cfrac{1}{1 + \cfrac{1}{1 + \cfrac{1}{x}}}}`,
];

const nested = (depth: number) => `${"{".repeat(depth)}x${"}".repeat(depth)}`;

function render(markdown: string): string {
  return renderToStaticMarkup(createElement(CommentBody, { markdown }));
}

describe("the bounds of math", () => {
  it("lets everyday formulas through, up to the depth and length limits", () => {
    for (const tex of NORMAL) expect(isMathWithinBounds(tex), tex).toBe(true);
    expect(isMathWithinBounds(nested(MATH_MAX_DEPTH))).toBe(true);
    expect(isMathWithinBounds("x".repeat(MATH_MAX_CHARACTERS))).toBe(true);
  });

  it("refuses the 300-deep \\sqrt, anything nested deeper or longer than the limits, and macro definitions", () => {
    expect(DEEP_SQRT.length).toBeGreaterThan(2_000);
    expect(isMathWithinBounds(DEEP_SQRT)).toBe(false);
    expect(isMathWithinBounds("\\sqrt{".repeat(MATH_MAX_DEPTH + 1) + "x" + "}".repeat(MATH_MAX_DEPTH + 1))).toBe(false);
    expect(isMathWithinBounds(nested(MATH_MAX_DEPTH + 1))).toBe(false);
    expect(isMathWithinBounds("x".repeat(MATH_MAX_CHARACTERS + 1))).toBe(false);
    expect(isMathWithinBounds(`${"\\left(".repeat(MATH_MAX_DEPTH + 1)}x${"\\right)".repeat(MATH_MAX_DEPTH + 1)}`)).toBe(false);
    expect(isMathWithinBounds(`${"\\begin{matrix}".repeat(MATH_MAX_DEPTH)}x${"\\end{matrix}".repeat(MATH_MAX_DEPTH)}`)).toBe(false);
    for (const tex of [
      String.raw`\def\a{\sqrt{\a}}\a`,
      String.raw`\gdef\b#1{#1}`,
      String.raw`\newcommand{\R}{\mathbb{R}} \R`,
      String.raw`\let\x\sqrt`,
    ])
      expect(isMathWithinBounds(tex), tex).toBe(false);
  });

  it("counts groups, not braces that are escaped or commented out, nor \\left in \\leftarrow", () => {
    const deep = MATH_MAX_DEPTH + 5;
    expect(isMathWithinBounds(`${"\\{".repeat(deep)}x${"\\}".repeat(deep)}`)).toBe(true);
    expect(isMathWithinBounds(`x % ${"{".repeat(deep)}\ny`)).toBe(true);
    expect(isMathWithinBounds(`${"\\leftarrow ".repeat(deep)}x`)).toBe(true);
    // Groups closed one after another never add up.
    expect(isMathWithinBounds("{a}".repeat(deep))).toBe(true);
  });

  it("shows math beyond the bounds as its source in code, never typeset, however it is written", () => {
    for (const markdown of [
      `Too deep:\n\n$$\n${DEEP_SQRT}\n$$`,
      `Too deep: $${DEEP_SQRT}$`,
      `Too deep:\n\n\`\`\`math\n${DEEP_SQRT}\n\`\`\``,
    ]) {
      const html = render(markdown);
      expect(html, markdown.slice(0, 20)).toContain(`<code>${DEEP_SQRT}`);
      expect(html, markdown.slice(0, 20)).not.toContain("katex");
      expect(html, markdown.slice(0, 20)).not.toContain("math-");
    }
    expect(render(`$$\n${DEEP_SQRT}\n$$`)).toBe(
      `<div class="comment-body text-sm leading-relaxed break-words text-gray-800 dark:text-gray-200"><pre tabindex="0"><code>${DEEP_SQRT}\n</code></pre></div>`,
    );
    expect(render(`A macro: $\\def\\a{\\sqrt{\\a}}\\a$`)).toContain("<code>\\def\\a{\\sqrt{\\a}}\\a</code>");
  });

  it("typesets formulas within the bounds, next to one that is not", () => {
    const html = render(`${NORMAL.map((tex) => `$$\n${tex}\n$$`).join("\n\n")}\n\nand $${DEEP_SQRT}$`);
    expect(html.match(/class="katex-display"/g)).toHaveLength(NORMAL.length);
    expect(html).not.toContain("katex-error");
    expect(html).toContain(`<code>${DEEP_SQRT}</code>`);
  });

  it("renders with KaTeX's bounds: sizes capped at 20 em, \\href shown as an error, not a link", () => {
    expect(render("$\\rule{500em}{500em}$")).toMatch(/border-right-width:20em/);
    const link = render("$\\href{https://example.com}{x}$");
    expect(link).not.toMatch(/<a\s|href=/);
    expect(link).toContain('<span class="mord" style="color:#cc0000">\\href</span>');
  });
});
