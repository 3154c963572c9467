import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { loadActor } from "@/lib/auth/actor";
import { addToCart, buy, DAY_MS, fixedClock, getOrder, getSubscriptionContext, HOUR_MS, submitSubscriptionChanges, type Actor } from "@/lib/subscriptions";
import { provisionSubscription } from "@/lib/subscriptions/provisioning";
import { processLifecycle } from "@/lib/subscriptions/system";
import { offers, type BillingFrequency, type Subscription, type SuspensionReason } from "./schema";

interface Purchase {
  customerId: string;
  offerId: string;
  quantity: number;
  billingFrequency: BillingFrequency;
  /** How long before the seed's now the order was placed. */
  agoMs: number;
  suspend?: { agoMs: number; reason: SuspensionReason };
  addOns?: { offerId: string; quantity: number; agoMs: number }[];
}

const days = (n: number) => n * DAY_MS;

/** Existing subscriptions, bought through the domain at past instants so charges and logs are real. */
const PURCHASES: Record<string, Purchase[]> = {
  "contoso-global-admin": [
    { customerId: "fabrikam", offerId: "office-365-e3", quantity: 25, billingFrequency: "annual", agoMs: days(200), suspend: { agoMs: days(10), reason: "nonpayment" } },
    { customerId: "fabrikam", offerId: "microsoft-365-business-premium", quantity: 40, billingFrequency: "monthly", agoMs: days(75), addOns: [{ offerId: "office-365-advanced-threat-protection", quantity: 10, agoMs: days(20) }] },
    { customerId: "fabrikam", offerId: "tailspin-secure-gateway", quantity: 5, billingFrequency: "monthly", agoMs: days(3) },
    { customerId: "fabrikam", offerId: "contoso-backup-pro", quantity: 10, billingFrequency: "monthly", agoMs: 2 * HOUR_MS },
    { customerId: "wingtip-toys", offerId: "tailspin-secure-gateway", quantity: 12, billingFrequency: "annual", agoMs: days(60) },
    { customerId: "wingtip-toys", offerId: "office-365-e3", quantity: 30, billingFrequency: "monthly", agoMs: days(40), addOns: [{ offerId: "microsoft-365-e5-security", quantity: 5, agoMs: days(5) }] },
    { customerId: "contoso-university", offerId: "office-365-a1-faculty", quantity: 150, billingFrequency: "monthly", agoMs: days(120) },
    { customerId: "northwind-nonprofit", offerId: "microsoft-365-business-premium-nonprofit", quantity: 18, billingFrequency: "monthly", agoMs: days(30) },
    { customerId: "coho-winery", offerId: "contoso-backup-pro", quantity: 8, billingFrequency: "annual", agoMs: days(20) },
    { customerId: "blue-yonder-airlines", offerId: "azure-plan", quantity: 1, billingFrequency: "monthly", agoMs: days(90) },
  ],
  "adventure-works-global-admin": [{ customerId: "libertys-bakery", offerId: "microsoft-365-business-premium", quantity: 12, billingFrequency: "monthly", agoMs: days(50) }],
  "trey-research-global-admin": [{ customerId: "us-department-of-parks", offerId: "office-365-g3-gcc-high", quantity: 60, billingFrequency: "annual", agoMs: days(100) }],
};

/**
 * Usage-based ISV services the customer bought in the Azure portal: "the ISV offer may also not be
 * transactable through the Partner Center (for example, containers or some usage-based offers)". They
 * have no Partner Center order, appear in the customer's list all the same, and are de-provisioned with
 * **Cancel** ("usage-based ... can be de-provisioned as a cancellation method"), with no refund.
 * Southridge Video is a customer no other seeded purchase, test or spec counts subscriptions of.
 */
const AZURE_PORTAL_PURCHASES: Record<string, { customerId: string; offerId: string; agoMs: number }[]> = {
  "contoso-global-admin": [{ customerId: "southridge-video", offerId: "litware-analytics-metered", agoMs: days(45) }],
};

type Step = { at: Date; run: (actor: Actor, clock: ReturnType<typeof fixedClock>) => void };

export function seedSubscriptions(db: Db, now: Date): void {
  const steps: { userId: string; step: Step }[] = [];
  for (const [userId, purchases] of Object.entries(PURCHASES)) {
    for (const p of purchases) {
      let bought: Subscription | undefined;
      steps.push({ userId, step: { at: new Date(now.getTime() - p.agoMs), run: (actor, clock) => {
        addToCart(db, actor, clock, p);
        const { order } = buy(db, actor, clock, { customerId: p.customerId, idempotencyKey: `seed-${p.customerId}-${p.offerId}` });
        bought = getOrder(db, actor, p.customerId, order.id).lines[0].subscription;
      } } });
      for (const a of p.addOns ?? []) {
        steps.push({ userId, step: { at: new Date(now.getTime() - a.agoMs), run: (actor, clock) => {
          const version = getVersion(db, actor, bought!.id);
          submitSubscriptionChanges(db, actor, clock, { subscriptionId: bought!.id, version, addOns: { [a.offerId]: a.quantity } });
        } } });
      }
      if (p.suspend) {
        const { reason } = p.suspend;
        steps.push({ userId, step: { at: new Date(now.getTime() - p.suspend.agoMs), run: (actor, clock) => {
          submitSubscriptionChanges(db, actor, clock, { subscriptionId: bought!.id, version: getVersion(db, actor, bought!.id), status: "suspended", suspensionReason: reason });
        } } });
      }
    }
  }
  for (const [userId, purchases] of Object.entries(AZURE_PORTAL_PURCHASES)) {
    for (const p of purchases) {
      steps.push({ userId, step: { at: new Date(now.getTime() - p.agoMs), run: (actor, clock) => {
        const offer = db.select().from(offers).where(eq(offers.id, p.offerId)).get()!;
        // Bought outside Partner Center: no order, no user of the partner (the log says "system"), and
        // nothing charged here (usage is billed after use).
        provisionSubscription(db, { partnerId: actor.partnerId, customerId: p.customerId, orderId: null, offer, quantity: 1, billingFrequency: "monthly" }, "system", clock.now());
      } } });
    }
  }
  // Replay in time order, running the lifecycle up to each instant, then up to now.
  steps.sort((a, b) => a.step.at.getTime() - b.step.at.getTime());
  for (const { userId, step } of steps) {
    processLifecycle(db, step.at);
    step.run(loadActor(db, userId)!, fixedClock(step.at));
  }
  processLifecycle(db, now);
}

function getVersion(db: Db, actor: Actor, subscriptionId: string): number {
  return getSubscriptionContext(db, actor, subscriptionId).subscription.version;
}
