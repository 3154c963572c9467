import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { getClock, requireActor } from "@/lib/server/context";
import { pageOrNotFound } from "@/lib/server/not-found";
import { getCustomer, getOrderDetail } from "@/lib/subscriptions";
import { formatDate, formatDateTime, FREQUENCY_LABELS } from "@/lib/format";
import { CustomerHeader } from "@/components/CustomerHeader";
import { dueLabel, LineCharges, OrderTotals } from "@/components/OrderCharges";
import { orderReference, SetupLink } from "@/components/SetupLink";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { ButtonLink } from "@/components/ui/Button";

export const metadata: Metadata = { title: "Order" };

/** The confirmation after Buy, and each order's page from the customer's **Orders**. */
export default async function OrderPage({ params }: { params: Promise<{ customerId: string; orderId: string }> }) {
  const actor = await requireActor();
  const { customerId, orderId } = await params;
  const db = getDb();
  const { customer, detail } = pageOrNotFound(() => ({ customer: getCustomer(db, actor, customerId), detail: getOrderDetail(db, actor, getClock(actor.partnerId), customerId, orderId) }));
  const due = dueLabel(detail.order.placedAt, detail.now);
  const hasSetup = detail.lines.some((l) => l.setupUrl);
  return (
    <div className="space-y-4">
      <CustomerHeader customer={customer} current={orderReference(detail.order.id)} />
      <Alert tone="success" title="Your order has been placed">
        {orderReference(detail.order.id)} placed {formatDateTime(detail.order.placedAt)}
        {detail.placedBy && ` by ${detail.placedBy}`}.
      </Alert>
      {detail.charges && <OrderTotals charges={detail.charges} due={due} />}
      <Card title="Subscriptions created" titleId="created">
        <ul className="divide-y divide-neutral-100">
          {detail.lines.map((line) => {
            const { subscription: s, offer } = line;
            return (
              <li key={s.id} className="py-3 text-sm">
                <Link href={`/customers/${customer.id}/subscriptions/${s.id}`} className="font-semibold text-brand-700 hover:underline">
                  {offer.name}
                </Link>
                <span className="text-neutral-600">
                  {" "}
                  · {line.orderedQuantity} {line.orderedQuantity === 1 ? "license" : "licenses"} · {FREQUENCY_LABELS[s.billingFrequency]} · Auto-renew {s.autoRenew ? "on" : "off"}
                </span>
                {s.trialEndsAt && (
                  <p className="mt-1 text-brand-800">
                    Free trial ends {formatDate(s.trialEndsAt)}. The paid term begins {formatDate(line.paidTermStartsAt)}, when the subscription converts to paid status.
                  </p>
                )}
                <LineCharges line={line} due={due} />
                {line.setupUrl && <SetupLink url={line.setupUrl} offerName={offer.name} />}
              </li>
            );
          })}
        </ul>
      </Card>
      {hasSetup && (
        <Alert tone="info" title="Note">
          Neither you nor your customer will receive an email with instructions to complete account set up/provisioning for this type of ISV subscription. The setup link also stays on each subscription&apos;s page.
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        <ButtonLink href={`/customers/${customer.id}`}>Go to Subscriptions</ButtonLink>
        <ButtonLink variant="secondary" href={`/customers/${customer.id}/orders`}>
          All orders
        </ButtonLink>
      </div>
    </div>
  );
}
