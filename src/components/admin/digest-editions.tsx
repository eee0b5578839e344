import type { DigestRow } from "@/server/admin/overview";

const COUNT_LABELS: [keyof DigestRow["counts"], string][] = [
  ["sent", "sent"],
  ["pending", "pending"],
  ["retrying", "retrying"],
  ["failed", "failed"],
  ["skipped", "skipped"],
];

/** The newest digest editions with their delivery counts and the addresses that failed for good. */
export function DigestEditions({ digests }: { digests: DigestRow[] }) {
  if (digests.length === 0) return <p className="mt-2 text-gray-600 dark:text-gray-400">No digest has been sent yet.</p>;
  return (
    <ul className="mt-3 flex flex-col gap-3">
      {digests.map((digest) => (
        <li key={digest.id} className="text-sm">
          <p>
            <span className="font-medium">
              {digest.cadence.toLowerCase()} {digest.periodKey}
            </span>
            <span className="text-gray-600 dark:text-gray-400">
              {" "}
              — {COUNT_LABELS.map(([key, label]) => `${digest.counts[key]} ${label}`).join(", ")}
            </span>
          </p>
          {digest.failures.length > 0 && (
            <ul className="mt-1 ml-4 list-disc text-red-700 dark:text-red-400">
              {digest.failures.map((failure) => (
                <li key={failure.email} className="break-words">
                  {failure.email}: {failure.lastError ?? "no error recorded"}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
