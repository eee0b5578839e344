import { expect, test } from "@playwright/test";

// The API reference is a page of the site (its layout, its CSP, the page cache) rendered from
// /api/openapi.json, which shared caches may keep and an ETag revalidates.

test("the API reference lists the operations of /api/openapi.json, with anchors to each, under the site's CSP", async ({
  page,
  request,
}) => {
  const openapi = await request.get("/api/openapi.json");
  expect(openapi.status()).toBe(200);
  expect(openapi.headers()["cache-control"]).toMatch(/^public, max-age=60/);
  const document = (await openapi.json()) as { openapi: string; paths: Record<string, Record<string, { summary: string }>> };
  expect(document.openapi).toBe("3.1.0");
  const again = await request.get("/api/openapi.json", { headers: { "If-None-Match": openapi.headers()["etag"]! } });
  expect(again.status()).toBe(304);

  const response = await page.goto("/api/docs");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toContain("script-src");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  const summaries = Object.values(document.paths).flatMap((item) => Object.values(item).map((operation) => operation.summary));
  const contents = page.getByRole("navigation", { name: "On this page" });
  for (const summary of summaries) await expect(contents).toContainText(summary);

  await contents.getByRole("link", { name: "/api/me/for-you", exact: true }).click();
  await expect(page).toHaveURL(/#listForYou$/);
  const forYou = page.getByRole("region", { name: /Your For you list$/ });
  await expect(forYou).toContainText("A personal access token");
  await expect(forYou.getByRole("region", { name: "Parameters of GET /api/me/for-you" })).toContainText("limit");
  await expect(forYou).toContainText('curl -H "Authorization: Bearer $TOKEN"');
  await forYou.getByRole("link", { name: "ForYouPage" }).click();
  await expect(page).toHaveURL(/#schema-ForYouPage$/);
  await expect(page.getByRole("region", { name: "Fields of ForYouPage" })).toContainText("items[].reason.text");
});
