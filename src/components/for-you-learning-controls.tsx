"use client";

import { useActionState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { resetLearningAction, setLearningPausedAction, type LearningActionState } from "@/server/recs/actions";

function Outcome({ state }: { state: LearningActionState }) {
  return (
    <p
      aria-live="polite"
      className={`text-sm ${state?.ok === false ? "text-red-700 dark:text-red-400" : "text-gray-700 dark:text-gray-300"}`}
    >
      {state?.message}
    </p>
  );
}

/** /me's "Pause learning" / "Resume learning" and "Forget what it learned": plain forms, so they work without JavaScript. */
export function ForYouLearningControls({ paused, hasSignals }: { paused: boolean; hasSignals: boolean }) {
  const [pauseState, pauseAction, pausing] = useActionState(setLearningPausedAction, null);
  const [resetState, resetAction, resetting] = useActionState(resetLearningAction, null);
  return (
    <div className="mt-4 flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <form action={pauseAction}>
          <input type="hidden" name="paused" value={paused ? "0" : "1"} />
          <button type="submit" disabled={pausing} className={buttonClasses({ tone: "secondary", size: "sm" })}>
            {paused ? "Resume learning" : "Pause learning"}
          </button>
        </form>
        {hasSignals && (
          <form action={resetAction}>
            <button
              type="submit"
              disabled={resetting}
              data-testid="reset-learning"
              className={buttonClasses({ tone: "secondary", size: "sm" })}
            >
              Forget what it learned
            </button>
          </form>
        )}
      </div>
      <Outcome state={pauseState ?? resetState} />
    </div>
  );
}
