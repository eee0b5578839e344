import { expect, test } from "@playwright/test";
import { axeViolations } from "./axe";
import { signInAs, withDatabase } from "./session";

// A reader creates an invite-only reading group and schedules a session with a paper of the demo
// data; a second reader opens the invite link, joins and adds a question to the session.

const PAPER = "2606.11176";
const NAME = `E2E journal club ${Date.now().toString(36)}`;

test.afterAll(async () => {
  await withDatabase((db) => db.query(`DELETE FROM "ReadingGroup" WHERE name LIKE 'E2E journal club %'`));
});

test("a reader creates an invite-only group and schedules a session; a second reader joins by the invite link and adds a question", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const organizerContext = await browser.newContext();
  await signInAs(organizerContext, baseURL!, `organizer-${Date.now()}@example.com`);
  const organizer = await organizerContext.newPage();
  const found: string[] = [];

  await organizer.goto("/groups");
  await organizer.getByRole("link", { name: "Create a group" }).click();
  await expect(organizer.getByRole("heading", { level: 1 })).toHaveText("Create a reading group");
  await organizer.getByLabel("Name", { exact: true }).fill(NAME);
  await organizer.getByLabel("What the group reads (optional)").fill("We read one vision-language paper a week.");
  await organizer.getByRole("radio", { name: /People with the invite link/ }).check();
  await organizer.getByLabel("Time zone").selectOption("Europe/Berlin");
  await organizer.getByRole("button", { name: "Create group" }).click();

  await expect(organizer.getByRole("heading", { level: 1 })).toHaveText(NAME);
  await expect(organizer.getByText("Invite-only", { exact: false }).first()).toBeVisible();
  const groupPath = new URL(organizer.url()).pathname;
  const inviteUrl = await organizer.getByLabel("Invite link").inputValue();
  expect(inviteUrl).toMatch(/\/groups\/join\/[A-Za-z0-9_-]{32}$/);

  // A paper that is not here yet is refused next to the field, with what was typed kept.
  const schedule = organizer.getByRole("region", { name: "Organize" });
  await schedule.getByLabel("Date").fill("2099-05-05");
  await schedule.getByLabel("Start time").fill("18:00");
  await schedule.getByLabel("Papers").fill("9999.99999");
  await schedule.getByRole("button", { name: "Schedule session" }).click();
  await expect(schedule.getByRole("alert")).toHaveText("Please correct the field marked above.");
  await expect(schedule.locator("#session-papers-error")).toHaveText(/^Not on Daily Papers yet: 9999\.99999\. Submit it at \/submit first/);
  await expect(schedule.getByLabel("Start time")).toHaveValue("18:00");
  await expect(schedule.getByLabel("Papers")).toHaveAttribute("aria-invalid", "true");
  found.push(...(await axeViolations(organizer)));

  await schedule.getByLabel("Papers").fill(`https://huggingface.co/papers/${PAPER}`);
  await schedule.getByLabel("Presenter (optional)").fill("Ada");
  await schedule.getByLabel("Video link or room (optional)").fill("https://meet.example.org/club");
  await schedule.getByRole("button", { name: "Schedule session" }).click();
  await expect(organizer).toHaveURL(new RegExp(`${groupPath}/sessions/[^/]+$`));
  await expect(organizer.getByRole("heading", { level: 1 })).toHaveText(/Tuesday, May 5, 2099 at 18:00 GMT\+2 \(Europe\/Berlin\)/);
  await expect(organizer.getByTestId("paper-card")).toHaveCount(1);
  await expect(organizer.getByTestId("paper-card").getByTestId("paper-title")).toHaveAttribute("href", `/papers/${PAPER}`);
  await expect(organizer.getByRole("link", { name: "https://meet.example.org/club" })).toBeVisible();
  const sessionPath = new URL(organizer.url()).pathname;

  // Not a member: the group and its sessions do not exist for this reader.
  const memberContext = await browser.newContext();
  await signInAs(memberContext, baseURL!, `member-${Date.now()}@example.com`);
  const member = await memberContext.newPage();
  expect((await member.goto(groupPath))?.status()).toBe(404);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("No such group");
  expect((await member.goto(sessionPath))?.status()).toBe(404);

  await member.goto(inviteUrl);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText(`Join ${NAME}`);
  await member.getByRole("button", { name: "Join group" }).click();
  await expect(member).toHaveURL(groupPath);
  await expect(member.getByText("You are a member")).toBeVisible();
  found.push(...(await axeViolations(member)));

  await member
    .getByTestId("group-session")
    .getByRole("link", { name: /May 5, 2099/ })
    .click();
  await expect(member).toHaveURL(sessionPath);
  await member.getByLabel("Add a question").fill("How does the method do on charts with dense labels?");
  await member.getByRole("button", { name: "Add question" }).click();
  const question = member.getByTestId("session-question");
  await expect(question).toHaveCount(1);
  await expect(question).toContainText("How does the method do on charts with dense labels?");
  await expect(member.getByLabel("Add a question")).toHaveValue("");
  found.push(...(await axeViolations(member)));

  // The organizer sees it and upvotes it.
  await organizer.reload();
  const upvote = organizer.getByRole("button", { name: /upvote this question$/ });
  await upvote.click();
  await expect(upvote).toHaveAttribute("aria-pressed", "true");
  await expect(upvote.getByTestId("question-upvotes")).toHaveText("1");
  // The button turns at once (optimistic); reload only once the vote is stored.
  await expect
    .poll(() =>
      withDatabase(
        async (db) =>
          (
            await db.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM "SessionQuestionVote" v JOIN "SessionQuestion" q ON q.id = v."questionId"
             JOIN "GroupSession" s ON s.id = q."sessionId" JOIN "ReadingGroup" g ON g.id = s."groupId" WHERE g.name = $1`,
              [NAME],
            )
          ).rows[0]!.n,
      ),
    )
    .toBe(1);
  await organizer.reload();
  await expect(organizer.getByTestId("question-upvotes")).toHaveText("1");
  found.push(...(await axeViolations(organizer)));
  await organizer.goto(groupPath);
  found.push(...(await axeViolations(organizer)));

  expect(found, found.join("\n")).toEqual([]);
  await organizerContext.close();
  await memberContext.close();
});
