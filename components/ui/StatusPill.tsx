import type { SubscriptionStatus } from "@/db/schema";

const TONES: Record<SubscriptionStatus, string> = {
  active: "bg-green-100 text-green-900",
  suspended: "bg-amber-100 text-amber-900",
  cancelled: "bg-neutral-200 text-neutral-800",
  expired: "bg-neutral-200 text-neutral-800",
  deleted: "bg-red-100 text-red-900",
};

/** A subscription's status as a coloured pill, its label already in the reader's language. */
export function StatusPill({ status, label }: { status: SubscriptionStatus; label: string }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${TONES[status]}`}>{label}</span>;
}
