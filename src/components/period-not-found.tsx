import { NotFoundPanel } from "@/components/not-found-panel";
import { formatDay, periodContaining, periodPath, type PeriodKind } from "@/lib/periods";
import { getCachedLatestFeedDate } from "@/server/papers/cache";

const EXAMPLES: Record<PeriodKind, string> = {
  date: "a date like 2026-06-01",
  week: "a week like 2026-W23",
  month: "a month like 2026-06",
};

/** A malformed or impossible period: say what the address should look like and go to papers. */
export async function PeriodNotFound({ kind }: { kind: PeriodKind }) {
  const latest = await getCachedLatestFeedDate();
  return (
    <NotFoundPanel
      title="No such period"
      message={`This address needs ${EXAMPLES[kind]}.`}
      actions={[
        ...(latest ? [{ href: periodPath(periodContaining("date", latest)), label: `Latest papers (${formatDay(latest)})` }] : []),
        { href: "/papers/trending", label: "Trending papers" },
      ]}
    />
  );
}
