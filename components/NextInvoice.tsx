import { useLocale } from "next-intl";
import type { Invoice } from "@/lib/subscriptions";
import { formattersFor } from "@/lib/format";
import { ChargesTable } from "./ChargesTable";
import { Card } from "./ui/Card";
import { buttonClass } from "./ui/Button";
import { useTranslations } from "@/lib/server/i18n";

/** The customer's next invoice as it stands: charges and credits posted since the last one. */
export function NextInvoice({ invoice, customerId }: { invoice: Invoice; customerId: string }) {
  const t = useTranslations("Customer.invoice");
  const f = formattersFor(useLocale());
  const actions = (
    <span className="flex items-center gap-3 text-sm text-neutral-600">
      {t("since", { date: f.date(invoice.periodStart) })}
      <a className={buttonClass("secondary")} href={`/api/exports/customers/${encodeURIComponent(customerId)}/invoice`} download>
        {t("download")}
      </a>
    </span>
  );
  return (
    <Card title={t("title")} titleId="next-invoice" actions={actions}>
      <ChargesTable entries={invoice.lines} total={{ amountMinor: invoice.totalMinor, currency: invoice.currency }} empty={t("empty")} />
    </Card>
  );
}
