import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ListPositionNote, type ListPositionNoteProps } from "@/components/list-position-note";

const render = (props: ListPositionNoteProps) => renderToStaticMarkup(createElement(ListPositionNote, props));
const text = (html: string) => html.replace(/<[^>]+>/g, "");

describe("ListPositionNote", () => {
  it("says nothing on the first page", () => {
    expect(render({ offset: 0, count: 50, total: 670, firstHref: "/papers/month/2026-06" })).toBe("");
  });

  it("says which page of how many, and links back to the first", () => {
    const html = render({ offset: 50, count: 50, total: 670, firstHref: "/papers/month/2026-06?not=cs.CV" });
    expect(text(html)).toBe("Page 2 of 14 · Back to the top");
    expect(html).toContain('href="/papers/month/2026-06?not=cs.CV"');
  });

  it("counts the last, shorter page as a page", () => {
    expect(text(render({ offset: 50, count: 19, total: 69, firstHref: "/" }))).toBe("Page 2 of 2 · Back to the top");
    expect(text(render({ offset: 650, count: 20, total: 670, firstHref: "/" }))).toBe("Page 14 of 14 · Back to the top");
  });

  it("never says a page is past the last, even when the list shrank since the first page", () => {
    expect(text(render({ offset: 100, count: 3, total: 60, firstHref: "/" }))).toBe("Page 3 of 3 · Back to the top");
  });
});
