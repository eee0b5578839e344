import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: the shape `emailTokenSchema` accepts. */
export function newEmailToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Confirmation tokens are stored hashed, so a database leak cannot confirm anyone. */
export function hashEmailToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
