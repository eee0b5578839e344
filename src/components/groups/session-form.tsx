"use client";

import { useActionState } from "react";
import { TimeZoneSelect } from "@/components/groups/time-zone-select";
import { FormField, FormMessage, fieldInputClass } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  LOCATION_MAX,
  PRESENTER_MAX,
  SESSION_DURATION_MAX,
  SESSION_DURATION_MIN,
  SESSION_NOTES_MAX,
  SESSION_PAPERS_MAX,
} from "@/lib/groups/session-form";
import { scheduleSessionAction, type GroupFormState } from "@/server/groups/actions";

export interface SessionFormProps {
  slug: string;
  /** The group's zone, the form's default. */
  timeZone: string;
  timeZones: string[];
  /** A suggested day (`YYYY-MM-DD`), a week from today in the group's zone. */
  defaultDate: string;
}

/** "Schedule a session", for organizers: when, where, who presents and which papers. */
export function SessionForm({ slug, timeZone, timeZones, defaultDate }: SessionFormProps) {
  const [state, action, pending] = useActionState<GroupFormState, FormData>(scheduleSessionAction, null);
  const failed = state && !state.ok ? state : null;
  const typed = failed?.values ?? {};
  // Refused fields come back as typed; the key remounts them with those values.
  const attempt = failed ? JSON.stringify(typed) : "fresh";
  return (
    <form action={action} className="flex flex-col gap-4" key={attempt}>
      <input type="hidden" name="slug" value={slug} />
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id="session-date" label="Date" error={failed?.fields.date}>
          {(control) => (
            <input {...control} type="date" name="date" required defaultValue={typed.date ?? defaultDate} className={fieldInputClass} />
          )}
        </FormField>
        <FormField id="session-time" label="Start time" hint="24-hour clock, e.g. 18:00" error={failed?.fields.time}>
          {(control) => <input {...control} type="time" name="time" required defaultValue={typed.time ?? ""} className={fieldInputClass} />}
        </FormField>
        <FormField id="session-duration" label="Length (minutes)" error={failed?.fields.durationMinutes}>
          {(control) => (
            <input
              {...control}
              type="number"
              name="durationMinutes"
              required
              min={SESSION_DURATION_MIN}
              max={SESSION_DURATION_MAX}
              step={5}
              defaultValue={typed.durationMinutes ?? "60"}
              className={fieldInputClass}
            />
          )}
        </FormField>
      </div>
      <FormField
        id="session-time-zone"
        label="Time zone"
        hint="The group’s zone unless the session meets elsewhere."
        error={failed?.fields.timeZone}
      >
        {(control) => <TimeZoneSelect control={control} choices={timeZones} defaultValue={typed.timeZone ?? timeZone} />}
      </FormField>
      <FormField
        id="session-papers"
        label="Papers"
        hint={`Up to ${SESSION_PAPERS_MAX}, one per line: arXiv ids (2401.00001) or links to arxiv.org or huggingface.co/papers. They must be on Daily Papers already.`}
        error={failed?.fields.papers}
      >
        {(control) => (
          <textarea
            {...control}
            name="papers"
            required
            rows={3}
            defaultValue={typed.papers ?? ""}
            placeholder="2401.00001"
            spellCheck={false}
            className={`${fieldInputClass} font-mono`}
          />
        )}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="session-presenter" label="Presenter (optional)" error={failed?.fields.presenter}>
          {(control) => (
            <input
              {...control}
              name="presenter"
              maxLength={PRESENTER_MAX}
              defaultValue={typed.presenter ?? ""}
              className={fieldInputClass}
            />
          )}
        </FormField>
        <FormField id="session-location" label="Video link or room (optional)" error={failed?.fields.location}>
          {(control) => (
            <input
              {...control}
              name="location"
              maxLength={LOCATION_MAX}
              defaultValue={typed.location ?? ""}
              placeholder="https://meet.example.org/graphs or Room 3.14"
              className={fieldInputClass}
            />
          )}
        </FormField>
      </div>
      <FormField id="session-notes" label="Notes (optional)" hint="What to read first, what to bring." error={failed?.fields.notes}>
        {(control) => (
          <textarea
            {...control}
            name="notes"
            rows={2}
            maxLength={SESSION_NOTES_MAX}
            defaultValue={typed.notes ?? ""}
            className={fieldInputClass}
          />
        )}
      </FormField>
      <FormMessage state={failed} />
      <div>
        <SubmitButton pending={pending} pendingLabel="Scheduling…">
          Schedule session
        </SubmitButton>
      </div>
    </form>
  );
}
