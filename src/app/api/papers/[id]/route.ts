import { paperIdParamsSchema } from "@/lib/api-params";
import { AppError } from "@/lib/errors";
import { cacheableJson } from "@/server/http/cacheable";
import { decodeSegment, handleErrors, parseOrThrow } from "@/server/http/errors";
import { getCachedPaper } from "@/server/papers/cache";
import { toHfPaper } from "@/server/papers/hf-shape";

/** GET /api/papers/<arXiv id> (old-style ids with the slash encoded: hep-th%2F9901001). */
export const GET = handleErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = parseOrThrow(paperIdParamsSchema, { id: decodeSegment((await params).id, "id") });
  const paper = await getCachedPaper(id);
  if (!paper) throw new AppError("NOT_FOUND", `No paper with id ${id} on this instance`);
  return cacheableJson(request, toHfPaper(paper));
});
