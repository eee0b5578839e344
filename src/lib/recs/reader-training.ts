import { trainLinearModel, type LinearModel, type TrainingExample } from "@/lib/recs/linear-model";
import type { SparseVector } from "@/lib/recs/vector";

// What a reader's model learns from, and how much each kind of signal counts. Shared by the
// product (src/server/recs) and the offline evaluation (`npm run eval:recs`), so the numbers in
// docs/recommendations.md are those of the ranking readers get.

/** Below this many positives the model is not trusted: for-you falls back to follows and trending. */
export const MIN_POSITIVES = 3;

export interface ReaderSignals {
  /** Papers the reader kept: saved or upvoted. */
  positives: readonly SparseVector[];
  /** Papers the reader hid ("not interested"). */
  hidden: readonly SparseVector[];
  /** Papers the reader marked "less like this": a stronger no than hiding. */
  lessLikeThis: readonly SparseVector[];
  /** Papers the reader saw and did not keep, or a sample of the instance's recent papers: the "rest". */
  background: readonly SparseVector[];
}

const WEIGHTS = { positive: 1, hidden: 1, lessLikeThis: 3, background: 0.3 } as const;

export function readerExamples(signals: ReaderSignals): TrainingExample[] {
  return [
    ...signals.positives.map((vector) => ({ vector, label: 1 as const, weight: WEIGHTS.positive })),
    ...signals.hidden.map((vector) => ({ vector, label: 0 as const, weight: WEIGHTS.hidden })),
    ...signals.lessLikeThis.map((vector) => ({ vector, label: 0 as const, weight: WEIGHTS.lessLikeThis })),
    ...signals.background.map((vector) => ({ vector, label: 0 as const, weight: WEIGHTS.background })),
  ];
}

/** The reader's model, or null with fewer than MIN_POSITIVES positives. */
export function trainReaderModel(signals: ReaderSignals): LinearModel | null {
  if (signals.positives.length < MIN_POSITIVES) return null;
  return trainLinearModel(readerExamples(signals));
}
