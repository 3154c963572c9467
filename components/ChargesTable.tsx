import { useLocale } from "next-intl";
import { chargeDescription } from "@/lib/charge-text";
import { formattersFor } from "@/lib/format";
import type { LedgerLine } from "@/lib/subscriptions";
import { useTranslations } from "@/lib/server/i18n";
import { ChargesTableView } from "./ChargesTableView";

/**
 * Charges and credits, each with its Charge start date and Charge end date; with a total when given.
 * Worded here in the reader's language, drawn by ChargesTableView.
 */
export function ChargesTable({ entries, total, empty }: { entries: LedgerLine[]; total?: { amountMinor: number; currency: string }; empty?: string }) {
  const t = useTranslations("Customer.charges");
  const describe = useTranslations("Customer.chargeDescription");
  const f = formattersFor(useLocale());
  if (entries.length === 0) return <p className="text-sm text-neutral-600">{empty ?? t("empty")}</p>;
  const rows = entries.map((e) => ({
    id: e.id,
    posted: f.date(e.postedAt),
    description: chargeDescription(describe, e),
    chargeStart: f.date(e.chargeStart),
    chargeEnd: f.date(e.chargeEnd),
    quantity: f.number(e.quantity),
    amount: f.money(e.amountMinor, e.currency),
    credit: e.amountMinor < 0,
  }));
  const columns = { posted: t("posted"), description: t("description"), chargeStart: t("chargeStart"), chargeEnd: t("chargeEnd"), quantity: t("quantity"), amount: t("amount") };
  return <ChargesTableView columns={columns} rows={rows} total={total ? { label: t("total"), amount: f.money(total.amountMinor, total.currency) } : null} />;
}
