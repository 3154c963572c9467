"use client";

/** Each column's heading; a row has the same fields, its cells. */
export type ChargeColumns = Record<"posted" | "description" | "chargeStart" | "chargeEnd" | "quantity" | "amount", string>;

export interface ChargeRow extends ChargeColumns {
  id: string;
  /** A credit (a negative amount), shown in green. */
  credit: boolean;
}

/**
 * Charges and credits, their words as props (ChargesTable puts them together on the server). A client
 * component: as server markup every line went through the RSC payload and then into HTML.
 */
export function ChargesTableView({ columns, rows, total }: { columns: ChargeColumns; rows: ChargeRow[]; total: { label: string; amount: string } | null }) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
        <tr>
          <th scope="col" className="py-2 pr-3">{columns.posted}</th>
          <th scope="col" className="py-2 pr-3">{columns.description}</th>
          <th scope="col" className="py-2 pr-3">{columns.chargeStart}</th>
          <th scope="col" className="py-2 pr-3">{columns.chargeEnd}</th>
          <th scope="col" className="py-2 pr-3 text-right">{columns.quantity}</th>
          <th scope="col" className="py-2 text-right">{columns.amount}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-b border-neutral-100">
            <td className="py-2 pr-3">{row.posted}</td>
            <td className="py-2 pr-3">{row.description}</td>
            <td className="py-2 pr-3">{row.chargeStart}</td>
            <td className="py-2 pr-3">{row.chargeEnd}</td>
            <td className="py-2 pr-3 text-right tabular-nums">{row.quantity}</td>
            <td className={`py-2 text-right tabular-nums ${row.credit ? "text-green-800" : ""}`}>{row.amount}</td>
          </tr>
        ))}
      </tbody>
      {total && (
        <tfoot>
          <tr>
            <th scope="row" colSpan={5} className="pt-3 text-right font-semibold">
              {total.label}
            </th>
            <td className="pt-3 text-right font-semibold tabular-nums">{total.amount}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
