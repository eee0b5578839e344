import { z } from "zod";
import { isStorableMultiline, STORABLE_MESSAGE } from "@/lib/groups/text-rules";

export const QUESTION_MIN = 5;
export const QUESTION_MAX = 1000;

export const questionBodySchema = z
  .string({ error: "Write your question first." })
  .trim()
  .min(QUESTION_MIN, `Write a question of at least ${QUESTION_MIN} characters.`)
  .max(QUESTION_MAX, `Keep the question to ${QUESTION_MAX.toLocaleString("en-US")} characters; the discussion can go deeper.`)
  .refine(isStorableMultiline, STORABLE_MESSAGE);
