// Next.js's entry to the edge (src/edge/README.md). The matcher must be a literal here: Next.js
// reads it from this file at build time.
export { proxy } from "@/edge/proxy";

export const config = {
  // Every request but Next.js's own build files: hostile paths are turned away wherever they point.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
