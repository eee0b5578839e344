"use client";

import { useRouter } from "next/navigation";

/** Jumps to a day's page; the native date input keeps it keyboard accessible. */
export function DatePicker({ value, max }: { value: string; max: string }) {
  const router = useRouter();
  return (
    <label className="inline-flex items-center gap-2 text-sm">
      <span className="sr-only">Go to date</span>
      <input
        type="date"
        data-testid="date-picker"
        defaultValue={value}
        max={max}
        min="1991-01-01"
        onChange={(event) => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) router.push(`/papers/date/${event.target.value}`);
        }}
        className="rounded-md border border-gray-300 bg-white px-2 py-1 dark:border-gray-700 dark:bg-gray-900"
      />
    </label>
  );
}
