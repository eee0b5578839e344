import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export function SubscribeBanner() {
  return (
    <aside className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-indigo-200 bg-indigo-50 px-4 py-3 dark:border-indigo-900 dark:bg-indigo-950/50">
      <p className="text-sm font-medium text-indigo-900 dark:text-indigo-200">
        <span className="mr-2 rounded bg-indigo-600 px-1.5 py-0.5 text-xs font-semibold text-white uppercase">new</span>
        Get trending papers in your email inbox!
      </p>
      <Link href="/subscribe" className={buttonClasses({ size: "sm" })}>
        Subscribe
      </Link>
    </aside>
  );
}
