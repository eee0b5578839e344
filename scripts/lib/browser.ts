// The Chromium the browser tests drive. Playwright cannot download its own browser here, so:
// CHROMIUM_PATH when set, else Debian's /usr/bin/chromium, else the Chromium build shipped inside
// the @sparticuz/chromium npm package (unpacked to /tmp on first use), so `npm test` needs no apt.
import { accessSync, constants } from "node:fs";

export interface Browser {
  executablePath: string;
  args: string[];
  /** Where the binary came from, for the test log. */
  source: string;
}

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// Without the background-networking flags Chromium keeps dialling Google's hosts, which an offline
// machine refuses; --no-sandbox because tests run as root here.
const COMMON_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

// The package's defaults are tuned for one page per serverless call: in a single process the
// browser dies when a test closes its context, and two flags would switch off the very
// same-origin and mixed-content checks the tests exercise.
const UNWANTED_ARGS = new Set([
  "--single-process",
  "--in-process-gpu",
  "--no-zygote",
  "--disable-web-security",
  "--allow-running-insecure-content",
]);

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function resolveBrowser(configuredPath: string | undefined): Promise<Browser> {
  if (configuredPath) {
    if (!isExecutable(configuredPath)) throw new Error(`CHROMIUM_PATH=${configuredPath} is not an executable file.`);
    return { executablePath: configuredPath, args: COMMON_ARGS, source: "CHROMIUM_PATH" };
  }
  if (isExecutable(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: COMMON_ARGS, source: "system" };
  const { default: packaged } = await import("@sparticuz/chromium");
  const args = [...new Set([...packaged.args.filter((arg) => !UNWANTED_ARGS.has(arg)), ...COMMON_ARGS])];
  return { executablePath: await packaged.executablePath(), args, source: "@sparticuz/chromium" };
}
