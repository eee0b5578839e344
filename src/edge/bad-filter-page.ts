// A page load whose list filter cannot be read (`?cat=cs.XX`, a thousand `not=`, a NUL) is a 400
// that names the parameter, before anything renders; feeds and the API answer theirs in JSON or
// text from their handlers. Standalone HTML: the site's layout would render the list it refuses.
import { NextResponse } from "next/server";
import { FILTER_PARAMS, type FilterError } from "@/lib/list-filter";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The request's address without its filter parameters: the list the reader can go back to. */
function unfilteredHref(url: URL): string {
  const query = new URLSearchParams(url.search);
  for (const name of FILTER_PARAMS) query.delete(name);
  query.delete("cursor");
  return query.size > 0 ? `${url.pathname}?${query}` : url.pathname;
}

export function badFilterPage(url: URL, error: FilterError): NextResponse {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="robots" content="noindex"><title>Bad filter · Daily Papers</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5}code{font-size:.95em}</style>
</head><body><main>
<h1>This list cannot be filtered that way</h1>
<p role="alert">The <code>${error.param}</code> parameter is not valid: ${escapeHtml(error.message)}</p>
<p><a href="${escapeHtml(unfilteredHref(url))}">Show the list without filters</a></p>
</main></body></html>`;
  return new NextResponse(html, {
    status: 400,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      "Cache-Control": "no-store",
    },
  });
}
