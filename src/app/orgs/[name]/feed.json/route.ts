import { AppError } from "@/lib/errors";
import { feedResponse } from "@/server/feeds/respond";
import { handleErrors } from "@/server/http";
import { getCachedOrganizationPapers } from "@/server/queries/cached";

export const GET = handleErrors(async (request: Request, { params }: { params: Promise<{ name: string }> }) => {
  const name = decodeURIComponent((await params).name);
  const page = name.length <= 200 ? await getCachedOrganizationPapers(name) : null;
  if (!page) throw new AppError("NOT_FOUND", "No such organization on this instance");
  const { organization, papers } = page;
  return feedResponse(request, "json", { title: `${organization.fullName} · Daily Papers`, description: `Papers from ${organization.fullName}`, pagePath: `/orgs/${encodeURIComponent(organization.name)}` }, papers);
});
