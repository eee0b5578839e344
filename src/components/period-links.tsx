"use client";

import { useSearchParams } from "next/navigation";
import { DatePicker } from "@/components/date-picker";
import { FocusKeepingLink } from "@/components/ui/focus-keeping-link";
import { pillClass } from "@/components/ui/pill-class";
import { FEED_SORT_LABELS, FEED_SORTS, type FeedSort } from "@/lib/feed-sort";
import { withFilter, type ListFilter } from "@/lib/list-filter";
import type { PaperScope } from "@/lib/paper-scope";
import { carriedDay, DAY_PARAM, dayParam } from "@/lib/period-day";
import { periodContaining, periodPath, type Period, type PeriodKind } from "@/lib/periods";

const KIND_LABELS: Record<PeriodKind, string> = { date: "Daily", week: "Weekly", month: "Monthly" };

export interface PeriodLinksProps {
  period: Period;
  sort: FeedSort;
  today: string;
  /** The whole feed's `/papers`, or a category's or keyword's path. */
  base: string;
  scope: PaperScope | null;
  filter: ListFilter;
}

/**
 * Daily / Weekly / Monthly, the sorts and the date picker of a period's page. They keep the
 * reader's day: a day's Weekly and Monthly links carry it (`?day=`, unless it is the period's first
 * day), and a week's or month's page hands it on, so Day -> Month -> Day returns to the same day.
 * The day is read from the address here rather than passed down: the page cache keys week and
 * month pages on `day` (src/edge/routes.ts), so the server-rendered links are right without
 * JavaScript too. The sort and filter are kept as well.
 */
export function PeriodLinks({ period, sort, today, base, scope, filter }: PeriodLinksProps) {
  const day = carriedDay(period, useSearchParams().get(DAY_PARAM));
  const link = (target: Period, targetSort: FeedSort) =>
    withFilter(periodPath(target, base), filter, {
      sort: targetSort === "trending" ? null : targetSort,
      [DAY_PARAM]: dayParam(target, day),
    });
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <nav aria-label="Period length" className="flex gap-1">
        {(Object.keys(KIND_LABELS) as PeriodKind[]).map((kind) => (
          <FocusKeepingLink
            key={kind}
            focusKey={`kind-${kind}`}
            href={link(kind === period.kind ? period : periodContaining(kind, day), sort)}
            aria-current={kind === period.kind ? "page" : undefined}
            className={pillClass(kind === period.kind)}
          >
            {KIND_LABELS[kind]}
          </FocusKeepingLink>
        ))}
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <nav aria-label="Sort" className="flex gap-1">
          {FEED_SORTS.map((option) => (
            <FocusKeepingLink
              key={option}
              focusKey={`sort-${option}`}
              href={link(period, option)}
              aria-current={option === sort ? "true" : undefined}
              className={pillClass(option === sort)}
            >
              {FEED_SORT_LABELS[option]}
            </FocusKeepingLink>
          ))}
        </nav>
        <DatePicker value={day} max={today} base={base} scope={scope} filter={filter} />
      </div>
    </div>
  );
}
