import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Channel secrets (a Slack or Discord webhook URL is itself the credential; a Matrix access token)
// are stored sealed with AES-256-GCM under CHANNEL_SECRET_KEY: a database dump or backup alone
// does not reveal them, and a sealed value changed in the database fails to open instead of
// posting somewhere else. Failing to open is an operator's problem (a changed key), not a
// request's: plain errors, which the delivery records as the channel's last error.
// Format: `v1.` + base64(12-byte IV | 16-byte tag | ciphertext).

const VERSION = "v1.";

function keyOf(base64Key: string): Buffer {
  const key = Buffer.from(base64Key, "base64");
  if (key.length !== 32) throw new Error("CHANNEL_SECRET_KEY must be 32 bytes in base64.");
  return key;
}

export function sealSecret(plaintext: string, base64Key: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(base64Key), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64");
}

/** The secret, or an error when the value was not sealed with this key (or was altered). */
export function openSecret(sealed: string, base64Key: string): string {
  if (!sealed.startsWith(VERSION)) throw new Error("A channel secret is not in a known sealed format.");
  const raw = Buffer.from(sealed.slice(VERSION.length), "base64");
  if (raw.length < 28) throw new Error("A channel secret is truncated.");
  const decipher = createDecipheriv("aes-256-gcm", keyOf(base64Key), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("A channel secret does not open with CHANNEL_SECRET_KEY: the key changed or the value was altered.");
  }
}
