import { headers } from "next/headers";
import { accountDensityScript } from "@/components/paper-card/density";
import type { Density } from "@/lib/density";

/** The density on the reader's account, applied before the list renders (see accountDensityScript). */
export async function AccountDensity({ density }: { density: Density | null }) {
  if (density === null) return null;
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: accountDensityScript(density) }} />;
}
