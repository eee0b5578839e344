import { describe, expect, it } from "vitest";
import { duePeriod } from "@/lib/digest-period";
import { createDigestEmailRenderer } from "@/server/digest/email";

const hostile = {
  id: "2606.00001",
  title: `Let's <think> about "it" & <script>alert(1)</script>`,
  abstract: "A".repeat(100) + " " + "word ".repeat(100),
  authorCount: 1,
  organization: "<b>Org</b>",
  upvotes: 1,
};

describe("the digest email", () => {
  const render = createDigestEmailRenderer({
    period: duePeriod("WEEKLY", new Date("2026-06-22T07:00:00Z"))!,
    siteUrl: "https://papers.example.org/",
    paperUrl: (id) => `https://papers.example.org/papers/${id}`,
  });
  const links = {
    preferencesUrl: "https://papers.example.org/preferences/token",
    unsubscribeUrl: "https://papers.example.org/api/unsubscribe/token",
  };
  const email = render({ trending: [hostile], followed: [] }, links);

  it("escapes imported text in the HTML part and keeps it literal in the text part", () => {
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<think>");
    expect(email.html).toContain("Let&#39;s &#60;think&#62; about &#34;it&#34; &#38; &#60;script&#62;");
    expect(email.html).toContain("&#60;b&#62;Org&#60;/b&#62;");
    expect(email.text).toContain(`1. ${hostile.title}`);
  });

  it("puts the covered dates in the subject, singular counts, and a shortened abstract", () => {
    expect(email.subject).toBe("Trending papers of the week · Jun 15 – 21, 2026");
    expect(email.text).toContain("▲ 1 upvote · 1 author · <b>Org</b>");
    expect(email.text).toMatch(/word…\n/);
  });

  it("adds the section from the reader's follows, each paper with its reason, escaped", () => {
    const followed = { ...hostile, id: "2606.00002", title: "Diffusion for robots", reason: "Matches your topic: <img src=x>" };
    const personal = render({ trending: [hostile], followed: [followed] }, links);
    expect(personal.html).toContain("From what you follow");
    expect(personal.html).toContain("Matches your topic: &#60;img src=x&#62;");
    expect(personal.html).toContain("https://papers.example.org/papers/2606.00002");
    expect(personal.text).toMatch(/FROM WHAT YOU FOLLOW\n\n- Diffusion for robots\n {3}Matches your topic: <img src=x> · ▲ 1 upvote/);
    expect(email.html).not.toContain("From what you follow");
  });
});
