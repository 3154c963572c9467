import type { Metadata } from "next";
import { getDb } from "@/db";
import { getClock, requireActor } from "@/lib/server/context";
import { pageOrNotFound } from "@/lib/server/not-found";
import { bulkChoicesFor } from "@/lib/server/bulk-choices";
import { can, getCustomer, listSubscriptions, MAX_BULK_ROWS, nextInvoice } from "@/lib/subscriptions";
import { CustomerHeader } from "@/components/CustomerHeader";
import { SubscriptionsTable } from "@/components/SubscriptionsTable";
import { BulkChangeForm } from "@/components/BulkChangeForm";
import { NextInvoice } from "@/components/NextInvoice";
import { Pagination } from "@/components/ui/Pagination";
import { buttonClass, ButtonLink } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { subscriptionListParamsSchema } from "@/lib/validation";
import { getTranslations } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Customer");
  return { title: t("title") };
}

export default async function CustomerPage({ params, searchParams }: { params: Promise<{ customerId: string }>; searchParams: Promise<{ page?: string | string[]; cursor?: string | string[] }> }) {
  const actor = await requireActor();
  const t = await getTranslations("Customer.subscriptions");
  const { customerId } = await params;
  const { page, cursor } = subscriptionListParamsSchema.parse(await searchParams);
  const db = getDb();
  const clock = getClock(actor.partnerId);
  const { customer, subscriptions, invoice } = pageOrNotFound(() => ({
    customer: getCustomer(db, actor, customerId),
    subscriptions: listSubscriptions(db, actor, clock, customerId, { page, cursor }),
    invoice: can(actor, "view_billing") ? nextInvoice(db, actor, clock, customerId) : null,
  }));
  const bulkChoices = bulkChoicesFor(actor);
  // A role that can change nothing sees no checkboxes and no form.
  const bulkFormId = bulkChoices.length > 0 && subscriptions.items.length > 0 ? "bulk-change" : undefined;
  return (
    <div className="space-y-6">
      <CustomerHeader customer={customer} />
      <Card
        title={t("title")}
        titleId="subscriptions"
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink variant="secondary" href={`/customers/${customer.id}/orders`}>
              {t("orders")}
            </ButtonLink>
            {/* A file download, not a page: a plain link (next/link would try to route to it). */}
            <a className={buttonClass("secondary")} href={`/api/exports/customers/${encodeURIComponent(customer.id)}/subscriptions`} download>
              {t("download")}
            </a>
            {can(actor, "buy") && <ButtonLink href={`/customers/${customer.id}/catalog`}>{t("add")}</ButtonLink>}
          </div>
        }
      >
        {bulkFormId && (
          <BulkChangeForm
            formId={bulkFormId}
            choices={bulkChoices}
            maxRows={MAX_BULK_ROWS}
            rowLabels={Object.fromEntries(subscriptions.items.map(({ subscription, offer }) => [subscription.id, offer.name]))}
          />
        )}
        <SubscriptionsTable customerId={customer.id} items={subscriptions.items} canCancel={can(actor, "cancel")} bulkFormId={bulkFormId} />
        <Pagination
          page={subscriptions.page}
          pageCount={subscriptions.pageCount}
          items={t("count", { count: subscriptions.total })}
          params={{}}
          basePath={`/customers/${customer.id}`}
          cursors={{ prev: subscriptions.prevCursor, next: subscriptions.nextCursor }}
        />
      </Card>
      {invoice && <NextInvoice invoice={invoice} customerId={customer.id} />}
    </div>
  );
}
