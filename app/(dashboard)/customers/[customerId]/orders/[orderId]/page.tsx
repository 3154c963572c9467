import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { requireActor } from "@/lib/server/context";
import { pageOrNotFound } from "@/lib/server/not-found";
import { getCustomer, getOrder, isCommercialMarketplace } from "@/lib/subscriptions";
import { formatDate, formatDateTime, formatMoney, FREQUENCY_LABELS } from "@/lib/format";
import { CustomerHeader } from "@/components/CustomerHeader";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { ButtonLink } from "@/components/ui/Button";

export const metadata: Metadata = { title: "Order confirmation" };

export default async function OrderPage({ params }: { params: Promise<{ customerId: string; orderId: string }> }) {
  const actor = await requireActor();
  const { customerId, orderId } = await params;
  const db = getDb();
  const { customer, confirmation } = pageOrNotFound(() => ({ customer: getCustomer(db, actor, customerId), confirmation: getOrder(db, actor, customerId, orderId) }));
  const hasIsv = confirmation.lines.some((l) => isCommercialMarketplace(l.offer) && l.offer.setupUrl);
  return (
    <div className="space-y-4">
      <CustomerHeader customer={customer} current="Order confirmation" />
      <Alert tone="success" title="Your order has been placed">
        Order {confirmation.order.id.slice(0, 8)} placed {formatDateTime(confirmation.order.placedAt)} · total {formatMoney(confirmation.order.totalMinor, confirmation.order.currency)}
      </Alert>
      <Card title="Subscriptions created" titleId="created">
        <ul className="divide-y divide-neutral-100">
          {confirmation.lines.map(({ subscription: s, offer }) => (
            <li key={s.id} className="py-3 text-sm">
              <Link href={`/customers/${customer.id}/subscriptions/${s.id}`} className="font-semibold text-brand-700 hover:underline">
                {offer.name}
              </Link>
              <span className="text-neutral-600">
                {" "}
                · {s.quantity} {s.quantity === 1 ? "license" : "licenses"} · {FREQUENCY_LABELS[s.billingFrequency]} · Auto-renew {s.autoRenew ? "on" : "off"}
              </span>
              {s.trialEndsAt && (
                <p className="mt-1 text-brand-800">
                  Free trial ends {formatDate(s.trialEndsAt)}. The paid term begins {formatDate(s.termStart)}, when the subscription converts to paid status.
                </p>
              )}
              {isCommercialMarketplace(offer) && offer.setupUrl && (
                <p className="mt-1">
                  <a href={offer.setupUrl} target="_blank" rel="noreferrer" className="font-semibold text-brand-700 underline">
                    Complete setup on the publisher&apos;s site
                  </a>{" "}
                  <span className="text-neutral-600">to finish the deployment or account setup of {offer.name}.</span>
                </p>
              )}
            </li>
          ))}
        </ul>
      </Card>
      {hasIsv && (
        <Alert tone="info" title="Note">
          Neither you nor your customer will receive an email with instructions to complete account set up/provisioning for this type of ISV subscription.
        </Alert>
      )}
      <ButtonLink href={`/customers/${customer.id}`}>Go to Subscriptions</ButtonLink>
    </div>
  );
}
