import { expect, test } from "@playwright/test";
import { axeViolations } from "./axe";
import { signInAs, withDatabase } from "./session";

// A reader claims to be one of a paper's authors on its page; an operator approves the claim on
// /admin; the paper page then marks the author as verified, with the reader's handle, and the
// reader can attach the code. Hugging Face's own verified authors are marked from the import.

const PAPER = "2606.17046";
const AUTHOR = "Honggyu An";

test.afterAll(async () => {
  await withDatabase(async (db) => {
    await db.query(`DELETE FROM "AuthorClaim" WHERE "paperId" = $1`, [PAPER]);
    await db.query(`DELETE FROM "AuthorLink" WHERE "paperId" = $1`, [PAPER]);
    await db.query(`DELETE FROM "Comment" WHERE "paperId" = $1`, [PAPER]);
    await db.query(`UPDATE "Paper" SET "localComments" = 0 WHERE id = $1`, [PAPER]);
  });
});

test("a reader claims authorship, an operator approves it, and the paper shows the verified author", async ({ browser, baseURL }) => {
  const authorContext = await browser.newContext();
  await signInAs(authorContext, baseURL!, `author-${Date.now()}@kaist.ac.kr`);
  const author = await authorContext.newPage();
  await author.goto(`/papers/${PAPER}`);
  const authors = author.getByTestId("author-list");
  // Hugging Face verified four of the paper's authors: each has the mark and their handle there.
  await expect(authors.locator("li[data-verified]")).toHaveCount(4);
  await expect(authors.locator("li", { hasText: AUTHOR })).toContainText("@honggyuAn");

  const tools = author.getByTestId("author-tools");
  await tools.locator("summary").click();
  await tools.getByLabel("Which author you are").selectOption(AUTHOR);
  await tools.getByLabel(/ORCID/).fill("0000-0002-1825-0098");
  await tools.getByRole("button", { name: "Claim authorship" }).click();
  await expect(tools.getByText(/not an ORCID iD/)).toBeVisible();
  await tools.getByLabel(/ORCID/).fill("0000-0002-1825-0097");
  await tools.getByRole("button", { name: "Claim authorship" }).click();
  await expect(author.getByRole("status").filter({ hasText: "a moderator will check your claim" })).toBeVisible();

  const operatorContext = await browser.newContext();
  await signInAs(operatorContext, baseURL!, "operator@example.com");
  const operator = await operatorContext.newPage();
  await operator.goto("/admin#author-claims");
  const claim = operator.getByTestId("author-claim").filter({ hasText: AUTHOR });
  await expect(claim).toContainText("Email domain: kaist.ac.kr.");
  await expect(claim).toContainText("ORCID iD: 0000-0002-1825-0097");
  await claim.getByRole("button", { name: "Approve" }).click();
  await expect(operator.getByRole("status").filter({ hasText: "approved author claim" })).toBeVisible();
  await expect(operator.getByTestId("author-claim").filter({ hasText: AUTHOR })).toHaveCount(0);

  await author.reload();
  const handle = await withDatabase(async (db) => {
    const { rows } = await db.query<{ handle: string }>(
      `SELECT u.handle FROM "AuthorClaim" c JOIN "User" u ON u.id = c."userId" WHERE c."paperId" = $1 AND c.status = 'APPROVED'`,
      [PAPER],
    );
    return rows[0]!.handle;
  });
  await expect(authors.locator("li", { hasText: AUTHOR }).getByTestId("verified-handle")).toHaveText(handle);

  // Verified, the reader attaches the code; the paper's links say who added it.
  await tools.locator("summary").click();
  await tools.getByLabel(/Address/).fill("https://github.com/example/paper-code");
  await tools.getByRole("button", { name: "Save link" }).click();
  await expect(tools.getByRole("status")).toContainText("Saved");
  await author.reload();
  await expect(author.getByRole("link", { name: "Code (added by the author)" })).toHaveAttribute(
    "href",
    "https://github.com/example/paper-code",
  );
  expect(await axeViolations(author)).toEqual([]);

  // Their comments on the paper carry the badge.
  await author.getByLabel("Add a comment").fill("Author here: the code is now linked above.");
  await author.getByRole("button", { name: "Comment", exact: true }).click();
  const comment = author.getByTestId("comment").filter({ hasText: "Author here" });
  await expect(comment.getByTestId("author-badge")).toHaveText("Author");

  await author.goto(`/authors/${encodeURIComponent(AUTHOR)}`);
  await expect(author.getByTestId("author-identity")).toContainText(`${handle} here`);

  await authorContext.close();
  await operatorContext.close();
});
