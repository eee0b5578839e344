import { NotFoundPanel } from "@/components/not-found-panel";

export default function NotFound() {
  return (
    <NotFoundPanel
      title="Page not found"
      message="There is nothing at this address. Dates look like 2026-06-01, weeks like 2026-W23, months like 2026-06, papers like 2401.00001."
      actions={[
        { href: "/", label: "Today’s papers" },
        { href: "/papers/trending", label: "Trending papers" },
        { href: "/papers", label: "Search" },
      ]}
    />
  );
}
