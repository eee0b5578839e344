import "server-only";
import type { HfDailyPaper, HfPaper } from "@/lib/api-responses";
import type { PaperDto } from "@/server/papers/dto";

// The field names of Hugging Face's /api/daily_papers and /api/papers/{id}, so existing HF
// clients can point at a Daily Papers instance. The return types are the schemas'
// (src/lib/api-responses.ts), which /api/openapi.json publishes: an answer cannot drift from them.

function organizationOf(paper: PaperDto) {
  return paper.organization
    ? {
        name: paper.organization.name,
        fullname: paper.organization.fullName,
        ...(paper.organization.avatarUrl ? { avatar: paper.organization.avatarUrl } : {}),
      }
    : undefined;
}

export function toHfPaper(paper: PaperDto): HfPaper {
  return {
    id: paper.id,
    authors: paper.authors.map((name) => ({ name })),
    publishedAt: paper.publishedAt,
    submittedOnDailyAt: paper.addedAt,
    title: paper.title,
    summary: paper.abstract,
    upvotes: paper.upvotes,
    ...(paper.aiSummary ? { ai_summary: paper.aiSummary } : {}),
    ai_keywords: paper.keywords,
    ...(paper.githubRepo ? { githubRepo: paper.githubRepo } : {}),
    ...(paper.githubStars !== null ? { githubStars: paper.githubStars } : {}),
    ...(paper.projectPage ? { projectPage: paper.projectPage } : {}),
    ...(paper.organization ? { organization: organizationOf(paper) } : {}),
  };
}

export function toHfDailyPaper(paper: PaperDto): HfDailyPaper {
  return {
    paper: toHfPaper(paper),
    publishedAt: paper.addedAt,
    title: paper.title,
    summary: paper.abstract,
    ...(paper.thumbnailUrl ? { thumbnail: paper.thumbnailUrl } : {}),
    mediaUrls: paper.mediaUrls,
    numComments: paper.comments,
    ...(paper.submitter
      ? { submittedBy: { name: paper.submitter.name, fullname: paper.submitter.fullName, avatarUrl: paper.submitter.avatarUrl } }
      : {}),
    ...(paper.organization ? { organization: organizationOf(paper) } : {}),
  };
}
