import { useLocale } from "next-intl";
import type { SubscriptionListItem } from "@/lib/subscriptions";
import { formattersFor } from "@/lib/format";
import { licensesApply } from "@/lib/subscriptions/shared";
import { useTranslations } from "@/lib/server/i18n";
import { SubscriptionsTableView, type SubscriptionRow } from "./SubscriptionsTableView";

/** Ended subscriptions stay listed as history; nothing can be changed on them, so they can't be selected. */
const selectable = (status: SubscriptionListItem["subscription"]["status"]) => status === "active" || status === "suspended";

/**
 * The customer's **Subscriptions**: select a name to open its details; **Cancel** in the **Status** column.
 * With `bulkFormId`, each live row has a checkbox that belongs to that form (the bulk change form sits
 * above the table) and carries the version shown, so a row changed since is refused as stale.
 * Worded here in the reader's language, drawn by SubscriptionsTableView.
 */
export function SubscriptionsTable({ customerId, items, canCancel, bulkFormId }: { customerId: string; items: SubscriptionListItem[]; canCancel: boolean; bulkFormId?: string }) {
  const t = useTranslations("Customer.subscriptions");
  const labels = useTranslations("Labels");
  const f = formattersFor(useLocale());
  if (items.length === 0) return <p className="text-sm text-neutral-600">{t("empty")}</p>;
  const rows = items.map(({ subscription: s, offer, cancel }): SubscriptionRow => {
    const facts = [offer.publisherName];
    if (s.baseSubscriptionId) facts.push(t("addOn"));
    if (s.trialEndsAt && !s.trialConvertedAt) facts.push(t("trialUntil", { date: f.date(s.trialEndsAt) }));
    return {
      id: s.id,
      version: s.version,
      href: `/customers/${customerId}/subscriptions/${s.id}`,
      offerName: offer.name,
      facts: facts.join(" · "),
      quantity: licensesApply(offer) ? f.number(s.quantity) : "—",
      status: s.status,
      statusLabel: labels(`status.${s.status}`),
      scheduled: s.cancellationScheduledAt && s.status === "active" ? t("cancellationScheduled", { date: f.date(s.cancellationScheduledAt) }) : null,
      managed: cancel.kind === "none" && offer.publisherKind === "microsoft" && s.status === "active" ? t("managedBySuspension") : null,
      cancel: canCancel && cancel.kind !== "none" ? cancel : null,
      select: selectable(s.status) ? t("select", { offer: offer.name }) : null,
      frequency: labels(`frequency.${s.billingFrequency}`),
      termEnd: f.date(s.termEnd),
      autoRenew: s.autoRenew ? t("autoRenewOn") : t("autoRenewOff"),
    };
  });
  const columns = {
    subscription: t("columns.subscription"),
    quantity: t("columns.quantity"),
    status: t("columns.status"),
    frequency: t("columns.frequency"),
    termEnd: t("columns.termEnd"),
    autoRenew: t("columns.autoRenew"),
  };
  return <SubscriptionsTableView columns={columns} rows={rows} bulkFormId={bulkFormId} />;
}
