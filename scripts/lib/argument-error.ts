import { z } from "zod";

/** A CLI's bad arguments in lines such as `--cadence: must be daily or weekly` (zod's path names the option). */
export function describeArgumentError(error: unknown): string {
  return error instanceof z.ZodError
    ? error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n")
    : (error as Error).message;
}
