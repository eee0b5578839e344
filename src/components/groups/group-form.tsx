"use client";

import { useActionState, useSyncExternalStore } from "react";
import { TimeZoneSelect } from "@/components/groups/time-zone-select";
import { FormField, FormMessage, fieldInputClass } from "@/components/ui/form-field";
import { RadioCard } from "@/components/ui/radio-card";
import { SubmitButton } from "@/components/ui/submit-button";
import { GROUP_DESCRIPTION_MAX, GROUP_NAME_MAX } from "@/lib/groups/group-form";
import { createGroupAction, type GroupFormState } from "@/server/groups/actions";

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Create a group": name, description, who may join, and the zone it meets in (the browser's, to start with). */
export function GroupForm({ timeZones }: { timeZones: string[] }) {
  const [state, action, pending] = useActionState<GroupFormState, FormData>(createGroupAction, null);
  const zone = useSyncExternalStore(noSubscription, browserTimeZone, () => null);
  const failed = state && !state.ok ? state : null;
  const typed = failed?.values ?? {};
  const defaultZone = typed.timeZone ?? (zone && timeZones.includes(zone) ? zone : "UTC");
  // Refused fields come back as typed (the key remounts them with those values); the zone picker
  // remounts once the browser's zone is known.
  return (
    <form action={action} className="flex flex-col gap-5" key={failed ? JSON.stringify(typed) : "fresh"}>
      <FormField id="group-name" label="Name" hint="Shown on the group’s page and in its emails." error={failed?.fields.name}>
        {(control) => (
          <input
            {...control}
            name="name"
            required
            minLength={3}
            maxLength={GROUP_NAME_MAX}
            defaultValue={typed.name ?? ""}
            placeholder="e.g. Graph learning lunch"
            className={fieldInputClass}
          />
        )}
      </FormField>
      <FormField id="group-description" label="What the group reads (optional)" error={failed?.fields.description}>
        {(control) => (
          <textarea
            {...control}
            name="description"
            rows={3}
            maxLength={GROUP_DESCRIPTION_MAX}
            defaultValue={typed.description ?? ""}
            placeholder="Who meets, how often, what kind of papers."
            className={fieldInputClass}
          />
        )}
      </FormField>
      <fieldset className="flex flex-col gap-2" aria-describedby={failed?.fields.visibility ? "group-visibility-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">Who may join</legend>
        <RadioCard
          name="visibility"
          value="PUBLIC"
          label="Anyone signed in"
          description="Listed on the groups page, with its calendar; anyone signed in can join."
          defaultChecked={(typed.visibility ?? "PUBLIC") === "PUBLIC"}
        />
        <RadioCard
          name="visibility"
          value="INVITE"
          label="People with the invite link"
          description="Not listed anywhere; only members see its sessions. You share the link."
          defaultChecked={typed.visibility === "INVITE"}
        />
        {failed?.fields.visibility && (
          <p id="group-visibility-error" className="text-sm font-medium text-red-700 dark:text-red-400">
            {failed.fields.visibility}
          </p>
        )}
      </fieldset>
      <FormField
        id="group-time-zone"
        label="Time zone"
        hint="Where the group meets: sessions are scheduled in it unless you pick another."
        error={failed?.fields.timeZone}
      >
        {(control) => <TimeZoneSelect key={defaultZone} control={control} choices={timeZones} defaultValue={defaultZone} />}
      </FormField>
      <FormMessage state={failed} />
      <div>
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create group
        </SubmitButton>
      </div>
    </form>
  );
}
