"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="py-16 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-gray-600 dark:text-gray-400">This page could not be loaded. It is not your fault; please try again.</p>
      <Button onClick={reset} className="mt-6">
        Try again
      </Button>
    </section>
  );
}
