import type { Metadata } from "next";
import { TrendingView } from "@/components/trending-view";
import type { SearchParams } from "@/lib/search-params";

export const metadata: Metadata = {
  title: "Trending papers",
  alternates: {
    types: {
      "application/rss+xml": [{ url: "/papers/trending/feed.xml", title: "Trending papers (RSS)" }],
      "application/feed+json": [{ url: "/papers/trending/feed.json", title: "Trending papers (JSON Feed)" }],
    },
  },
};

export default async function TrendingPage({ searchParams }: { searchParams: SearchParams }) {
  return <TrendingView searchParams={searchParams} />;
}
