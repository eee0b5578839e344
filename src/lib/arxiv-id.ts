import { z } from "zod";

// New-style ids (0704.0001 onwards: YYMM.NNNN, five digits from 1501) and old-style archive ids
// such as hep-th/9901001 or math.GT/0309136.
const NEW_STYLE = /^\d{4}\.\d{4,5}$/;
const OLD_STYLE = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7}$/;
const VERSION = /v\d+$/;

export function isArxivId(value: string): boolean {
  return NEW_STYLE.test(value) || OLD_STYLE.test(value);
}

/**
 * Extracts a bare arXiv id (no version) from what people paste: `2401.00001`, `2401.00001v2`,
 * `arXiv:2401.00001`, `https://arxiv.org/abs/2401.00001v2`, `https://arxiv.org/pdf/2401.00001.pdf`,
 * `hep-th/9901001`. Returns null when the input is not one of those.
 */
export function parseArxivId(input: string): string | null {
  let value = input.trim();
  const url = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i.exec(value);
  if (url?.[1]) value = url[1];
  value = value.replace(/^arxiv:/i, "").replace(VERSION, "");
  return isArxivId(value) ? value : null;
}

export const arxivIdSchema = z
  .string()
  .trim()
  .refine(isArxivId, { message: "is not an arXiv id (expected e.g. 2401.00001 or hep-th/9901001)" });
