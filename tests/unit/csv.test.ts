import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv";

const cell = (value: string) => toCsv(["h"], [[value]]).split("\r\n")[1];

describe("CSV cells a spreadsheet could run as formulas", () => {
  it.each(["=SUM(A1)", "+1", "-1+2", "@cmd", "\t=1", "\r=1", " =SUM(A1)", "\uff1dSUM(A1)", "\uff0b1", "\uff0d1", "\uff20cmd"])(
    "are prefixed with a quote: %j",
    (value) => {
      expect(cell(value)?.replace(/^"|"$/g, "").startsWith("'")).toBe(true);
    },
  );

  it("leaves ordinary text alone", () => {
    expect(cell("Attention Is All You Need")).toBe("Attention Is All You Need");
    expect(cell("a=b")).toBe("a=b");
  });
});
