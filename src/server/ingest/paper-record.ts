/** A paper as the ingest sources produce it, ready to be written by `writePapers`. */
export interface PaperRecord {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt: Date;
  /** `YYYY-MM-DD`: the day the paper belongs to in the daily feed. */
  feedDate: string;
  submittedAt: Date | null;
  source: "HF_DAILY" | "ARXIV";
  organization: { name: string; fullName: string; avatarUrl: string | null } | null;
  submitter: { name: string; fullName: string | null; avatarUrl: string | null } | null;
  upstreamUpvotes: number;
  upstreamComments: number;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  thumbnailUrl: string | null;
  mediaUrls: string[];
  aiSummary: string | null;
  aiKeywords: string[];
}
