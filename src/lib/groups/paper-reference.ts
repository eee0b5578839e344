import { parseArxivId } from "@/lib/arxiv-id";

const HF_PAPER_URL = /^https?:\/\/(?:www\.)?huggingface\.co\/papers\/([^?#/]+(?:\/\d{7})?)\/?(?:[?#].*)?$/i;

/**
 * The arXiv id in what people paste for a paper: anything `parseArxivId` reads (ids, arxiv.org
 * links) and Hugging Face paper pages (`https://huggingface.co/papers/2401.00001`). Null otherwise.
 */
export function parsePaperReference(input: string): string | null {
  const trimmed = input.trim();
  const hf = HF_PAPER_URL.exec(trimmed);
  return parseArxivId(hf?.[1] ?? trimmed);
}
