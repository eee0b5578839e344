// A paper's sparse tf-idf vector: its TERMS_PER_PAPER most telling terms with their weights,
// L2-normalised. Stored once a paper (PaperVector), so ranking a week of papers for a reader is
// a dot product per paper, never a re-tokenisation.

/** Terms kept a paper: enough to tell its topic (see docs/recommendations.md); ~1.3 kB a paper stored, with the packed form. */
export const TERMS_PER_PAPER = 48;

export interface SparseVector {
  terms: string[];
  weights: number[];
}

/**
 * Smoothed inverse document frequency (as scikit-learn's TfidfVectorizer): a term in every paper
 * still weighs 1, one in few papers much more.
 */
export function idf(documentFrequency: number, corpusSize: number): number {
  return Math.log((1 + corpusSize) / (1 + documentFrequency)) + 1;
}

/**
 * Weighs term counts by sublinear tf (1 + ln tf) times idf, keeps the `limit` heaviest (ties by
 * term, so the same counts give the same vector) and scales them to unit length.
 */
export function tfidfVector(
  counts: ReadonlyMap<string, number>,
  documentFrequency: (term: string) => number,
  corpusSize: number,
  limit = TERMS_PER_PAPER,
): SparseVector {
  const weighted = [...counts]
    .filter(([, count]) => count > 0)
    .map(([term, count]) => ({ term, weight: (1 + Math.log(count)) * idf(documentFrequency(term), corpusSize) }))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, limit);
  const norm = Math.sqrt(weighted.reduce((sum, { weight }) => sum + weight * weight, 0)) || 1;
  return { terms: weighted.map(({ term }) => term), weights: weighted.map(({ weight }) => weight / norm) };
}

/** The dot product of two sparse vectors (their cosine, as both are unit length). */
export function cosine(a: SparseVector, b: SparseVector): number {
  const weightOf = new Map(a.terms.map((term, index) => [term, a.weights[index]!]));
  let sum = 0;
  b.terms.forEach((term, index) => {
    sum += (weightOf.get(term) ?? 0) * b.weights[index]!;
  });
  return sum;
}
