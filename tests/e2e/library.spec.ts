import { expect, test } from "@playwright/test";
import { signInAs } from "./session";

test("a reader saves a paper from a card, finds it in the library with a note, exports BibTeX and cites from the paper page", async ({
  page,
  baseURL,
}) => {
  await signInAs(page.context(), baseURL!, `librarian-${Date.now()}@example.com`);
  await page.goto("/papers/date/2026-06-10");
  const card = page.getByTestId("paper-card").first();
  const title = (await card.getByTestId("paper-title").textContent())!;
  const save = card.getByTestId("save-button");
  await expect(save).toHaveAttribute("aria-pressed", "false");
  await save.click();
  await expect(save).toHaveAttribute("aria-pressed", "true");
  await expect(save).toHaveText("Saved");
  // The button shows the new state at once; wait until the server has recorded it before leaving.
  await expect(save).not.toHaveAttribute("aria-busy");

  await page.goto("/me/library");
  const entry = page.getByTestId("library-entry").filter({ hasText: title });
  await expect(entry).toBeVisible();
  await entry.getByLabel("Private note").fill("Compare with our baseline.");
  await entry.getByRole("button", { name: "Save note" }).click();
  await expect(entry.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("library-entry").filter({ hasText: title }).getByLabel("Private note")).toHaveValue(
    "Compare with our baseline.",
  );

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export BibTeX" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("library.bib");
  const { createReadStream } = await import("node:fs");
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream((await file.path())!)) chunks.push(chunk as Buffer);
  const bibtex = Buffer.concat(chunks).toString("utf8");
  expect(bibtex).toMatch(/^@misc\{/);
  expect(bibtex).toContain("archivePrefix = {arXiv}");

  await page.getByTestId("library-entry").filter({ hasText: title }).getByTestId("paper-title").click();
  await page.locator("summary", { hasText: "Cite" }).click();
  await expect(page.getByTestId("bibtex")).toContainText("@misc{");
  await expect(page.getByTestId("bibtex")).toContainText("eprint = {");
  await expect(page.getByTestId("save-button")).toHaveAttribute("aria-pressed", "true");

  // Follow a similar paper.
  const similar = page.getByTestId("similar-papers").getByRole("link").first();
  const similarTitle = (await similar.textContent())!;
  await similar.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(similarTitle);
});

test("“More like this” on a card narrows the feed to that paper's neighbours, and unknown papers get a server-rendered 404", async ({
  page,
}) => {
  await page.goto("/papers/date/2026-06-16");
  const card = page.getByTestId("paper-card").first();
  const title = (await card.getByTestId("paper-title").textContent())!;
  // "More like this" is in the card's More menu.
  await card.getByTestId("card-more").click();
  await card.getByTestId("more-like-this").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("More like this");
  await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
  const neighbours = page.getByTestId("paper-card");
  await expect(neighbours.first()).toBeVisible();
  expect(await neighbours.count()).toBeGreaterThan(6);
  await expect(neighbours.getByTestId("paper-title").filter({ hasText: title })).toHaveCount(0);

  // The paper page's six similar papers lead to the same list.
  await page.getByRole("link", { name: title, exact: true }).click();
  await page.getByTestId("similar-papers").locator("xpath=..").getByRole("link", { name: "More like this" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("More like this");

  const missing = await page.request.get("/papers/similar/2601.99999");
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain("arXiv 2601.99999 is not here yet");
});
