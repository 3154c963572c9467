import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db/client";
import { activityLog, ledgerEntries, subscriptions, SUSPENSION_REASONS, type Subscription } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import {
  addToCart,
  buy,
  cancelSubscription,
  DAY_MS,
  fixedClock,
  HOUR_MS,
  submitSubscriptionChanges,
  type Actor,
} from "@/lib/subscriptions";
import { clearCart } from "@/lib/subscriptions/cart";
import { processLifecycle } from "@/lib/subscriptions/system";
import { actorFor, freshDb, SEED_NOW, tableSnapshot } from "./helpers";

/** A customer the seed left without subscriptions. */
const CUSTOMER = "tailwind-traders";
const MUTABLE_TABLES = ["subscriptions", "ledger_entries", "activity_log", "orders", "cart_lines", "app_clock"] as const;

/** A Microsoft base with add-ons, an ISV base in trial with an ISV add-on, a plain ISV offer, a one-per-customer ISV offer. */
const OFFERS = [
  { offerId: "office-365-e3", addOns: ["microsoft-365-e5-security", "extra-file-storage"] },
  { offerId: "contoso-backup-pro", addOns: ["contoso-backup-pro-extended-retention"] },
  { offerId: "northwind-crm-connect", addOns: [] },
  { offerId: "tailspin-secure-gateway", addOns: [] },
] as const;
const USERS = ["contoso-global-admin", "contoso-global-admin", "contoso-global-admin", "contoso-admin-agent", "contoso-sales-agent", "contoso-billing-admin", "contoso-helpdesk-agent"];

const pick = fc.noBias(fc.nat({ max: 999 }));
const user = fc.constantFrom(...USERS);
const actionArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("buy" as const), user, offer: fc.nat({ max: OFFERS.length - 1 }), quantity: fc.integer({ min: 1, max: 20 }), annual: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("quantity" as const), user, pick, quantity: fc.integer({ min: -1, max: 25 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("addon" as const), user, pick, addOn: fc.nat({ max: 1 }), quantity: fc.integer({ min: 0, max: 20 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("suspend" as const), user, pick, reason: fc.constantFrom(...SUSPENSION_REASONS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("reactivate" as const), user, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel" as const), user, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("auto_renew" as const), user, pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("advance" as const),
      ms: fc.oneof(fc.integer({ min: 1, max: 72 }).map((h) => h * HOUR_MS), fc.integer({ min: 1, max: 45 }).map((d) => d * DAY_MS)),
    }),
  },
);
type Step = typeof actionArb extends fc.Arbitrary<infer T> ? T : never;

function customerSubscriptions(db: AppDatabase): Subscription[] {
  return db.select().from(subscriptions).where(eq(subscriptions.customerId, CUSTOMER)).orderBy(subscriptions.orderedAt, subscriptions.id).all();
}

const hasAddOns = (s: Subscription) => OFFERS.some((o) => o.offerId === s.offerId && o.addOns.length > 0);
const SUITS: Record<Exclude<Step["kind"], "buy" | "advance">, (s: Subscription) => boolean> = {
  quantity: (s) => s.status === "active",
  addon: (s) => s.status === "active" && hasAddOns(s),
  suspend: (s) => s.status === "active",
  reactivate: (s) => s.status === "suspended",
  cancel: (s) => s.status === "active" && !s.offerId.startsWith("office-365") && !s.offerId.startsWith("microsoft-365"),
  auto_renew: (s) => s.status === "active",
};

let reviews = 0;

/** Runs one step as a signed-in user would (the domain throws when it refuses); false when there was nothing to act on. */
function runStep(db: AppDatabase, clock: ReturnType<typeof fixedClock>, step: Step, actorOf: (id: string) => Actor): boolean {
  if (step.kind === "advance") {
    clock.advance(step.ms);
    processLifecycle(db, clock.now());
    return true;
  }
  const actor = actorOf(step.user);
  if (step.kind === "buy") {
    const { offerId } = OFFERS[step.offer];
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId, quantity: step.quantity, billingFrequency: step.annual ? "annual" : "monthly" });
    buy(db, actor, clock, { customerId: CUSTOMER, idempotencyKey: `review-${++reviews}` });
    return true;
  }
  // Mostly aim at subscriptions the command suits, so most steps change something; sometimes at any.
  const all = customerSubscriptions(db);
  const suited = all.filter((s) => SUITS[step.kind](s));
  const candidates = suited.length > 0 && step.pick % 5 !== 0 ? suited : all;
  if (candidates.length === 0) return false;
  const sub = candidates[step.pick % candidates.length];
  const base = { subscriptionId: sub.id, version: sub.version };
  switch (step.kind) {
    case "quantity":
      submitSubscriptionChanges(db, actor, clock, { ...base, quantity: step.quantity });
      return true;
    case "addon": {
      const addOns: readonly string[] = OFFERS.find((o) => o.offerId === sub.offerId)?.addOns ?? [];
      const offerId = addOns[step.addOn % Math.max(1, addOns.length)] ?? "microsoft-365-e5-security";
      submitSubscriptionChanges(db, actor, clock, { ...base, addOns: { [offerId]: step.quantity } });
      return true;
    }
    case "suspend":
      submitSubscriptionChanges(db, actor, clock, { ...base, status: "suspended", suspensionReason: step.reason });
      return true;
    case "reactivate":
      submitSubscriptionChanges(db, actor, clock, { ...base, status: "active" });
      return true;
    case "cancel":
      cancelSubscription(db, actor, clock, { ...base, reason: "Property test" });
      return true;
    case "auto_renew":
      submitSubscriptionChanges(db, actor, clock, { ...base, autoRenew: !sub.autoRenew });
      return true;
  }
}

/** The invariants that must hold after any sequence of commands and lifecycle runs. */
function checkInvariants(db: AppDatabase): void {
  const all = db.select().from(subscriptions).all();
  const byId = new Map(all.map((s) => [s.id, s]));
  for (const sub of all) {
    if (sub.baseSubscriptionId) {
      const base = byId.get(sub.baseSubscriptionId)!;
      // (a) No add-on is active while its base is not.
      if (sub.status === "active") expect({ addOn: sub.status, base: base.status }).toEqual({ addOn: "active", base: "active" });
      // (b) An add-on never outlives its base's term.
      expect(sub.termEnd.getTime()).toBeLessThanOrEqual(base.termEnd.getTime());
    }
    // (c) Credits never exceed charges.
    const ledger = db.select().from(ledgerEntries).where(eq(ledgerEntries.subscriptionId, sub.id)).all();
    const charges = ledger.filter((l) => l.amountMinor > 0).reduce((t, l) => t + l.amountMinor, 0);
    const credits = -ledger.filter((l) => l.amountMinor < 0).reduce((t, l) => t + l.amountMinor, 0);
    expect(credits).toBeLessThanOrEqual(charges);
    // (d) Every change is logged once: a row is created with version 1 and each change bumps it.
    const logged = db.$client.prepare("SELECT count(*) FROM activity_log WHERE subscription_id = ?").pluck().get(sub.id);
    expect(logged).toBe(sub.version);
  }
}

/** Subscription id -> version, to count what a command changed. */
const versions = (db: AppDatabase) => new Map(customerSubscriptions(db).map((s) => [s.id, s.version]));

describe("random sequences of commands on one customer", () => {
  it("keep add-ons within their base, credits within charges, and log every change once", () => {
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 5, maxLength: 20 }), (steps) => {
        const { db, close } = freshDb();
        try {
          const actors = new Map<string, Actor>();
          const actorOf = (id: string) => actors.get(id) ?? actors.set(id, actorFor(db, id)).get(id)!;
          const clock = fixedClock(SEED_NOW);
          for (const step of steps) {
            const before = tableSnapshot(db, MUTABLE_TABLES);
            const versionsBefore = versions(db);
            const lastActivity = db.$client.prepare("SELECT coalesce(max(id), 0) FROM activity_log").pluck().get() as number;
            let done: boolean;
            try {
              done = runStep(db, clock, step, actorOf);
            } catch (error) {
              if (!isDomainError(error)) throw error;
              done = false;
            }
            if (!done) {
              // A refused command changes nothing; an abandoned Add to cart is emptied again.
              if (step.kind === "buy") clearCart(db, actorOf(step.user), CUSTOMER);
              expect(tableSnapshot(db, MUTABLE_TABLES)).toEqual(before);
              continue;
            }
            if (step.kind !== "advance") {
              // The user's rows in the log are exactly the changes this command made.
              const changes = [...versions(db)].reduce((t, [id, v]) => t + v - (versionsBefore.get(id) ?? 0), 0);
              const rows = db.select().from(activityLog).all().filter((a) => a.id > lastActivity);
              expect(rows).toHaveLength(changes);
              expect(rows.every((a) => a.actorUserId === step.user && a.at.getTime() === clock.now().getTime())).toBe(true);
            }
            checkInvariants(db);
          }
          // And after the lifecycle has run past the next renewals (and, with a suspension, past its deletion date).
          const suspended = customerSubscriptions(db).some((s) => s.status === "suspended");
          processLifecycle(db, new Date(clock.now().getTime() + (suspended ? 125 : 35) * DAY_MS));
          checkInvariants(db);
        } finally {
          close();
        }
      }),
      { numRuns: 50 },
    );
  }, 60_000);
});

describe("lifecycle processing", () => {
  it("is idempotent, and one run equals many smaller runs", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 * 24 }), { minLength: 1, maxLength: 6 }), (hours) => {
        const stepwise = freshDb();
        const once = freshDb();
        try {
          let t = SEED_NOW.getTime();
          for (const h of hours) {
            t += h * HOUR_MS;
            processLifecycle(stepwise.db, new Date(t));
          }
          processLifecycle(once.db, new Date(t));
          const snapshot = tableSnapshot(stepwise.db, ["subscriptions"]);
          expect(processLifecycle(stepwise.db, new Date(t))).toBe(0);
          expect(tableSnapshot(stepwise.db, ["subscriptions"])).toEqual(snapshot);
          expect(tableSnapshot(once.db, ["subscriptions"])).toEqual(snapshot);
          const ledger = (db: AppDatabase) => db.select({ s: ledgerEntries.subscriptionId, k: ledgerEntries.kind, a: ledgerEntries.amountMinor, p: ledgerEntries.postedAt }).from(ledgerEntries).all().map((l) => `${l.s}|${l.k}|${l.a}|${l.p.toISOString()}`).sort();
          expect(ledger(once.db)).toEqual(ledger(stepwise.db));
          const dbActions = (db: AppDatabase) => db.select({ s: activityLog.subscriptionId, a: activityLog.action, at: activityLog.at }).from(activityLog).where(eq(activityLog.actorName, "system")).all().map((r) => `${r.s}|${r.a}|${r.at.toISOString()}`).sort();
          expect(dbActions(once.db)).toEqual(dbActions(stepwise.db));
        } finally {
          stepwise.close();
          once.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 30_000);
});
