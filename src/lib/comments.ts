import { z } from "zod";
import { isStorableText } from "@/lib/text";

export const COMMENT_MAX_CHARACTERS = 10_000;

/** A comment as written: Markdown with math, 1 to 10,000 characters (counted as people count them). */
export const commentBodySchema = z
  .string()
  .transform((body) => body.replace(/\r\n?/g, "\n").trim())
  .refine((body) => body.length > 0, "Write something first: the comment is empty.")
  .superRefine((body, ctx) => {
    const characters = [...body].length;
    if (characters > COMMENT_MAX_CHARACTERS) {
      const limit = COMMENT_MAX_CHARACTERS.toLocaleString("en-US");
      ctx.addIssue({
        code: "custom",
        message: `Comments can be up to ${limit} characters; this one has ${characters.toLocaleString("en-US")}.`,
      });
    }
  })
  .refine(isStorableText, "The comment holds a character that cannot be stored (a NUL or a lone surrogate).");

/** How a paper's threads are ordered: `best` (votes with age, src/lib/comment-ranking.ts), `newest` or `oldest` first. */
export const commentOrderSchema = z.enum(["best", "newest", "oldest"]);
export type CommentOrder = z.infer<typeof commentOrderSchema>;
