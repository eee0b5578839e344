import type { SparseVector } from "@/lib/recs/vector";

// A reader's model: logistic regression on papers' tf-idf vectors, as arxiv-sanity-lite trains a
// linear SVM per tag. Positives are what the reader kept, negatives what they hid and a sample of
// other papers; the weights say how much each term counts towards "keeps". Pure and small: a few
// hundred examples of 48 terms train in milliseconds, in the request or job that needs them.

export interface TrainingExample {
  vector: SparseVector;
  label: 0 | 1;
  /** How much the example counts (default 1): "less like this" counts more than a random paper. */
  weight?: number;
}

export interface LinearModel {
  bias: number;
  /** Term -> weight; terms absent weigh 0. */
  weights: Map<string, number>;
}

export interface TrainingOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty: keeps a term seen in one saved paper from dominating. */
  l2?: number;
  /** Terms kept after training, heaviest (by absolute weight) first: bounds what is stored. */
  maxTerms?: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Full-batch gradient descent on the weighted, class-balanced logistic loss: the positives and the
 * negatives each count half, however many of each there are, so a reader with 5 saves and 200
 * sampled negatives still gets a model that leans towards what they saved.
 */
export function trainLinearModel(
  examples: readonly TrainingExample[],
  { epochs = 150, learningRate = 4, l2 = 0.0005, maxTerms = 2000 }: TrainingOptions = {},
): LinearModel {
  const index = new Map<string, number>();
  for (const { vector } of examples) for (const term of vector.terms) if (!index.has(term)) index.set(term, index.size);
  // The examples as one sparse matrix (row r's terms at offsets[r]..offsets[r + 1]), in typed
  // arrays: the loops below run 150 times over every stored term.
  const offsets = new Int32Array(examples.length + 1);
  examples.forEach(({ vector }, r) => {
    offsets[r + 1] = offsets[r]! + vector.terms.length;
  });
  const features = new Int32Array(offsets[examples.length]!);
  const values = new Float64Array(offsets[examples.length]!);
  const labels = new Float64Array(examples.length);
  examples.forEach(({ vector, label }, r) => {
    vector.terms.forEach((term, k) => {
      features[offsets[r]! + k] = index.get(term)!;
      values[offsets[r]! + k] = vector.weights[k]!;
    });
    labels[r] = label;
  });
  const classTotal = [0, 0];
  for (const { label, weight = 1 } of examples) classTotal[label]! += weight;
  const bothClasses = classTotal[0]! > 0 && classTotal[1]! > 0;
  const scale = Float64Array.from(examples, ({ label, weight = 1 }) =>
    bothClasses ? weight / (2 * classTotal[label]!) : weight / examples.length,
  );

  const weights = new Float64Array(index.size);
  let bias = 0;
  const gradient = new Float64Array(index.size);
  for (let epoch = 0; epoch < epochs; epoch++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (let r = 0; r < examples.length; r++) {
      const start = offsets[r]!;
      const end = offsets[r + 1]!;
      let margin = bias;
      for (let k = start; k < end; k++) margin += weights[features[k]!]! * values[k]!;
      const error = (sigmoid(margin) - labels[r]!) * scale[r]!;
      biasGradient += error;
      for (let k = start; k < end; k++) gradient[features[k]!]! += error * values[k]!;
    }
    for (let j = 0; j < weights.length; j++) weights[j]! -= learningRate * (gradient[j]! + l2 * weights[j]!);
    bias -= learningRate * biasGradient;
  }

  const kept = [...index]
    .map(([term, j]) => [term, weights[j]!] as const)
    .filter(([, weight]) => weight !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxTerms);
  return { bias, weights: new Map(kept) };
}

/** The terms that pushed a paper's score up most, heaviest first (for "Why"). */
export function topContributions(model: LinearModel, vector: SparseVector, limit = 3): string[] {
  return vector.terms
    .map((term, index) => ({ term, contribution: (model.weights.get(term) ?? 0) * vector.weights[index]! }))
    .filter(({ contribution }) => contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, limit)
    .map(({ term }) => term);
}
