import { redirect } from "next/navigation";
import { firstParam, type SearchParams } from "@/lib/search-params";

/** Where the date picker's form lands without JavaScript: on to that day's page (which validates it). */
export default async function DateFormTarget({ searchParams }: { searchParams: SearchParams }) {
  const date = firstParam((await searchParams).date)?.trim();
  redirect(date ? `/papers/date/${encodeURIComponent(date)}` : "/");
}
