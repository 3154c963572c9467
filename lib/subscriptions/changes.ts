import type { SuspensionReason } from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { eligibleAddOns, setAddOnQuantity } from "./addons";
import type { Clock } from "./clock";
import { cancel, changeQuantity, getSubscriptionContext, reactivate, setAutoRenew, suspend, type CancelDetails } from "./manage";
import type { Notice } from "./notices";
import { assertCan, type Actor } from "./permissions";
import { quantityAtRenewal } from "./quantity";
import { nextRenewalDate } from "./rules";

export interface SubscriptionChanges {
  subscriptionId: string;
  /** The version the form was loaded with. */
  version: number;
  quantity?: number;
  status?: "active" | "suspended";
  /** Optional: "choose Suspended, Submit" is the whole procedure; a reason may be given. */
  suspensionReason?: SuspensionReason | null;
  autoRenew?: boolean;
  /** Add-on offer id -> licenses wanted. */
  addOns?: Record<string, number>;
  /**
   * Add-on offer id -> the licenses its field showed when the page was loaded. The base's version does
   * not move when an add-on changes, so this is how an add-on field the user left alone is told apart
   * from one set back on purpose: a field still showing what it showed is no change.
   */
  addOnsShown?: Record<string, number>;
}

function loadFresh(db: Db, actor: Actor, subscriptionId: string, version: number) {
  const ctx = getSubscriptionContext(db, actor, subscriptionId);
  if (ctx.subscription.version !== version) throw new DomainError("subscription:stale");
  return ctx;
}

/**
 * The details page's **Submit**: every change in one transaction, each checked against the actor's
 * role. Reactivation goes first and suspension last, so the other changes meet an active subscription.
 * Answers what was done, as notices (none: nothing changed).
 */
export function submitSubscriptionChanges(db: Db, actor: Actor, clock: Clock, changes: SubscriptionChanges): Notice[] {
  return db.transaction(
    (tx) => {
      const now = clock.now();
      const notices: Notice[] = [];
      let ctx = loadFresh(tx, actor, changes.subscriptionId, changes.version);
      const refresh = () => (ctx = getSubscriptionContext(tx, actor, ctx.subscription.id));
      const statusChange = changes.status && changes.status !== ctx.subscription.status ? changes.status : null;
      if (statusChange === "active") {
        assertCan(actor, "reactivate");
        reactivate(tx, { actor, action: "reactivate" }, ctx, now);
        notices.push({ code: "subscription_reactivated" });
        refresh();
      }
      // Forms send every field: only values that differ from what the subscription will have are changes.
      if (changes.quantity !== undefined && changes.quantity !== quantityAtRenewal(ctx.subscription)) {
        assertCan(actor, "change_quantity");
        const result = changeQuantity(tx, { actor, action: "change_quantity" }, ctx, changes.quantity, now);
        if (result.scheduled) notices.push({ code: "quantity_scheduled", params: { quantity: changes.quantity, date: result.subscription.termEnd.toISOString() } });
        else if (result.subscription.version !== ctx.subscription.version) notices.push({ code: "quantity_changed", params: { quantity: result.subscription.quantity } });
        refresh();
      }
      if (changes.autoRenew !== undefined && changes.autoRenew !== ctx.subscription.autoRenew) {
        assertCan(actor, "change_auto_renew");
        const updated = setAutoRenew(tx, { actor, action: "change_auto_renew" }, ctx, changes.autoRenew, now);
        notices.push(updated.autoRenew ? { code: "auto_renew_on" } : { code: "auto_renew_off", params: { date: nextRenewalDate(updated).toISOString() } });
        refresh();
      }
      const eligible = eligibleAddOns(tx, ctx);
      const current = new Map(eligible.map((a) => [a.offer.id, a.subscription ? quantityAtRenewal(a.subscription) : 0]));
      for (const [offerId, quantity] of Object.entries(changes.addOns ?? {})) {
        const shown = changes.addOnsShown?.[offerId];
        // A field the user did not touch never produces a change, whatever happened to the add-on
        // since the page was loaded (e.g. a decrease scheduled on the add-on's own page).
        if (shown !== undefined && quantity === shown) continue;
        if (current.get(offerId) === quantity) continue;
        if (shown !== undefined && current.has(offerId) && current.get(offerId) !== shown) {
          // The user typed a new quantity over one that has changed since: ask, rather than overwrite it.
          const name = eligible.find((a) => a.offer.id === offerId)!.offer.name;
          throw new DomainError("subscription:stale", { key: "addOnChangedSince", params: { offer: name } });
        }
        assertCan(actor, "buy_addons");
        const { offer, outcome } = setAddOnQuantity(tx, actor, { actor, action: "buy_addons" }, ctx, offerId, quantity, now);
        if (outcome === "bought") notices.push({ code: "addon_bought", params: { offer: offer.name, quantity } });
        if (outcome === "changed") notices.push({ code: "addon_quantity_changed", params: { offer: offer.name, quantity } });
        if (outcome === "scheduled") notices.push({ code: "addon_quantity_scheduled", params: { offer: offer.name, quantity } });
      }
      if (statusChange === "suspended") {
        assertCan(actor, "suspend");
        // The how-to's procedure is "choose Suspended, Submit": a reason is kept when given, never required.
        const updated = suspend(tx, { actor, action: "suspend" }, ctx, changes.suspensionReason ?? null, now);
        notices.push({ code: "subscription_suspended", params: { date: updated.deletionAt!.toISOString() } });
      }
      return notices;
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
