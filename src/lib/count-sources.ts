// Counts that add Hugging Face's number to this site's: "74 upvotes (74 on Hugging Face)".
import { countOf } from "@/lib/plural";

const integer = new Intl.NumberFormat("en-US");

/** Where a count comes from, in parentheses: "(74 on Hugging Face)", "(74 on Hugging Face, 1 here)"; nothing when all are from here. */
export function sourcesNote(upstream: number, local: number): string {
  if (upstream <= 0) return "";
  return local > 0
    ? `(${integer.format(upstream)} on Hugging Face, ${integer.format(local)} here)`
    : `(${integer.format(upstream)} on Hugging Face)`;
}

/** "74 upvotes (74 on Hugging Face)", "3 comments (2 on Hugging Face, 1 here)", "1 upvote". */
export function countWithSources(upstream: number, local: number, one: string, other: string): string {
  const note = sourcesNote(upstream, local);
  return note ? `${countOf(upstream + local, one, other)} ${note}` : countOf(upstream + local, one, other);
}
