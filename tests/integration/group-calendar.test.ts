import ical, { type VEvent } from "node-ical";
import { beforeEach, describe, expect, it } from "vitest";
import { createGroupCalendarHandler } from "@/server/groups/calendar-handler";
import { createGroup, findVisibleGroup } from "@/server/groups/groups";
import { scheduleSession } from "@/server/groups/sessions";
import { createPaper, createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
const SITE_URL = "http://localhost:3000";
const NOW = new Date("2026-10-01T12:00:00Z");

function calendar(slug: string, query = "") {
  const GET = createGroupCalendarHandler({ db: t.db, siteUrl: SITE_URL, now: () => NOW });
  return GET(new Request(`${SITE_URL}/groups/${slug}/calendar.ics${query}`), { params: Promise.resolve({ slug }) });
}

function eventsOf(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text))
    .filter((component): component is VEvent => component?.type === "VEVENT")
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "User", "ReadingGroup" CASCADE`);
  await createPaper(t.db, "2610.00001");
});

describe("a group's calendar feed", () => {
  it("has one event per session at the right UTC instants across the end of summer time, with stable UIDs, SEQUENCE and URL", async () => {
    const { user } = await createSignedInUser(t.db, "ada@example.com");
    const { slug } = await createGroup(t.db, user.id, { name: "Graph Lunch", visibility: "PUBLIC", timeZone: "Europe/Berlin" });
    const weekly = ["2026-10-18", "2026-10-25", "2026-11-01"];
    const ids: string[] = [];
    for (const date of weekly) {
      const form = { date, time: "18:00", timeZone: "Europe/Berlin", durationMinutes: "90", location: "Room 3.14", papers: "2610.00001" };
      ids.push((await scheduleSession(t.db, user.id, slug, form)).id);
    }
    // An edited session's SEQUENCE goes up, so calendars take the new version.
    await t.db.groupSession.update({ where: { id: ids[1] }, data: { sequence: 3 } });

    const response = await calendar(slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=300/);
    const text = await response.text();
    const events = eventsOf(text);

    expect(events.map((event) => event.start.toISOString())).toEqual([
      "2026-10-18T16:00:00.000Z",
      "2026-10-25T17:00:00.000Z",
      "2026-11-01T17:00:00.000Z",
    ]);
    expect(events.map((event) => event.end?.toISOString())).toEqual([
      "2026-10-18T17:30:00.000Z",
      "2026-10-25T18:30:00.000Z",
      "2026-11-01T18:30:00.000Z",
    ]);
    expect(events.map((event) => event.uid)).toEqual(ids.map((id) => `group-session-${id}@localhost`));
    expect(events.map((event) => Number(event.sequence))).toEqual([0, 3, 0]);
    expect(events.map((event) => event.url)).toEqual(ids.map((id) => `${SITE_URL}/groups/${slug}/sessions/${id}`));
    expect(events[0]!.summary).toBe("Graph Lunch: Paper 2610.00001");
    expect(String(events[0]!.description)).toContain(`${SITE_URL}/papers/2610.00001`);
    expect(events[0]!.location).toBe("Room 3.14");

    // The same sessions give the same UIDs on the next fetch.
    expect(eventsOf(await (await calendar(slug)).text()).map((event) => event.uid)).toEqual(events.map((event) => event.uid));
  });

  it("leaves out sessions older than 90 days, and serves an invite-only group's feed only with its token", async () => {
    const { user } = await createSignedInUser(t.db, "ada@example.com");
    const { slug } = await createGroup(t.db, user.id, { name: "Secret Seminar", visibility: "INVITE", timeZone: "UTC" });
    const form = { time: "10:00", timeZone: "UTC", durationMinutes: "60", papers: "2610.00001" };
    await scheduleSession(t.db, user.id, slug, { ...form, date: "2026-06-01" });
    await scheduleSession(t.db, user.id, slug, { ...form, date: "2026-07-15" });

    expect((await calendar(slug)).status).toBe(404);
    expect((await calendar(slug, `?token=${"x".repeat(32)}`)).status).toBe(404);
    const token = (await findVisibleGroup(t.db, slug, user.id))!.inviteToken!;
    const response = await calendar(slug, `?token=${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    expect(eventsOf(await response.text()).map((event) => event.start.toISOString())).toEqual(["2026-07-15T10:00:00.000Z"]);
    expect((await calendar("no-such-group")).status).toBe(404);
  });
});
