"use client";

import { useId, useState } from "react";
import { fieldInputClass } from "@/components/ui/form-field";
import { InputField } from "@/components/ui/input-field";
import { SUBSCRIPTION_CHOICES } from "@/lib/channels/subscription-input";
import type { FieldErrors } from "@/lib/form-errors";

type Choice = (typeof SUBSCRIPTION_CHOICES)[number]["value"];

/** What a channel posts: the choice, then only the fields that choice takes. */
export function SubscriptionFields({ errors = {} }: { errors?: FieldErrors }) {
  const [what, setWhat] = useState<Choice>("DAILY_TOP");
  const selectId = useId();
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-gray-200 p-3 dark:border-gray-800">
      <legend className="px-1 text-sm font-semibold">What it posts</legend>
      <div className="flex flex-col gap-1">
        <label htmlFor={selectId} className="text-sm font-medium">
          Post
        </label>
        <select
          id={selectId}
          name="what"
          value={what}
          onChange={(event) => setWhat(event.target.value as Choice)}
          className={fieldInputClass}
        >
          {SUBSCRIPTION_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      {what === "COMMENTS" ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">
          New comments on the papers this channel posted in the last 30 days go out hourly, under each paper.
        </p>
      ) : what === "GROUP_SESSIONS" ? (
        <InputField
          label="Reading group"
          name="group"
          required
          placeholder="nlp-club"
          hint="The group's address after /groups/. Each session is posted the day before it."
          error={errors.group}
        />
      ) : (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <InputField label="Papers a post" name="topN" type="number" min={1} max={50} defaultValue={10} required error={errors.topN} />
            {what === "DAILY_TOP" ? (
              <InputField
                label="Hour (UTC)"
                name="hourUtc"
                type="number"
                min={0}
                max={23}
                defaultValue={8}
                required
                hint="The newest day's top papers go out from this hour."
                error={errors.hourUtc}
              />
            ) : (
              <InputField
                label="Topic"
                name="topic"
                placeholder="diffusion OR “flow matching”"
                hint="Search words, as in the search box. New papers are posted hourly."
                error={errors.topic}
              />
            )}
          </div>
          <InputField
            label="Categories (optional)"
            name="categories"
            placeholder="cs.CL, cs.LG"
            hint="arXiv categories or archives, separated by commas."
            error={errors.categories}
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="code" className="size-4" /> Only papers with code
          </label>
        </>
      )}
    </fieldset>
  );
}
