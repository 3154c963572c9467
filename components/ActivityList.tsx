import type { ActivityRow } from "@/lib/subscriptions";
import { formatDate, formatDateTime } from "@/lib/format";
import { ROLE_LABELS } from "@/lib/subscriptions/shared";
import type { Role } from "@/db/schema";

const ACTION_LABELS: Record<string, string> = {
  purchase: "Purchased",
  quantity: "Quantity changed",
  addon: "Add-on purchased",
  suspend: "Suspended",
  reactivate: "Reactivated",
  cancel: "Cancelled",
  cancel_scheduled: "Cancellation scheduled",
  deprovision: "De-provisioned",
  auto_renew: "Auto-renew changed",
  conversion: "Trial converted to paid",
  renewal: "Renewed",
  expiry: "Expired",
  deletion: "Deleted",
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/** Before/after values in words: dates formatted, codes as labels. */
function values(v: Record<string, unknown> | null): string {
  if (!v) return "—";
  // A value that was never given (a suspension without a reason) says nothing, not "reason: null".
  return Object.entries(v)
    .filter(([, x]) => x !== null && x !== undefined)
    .map(([key, x]) => {
      const label = key.replace(/([A-Z])/g, " $1").toLowerCase();
      const value = typeof x === "string" && ISO_INSTANT.test(x) ? formatDate(x) : typeof x === "string" ? x.replace(/_/g, " ") : String(x);
      return `${label}: ${value}`;
    })
    .join(", ");
}

/** Who changed what and when, newest first. */
export function ActivityList({ entries, showSubscription }: { entries: ActivityRow[]; showSubscription?: (e: ActivityRow) => React.ReactNode }) {
  if (entries.length === 0) return <p className="text-sm text-neutral-600">No activity recorded.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
        <tr>
          <th scope="col" className="py-2 pr-3">When</th>
          <th scope="col" className="py-2 pr-3">Who</th>
          {showSubscription && <th scope="col" className="py-2 pr-3">Subscription</th>}
          <th scope="col" className="py-2 pr-3">What</th>
          <th scope="col" className="py-2 pr-3">Before</th>
          <th scope="col" className="py-2">After</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} className="border-b border-neutral-100 align-top">
            <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(e.at)}</td>
            <td className="py-2 pr-3">
              {e.actorName}
              {e.actorRole && <span className="block text-xs text-neutral-600">{ROLE_LABELS[e.actorRole as Role] ?? e.actorRole}</span>}
            </td>
            {showSubscription && <td className="py-2 pr-3">{showSubscription(e)}</td>}
            <td className="py-2 pr-3 font-semibold">{ACTION_LABELS[e.action] ?? e.action}</td>
            <td className="py-2 pr-3 text-xs text-neutral-700">{values(e.before)}</td>
            <td className="py-2 text-xs text-neutral-700">{values(e.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
