import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentBody } from "@/components/comment-body";

function render(markdown: string): string {
  return renderToStaticMarkup(createElement(CommentBody, { markdown }));
}

const displayed = (html: string) => html.match(/<span class="katex-display">/g)?.length ?? 0;
const inline = (html: string) => html.match(/<span class="katex">/g)?.length ?? 0;
const source = (tex: string) => `<annotation encoding="application/x-tex">${tex}</annotation>`;

describe("display math in comments", () => {
  it("typesets $$ on lines of their own as display math", () => {
    const html = render("Before\n\n$$\n\\frac{a}{b}\n$$\n\nafter");
    expect(displayed(html)).toBe(1);
    expect(html).toContain(source("\\frac{a}{b}"));
  });

  it("typesets $$…$$ written on one line as a paragraph of its own as display math, in lists and quotes too", () => {
    for (const markdown of ["Text\n\n$$\\frac{a}{b}$$\n\nmore", "$$\\frac{a}{b}$$", "- $$\\frac{a}{b}$$", "> $$\\frac{a}{b}$$"]) {
      const html = render(markdown);
      expect(displayed(html), markdown).toBe(1);
      expect(html, markdown).toContain(source("\\frac{a}{b}"));
      expect(html, markdown).not.toMatch(/<p>\s*<span class="katex"/);
    }
    const two = render("$$a$$\n$$b$$");
    expect(displayed(two)).toBe(2);
    expect(two).toContain(source("a"));
    expect(two).toContain(source("b"));
  });

  it("keeps a formula begun on the opening $$ line", () => {
    const html = render("$$\\frac{a}{b}\n+ c\n$$");
    expect(displayed(html)).toBe(1);
    expect(html).toContain(source("\\frac{a}{b}\n+ c"));
  });

  it("leaves $…$ and $$…$$ within a sentence inline", () => {
    for (const markdown of ["$x$", "where $$x$$ is small", "$$a$$ and $b$"]) {
      const html = render(markdown);
      expect(displayed(html), markdown).toBe(0);
      expect(inline(html), markdown).toBeGreaterThan(0);
    }
  });
});
