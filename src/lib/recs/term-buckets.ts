// Document frequencies are counted per hash bucket of a term, not per term: a million abstracts
// hold tens of millions of distinct two-word phrases, nearly all of them once, and a table of them
// would outgrow the papers. With 2^20 buckets a rare phrase shares its count with a few other rare
// ones (its idf is a little low); a common term's count is all its own, give or take a rare one.

export const TERM_BUCKETS = 1 << 20;
/** The bucket that counts the papers with a vector (the idf's corpus size). */
export const CORPUS_BUCKET = -1;

/** FNV-1a of the term's UTF-16 code units, folded into TERM_BUCKETS. */
export function termBucket(term: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < term.length; index++) {
    hash ^= term.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % TERM_BUCKETS;
}
