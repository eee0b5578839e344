import { PeriodView } from "@/components/period-view";
import type { SearchParams } from "@/lib/search-params";
import { getCachedLatestFeedDate } from "@/server/papers/cache";

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const latest = await getCachedLatestFeedDate();
  if (!latest) {
    return (
      <section className="py-16 text-center">
        <h1 className="text-2xl font-bold">No papers yet</h1>
        <p className="mt-2 text-gray-600 dark:text-gray-400">
          Import some with <code className="font-mono">npm run import -- prisma/demo</code>, or submit one.
        </p>
      </section>
    );
  }
  return <PeriodView kind="date" periodKey={latest} searchParams={searchParams} listPath="/" />;
}
