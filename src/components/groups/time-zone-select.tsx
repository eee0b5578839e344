import { fieldInputClass, type FieldControlProps } from "@/components/ui/form-field";

/** A time zone picker; `choices` come from the server so the page hydrates with the same list. */
export function TimeZoneSelect({
  control,
  choices,
  defaultValue,
}: {
  control: FieldControlProps;
  choices: string[];
  defaultValue: string;
}) {
  return (
    <select {...control} name="timeZone" defaultValue={defaultValue} className={fieldInputClass}>
      {choices.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </select>
  );
}
