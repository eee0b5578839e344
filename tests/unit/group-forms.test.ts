import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/form-errors";
import { groupFormSchema } from "@/lib/groups/group-form";
import { parsePaperReference } from "@/lib/groups/paper-reference";
import { questionBodySchema } from "@/lib/groups/questions";
import { sessionFormSchema } from "@/lib/groups/session-form";
import { isReservedSlug, slugFromName } from "@/lib/groups/slug";

const session = {
  date: "2026-10-27",
  time: "18:00",
  timeZone: "Europe/Berlin",
  durationMinutes: "90",
  presenter: "Ada",
  location: "https://meet.example.org/graphs",
  notes: "",
  papers: "2401.00001\nhttps://arxiv.org/abs/2401.00002v3, https://huggingface.co/papers/2401.00003",
};

function errorsOf(schema: { safeParse: (input: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return fieldErrorsOf(result.error as Parameters<typeof fieldErrorsOf>[0]);
}

describe("the group form", () => {
  it("takes a name, a description, who may join and a time zone (canonicalized)", () => {
    const form = groupFormSchema.parse({ name: "  Graph lunch ", visibility: "INVITE", timeZone: "europe/berlin" });
    expect(form).toEqual({ name: "Graph lunch", description: "", visibility: "INVITE", timeZone: "Europe/Berlin" });
  });

  it("refuses bad fields, each with a message for its own field", () => {
    const errors = errorsOf(groupFormSchema, { name: "ab", description: "x".repeat(2001), visibility: "SECRET", timeZone: "Berlin/Mitte" });
    expect(errors.name).toBe("Give the group a name of at least 3 characters.");
    expect(errors.description).toBe("Keep the description to 2,000 characters.");
    expect(errors.visibility).toBe("Choose who may join: anyone signed in, or only people with the invite link.");
    expect(errors.timeZone).toBe("“Berlin/Mitte” is not a time zone; pick one such as Europe/Berlin or America/New_York.");
    expect(errorsOf(groupFormSchema, { name: "Lunch\u0000club", visibility: "PUBLIC", timeZone: "UTC" }).name).toMatch(
      /control characters/,
    );
  });
});

describe("the session form", () => {
  it("reads the papers as arXiv ids, in order and without repeats, and the start as an instant in the zone", () => {
    const form = sessionFormSchema.parse({ ...session, papers: `${session.papers}\n2401.00001` });
    expect(form.papers).toEqual(["2401.00001", "2401.00002", "2401.00003"]);
    expect(form.startsAt.toISOString()).toBe("2026-10-27T17:00:00.000Z");
    expect(form.durationMinutes).toBe(90);
  });

  it("refuses bad dates, times, zones, lengths, links and papers with messages that say what to write", () => {
    const errors = errorsOf(sessionFormSchema, {
      date: "2026-02-30",
      time: "25:00",
      timeZone: "Nowhere",
      durationMinutes: "5",
      presenter: "",
      location: "javascript:alert(1)",
      notes: "",
      papers: "2401.00001 not-a-paper",
    });
    expect(errors.date).toBe("Enter the date as YYYY-MM-DD, e.g. 2026-10-27.");
    expect(errors.time).toBe("Enter the start time as HH:MM on a 24-hour clock, e.g. 18:00.");
    expect(errors.timeZone).toMatch(/is not a time zone/);
    expect(errors.durationMinutes).toBe("A session lasts at least 15 minutes.");
    expect(errors.location).toBe("A link must start with https:// or http:// (or write a room, such as “Room 3.14”).");
    expect(errors.papers).toMatch(/^Not an arXiv id or paper link: not-a-paper\./);
  });

  it("wants one to ten papers", () => {
    expect(errorsOf(sessionFormSchema, { ...session, papers: "  " }).papers).toMatch(/^Add at least one paper/);
    const eleven = Array.from({ length: 11 }, (_, index) => `2401.${String(index + 1).padStart(5, "0")}`).join("\n");
    expect(errorsOf(sessionFormSchema, { ...session, papers: eleven }).papers).toBe("A session has at most 10 papers; this lists 11.");
    expect(errorsOf(sessionFormSchema, { ...session, durationMinutes: "soon" }).durationMinutes).toBe(
      "Enter the length in minutes, e.g. 60.",
    );
  });

  it("accepts a room as the location", () => {
    expect(sessionFormSchema.parse({ ...session, location: "Room 3.14" }).location).toBe("Room 3.14");
  });
});

describe("questions, paper references and slugs", () => {
  it("refuses empty and overlong questions", () => {
    expect(questionBodySchema.safeParse("   ").error?.issues[0]?.message).toBe("Write a question of at least 5 characters.");
    expect(questionBodySchema.safeParse("x".repeat(1001)).error?.issues[0]?.message).toMatch(/^Keep the question to 1,000 characters/);
  });

  it("reads arXiv ids from Hugging Face paper pages as well as arXiv links", () => {
    expect(parsePaperReference("https://huggingface.co/papers/2606.11176")).toBe("2606.11176");
    expect(parsePaperReference("https://arxiv.org/pdf/2606.11176v2.pdf")).toBe("2606.11176");
    expect(parsePaperReference("https://huggingface.co/models/x")).toBeNull();
  });

  it("makes readable addresses from names", () => {
    expect(slugFromName("Théorie des Graphes — Lunch!")).toBe("theorie-des-graphes-lunch");
    expect(slugFromName("日本語")).toBe("group");
    expect(slugFromName("x".repeat(100))).toHaveLength(48);
    expect(isReservedSlug(slugFromName("New"))).toBe(true);
  });
});
