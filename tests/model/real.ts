import { randomUUID } from "node:crypto";
import type { AppDatabase } from "@/db/client";
import { customers, partners, users } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { addToCart, buy, cancelSubscription, fixedClock, submitSubscriptionChanges, type Actor, type SubscriptionChanges } from "@/lib/subscriptions";
import { clearCart } from "@/lib/subscriptions/cart";
import { processLifecycle } from "@/lib/subscriptions/system";
import type { Frequency } from "./calendar";
import type { Customer, Outcome } from "./model";

/** What the comparison reads of a stored subscription: dates as epoch ms. */
export interface RealSub {
  id: string;
  offerId: string;
  baseId: string | null;
  status: string;
  quantity: number;
  scheduled: number | null;
  frequency: string;
  autoRenew: boolean;
  orderedAt: number;
  trialEndsAt: number | null;
  converted: boolean;
  termStart: number;
  termEnd: number;
  deletionAt: number | null;
  cancelAt: number | null;
}

export interface RealEntry {
  subscriptionId: string;
  kind: string;
  amount: number;
  postedAt: number;
}

/**
 * The real domain, driven through its front door (`@/lib/subscriptions`) as a signed-in Global admin
 * would, with the lifecycle run up to the clock after every step as the server does before each request.
 * Every sequence gets a partner of its own (so its lifecycle touches nothing else) with one customer.
 */
export class RealSystem {
  readonly clock;
  readonly actor: Actor;
  readonly customerId: string;
  /** Real subscription ids in the order the model created them. */
  readonly ids: string[] = [];

  constructor(
    readonly db: AppDatabase,
    customer: Customer,
    start: number,
  ) {
    this.clock = fixedClock(new Date(start));
    const partnerId = `model-${randomUUID()}`;
    db.insert(partners).values({ id: partnerId, name: "Model partner", type: "direct_bill", cloud: "commercial" }).run();
    const userId = `${partnerId}-admin`;
    db.insert(users).values({ id: userId, partnerId, email: `${userId}@model.example`, name: "Model admin", passwordHash: "-", roles: ["global_admin"] }).run();
    this.customerId = `${partnerId}-customer`;
    db.insert(customers)
      .values({ id: this.customerId, partnerId, name: "Model customer", segment: "commercial", billingCountry: "US", contactName: "Model", contactEmail: "model@customer.example", createdAt: new Date(customer.createdAt), firstBillingAt: customer.firstBillingAt === null ? null : new Date(customer.firstBillingAt) })
      .run();
    this.actor = { userId, name: "Model admin", partnerId, partnerName: "Model partner", partnerType: "direct_bill", cloud: "commercial", roles: ["global_admin"] };
  }

  /** Runs a command; a DomainError is a refusal, anything else a bug. */
  private attempt(fn: () => unknown): Outcome {
    try {
      fn();
      return "ok";
    } catch (error) {
      if (isDomainError(error)) return "refused";
      throw error;
    }
  }

  private submit(index: number, changes: Omit<SubscriptionChanges, "subscriptionId" | "version">): Outcome {
    const id = this.ids[index];
    const version = this.db.$client.prepare("SELECT version FROM subscriptions WHERE id = ?").pluck().get(id) as number;
    return this.attempt(() => submitSubscriptionChanges(this.db, this.actor, this.clock, { subscriptionId: id, version, ...changes }));
  }

  buy(offerId: string, quantity: number, frequency: Frequency): Outcome {
    const outcome = this.attempt(() => {
      addToCart(this.db, this.actor, this.clock, { customerId: this.customerId, offerId, quantity, billingFrequency: frequency });
      buy(this.db, this.actor, this.clock, { customerId: this.customerId, idempotencyKey: randomUUID() });
    });
    // An Add to cart that was refused leaves nothing; one whose Buy was refused is emptied again.
    if (outcome === "refused") clearCart(this.db, this.actor, this.customerId);
    return outcome;
  }

  setAddOn(baseIndex: number, addOnId: string, quantity: number): Outcome {
    return this.submit(baseIndex, { addOns: { [addOnId]: quantity } });
  }

  setQuantity(index: number, quantity: number): Outcome {
    return this.submit(index, { quantity });
  }

  suspend(index: number): Outcome {
    // The how-to's two steps, "choose Suspended, Submit": no reason (issue 10, item 9).
    return this.submit(index, { status: "suspended" });
  }

  reactivate(index: number): Outcome {
    return this.submit(index, { status: "active" });
  }

  cancel(index: number): Outcome {
    return this.attempt(() => cancelSubscription(this.db, this.actor, this.clock, { subscriptionId: this.ids[index], reason: "Model-based test" }));
  }

  setAutoRenew(index: number, on: boolean): Outcome {
    return this.submit(index, { autoRenew: on });
  }

  /** The clock moves, and the lifecycle runs up to it, as a Demo clock move does. */
  advanceTo(at: number): void {
    if (at > this.clock.now().getTime()) this.clock.set(new Date(at));
    processLifecycle(this.db, this.clock.now(), this.actor.partnerId);
  }

  /** The customer's subscriptions, oldest first; new ones are appended to `ids` in creation order. */
  subscriptions(): RealSub[] {
    const rows = this.db.$client
      .prepare(
        `SELECT id, offer_id offerId, base_subscription_id baseId, status, quantity, scheduled_quantity scheduled, billing_frequency frequency,
                auto_renew autoRenew, ordered_at orderedAt, trial_ends_at trialEndsAt, trial_converted_at convertedAt, term_start termStart,
                term_end termEnd, deletion_at deletionAt, cancellation_scheduled_at cancelAt
         FROM subscriptions WHERE customer_id = ? ORDER BY rowid`,
      )
      .all(this.customerId) as (Omit<RealSub, "autoRenew" | "converted"> & { autoRenew: number; convertedAt: number | null })[];
    for (const row of rows) if (!this.ids.includes(row.id)) this.ids.push(row.id);
    const byId = new Map(rows.map(({ convertedAt, ...r }) => [r.id, { ...r, autoRenew: r.autoRenew === 1, converted: convertedAt !== null }]));
    return this.ids.map((id) => byId.get(id)!);
  }

  ledger(): RealEntry[] {
    return this.db.$client
      .prepare("SELECT subscription_id subscriptionId, kind, amount_minor amount, posted_at postedAt FROM ledger_entries WHERE partner_id = ? AND customer_id = ? ORDER BY rowid")
      .all(this.actor.partnerId, this.customerId) as RealEntry[];
  }
}
