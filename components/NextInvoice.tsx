import type { Invoice } from "@/lib/subscriptions";
import { formatDate } from "@/lib/format";
import { ChargesTable } from "./ChargesTable";
import { Card } from "./ui/Card";
import { buttonClass } from "./ui/Button";

/** The customer's next invoice as it stands: charges and credits posted since the last one. */
export function NextInvoice({ invoice, customerId }: { invoice: Invoice; customerId: string }) {
  const actions = (
    <span className="flex items-center gap-3 text-sm text-neutral-600">
      Charges since {formatDate(invoice.periodStart)}
      <a className={buttonClass("secondary")} href={`/api/exports/customers/${encodeURIComponent(customerId)}/invoice`} download>
        Download CSV
      </a>
    </span>
  );
  return (
    <Card title="Next invoice" titleId="next-invoice" actions={actions}>
      <ChargesTable entries={invoice.lines} total={{ amountMinor: invoice.totalMinor, currency: invoice.currency }} empty="No charges or credits yet in this billing period." />
    </Card>
  );
}
