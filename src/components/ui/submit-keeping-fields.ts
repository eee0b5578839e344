import { startTransition, type FormEvent } from "react";

/**
 * A submit handler that runs a form action without React's reset of the form's fields, for forms
 * whose refusals are shown next to the fields: what was typed stays there to be corrected. The
 * form is cleared only once the action succeeds.
 */
export function submitKeepingFields<State extends { ok: boolean } | null>(action: (formData: FormData) => void | Promise<State>) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const formData = new FormData(form);
    startTransition(async () => {
      const state = await action(formData);
      if (state?.ok) form.reset();
    });
  };
}
