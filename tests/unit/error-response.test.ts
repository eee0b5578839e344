import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/server/http/errors";

describe("errorResponse", () => {
  it("answers a saturated database with 503 and Retry-After, not a 500", async () => {
    for (const code of ["P2024", "P2028", "P2034"]) {
      const response = errorResponse(
        new Prisma.PrismaClientKnownRequestError("Transaction API error: Unable to start a transaction", { code, clientVersion: "7" }),
      );
      expect(response.status, code).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      expect((await response.json()).error.code).toBe("BUSY");
    }
  });

  it("keeps app errors as they are and hides anything else behind a 500", async () => {
    expect(errorResponse(new AppError("RATE_LIMITED", "Slow down.", { retryAfterSeconds: 30 })).headers.get("retry-after")).toBe("30");
    const unexpected = errorResponse(new Error("secret detail"));
    expect(unexpected.status).toBe(500);
    expect(JSON.stringify(await unexpected.json())).not.toContain("secret detail");
  });
});
