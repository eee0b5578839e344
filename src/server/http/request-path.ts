import "server-only";
import { headers } from "next/headers";
import { decodePathSegment } from "@/lib/url-path";

/**
 * The segments of the path being answered, decoded (null for one that is not valid text), for
 * not-found pages, which Next.js renders without the route's params. The proxy passes the path.
 */
export async function requestPathSegments(): Promise<(string | null)[]> {
  const pathname = (await headers()).get("x-pathname") ?? "";
  return pathname.split("/").filter(Boolean).map(decodePathSegment);
}
