import type { Metadata } from "next";
import { getDb } from "@/db";
import { DomainError } from "@/lib/errors";
import { getClock, requireActor } from "@/lib/server/context";
import { pageOrNotFound } from "@/lib/server/not-found";
import { can, getSubscriptionDetail } from "@/lib/subscriptions";
import { CustomerHeader } from "@/components/CustomerHeader";
import { SubscriptionSummary } from "@/components/SubscriptionSummary";
import { SubscriptionOrder } from "@/components/SubscriptionOrder";
import { SubscriptionEditor } from "@/components/SubscriptionEditor";
import { ChargesTable } from "@/components/ChargesTable";
import { ActivityList } from "@/components/ActivityList";
import { Card } from "@/components/ui/Card";
import { getTranslations } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Subscription");
  return { title: t("title") };
}

export default async function SubscriptionPage({ params }: { params: Promise<{ customerId: string; subscriptionId: string }> }) {
  const actor = await requireActor();
  const { customerId, subscriptionId } = await params;
  const detail = pageOrNotFound(() => {
    const found = getSubscriptionDetail(getDb(), actor, getClock(actor.partnerId), subscriptionId);
    // A subscription reached under another customer's URL is not found there.
    if (found.customer.id !== customerId) throw new DomainError("not_found:subscription");
    return found;
  });
  const t = await getTranslations("Subscription");
  return (
    <div className="space-y-6">
      <CustomerHeader customer={detail.customer} current={detail.offer.name} />
      <SubscriptionSummary detail={detail} canSeeCharges={can(actor, "view_billing")} />
      <SubscriptionOrder detail={detail} />
      <SubscriptionEditor
        detail={detail}
        permissions={{
          quantity: can(actor, "change_quantity"),
          suspend: can(actor, "suspend"),
          reactivate: can(actor, "reactivate"),
          autoRenew: can(actor, "change_auto_renew"),
          addOns: can(actor, "buy_addons"),
        }}
      />
      {can(actor, "view_billing") && (
        <Card title={t("charges")} titleId="charges">
          <ChargesTable entries={detail.ledger} />
        </Card>
      )}
      {can(actor, "view_activity") && (
        <Card title={t("activity")} titleId="activity">
          <ActivityList entries={detail.activity} />
        </Card>
      )}
    </div>
  );
}
