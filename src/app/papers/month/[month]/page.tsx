import type { Metadata } from "next";
import { parsePeriod, periodLabel } from "@/lib/periods";
import { PeriodView, type SearchParams } from "../../period-view";

type Params = Promise<{ month: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const period = parsePeriod("month", (await params).month);
  return { title: period ? periodLabel(period) : "Not found" };
}

export default async function Page({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  return <PeriodView kind="month" periodKey={(await params).month} searchParams={searchParams} />;
}
