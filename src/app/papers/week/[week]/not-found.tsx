import { PeriodNotFound } from "@/components/period-not-found";

export default function NotFound() {
  return <PeriodNotFound kind="week" />;
}
