import type { Invoice } from "@/lib/subscriptions";
import { formatDate } from "@/lib/format";
import { ChargesTable } from "./ChargesTable";
import { Card } from "./ui/Card";

/** The customer's next invoice as it stands: charges and credits posted since the last one. */
export function NextInvoice({ invoice }: { invoice: Invoice }) {
  return (
    <Card title="Next invoice" titleId="next-invoice" actions={<span className="text-sm text-neutral-600">Charges since {formatDate(invoice.periodStart)}</span>}>
      <ChargesTable entries={invoice.lines} total={{ amountMinor: invoice.totalMinor, currency: invoice.currency }} empty="No charges or credits yet in this billing period." />
    </Card>
  );
}
