import { and, eq, inArray } from "drizzle-orm";
import { offers, subscriptions, type Offer, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError, type ErrorCode } from "@/lib/errors";
import type { ChangeAuthor } from "./activity";
import { changeQuantity, type SubscriptionContext } from "./manage";
import { partnerCanBuyAddOns, type Actor } from "./permissions";
import { provisionSubscription } from "./provisioning";
import { assertQuantityInRange, quantityAtRenewal } from "./quantity";

export interface AddOnRow {
  offer: Offer;
  /** The customer's live add-on subscription of this offer on this base, if any. */
  subscription: Subscription | null;
}

/**
 * "Only eligible add-ons are displayed based on the base requirements and regional availability":
 * add-ons whose prerequisite is the base's offer, sold in the customer's billing country.
 */
export function eligibleAddOns(db: Db, ctx: SubscriptionContext): AddOnRow[] {
  const candidates = db.select().from(offers).where(and(eq(offers.prerequisiteOfferId, ctx.offer.id), eq(offers.cloud, ctx.offer.cloud))).all();
  const eligible = candidates.filter((o) => !o.supportedCountries || o.supportedCountries.includes(ctx.customer.billingCountry));
  if (eligible.length === 0) return [];
  const owned = db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.baseSubscriptionId, ctx.subscription.id), inArray(subscriptions.offerId, eligible.map((o) => o.id)), inArray(subscriptions.status, ["active", "suspended"])))
    .all();
  return eligible.map((offer) => ({ offer, subscription: owned.find((s) => s.offerId === offer.id) ?? null }));
}

/** The refusals that keep a partner from buying add-ons on a base: the page says them before any Submit. */
export type AddOnBlocker = Extract<ErrorCode, "addon:partner_type" | "addon:base_not_active">;

/** Why add-ons can't be bought on this base by this partner, or null. */
export function addOnPurchaseBlocker(actor: Actor, base: Subscription): AddOnBlocker | null {
  // "The ability to purchase add-ons through Partner Center is only available to direct bill partners and indirect providers."
  if (!partnerCanBuyAddOns(actor.partnerType)) return "addon:partner_type";
  // "To purchase an add-on the customer must first have an active base subscription."
  if (base.status !== "active") return "addon:base_not_active";
  return null;
}

/** "Update the quantity of licenses for each required Add-on. Then Submit your changes." */
export function setAddOnQuantity(
  db: Db,
  actor: Actor,
  by: ChangeAuthor,
  base: SubscriptionContext,
  offerId: string,
  quantity: number,
  now: Date,
): { offer: Offer; outcome: "unchanged" | "bought" | "changed" | "scheduled" } {
  const row = eligibleAddOns(db, base).find((a) => a.offer.id === offerId);
  if (!row) throw new DomainError("addon:not_eligible");
  const { offer } = row;
  if (row.subscription) {
    if (quantityAtRenewal(row.subscription) === quantity) return { offer, outcome: "unchanged" };
    const { scheduled } = changeQuantity(db, by, { subscription: row.subscription, offer, customer: base.customer }, quantity, now);
    return { offer, outcome: scheduled ? "scheduled" : "changed" };
  }
  if (quantity === 0) return { offer, outcome: "unchanged" };
  const blocker = addOnPurchaseBlocker(actor, base.subscription);
  if (blocker) throw new DomainError(blocker);
  // A new add-on takes the offer's license limits like any purchase (found by the reference model: 501
  // licenses of an add-on sold up to 500 were bought, and a negative count was bought as a credit).
  assertQuantityInRange(offer, quantity);
  provisionSubscription(
    db,
    { partnerId: base.subscription.partnerId, customerId: base.customer.id, orderId: null, offer, quantity, billingFrequency: base.subscription.billingFrequency, base: base.subscription },
    by,
    now,
  );
  return { offer, outcome: "bought" };
}
