// In-process Buy: the domain's buy() against a raw transaction making the same inserts.
import { randomUUID } from "node:crypto";
import type { AppDatabase } from "@/db/client";
import { loadActor } from "@/lib/auth/actor";
import { addToCart, buy, fixedClock } from "@/lib/subscriptions";

export interface BuyComparison {
  buyPerS: number;
  rawPerS: number;
  /** How many times slower buy() is than the raw transaction. */
  ratio: number;
  iterations: number;
}

/**
 * Alternates one buy() and one raw transaction, each for its own customer with one line in the
 * cart, and times only those (Add to cart is not counted). The raw transaction writes what buy()
 * writes for one line: the order, the subscription, the purchase charge, the activity row, and it
 * empties the cart, with prepared statements in one BEGIN IMMEDIATE.
 */
export function compareBuy(db: AppDatabase, customerIds: string[], offerId: string, now: Date, iterations: number): BuyComparison {
  const actor = loadActor(db, "contoso-global-admin");
  if (!actor) throw new Error("The demo seed's contoso-global-admin is missing");
  const clock = fixedClock(now);
  const sqlite = db.$client;
  const offer = sqlite.prepare("SELECT name, monthly_price_minor AS price, currency FROM offers WHERE id = ?").get(offerId) as { name: string; price: number; currency: string };
  const insertOrder = sqlite.prepare("INSERT INTO orders (id, partner_id, customer_id, user_id, idempotency_key, placed_at, total_minor, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  const insertSubscription = sqlite.prepare(
    "INSERT INTO subscriptions (id, partner_id, customer_id, order_id, offer_id, quantity, billing_frequency, status, auto_renew, ordered_at, term_start, term_end) VALUES (?, ?, ?, ?, ?, 1, 'monthly', 'active', 1, ?, ?, ?)",
  );
  const insertCharge = sqlite.prepare(
    "INSERT INTO ledger_entries (id, partner_id, customer_id, subscription_id, kind, description, quantity, amount_minor, currency, charge_start, charge_end, posted_at) VALUES (?, ?, ?, ?, 'purchase', ?, 1, ?, ?, ?, ?, ?)",
  );
  const insertActivity = sqlite.prepare(
    "INSERT INTO activity_log (partner_id, customer_id, subscription_id, actor_user_id, actor_name, actor_role, action, before, after, at) VALUES (?, ?, ?, ?, ?, 'global_admin', 'purchase', NULL, ?, ?)",
  );
  const clearCart = sqlite.prepare("DELETE FROM cart_lines WHERE partner_id = ? AND user_id = ? AND customer_id = ?");
  const raw = sqlite.transaction((customerId: string) => {
    const at = now.getTime();
    const termEnd = at + 30 * 24 * 60 * 60 * 1000;
    const orderId = randomUUID();
    const subscriptionId = randomUUID();
    insertOrder.run(orderId, actor.partnerId, customerId, actor.userId, randomUUID(), at, offer.price, offer.currency);
    insertSubscription.run(subscriptionId, actor.partnerId, customerId, orderId, offerId, at, at, termEnd);
    insertCharge.run(randomUUID(), actor.partnerId, customerId, subscriptionId, "first_term", offer.price, offer.currency, at, termEnd, at);
    insertActivity.run(actor.partnerId, customerId, subscriptionId, actor.userId, actor.name, JSON.stringify({ offer: offer.name, quantity: 1, billingFrequency: "monthly", status: "active" }), at);
    clearCart.run(actor.partnerId, actor.userId, customerId);
  });

  let buyMs = 0;
  let rawMs = 0;
  const warmUp = 20;
  for (let i = 0; i < iterations + warmUp; i++) {
    const forBuy = customerIds[(2 * i) % customerIds.length];
    const forRaw = customerIds[(2 * i + 1) % customerIds.length];
    addToCart(db, actor, clock, { customerId: forBuy, offerId, quantity: 1, billingFrequency: "monthly" });
    addToCart(db, actor, clock, { customerId: forRaw, offerId, quantity: 1, billingFrequency: "monthly" });
    let start = performance.now();
    buy(db, actor, clock, { customerId: forBuy, idempotencyKey: randomUUID() });
    const buyTime = performance.now() - start;
    start = performance.now();
    raw.immediate(forRaw);
    const rawTime = performance.now() - start;
    if (i >= warmUp) {
      buyMs += buyTime;
      rawMs += rawTime;
    }
  }
  const buyPerS = (iterations * 1000) / buyMs;
  const rawPerS = (iterations * 1000) / rawMs;
  return { buyPerS, rawPerS, ratio: rawPerS / buyPerS, iterations };
}
