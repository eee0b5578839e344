import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { CommentBody } from "@/components/comment-body";
import { isAppError } from "@/lib/errors";
import { deleteComment, editComment, listPaperComments, postComment } from "@/server/comments/comments";
import { createCommentsApiHandler } from "@/server/comments/comments-api-handler";
import { createPaper, createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "User", "RateLimitEvent" CASCADE`);
});

function render(markdown: string): string {
  return renderToStaticMarkup(createElement(CommentBody, { markdown }));
}

// From the Big List of Naughty Strings (script injection section) and friends.
const HOSTILE = [
  "<script>alert(123)</script>",
  '"><script>alert(document.title)</script>',
  "<img src=x onerror=alert(123) />",
  "<svg><script>123<1>alert(123)</script>",
  "<svg onload=alert(1)>",
  '<a href="javascript:alert(1)">click</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
  "<think>hidden reasoning</think>",
  "[click me](javascript:alert(1))",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![tracker](https://evil.example/pixel.png)",
  "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#60;b&#62;",
  "$\\href{javascript:alert(1)}{x}$",
  "<style>body{display:none}</style>",
  "🧪".repeat(2_500),
];

// What Markdown, GFM and KaTeX produce; KaTeX's MathML elements all start with "m".
const MARKDOWN_TAGS = new Set([
  "div",
  "p",
  "a",
  "code",
  "pre",
  "span",
  "em",
  "strong",
  "del",
  "semantics",
  "annotation",
  "br",
  "sup",
  "sub",
]);
const isAllowedTag = (tag: string) => MARKDOWN_TAGS.has(tag) || /^m[a-z]*$/.test(tag);

describe("comment Markdown", () => {
  it("renders a hostile corpus inert: no script, handlers, javascript: or data: URLs, images or raw HTML", () => {
    for (const input of HOSTILE) {
      const html = render(input);
      expect(html, input).not.toMatch(/<script|<iframe|<img|<style|<think|<svg/i);
      // Event handlers inside a real tag (text is escaped, so every "<" left starts one).
      expect(html, input).not.toMatch(/<[^>]*\son\w+=/i);
      expect(html, input).not.toMatch(/href="(?:javascript|data):/i);
      for (const [, tag] of html.matchAll(/<([a-z][a-z0-9]*)/gi))
        expect(isAllowedTag(tag!.toLowerCase()), `${tag} in ${html.slice(0, 200)}`).toBe(true);
      for (const [anchor] of html.matchAll(/<a\s[^>]*>/g)) expect(anchor, input).toContain('rel="nofollow ugc noopener"');
    }
    expect(render("<think>hidden reasoning</think>")).toContain("&lt;think&gt;hidden reasoning&lt;/think&gt;");
    expect(render("![tracker](https://evil.example/pixel.png)")).toContain(
      '<a href="https://evil.example/pixel.png" rel="nofollow ugc noopener"',
    );
  });

  it("typesets inline and display math with KaTeX, renders code, and links arXiv ids", () => {
    const html = render(
      "Energy $E = mc^2$ and\n\n$$\n\\int_0^1 x\\,dx\n$$\n\nSee 2606.11176v2, `x < y` and 1234.5678.\n\n```py\nprint(1)\n```",
    );
    expect(html).toMatch(/<span class="katex">/);
    expect(html).toMatch(/class="katex-display"/);
    expect(html).toContain('<annotation encoding="application/x-tex">E = mc^2</annotation>');
    expect(html).toContain('<a href="/papers/2606.11176" rel="nofollow ugc noopener"');
    expect(html).toContain("<code>x &lt; y</code>");
    expect(html).not.toContain("/papers/1234.5678");
    expect(html).toContain('<code class="language-py">print(1)');
  });
});

describe("comments", () => {
  it("posts threads and one-level replies, edits with a mark, deletes to a tombstone, and keeps the count in step", async () => {
    await createPaper(t.db, "2611.00001", 3);
    const { user: alice } = await createSignedInUser(t.db, "alice@example.com");
    const { user: bob } = await createSignedInUser(t.db, "bob@example.com");
    const first = await postComment(t.db, alice.id, { paperId: "2611.00001", body: "  First **thought**  " });
    expect(first.body).toBe("First **thought**");
    expect(first.author).toMatch(/^reader-[0-9a-f]{6}$/);
    const reply = await postComment(t.db, bob.id, { paperId: "2611.00001", replyTo: first.id, body: "A reply" });
    // A reply to a reply joins the same thread.
    await postComment(t.db, alice.id, { paperId: "2611.00001", replyTo: reply.id, body: "Reply to the reply" });
    await postComment(t.db, bob.id, { paperId: "2611.00001", body: "Second thread" });

    let page = await listPaperComments(t.db, "2611.00001", { viewerId: alice.id });
    expect(page.total).toBe(4);
    expect(page.threads.map((thread) => [thread.body, thread.replies.map((r) => r.body)])).toEqual([
      ["Second thread", []],
      ["First **thought**", ["A reply", "Reply to the reply"]],
    ]);
    expect(page.threads[1]!.mine).toBe(true);
    expect(page.threads[0]!.mine).toBe(false);
    expect(JSON.stringify(page)).not.toContain("example.com");
    expect((await listPaperComments(t.db, "2611.00001", { order: "oldest" })).threads[0]!.body).toBe("First **thought**");

    await expect(editComment(t.db, bob.id, first.id, "hijack")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const edited = await editComment(t.db, alice.id, first.id, "First thought, revised");
    expect(edited.editedAt).not.toBeNull();
    await deleteComment(t.db, alice.id, first.id);
    await deleteComment(t.db, alice.id, first.id).catch(() => undefined);
    page = await listPaperComments(t.db, "2611.00001");
    expect(page.total).toBe(3);
    expect(page.threads[1]).toMatchObject({ deleted: true, body: "", author: "[deleted]" });
    expect(page.threads[1]!.replies).toHaveLength(2);
    expect((await t.db.paper.findUniqueOrThrow({ where: { id: "2611.00001" } })).localComments).toBe(3);
  });

  it("refuses empty, oversized and unknown-paper comments with clear messages", async () => {
    await createPaper(t.db, "2611.00002");
    const { user } = await createSignedInUser(t.db, "carol@example.com");
    await expect(postComment(t.db, user.id, { paperId: "2611.00002", body: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Write something first: the comment is empty.",
    });
    await expect(postComment(t.db, user.id, { paperId: "2611.00002", body: "x".repeat(10_001) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Comments can be up to 10,000 characters; this one has 10,001.",
    });
    // 10,000 emoji are 10,000 characters, though 20,000 UTF-16 units.
    expect((await postComment(t.db, user.id, { paperId: "2611.00002", body: "🧪".repeat(10_000) })).body).toHaveLength(20_000);
    await expect(postComment(t.db, user.id, { paperId: "2699.99999", body: "hello" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("concurrent posting by one user respects the per-minute limit across connections", async () => {
    await createPaper(t.db, "2611.00003");
    const { user } = await createSignedInUser(t.db, "dave@example.com");
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) => postComment(t.db, user.id, { paperId: "2611.00003", body: `comment ${index}` })),
    );
    const refused = results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(5);
    expect(refused).toHaveLength(3);
    for (const error of refused) {
      expect(isAppError(error) && error.code).toBe("RATE_LIMITED");
      expect(isAppError(error) && error.details.retryAfterSeconds).toBeGreaterThan(0);
    }
    expect((await t.db.paper.findUniqueOrThrow({ where: { id: "2611.00003" } })).localComments).toBe(5);
  });

  it("GET /api/papers/<id>/comments answers JSON threads, 404 for an unknown paper and 400 for a bad page", async () => {
    await createPaper(t.db, "2611.00004");
    const { user } = await createSignedInUser(t.db, "erin@example.com");
    const thread = await postComment(t.db, user.id, { paperId: "2611.00004", body: "Hello $x$" });
    await postComment(t.db, user.id, { paperId: "2611.00004", replyTo: thread.id, body: "Reply" });
    const getComments = createCommentsApiHandler(t.db);
    const call = (id: string, query = "") =>
      getComments(new Request(`http://localhost/api/papers/${id}/comments${query}`), { params: Promise.resolve({ id }) });
    const ok = await call("2611.00004");
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body).toMatchObject({ page: 0, hasMore: false, total: 2, comments: [{ body: "Hello $x$", replies: [{ body: "Reply" }] }] });
    expect(body.comments[0]).not.toHaveProperty("mine");
    expect((await call("2699.99999")).status).toBe(404);
    const bad = await call("2611.00004", "?p=-1");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.param).toBe("p");
  });
});
