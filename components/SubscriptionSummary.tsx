import Link from "next/link";
import { useLocale } from "next-intl";
import type { SubscriptionDetail } from "@/lib/subscriptions";
import { licensesApply, nextRenewalDate } from "@/lib/subscriptions/shared";
import { formattersFor } from "@/lib/format";
import { Alert } from "./ui/Alert";
import { StatusBadge } from "./ui/StatusBadge";
import { useTranslations } from "@/lib/server/i18n";

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase text-neutral-600">{label}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

/**
 * The subscription at a glance. Money is shown only to roles that may see charges (`view_billing`):
 * for the others the ledger is not read at all, and "Charges so far: $0.00" would be untrue.
 */
export function SubscriptionSummary({ detail, canSeeCharges }: { detail: SubscriptionDetail; canSeeCharges: boolean }) {
  const t = useTranslations("Subscription.summary");
  const labels = useTranslations("Labels");
  const f = formattersFor(useLocale());
  const { subscription: s, offer, base, ledger, now } = detail;
  const inTrial = s.trialEndsAt && !s.trialConvertedAt;
  const charged = ledger.reduce((total, l) => total + l.amountMinor, 0);
  const suspended = { date: s.suspendedAt ? f.date(s.suspendedAt) : "", deletionDate: s.deletionAt ? f.date(s.deletionAt) : "" };
  return (
    <section aria-label={t("label")} className="space-y-3">
      {s.status === "suspended" && (
        <Alert tone="warning" title={t("suspendedTitle")}>
          {s.suspensionReason ? t("suspendedWithReason", { ...suspended, reason: labels(`suspensionReason.${s.suspensionReason}`) }) : t("suspended", suspended)}
          {s.suspendedWithBase && ` ${t("suspendedWithBase")}`}
        </Alert>
      )}
      {s.status === "deleted" && <Alert tone="error" title={t("deletedTitle")}>{t("deleted")}</Alert>}
      {s.status === "active" && s.cancellationScheduledAt && <Alert tone="warning" title={t("cancellationScheduledTitle", { date: f.date(s.cancellationScheduledAt) })}>{t("cancellationScheduled")}</Alert>}
      {s.status === "active" && s.scheduledQuantity !== null && <Alert tone="info">{t("quantityScheduled", { quantity: s.scheduledQuantity, date: f.date(s.termEnd) })}</Alert>}
      <dl className="grid grid-cols-2 gap-4 rounded-lg border border-neutral-200 bg-white p-5 shadow-sm md:grid-cols-4">
        <Item label={t("offer")}>{offer.name}</Item>
        <Item label={t("publisher")}>{offer.publisherName}</Item>
        <Item label={t("status")}>
          <StatusBadge status={s.status} />
        </Item>
        <Item label={t("quantity")}>{licensesApply(offer) ? t("licenses", { count: s.quantity }) : t("usageBased")}</Item>
        <Item label={t("billingFrequency")}>{labels(`frequency.${s.billingFrequency}`)}</Item>
        <Item label={t("category")}>{labels(`category.${offer.category}`)}</Item>
        <Item label={t("termStart")}>{f.date(s.termStart)}</Item>
        <Item label={t("termEnd")}>{f.date(s.termEnd)}</Item>
        {(s.status === "active" || s.status === "suspended") && (
          <Item label={t("autoRenew")}>
            {!s.autoRenew ? t("autoRenewOff", { date: f.date(nextRenewalDate(s)) }) : s.status === "suspended" ? t("autoRenewPaused") : t("autoRenewOn", { date: f.date(s.termEnd) })}
          </Item>
        )}
        {s.trialEndsAt && (
          <Item label={t("freeTrial")}>
            {inTrial ? t("trialRunning", { trialEnd: f.date(s.trialEndsAt), termStart: f.date(s.termStart) }) : t("trialEnded", { date: f.date(s.trialEndsAt) })}
          </Item>
        )}
        {canSeeCharges && (detail.ledger.length > 0 || s.status !== "deleted") ? <Item label={t("chargesSoFar")}>{f.money(charged, offer.currency)}</Item> : null}
        <Item label={t("ordered")}>
          {/* No order and no base: bought outside Partner Center, as usage-based ISV services are. */}
          {!s.orderId && !s.baseSubscriptionId ? t("orderedInAzurePortal", { date: f.date(s.orderedAt) }) : f.date(s.orderedAt)}
        </Item>
        {base && (
          <Item label={t("baseSubscription")}>
            <Link href={`/customers/${s.customerId}/subscriptions/${base.subscription.id}`} className="text-brand-700 underline">
              {base.offer.name}
            </Link>
          </Item>
        )}
        {s.endedAt && <Item label={t("ended")}>{f.date(s.endedAt)}</Item>}
      </dl>
      <p className="sr-only">{t("asOf", { date: f.date(now) })}</p>
    </section>
  );
}
