import { z } from "zod";

// A reader's claim to be an author of a paper, and the links a verified author attaches to it.

/**
 * An ORCID iD: four groups of four digits, the last character a digit or X, which is the ISO 7064
 * MOD 11-2 check digit of the other fifteen (https://support.orcid.org/hc/en-us/articles/360006897674).
 */
export function isOrcid(value: string): boolean {
  if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(value)) return false;
  const digits = value.replaceAll("-", "");
  let total = 0;
  for (const digit of digits.slice(0, 15)) total = (total + Number(digit)) * 2;
  const check = (12 - (total % 11)) % 11;
  return digits[15] === (check === 10 ? "X" : String(check));
}

export const authorClaimSchema = z.object({
  paperId: z.string().min(1, "Name the paper."),
  authorName: z.string({ error: "Choose which author you are." }).trim().min(1, "Choose which author you are.").max(300),
  orcid: z
    .string()
    .trim()
    .transform((value) => value.replace(/^https?:\/\/orcid\.org\//, "").toUpperCase())
    .refine((value) => value === "" || isOrcid(value), "That is not an ORCID iD (like 0000-0002-1825-0097): check the digits.")
    .transform((value) => value || null)
    .default(null),
});
export type AuthorClaimInput = z.infer<typeof authorClaimSchema>;

export const AUTHOR_LINK_KINDS = ["CODE", "PROJECT"] as const;
export type AuthorLinkKindName = (typeof AUTHOR_LINK_KINDS)[number];
export const AUTHOR_LINK_LABELS: Record<AuthorLinkKindName, string> = { CODE: "Code", PROJECT: "Project page" };

export const authorLinkSchema = z.object({
  paperId: z.string().min(1),
  kind: z.enum(AUTHOR_LINK_KINDS, "Choose code or project page."),
  url: z
    .string()
    .trim()
    .max(500, "Keep the address under 500 characters.")
    .refine(
      (value) => value === "" || /^https:\/\/[^\s/]+\.[^\s]+$/.test(value),
      "Give an https:// address, like https://github.com/you/repo.",
    )
    .transform((value) => value || null),
});

/**
 * What a moderator weighs for a claim: the reader's email domain beside the paper's organization,
 * and whether one names the other. Affiliations are not in the data this site imports, so the
 * organization is the closest thing it knows.
 */
export function claimEvidence(email: string | null, organization: { name: string; fullName: string } | null, orcid: string | null): string {
  const domain = email?.split("@")[1]?.toLowerCase() ?? null;
  const parts = [domain ? `Email domain: ${domain}.` : "No email address."];
  if (organization) {
    const label = domain?.split(".").slice(-2, -1)[0] ?? "";
    const names = [organization.name, organization.fullName].map((name) => name.toLowerCase().replace(/[^a-z0-9]/g, ""));
    const matches = label.length >= 2 && names.some((name) => name.includes(label) || (name.length >= 2 && label.includes(name)));
    parts.push(`Paper's organization: ${organization.fullName} (${matches ? "the domain names it" : "no match with the domain"}).`);
  } else {
    parts.push("The paper names no organization.");
  }
  parts.push(orcid ? `ORCID iD: ${orcid} (check the works listed at https://orcid.org/${orcid}).` : "No ORCID iD given.");
  return parts.join(" ");
}
