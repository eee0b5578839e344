import { z } from "zod";

const MAX_LENGTH = 254;
// Deliberately narrower than RFC 5322: plain dot-atom local parts and DNS host names only. Quoted
// local parts ("e@attacker.com"@victim.com), IP-literal domains, comments and non-ASCII
// look-alikes (full-width ＠) are rejected: no real subscriber needs them and they are how
// mail is redirected or headers injected.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/** Why an address is refused, or null when it is acceptable. Expects a trimmed value. */
export function emailAddressProblem(address: string): string | null {
  if (address.length === 0) return "Enter your email address.";
  if (address.length > MAX_LENGTH) return `That address is longer than ${MAX_LENGTH} characters.`;
  if (/[\r\n\0]/.test(address)) return "That address contains a line break.";
  if (/[^\x21-\x7e]/.test(address)) return "Use an address with plain ASCII characters only (no spaces or look-alike symbols such as ＠).";
  const at = address.lastIndexOf("@");
  if (at === -1) return "That address has no @.";
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (!LOCAL_PART.test(local) || local.length > 64) return "The part before the @ is not a valid mailbox name.";
  if (domain.startsWith("[") || /^[\d.]+$/.test(domain)) return "Use an address at a domain name, not an IP address.";
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || /^\d+$/.test(labels.at(-1)!)) {
    return "The part after the @ is not a valid domain (e.g. example.com).";
  }
  return null;
}

/** Trims and lowercases, then validates: one user or subscriber per normalized address. */
export const emailAddressSchema = z
  .string({ error: "Enter your email address." })
  .transform((value) => value.trim().toLowerCase())
  .superRefine((value, ctx) => {
    const problem = emailAddressProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
