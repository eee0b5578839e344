import type { Metadata } from "next";
import { parsePeriod, periodLabel } from "@/lib/periods";
import { PeriodView, type SearchParams } from "../../period-view";

type Params = Promise<{ week: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const period = parsePeriod("week", (await params).week);
  return { title: period ? periodLabel(period) : "Not found" };
}

export default async function Page({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  return <PeriodView kind="week" periodKey={(await params).week} searchParams={searchParams} />;
}
