import { expect, test } from "@playwright/test";
import { signInAs } from "./session";

// A reader makes a personal access token on /me, a script uses it on the API, and revoking it on
// /me stops it at once; the token never signs anyone in to the site's pages.

test("a token made on /me saves through the API, never signs in to pages, and stops when revoked", async ({
  page,
  baseURL,
  playwright,
}) => {
  await signInAs(page.context(), baseURL!, `scripter-${Date.now()}@example.com`);
  await page.goto("/me#tokens");
  const tokens = page.getByRole("region", { name: "Personal access tokens" });
  await expect(tokens).toContainText("No tokens yet.");
  const form = tokens.getByRole("form", { name: "Make a token" });
  await form.getByLabel("Name").fill("Zotero sync");
  await form.getByLabel("Read and write", { exact: false }).check();
  await form.getByRole("button", { name: "Make token" }).click();
  const token = (await form.getByTestId("new-api-token").innerText()).trim();
  expect(token).toMatch(/^dp_[A-Za-z0-9_-]{43}$/);

  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  expect((await script.put("/api/me/library/2606.11176")).status()).toBe(200);
  const library = (await (await script.get("/api/me/library")).json()) as { paper: { id: string } }[];
  expect(library.map((entry) => entry.paper.id)).toEqual(["2606.11176"]);
  // Pages read the session cookie only: with the token alone, /me is still a sign-in redirect.
  const me = await script.get("/me", { maxRedirects: 0 });
  expect(me.status()).toBeGreaterThanOrEqual(300);
  expect(me.status()).toBeLessThan(400);
  expect(me.headers().location).toContain("/auth/signin");

  await page.reload();
  const row = tokens.getByTestId("api-token").filter({ hasText: "Zotero sync" });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).not.toContainText(token.slice(10));
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(tokens).toContainText("No tokens yet.");
  const refused = await script.get("/api/me/library");
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("revoked");
  await script.dispose();
});
