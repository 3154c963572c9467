import type { ReactNode } from "react";
import { useTranslations } from "@/lib/server/i18n";

/** A chart's numbers as a real table, behind "Show as table": the same figures for readers and keyboards. */
export function ChartTable({ caption, head, rows }: { caption: string; head: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  const t = useTranslations("Home");
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-semibold text-brand-700">{t("showAsTable")}</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
            <tr>
              {head.map((h, i) => (
                <th key={h} scope="col" className={`py-2 pr-3 ${i > 0 ? "text-right" : ""}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-b border-neutral-100">
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="py-2 pr-3 font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="py-2 pr-3 text-right tabular-nums">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
