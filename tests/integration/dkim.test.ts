import { generateKeyPairSync } from "node:crypto";
import { dkimVerify } from "mailauth/lib/dkim/verify.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTrendingDigest } from "@/server/digest/trending-digest";
import { createSmtpMailer } from "@/server/email/mailer";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { createConfirmedSubscriber } from "../support/accounts";
import { HF_FIXTURES } from "../support/fixtures";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
let smtp: TestSmtpServer;
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const DOMAIN = "papers.example.org";
const SELECTOR = "dp2026";
// What the domain would publish at <selector>._domainkey.<domain>; looked up here instead of DNS.
const resolver = async (name: string) => {
  if (name !== `${SELECTOR}._domainkey.${DOMAIN}`) throw Object.assign(new Error(`no TXT record for ${name}`), { code: "ENOTFOUND" });
  return [[`v=DKIM1; k=rsa; p=${publicKey.export({ type: "spki", format: "der" }).toString("base64")}`]];
};

beforeAll(async () => {
  await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
  smtp = await startTestSmtpServer();
});

afterAll(async () => {
  await smtp.close();
});

describe("DKIM", () => {
  it("signs a digest so that it verifies against the published key, one-click unsubscribe headers included", async () => {
    await createConfirmedSubscriber(t.db, "signed@example.com");
    const mailer = createSmtpMailer(smtp.url, `Daily Papers <papers@${DOMAIN}>`, {
      dkim: { domainName: DOMAIN, keySelector: SELECTOR, privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString() },
    });
    const report = await runTrendingDigest({
      db: t.db,
      mailer,
      now: () => new Date("2026-06-17T07:00:00Z"),
      cadence: "DAILY",
      siteUrl: `https://${DOMAIN}`,
    });
    mailer.close();
    expect(report.sent).toBe(1);
    const [message] = smtp.acceptedFor("signed@example.com");

    const { results } = await dkimVerify(message!.raw, { resolver });
    expect(results).toHaveLength(1);
    expect(results[0]!.status.result).toBe("pass");
    expect(results[0]!.signingDomain).toBe(DOMAIN);
    const signed = (results[0]!.signingHeaders?.keys ?? "").toLowerCase().split(/:\s*/);
    expect(signed).toEqual(expect.arrayContaining(["from", "to", "subject", "list-unsubscribe", "list-unsubscribe-post"]));

    // Changing a signed header (the unsubscribe target) breaks the signature.
    const original = message!.raw.toString();
    const headerEnd = original.indexOf("\r\n\r\n");
    const headers = original.slice(0, headerEnd).replace("/api/unsubscribe/", "/api/unsubscribe/evil-");
    expect(headers).not.toBe(original.slice(0, headerEnd));
    const tampered = Buffer.from(headers + original.slice(headerEnd));
    const { results: tamperedResults } = await dkimVerify(tampered, { resolver });
    expect(tamperedResults[0]?.status.result).toBe("fail");
  });
});
