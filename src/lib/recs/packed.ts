import type { LinearModel } from "@/lib/recs/linear-model";
import { TERM_BUCKETS, termBucket } from "@/lib/recs/term-buckets";
import type { SparseVector } from "@/lib/recs/vector";

// A stored vector's scoring form: for each term, in the vector's order, its hash bucket (uint32)
// and weight (float32), little-endian, 8 bytes a term. Ranking a week reads ~4,700 vectors; as
// text arrays node-postgres parsed them element by element (~350 ms), as bytes they arrive as one
// buffer each and are read in place. The term texts stay beside them for reasons and training.

const BYTES_PER_TERM = 8;

export function packVector(vector: SparseVector): Uint8Array {
  const bytes = new Uint8Array(vector.terms.length * BYTES_PER_TERM);
  const view = new DataView(bytes.buffer);
  vector.terms.forEach((term, index) => {
    view.setUint32(index * BYTES_PER_TERM, termBucket(term), true);
    view.setFloat32(index * BYTES_PER_TERM + 4, vector.weights[index]!, true);
  });
  return bytes;
}

/** The weights of a packed vector, in its terms' order. */
export function packedWeights(packed: Uint8Array): number[] {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  return Array.from({ length: packed.byteLength / BYTES_PER_TERM }, (_, index) => view.getFloat32(index * BYTES_PER_TERM + 4, true));
}

/**
 * A model as a dense table of TERM_BUCKETS weights (4 MB, terms sharing a bucket add up), so
 * scoring a week of packed vectors is an array read per term instead of a hash lookup.
 */
export interface BucketModel {
  bias: number;
  weights: Float32Array;
}

export function bucketModel(model: LinearModel): BucketModel {
  const weights = new Float32Array(TERM_BUCKETS);
  for (const [term, weight] of model.weights) weights[termBucket(term)]! += weight;
  return { bias: model.bias, weights };
}

/**
 * The model's margin for a packed vector (above 0 leans "the reader keeps it"): bias plus each
 * term's weight times the paper's, up to the rare term sharing a bucket.
 */
export function packedMargin(model: BucketModel, packed: Uint8Array): number {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  let margin = model.bias;
  for (let offset = 0; offset < packed.byteLength; offset += BYTES_PER_TERM) {
    margin += model.weights[view.getUint32(offset, true)]! * view.getFloat32(offset + 4, true);
  }
  return margin;
}
