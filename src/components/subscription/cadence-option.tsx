import { CADENCE_LABELS, type Cadence } from "@/lib/subscription";

export interface CadenceOptionProps {
  name: string;
  cadence: Cadence;
  /** Uncontrolled (server-rendered form) or controlled (client form) selection. */
  defaultChecked?: boolean;
  checked?: boolean;
  onSelect?: (cadence: Cadence) => void;
}

/** One radio card of the "How often" choice, with the cadence's name and description. */
export function CadenceOption({ name, cadence, defaultChecked, checked, onSelect }: CadenceOptionProps) {
  return (
    <label className="flex cursor-pointer gap-3 rounded-lg border border-gray-200 bg-white p-3 has-checked:border-indigo-500 has-checked:ring-1 has-checked:ring-indigo-500 dark:border-gray-700 dark:bg-gray-900">
      <input
        type="radio"
        name={name}
        value={cadence}
        defaultChecked={defaultChecked}
        checked={checked}
        onChange={onSelect ? () => onSelect(cadence) : undefined}
        // Drawn here rather than by the browser: the native unchecked radio nearly vanishes on a dark card.
        className="mt-1 size-4 shrink-0 cursor-pointer appearance-none rounded-full border-2 border-gray-500 bg-white checked:border-[5px] checked:border-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-gray-400 dark:bg-gray-900 dark:checked:border-indigo-400"
      />
      <span>
        <span className="block font-medium text-gray-900 dark:text-gray-100">{CADENCE_LABELS[cadence].name}</span>
        <span className="block text-sm text-gray-600 dark:text-gray-400">{CADENCE_LABELS[cadence].description}</span>
      </span>
    </label>
  );
}
