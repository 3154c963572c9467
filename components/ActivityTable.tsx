"use client";

import Link from "next/link";

export interface ActivityTableRow {
  id: number;
  when: string;
  who: string;
  role: string | null;
  /** The entry's subscription, in the partner's whole log. */
  subscription: { href: string; offer: string; customer: string | null } | null;
  what: string;
  before: string;
  after: string;
}

/**
 * The activity log's table, its words as props. A client component: as server markup each row (25 on
 * a page of the log, a link in each) was rendered into the RSC payload and then that payload into HTML.
 */
export function ActivityTable({ columns, rows }: { columns: { when: string; who: string; subscription: string | null; what: string; before: string; after: string }; rows: ActivityTableRow[] }) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
        <tr>
          <th scope="col" className="py-2 pr-3">{columns.when}</th>
          <th scope="col" className="py-2 pr-3">{columns.who}</th>
          {columns.subscription && <th scope="col" className="py-2 pr-3">{columns.subscription}</th>}
          <th scope="col" className="py-2 pr-3">{columns.what}</th>
          <th scope="col" className="py-2 pr-3">{columns.before}</th>
          <th scope="col" className="py-2">{columns.after}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-b border-neutral-100 align-top">
            <td className="py-2 pr-3 whitespace-nowrap">{row.when}</td>
            <td className="py-2 pr-3">
              {row.who}
              {row.role && <span className="block text-xs text-neutral-600">{row.role}</span>}
            </td>
            {row.subscription && (
              <td className="py-2 pr-3">
                <Link href={row.subscription.href} className="text-brand-700 underline">
                  {row.subscription.offer}
                  <span className="block text-xs text-neutral-600 no-underline">{row.subscription.customer}</span>
                </Link>
              </td>
            )}
            <td className="py-2 pr-3 font-semibold">{row.what}</td>
            <td className="py-2 pr-3 text-xs text-neutral-700">{row.before}</td>
            <td className="py-2 text-xs text-neutral-700">{row.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
