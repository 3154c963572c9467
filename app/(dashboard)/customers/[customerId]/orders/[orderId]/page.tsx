import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { getClock, requireActor } from "@/lib/server/context";
import { getFormat, getTranslations } from "@/lib/server/i18n";
import { pageOrNotFound } from "@/lib/server/not-found";
import { getCustomer, getOrderDetail } from "@/lib/subscriptions";
import { CustomerHeader } from "@/components/CustomerHeader";
import { dueKey, LineCharges, OrderTotals } from "@/components/OrderCharges";
import { orderShortId, SetupLink } from "@/components/SetupLink";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { ButtonLink } from "@/components/ui/Button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Orders.order");
  return { title: t("title") };
}

/** The confirmation after Buy, and each order's page from the customer's **Orders**. */
export default async function OrderPage({ params }: { params: Promise<{ customerId: string; orderId: string }> }) {
  const actor = await requireActor();
  const { customerId, orderId } = await params;
  const t = await getTranslations("Orders");
  const labels = await getTranslations("Labels");
  const f = await getFormat();
  const db = getDb();
  const { customer, detail } = pageOrNotFound(() => ({ customer: getCustomer(db, actor, customerId), detail: getOrderDetail(db, actor, getClock(actor.partnerId), customerId, orderId) }));
  const due = t(`charges.${dueKey(detail.order.placedAt, detail.now)}`);
  const hasSetup = detail.lines.some((l) => l.setupUrl);
  const reference = t("reference", { id: orderShortId(detail.order.id) });
  const placed = { reference, date: f.dateTime(detail.order.placedAt) };
  return (
    <div className="space-y-4">
      <CustomerHeader customer={customer} current={reference} />
      <Alert tone="success" title={t("order.placedTitle")}>
        {detail.placedBy ? t("order.placedBy", { ...placed, name: detail.placedBy }) : t("order.placed", placed)}
      </Alert>
      {detail.charges && <OrderTotals charges={detail.charges} due={due} />}
      <Card title={t("order.created")} titleId="created">
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
                  · {t("order.licenses", { count: line.orderedQuantity })} · {labels(`frequency.${s.billingFrequency}`)} · {s.autoRenew ? t("order.autoRenewOn") : t("order.autoRenewOff")}
                </span>
                {s.trialEndsAt && <p className="mt-1 text-brand-800">{t("order.trial", { trialEnd: f.date(s.trialEndsAt), paidTermStart: f.date(line.paidTermStartsAt) })}</p>}
                <LineCharges line={line} due={due} />
                {line.setupUrl && <SetupLink url={line.setupUrl} offerName={offer.name} />}
              </li>
            );
          })}
        </ul>
      </Card>
      {hasSetup && (
        <Alert tone="info" title={t("order.noteTitle")}>
          {t("order.note")}
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        <ButtonLink href={`/customers/${customer.id}`}>{t("order.toSubscriptions")}</ButtonLink>
        <ButtonLink variant="secondary" href={`/customers/${customer.id}/orders`}>
          {t("order.allOrders")}
        </ButtonLink>
      </div>
    </div>
  );
}
