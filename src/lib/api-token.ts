import { z } from "zod";

// Personal access tokens, as readers see them: `dp_` and 43 base64url characters (32 random bytes).
// The prefix makes a leaked token recognisable to secret scanners and to the reader.

export const API_TOKEN_PREFIX = "dp_";
export const API_TOKEN_PATTERN = /^dp_[A-Za-z0-9_-]{43}$/;
/** How much of a token /me shows to tell tokens apart. */
export const API_TOKEN_SHOWN_LENGTH = 10;

export const apiTokenScopeSchema = z.enum(["READ", "WRITE"], { error: "must be READ (read only) or WRITE (read and write)" });
export type ApiTokenScopeName = z.infer<typeof apiTokenScopeSchema>;

export const apiTokenInputSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name, like “Zotero sync” or “my script”.").max(60, "A name is at most 60 characters."),
  scope: apiTokenScopeSchema,
});
export type ApiTokenInput = z.infer<typeof apiTokenInputSchema>;

export const SCOPE_LABELS: Record<ApiTokenScopeName, string> = {
  READ: "Read only",
  WRITE: "Read and write (votes, saves, collections, follows)",
};
