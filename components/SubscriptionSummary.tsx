import Link from "next/link";
import type { SubscriptionDetail } from "@/lib/subscriptions";
import { licensesApply, nextRenewalDate } from "@/lib/subscriptions/shared";
import { BILLING_TYPE_LABELS, CATEGORY_LABELS, formatDate, formatMoney, FREQUENCY_LABELS, SUSPENSION_REASON_LABELS } from "@/lib/format";
import { Alert } from "./ui/Alert";
import { StatusBadge } from "./ui/StatusBadge";

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
  const { subscription: s, offer, base, ledger, now } = detail;
  const inTrial = s.trialEndsAt && !s.trialConvertedAt;
  const charged = ledger.reduce((t, l) => t + l.amountMinor, 0);
  return (
    <section aria-label="Subscription summary" className="space-y-3">
      {s.status === "suspended" && (
        <Alert tone="warning" title="Suspended: users are not able to sign in or access services">
          Suspended {s.suspendedAt && formatDate(s.suspendedAt)}
          {s.suspensionReason && ` (${SUSPENSION_REASON_LABELS[s.suspensionReason]})`}. All data will be deleted on {s.deletionAt && formatDate(s.deletionAt)} unless the subscription is reactivated.
          {s.suspendedWithBase && " Suspended together with its base subscription."}
        </Alert>
      )}
      {s.status === "deleted" && <Alert tone="error" title="Deleted">This subscription was suspended past its deletion date. Its service data has been removed and it can&apos;t be reactivated.</Alert>}
      {s.status === "active" && s.cancellationScheduledAt && <Alert tone="warning" title={`Cancellation scheduled for ${formatDate(s.cancellationScheduledAt)}`}>The cancellation will occur at renewal.</Alert>}
      {s.status === "active" && s.scheduledQuantity !== null && <Alert tone="info">The quantity will change to {s.scheduledQuantity} at renewal on {formatDate(s.termEnd)}.</Alert>}
      <dl className="grid grid-cols-2 gap-4 rounded-lg border border-neutral-200 bg-white p-5 shadow-sm md:grid-cols-4">
        <Item label="Offer">{offer.name}</Item>
        <Item label="Publisher">{offer.publisherName}</Item>
        <Item label="Status">
          <StatusBadge status={s.status} />
        </Item>
        <Item label="Quantity">{licensesApply(offer) ? `${s.quantity} licenses` : `${BILLING_TYPE_LABELS.usage}-based`}</Item>
        <Item label="Billing frequency">{FREQUENCY_LABELS[s.billingFrequency]}</Item>
        <Item label="Category">{CATEGORY_LABELS[offer.category]}</Item>
        <Item label="Term start">{formatDate(s.termStart)}</Item>
        <Item label="Term end">{formatDate(s.termEnd)}</Item>
        {(s.status === "active" || s.status === "suspended") && (
          <Item label="Auto-renew">
            {!s.autoRenew ? `Off: ends ${formatDate(nextRenewalDate(s))}` : s.status === "suspended" ? "On: paused while suspended" : `On: renews ${formatDate(s.termEnd)}`}
          </Item>
        )}
        {s.trialEndsAt && (
          <Item label="Free trial">
            {inTrial ? `Ends ${formatDate(s.trialEndsAt)}; the paid term starts ${formatDate(s.termStart)}` : `Ended ${formatDate(s.trialEndsAt)}; converted to paid status`}
          </Item>
        )}
        {canSeeCharges && (detail.ledger.length > 0 || s.status !== "deleted") ? <Item label="Charges so far">{formatMoney(charged, offer.currency)}</Item> : null}
        <Item label="Ordered">
          {formatDate(s.orderedAt)}
          {/* No order and no base: bought outside Partner Center, as usage-based ISV services are. */}
          {!s.orderId && !s.baseSubscriptionId && " through the Azure portal"}
        </Item>
        {base && (
          <Item label="Base subscription">
            <Link href={`/customers/${s.customerId}/subscriptions/${base.subscription.id}`} className="text-brand-700 underline">
              {base.offer.name}
            </Link>
          </Item>
        )}
        {s.endedAt && <Item label="Ended">{formatDate(s.endedAt)}</Item>}
      </dl>
      <p className="sr-only">As of {formatDate(now)}</p>
    </section>
  );
}
