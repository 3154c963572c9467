import { randomUUID } from "node:crypto";
import { subscriptions, type BillingFrequency, type Offer, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { preparedInsert } from "@/db/prepared";
import { recordActivity, type ChangeAuthor } from "./activity";
import { postCharge } from "./billing";
import { DAY_MS } from "./clock";
import { proRatedCharge, termCharge, termEndFrom } from "./pricing";

export interface NewSubscription {
  partnerId: string;
  customerId: string;
  orderId: string | null;
  offer: Offer;
  quantity: number;
  billingFrequency: BillingFrequency;
  /** Partner Center's friendlyName, when the REST API's caller gave one. */
  friendlyName?: string | null;
  /** For add-ons: the base they align to. */
  base?: Subscription;
}

/**
 * "If your subscription comes with a 30-day free trial, the free trial period will be applied
 * automatically ... Once the free trial period ends, the subscription term will begin."
 */
export function initialTerm(offer: Pick<Offer, "freeTrialDays">, frequency: BillingFrequency, orderedAt: Date) {
  const trialEndsAt = offer.freeTrialDays > 0 ? new Date(orderedAt.getTime() + offer.freeTrialDays * DAY_MS) : null;
  const termStart = trialEndsAt ?? orderedAt;
  return { trialEndsAt, termStart, termEnd: termEndFrom(termStart, frequency) };
}

const insertSubscription = preparedInsert(subscriptions, [
  "id",
  "partnerId",
  "customerId",
  "orderId",
  "offerId",
  "friendlyName",
  "baseSubscriptionId",
  "quantity",
  "billingFrequency",
  "status",
  "autoRenew",
  "orderedAt",
  "trialEndsAt",
  "termStart",
  "termEnd",
]);

/** Creates a subscription, charges its first term (pro-rated for add-ons), and logs the purchase. */
export function provisionSubscription(db: Db, input: NewSubscription, by: ChangeAuthor, now: Date): Subscription {
  const { offer, base } = input;
  // "Start dates for add-ons align to the base subscription": an add-on ends with its base's term, and
  // one bought during the base's free trial is free with it and converts with it.
  const baseInTrial = base?.trialEndsAt && !base.trialConvertedAt ? base.trialEndsAt : null;
  const term = base
    ? { trialEndsAt: baseInTrial, termStart: base.termStart, termEnd: base.termEnd }
    : initialTerm(offer, input.billingFrequency, now);
  const row = insertSubscription.returning(db, {
    id: randomUUID(),
    partnerId: input.partnerId,
    customerId: input.customerId,
    orderId: input.orderId,
    offerId: offer.id,
    friendlyName: input.friendlyName ?? null,
    baseSubscriptionId: base?.id ?? null,
    quantity: input.quantity,
    billingFrequency: input.billingFrequency,
    status: "active",
    // "By default, active subscriptions are set to automatically renew when the subscription period expires."
    autoRenew: base ? base.autoRenew : true,
    orderedAt: now,
    ...term,
  });
  const full = termCharge(offer, input.billingFrequency, input.quantity);
  if (base && !baseInTrial) {
    const chargeStart = now > base.termStart ? now : base.termStart;
    postCharge(db, row, { kind: "prorata", description: "prorated_first_charge", quantity: input.quantity, amountMinor: proRatedCharge(full, { start: base.termStart, end: base.termEnd }, chargeStart), currency: offer.currency, chargeStart, chargeEnd: base.termEnd }, now);
  } else if (!term.trialEndsAt) {
    postCharge(db, row, { kind: "purchase", description: "first_term", quantity: input.quantity, amountMinor: full, currency: offer.currency, chargeStart: term.termStart, chargeEnd: term.termEnd }, now);
  }
  recordActivity(db, {
    by,
    subscription: row,
    action: base ? "addon" : "purchase",
    at: now,
    before: null,
    after: { offer: offer.name, quantity: row.quantity, billingFrequency: row.billingFrequency, status: row.status },
  });
  return row;
}
