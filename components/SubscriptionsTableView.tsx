"use client";

import Link from "next/link";
import type { SubscriptionStatus } from "@/db/schema";
import { CancelControl, type OfferedCancel } from "./CancelControl";
import { SelectAllRows } from "./SelectAllRows";
import { StatusPill } from "./ui/StatusPill";

export interface SubscriptionRow {
  id: string;
  version: number;
  href: string;
  offerName: string;
  /** Publisher, add-on and trial, joined. */
  facts: string;
  quantity: string;
  status: SubscriptionStatus;
  statusLabel: string;
  /** "Cancellation scheduled for …". */
  scheduled: string | null;
  /** That a Microsoft offer is managed by suspending it (it has no Cancel). */
  managed: string | null;
  /** The Cancel control, when the user may cancel and the subscription can be. */
  cancel: OfferedCancel | null;
  /** The bulk change's checkbox and its label; null for an ended subscription (history only). */
  select: string | null;
  frequency: string;
  termEnd: string;
  autoRenew: string;
}

export interface SubscriptionColumns {
  subscription: string;
  quantity: string;
  status: string;
  frequency: string;
  termEnd: string;
  autoRenew: string;
}

/**
 * The customer's Subscriptions table, its words as props (SubscriptionsTable puts them together on
 * the server). A client component: as server markup every row was rendered into the RSC payload and
 * then that payload into HTML.
 */
export function SubscriptionsTableView({ columns, rows, bulkFormId }: { columns: SubscriptionColumns; rows: SubscriptionRow[]; bulkFormId?: string }) {
  const rowsKey = rows.map((r) => `${r.id}@${r.version}`).join(" ");
  return (
    <div className="overflow-x-auto">
      {bulkFormId && rows.some((r) => r.select !== null) && <SelectAllRows key={rowsKey} formId={bulkFormId} />}
      <table className="w-full text-left text-sm">
        <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
          <tr>
            <th scope="col" className="py-2 pr-3">{columns.subscription}</th>
            <th scope="col" className="py-2 pr-3 text-right">{columns.quantity}</th>
            <th scope="col" className="py-2 pr-3">{columns.status}</th>
            <th scope="col" className="py-2 pr-3">{columns.frequency}</th>
            <th scope="col" className="py-2 pr-3">{columns.termEnd}</th>
            <th scope="col" className="py-2">{columns.autoRenew}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-neutral-100 align-top last:border-0">
              <td className="py-3 pr-3">
                {/* The checkbox shares the name's cell: the columns stay as they are without bulk changes. */}
                <div className="flex items-start gap-3">
                  {bulkFormId &&
                    (row.select !== null ? (
                      <input type="checkbox" name="subscriptionId" value={`${row.id}@${row.version}`} form={bulkFormId} aria-label={row.select} className="mt-0.5 h-4 w-4 shrink-0" />
                    ) : (
                      <span className="h-4 w-4 shrink-0" />
                    ))}
                  <div>
                    <Link href={row.href} className="font-semibold text-brand-700 hover:underline">
                      {row.offerName}
                    </Link>
                    <span className="block text-xs text-neutral-600">{row.facts}</span>
                  </div>
                </div>
              </td>
              <td className="py-3 pr-3 text-right tabular-nums">{row.quantity}</td>
              <td className="py-3 pr-3">
                <StatusPill status={row.status} label={row.statusLabel} />
                {row.scheduled && <span className="mt-1 block text-xs text-amber-900">{row.scheduled}</span>}
                {row.cancel && <CancelControl subscriptionId={row.id} version={row.version} offerName={row.offerName} option={row.cancel} />}
                {row.managed && <span className="mt-1 block text-xs text-neutral-600">{row.managed}</span>}
              </td>
              <td className="py-3 pr-3">{row.frequency}</td>
              <td className="py-3 pr-3">{row.termEnd}</td>
              <td className="py-3">{row.autoRenew}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
