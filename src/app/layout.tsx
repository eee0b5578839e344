import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { KeyboardTriage } from "@/components/keyboard-triage";
import { MainNav } from "@/components/main-nav";
import { DENSITY_SCRIPT } from "@/components/paper-card/density";
import { SearchBox } from "@/components/search-box";
import { THEME_SCRIPT } from "@/components/theme-script";
import { ThemeToggle } from "@/components/theme-toggle";
import { UserMenu } from "@/components/user-menu";
import { siteUrl } from "@/env";
import "@/app/globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl),
  title: { default: "Daily Papers", template: "%s · Daily Papers" },
  description: "A daily feed of research papers, ranked by the community.",
  // Served from public/, so the header logo and the manifest use the same files.
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }], apple: "/apple-touch-icon.png" },
  manifest: "/manifest.webmanifest",
  alternates: {
    types: {
      "application/rss+xml": [{ url: "/papers/feed.xml", title: "Daily Papers (RSS)" }],
      "application/feed+json": [{ url: "/papers/feed.json", title: "Daily Papers (JSON Feed)" }],
    },
  },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#030712" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: DENSITY_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-gray-50 font-sans text-gray-900 antialiased dark:bg-gray-950 dark:text-gray-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-gray-900"
        >
          Skip to content
        </a>
        <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:gap-x-4">
            <Link href="/" className="inline-flex items-center gap-2 text-lg font-bold tracking-tight whitespace-nowrap">
              <img src="/icon.svg" alt="" width={24} height={24} className="size-6" />
              <span className="sr-only sm:not-sr-only">Daily Papers</span>
            </Link>
            <MainNav />
            <SearchBox />
            <div className="flex items-center gap-2">
              <ThemeToggle />
              <UserMenu />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-5xl px-4 pb-10 text-sm text-gray-500 dark:text-gray-400">
          <p className="leading-8">
            Daily Papers is open source.{" "}
            <Link href="/about/ranking" className="inline-block px-1 py-1 underline">
              How ranking works
            </Link>{" "}
            ·{" "}
            <Link href="/groups" className="inline-block px-1 py-1 underline">
              Reading groups
            </Link>{" "}
            ·{" "}
            <Link href="/discussions" className="inline-block px-1 py-1 underline">
              Discussions
            </Link>{" "}
            ·{" "}
            <Link href="/moderation" className="inline-block px-1 py-1 underline">
              Moderation log
            </Link>{" "}
            ·{" "}
            <Link href="/api/docs" className="inline-block px-1 py-1 underline">
              API
            </Link>{" "}
            ·{" "}
            <a href="/papers/feed.xml" className="inline-block px-1 py-1 underline">
              RSS
            </a>
          </p>
        </footer>
        <KeyboardTriage />
      </body>
    </html>
  );
}
