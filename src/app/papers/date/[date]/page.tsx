import type { Metadata } from "next";
import { parsePeriod, periodLabel } from "@/lib/periods";
import { PeriodView, type SearchParams } from "../../period-view";

type Params = Promise<{ date: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const period = parsePeriod("date", (await params).date);
  return { title: period ? periodLabel(period) : "Not found" };
}

export default async function Page({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  return <PeriodView kind="date" periodKey={(await params).date} searchParams={searchParams} />;
}
