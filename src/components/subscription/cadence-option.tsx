import { RadioCard } from "@/components/ui/radio-card";
import { CADENCE_LABELS, type Cadence } from "@/lib/subscription";

export interface CadenceOptionProps {
  name: string;
  cadence: Cadence;
  defaultChecked?: boolean;
  checked?: boolean;
  onSelect?: (cadence: Cadence) => void;
}

/** One radio card of the "How often" choice, with the cadence's name and description. */
export function CadenceOption({ name, cadence, defaultChecked, checked, onSelect }: CadenceOptionProps) {
  return (
    <RadioCard
      name={name}
      value={cadence}
      label={CADENCE_LABELS[cadence].name}
      description={CADENCE_LABELS[cadence].description}
      defaultChecked={defaultChecked}
      checked={checked}
      onSelect={onSelect ? () => onSelect(cadence) : undefined}
    />
  );
}
