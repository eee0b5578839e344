import { describe, expect, it } from "vitest";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/highlight-markers";
import { EXCERPT_LENGTH, excerptAroundFirstMatch } from "@/lib/search-excerpt";

// [word] in these texts stands for a marked match.
const mark = (text: string) => text.replace(/\[/g, HIGHLIGHT_START).replace(/\]/g, HIGHLIGHT_END);
const unmark = (text: string) => text.replaceAll(HIGHLIGHT_START, "[").replaceAll(HIGHLIGHT_END, "]");
const excerpt = (text: string, length?: number) => unmark(excerptAroundFirstMatch(mark(text), length));

describe("excerptAroundFirstMatch", () => {
  it("starts at the start of the sentence holding the first match", () => {
    const text = "We revisit old ideas. Recurrent networks are back. They rival [attention] at scale, and [attention] is costly.";
    expect(excerpt(text)).toBe("They rival [attention] at scale, and [attention] is costly.");
  });

  it("does not take an abbreviation's full stop for a sentence end", () => {
    const text = "Models differ. Large models, e.g. Transformers, are [strong] learners.";
    expect(excerpt(text)).toBe("Large models, e.g. Transformers, are [strong] learners.");
    expect(excerpt("Prior work. As Smith et al. Show, [diffusion] helps.")).toBe("As Smith et al. Show, [diffusion] helps.");
  });

  it("starts a sentence that opens with the match itself, and a first sentence at the beginning", () => {
    expect(excerpt("Intro text here. [Diffusion] models denoise.")).toBe("[Diffusion] models denoise.");
    expect(excerpt("The [diffusion] model. Then more.")).toBe("The [diffusion] model. Then more.");
  });

  it("cuts a long sentence at a word shortly before the match, with a leading ellipsis, never mid-word", () => {
    const lead = Array.from({ length: 40 }, (_, index) => `word${index}`).join(" ");
    const result = excerpt(`${lead} the state-[space] model works.`);
    expect(result.startsWith("…")).toBe(true);
    expect(result).toMatch(/^…word\d+ /); // a whole word after the ellipsis
    expect(result).toContain("the state-[space] model works.");
    expect(result.length).toBeLessThan(120);
  });

  it("keeps the word holding the match whole when the match is inside it", () => {
    const long = "x".repeat(200);
    expect(excerpt(`${long} state-[space]`)).toBe("…state-[space]");
  });

  it("ends at a word with a trailing ellipsis when text follows, and closes an open mark", () => {
    const text = `Short start. A [match] ${"and more words ".repeat(40)}`;
    const result = excerpt(text);
    expect(result.startsWith("A [match] and more")).toBe(true);
    expect(result.endsWith("…")).toBe(true);
    expect(result.length).toBeLessThanOrEqual(EXCERPT_LENGTH + 1);
    expect(result.slice(0, -1)).toMatch(/(and|more|words)$/);
    expect(unmark(excerptAroundFirstMatch(`${HIGHLIGHT_START}abcdef ghi`, 7))).toBe("[abcdef]…");
  });

  it("shows the beginning of an abstract without a match, ending at a word", () => {
    const text = "plain words ".repeat(60);
    const result = excerpt(text);
    expect(result.startsWith("plain words")).toBe(true);
    expect(result).toMatch(/(plain|words)…$/);
    expect(excerpt("Short abstract.")).toBe("Short abstract.");
  });

  it("folds line breaks and runs of spaces", () => {
    expect(excerpt("One line.\n  The [next]\n line.")).toBe("The [next] line.");
  });
});
