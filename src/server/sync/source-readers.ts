import "server-only";
import type { SyncSourceKind } from "@/lib/sync-sources";
import { syncArxiv } from "@/server/sync/arxiv-source";
import type { SyncSourceReader } from "@/server/sync/context";
import { syncHuggingFace } from "@/server/sync/hf-source";

// A new kind of source is its name and options in SYNC_SOURCE_KINDS (src/lib/sync-sources.ts), its
// reader in a file of its own beside this one, its line below, and its API's address in
// configuredSyncEndpoints (with a setting in src/env.ts). The compiler names whichever is missing.
export const SYNC_SOURCE_READERS = {
  hf: syncHuggingFace,
  arxiv: syncArxiv,
} satisfies Record<SyncSourceKind, SyncSourceReader>;
