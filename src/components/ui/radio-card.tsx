export interface RadioCardProps {
  name: string;
  value: string;
  label: string;
  description: string;
  /** Uncontrolled (server-rendered form) or controlled (client form) selection. */
  defaultChecked?: boolean;
  checked?: boolean;
  onSelect?: () => void;
}

/** One radio choice drawn as a card, with its name and a line of description. */
export function RadioCard({ name, value, label, description, defaultChecked, checked, onSelect }: RadioCardProps) {
  return (
    <label className="flex cursor-pointer gap-3 rounded-lg border border-gray-200 bg-white p-3 has-checked:border-indigo-500 has-checked:ring-1 has-checked:ring-indigo-500 dark:border-gray-700 dark:bg-gray-900">
      <input
        type="radio"
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        checked={checked}
        onChange={onSelect}
        // Drawn here rather than by the browser: the native unchecked radio nearly vanishes on a dark card.
        className="mt-1 size-4 shrink-0 cursor-pointer appearance-none rounded-full border-2 border-gray-500 bg-white checked:border-[5px] checked:border-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-gray-400 dark:bg-gray-900 dark:checked:border-indigo-400"
      />
      <span>
        <span className="block font-medium text-gray-900 dark:text-gray-100">{label}</span>
        <span className="block text-sm text-gray-600 dark:text-gray-400">{description}</span>
      </span>
    </label>
  );
}
