import { Button, type ButtonStyle } from "@/components/ui/button";

export interface SubmitButtonProps extends Pick<ButtonStyle, "tone" | "className"> {
  pending: boolean;
  /** Shown while the form is being submitted, e.g. "Sending…". */
  pendingLabel: string;
  children: React.ReactNode;
}

/** A form's submit button that disables itself and says what is happening while pending. */
export function SubmitButton({ pending, pendingLabel, children, tone, className }: SubmitButtonProps) {
  return (
    <Button type="submit" disabled={pending} tone={tone} className={className}>
      {pending ? pendingLabel : children}
    </Button>
  );
}
