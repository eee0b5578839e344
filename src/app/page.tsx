import { PaperCard } from "@/components/paper-card";
import { db } from "@/server/db";
import { getLatestFeedDay } from "@/server/queries/feed";

export const dynamic = "force-dynamic";

const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeZone: "UTC" });

export default async function HomePage() {
  const day = await getLatestFeedDay(db);
  if (!day) {
    return (
      <section className="py-16 text-center">
        <h1 className="text-2xl font-bold">No papers yet</h1>
        <p className="mt-2 text-gray-600 dark:text-gray-400">
          Import some with <code className="font-mono">npm run import -- prisma/demo</code>.
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1 className="text-2xl font-bold">Daily Papers</h1>
      <p className="mt-1 text-gray-600 dark:text-gray-400">
        <time dateTime={day.date}>{dayFormat.format(new Date(`${day.date}T00:00:00Z`))}</time> · {day.papers.length} papers
      </p>
      <div className="mt-6 flex flex-col gap-4">
        {day.papers.map((paper) => (
          <PaperCard key={paper.id} paper={paper} />
        ))}
      </div>
    </section>
  );
}
