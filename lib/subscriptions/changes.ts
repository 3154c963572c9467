import type { SuspensionReason } from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { eligibleAddOns, setAddOnQuantity } from "./addons";
import type { Clock } from "./clock";
import { cancel, changeQuantity, getSubscriptionContext, reactivate, setAutoRenew, suspend, type CancelDetails } from "./manage";
import { assertCan, type Actor } from "./permissions";
import { quantityAtRenewal } from "./quantity";
import { nextRenewalDate } from "./rules";

export interface SubscriptionChanges {
  subscriptionId: string;
  /** The version the form was loaded with. */
  version: number;
  quantity?: number;
  status?: "active" | "suspended";
  suspensionReason?: SuspensionReason;
  autoRenew?: boolean;
  /** Add-on offer id -> licenses wanted. */
  addOns?: Record<string, number>;
}

const dateText = formatDate;

function loadFresh(db: Db, actor: Actor, subscriptionId: string, version: number) {
  const ctx = getSubscriptionContext(db, actor, subscriptionId);
  if (ctx.subscription.version !== version) throw new DomainError("subscription:stale");
  return ctx;
}

/**
 * The details page's **Submit**: every change in one transaction, each checked against the actor's
 * role. Reactivation goes first and suspension last, so the other changes meet an active subscription.
 */
export function submitSubscriptionChanges(db: Db, actor: Actor, clock: Clock, changes: SubscriptionChanges): string[] {
  return db.transaction(
    (tx) => {
      const now = clock.now();
      const messages: string[] = [];
      let ctx = loadFresh(tx, actor, changes.subscriptionId, changes.version);
      const refresh = () => (ctx = getSubscriptionContext(tx, actor, ctx.subscription.id));
      const statusChange = changes.status && changes.status !== ctx.subscription.status ? changes.status : null;
      if (statusChange === "active") {
        assertCan(actor, "reactivate");
        reactivate(tx, { actor, action: "reactivate" }, ctx, now);
        messages.push("Subscription reactivated.");
        refresh();
      }
      // Forms send every field: only values that differ from what the subscription will have are changes.
      if (changes.quantity !== undefined && changes.quantity !== quantityAtRenewal(ctx.subscription)) {
        assertCan(actor, "change_quantity");
        const result = changeQuantity(tx, { actor, action: "change_quantity" }, ctx, changes.quantity, now);
        if (result.scheduled) messages.push(`Quantity will change to ${changes.quantity} at renewal on ${dateText(result.subscription.termEnd)}.`);
        else if (result.subscription.version !== ctx.subscription.version) messages.push(`Quantity changed to ${result.subscription.quantity}.`);
        refresh();
      }
      if (changes.autoRenew !== undefined && changes.autoRenew !== ctx.subscription.autoRenew) {
        assertCan(actor, "change_auto_renew");
        const updated = setAutoRenew(tx, { actor, action: "change_auto_renew" }, ctx, changes.autoRenew, now);
        messages.push(updated.autoRenew ? "Auto-renew turned on." : `Auto-renew turned off. The subscription ends on ${dateText(nextRenewalDate(updated))}.`);
        refresh();
      }
      const current = new Map(eligibleAddOns(tx, ctx).map((a) => [a.offer.id, a.subscription ? quantityAtRenewal(a.subscription) : 0]));
      for (const [offerId, quantity] of Object.entries(changes.addOns ?? {})) {
        if (current.get(offerId) === quantity) continue;
        assertCan(actor, "buy_addons");
        const { offer, outcome } = setAddOnQuantity(tx, actor, { actor, action: "buy_addons" }, ctx, offerId, quantity, now);
        if (outcome === "bought") messages.push(`${offer.name} added: ${quantity} license(s), pro-rated to the base's term end.`);
        if (outcome === "changed") messages.push(`${offer.name} quantity changed to ${quantity}.`);
        if (outcome === "scheduled") messages.push(`${offer.name} quantity will change to ${quantity} at renewal.`);
      }
      if (statusChange === "suspended") {
        assertCan(actor, "suspend");
        if (!changes.suspensionReason) throw new DomainError("invalid_input", "Choose why the subscription is suspended.", { suspensionReason: ["Choose a reason."] });
        const updated = suspend(tx, { actor, action: "suspend" }, ctx, changes.suspensionReason, now);
        messages.push(`Subscription suspended. Its data will be deleted on ${dateText(updated.deletionAt!)} unless it is reactivated.`);
      }
      return messages;
    },
    { behavior: "immediate" },
  );
}

/** The Status column's **Cancel**, confirmed with **Yes, cancel**. */
export function cancelSubscription(db: Db, actor: Actor, clock: Clock, params: { subscriptionId: string; version?: number } & CancelDetails) {
  assertCan(actor, "cancel");
  return db.transaction(
    (tx) => {
      const ctx = getSubscriptionContext(tx, actor, params.subscriptionId);
      if (params.version !== undefined && ctx.subscription.version !== params.version) throw new DomainError("subscription:stale");
      return cancel(tx, { actor, action: "cancel" }, ctx, { reason: params.reason, comment: params.comment }, clock.now());
    },
    { behavior: "immediate" },
  );
}
