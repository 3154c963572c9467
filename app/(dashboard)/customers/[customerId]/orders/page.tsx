import type { Metadata } from "next";
import { getDb } from "@/db";
import { requireActor } from "@/lib/server/context";
import { pageOrNotFound } from "@/lib/server/not-found";
import { can, getCustomer, listOrders } from "@/lib/subscriptions";
import { subscriptionListParamsSchema } from "@/lib/validation";
import { CustomerHeader } from "@/components/CustomerHeader";
import { OrdersTable } from "@/components/OrdersTable";
import { Card } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { getTranslations } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Orders");
  return { title: t("title") };
}

export default async function OrdersPage({ params, searchParams }: { params: Promise<{ customerId: string }>; searchParams: Promise<{ page?: string | string[]; cursor?: string | string[] }> }) {
  const actor = await requireActor();
  const t = await getTranslations("Orders");
  const { customerId } = await params;
  // The same ?page= / ?cursor= rule as the customer's Subscriptions list.
  const { page, cursor } = subscriptionListParamsSchema.parse(await searchParams);
  const db = getDb();
  const { customer, orders } = pageOrNotFound(() => ({ customer: getCustomer(db, actor, customerId), orders: listOrders(db, actor, customerId, { page, cursor }) }));
  return (
    <div className="space-y-6">
      <CustomerHeader customer={customer} current={t("title")} />
      <Card title={t("title")} titleId="orders">
        <OrdersTable customerId={customer.id} items={orders.items} showCharges={can(actor, "view_billing")} />
        <Pagination
          page={orders.page}
          pageCount={orders.pageCount}
          items={t("count", { count: orders.total })}
          params={{}}
          basePath={`/customers/${customer.id}/orders`}
          cursors={{ prev: orders.prevCursor, next: orders.nextCursor }}
        />
      </Card>
    </div>
  );
}
