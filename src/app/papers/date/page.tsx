import { redirect } from "next/navigation";
import { NO_FILTER, parseListFilter, withFilter } from "@/lib/list-filter";
import { scopeBasePath, type PaperScope } from "@/lib/paper-scope";
import { firstParam, type SearchParams } from "@/lib/search-params";

/**
 * Where the date picker's form lands without JavaScript: on to that day's page, within the
 * category or keyword the picker was on (the page validates both, and answers 404 for either),
 * with the list's filter (the edge has refused a bad one).
 */
export default async function DateFormTarget({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const date = firstParam(query.date)?.trim();
  const category = firstParam(query.category);
  const keyword = firstParam(query.keyword);
  const scope: PaperScope | null =
    category !== undefined ? { kind: "category", value: category } : keyword !== undefined ? { kind: "keyword", value: keyword } : null;
  const base = scopeBasePath(scope);
  const parsed = parseListFilter(query);
  const filter = parsed.ok ? parsed.filter : NO_FILTER;
  redirect(withFilter(date ? `${base}/date/${encodeURIComponent(date)}` : scope ? base : "/", filter));
}
