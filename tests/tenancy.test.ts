import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addToCart,
  buy,
  cancelSubscription,
  getCart,
  getCustomer,
  getOrder,
  getSubscriptionDetail,
  listCatalog,
  listSubscriptions,
  nextInvoice,
  removeCartLine,
  submitSubscriptionChanges,
  updateCartLineQuantity,
} from "@/lib/subscriptions";
import { actorFor, buySubscription, clockAt, expectRefused, freshDb, type TestDb } from "./helpers";

/** Each partner's Global admin, and ids that belong to that partner. */
const PARTNERS = [
  { admin: "contoso-global-admin", customer: "humongous-insurance", offer: "relecloud-insights" },
  { admin: "adventure-works-global-admin", customer: "lakeshore-retail", offer: "office-365-e1" },
  { admin: "trey-research-global-admin", customer: "us-bureau-of-mapping", offer: "microsoft-365-g3-gcc-high" },
  { admin: "northwind-channel-global-admin", customer: "harbour-bakery", offer: "fourth-coffee-pos" },
  // An indirect reseller can't buy: it owns customers but no orders or subscriptions.
  { admin: "margies-travel-global-admin", customer: "boulder-creek-hotels", offer: null },
] as const;

interface Owned {
  admin: string;
  customerId: string;
  subscriptionId?: string;
  version?: number;
  orderId?: string;
  cartLineId?: string;
}

let test: TestDb;
const owned: Owned[] = [];

beforeAll(() => {
  test = freshDb();
  const clock = clockAt();
  for (const p of PARTNERS) {
    const actor = actorFor(test.db, p.admin);
    if (!p.offer) {
      owned.push({ admin: p.admin, customerId: p.customer });
      continue;
    }
    const sub = buySubscription(test.db, actor, clock, { customerId: p.customer, offerId: p.offer, quantity: 2 });
    const line = addToCart(test.db, actor, clock, { customerId: p.customer, offerId: p.offer, quantity: 1, billingFrequency: "monthly" });
    owned.push({ admin: p.admin, customerId: p.customer, subscriptionId: sub.id, version: sub.version, orderId: sub.orderId!, cartLineId: line.id });
  }
  return () => test.close();
});

describe("another partner's ids are not found, and nothing changes", () => {
  for (const caller of PARTNERS) {
    for (const target of PARTNERS) {
      if (caller === target) continue;
      it(`${caller.admin} on ${target.admin}'s ids`, () => {
        const { db } = test;
        const actor = actorFor(db, caller.admin);
        const clock = clockAt();
        const ids = owned.find((o) => o.admin === target.admin)!;
        const c = ids.customerId;
        expectRefused(db, "not_found:customer", () => getCustomer(db, actor, c));
        expectRefused(db, "not_found:customer", () => listCatalog(db, actor, c));
        expectRefused(db, "not_found:customer", () => getCart(db, actor, c));
        expectRefused(db, "not_found:customer", () => listSubscriptions(db, actor, clock, c));
        expectRefused(db, "not_found:customer", () => nextInvoice(db, actor, clock, c));
        if (caller.offer) {
          expectRefused(db, "not_found:customer", () => addToCart(db, actor, clock, { customerId: c, offerId: caller.offer, quantity: 1, billingFrequency: "monthly" }));
          expectRefused(db, "not_found:customer", () => buy(db, actor, clock, { customerId: c, idempotencyKey: randomUUID() }));
        }
        if (!ids.subscriptionId) return;
        const s = ids.subscriptionId;
        expectRefused(db, "not_found:subscription", () => getSubscriptionDetail(db, actor, clock, s));
        expectRefused(db, "not_found:subscription", () => submitSubscriptionChanges(db, actor, clock, { subscriptionId: s, version: ids.version!, quantity: 3 }));
        expectRefused(db, "not_found:subscription", () => submitSubscriptionChanges(db, actor, clock, { subscriptionId: s, version: ids.version!, status: "suspended", suspensionReason: "fraud" }));
        expectRefused(db, "not_found:subscription", () => cancelSubscription(db, actor, clock, { subscriptionId: s, reason: "Customer request" }));
        expectRefused(db, "not_found:customer", () => getOrder(db, actor, c, ids.orderId!));
        if (caller.offer) {
          // The caller's own customer with the other partner's cart line: still not found.
          const own = PARTNERS.find((p) => p.admin === caller.admin)!.customer;
          expectRefused(db, "not_found:cart_line", () => updateCartLineQuantity(db, actor, { customerId: own, lineId: ids.cartLineId!, quantity: 2 }));
          expectRefused(db, "not_found:cart_line", () => removeCartLine(db, actor, { customerId: own, lineId: ids.cartLineId! }));
          expectRefused(db, "not_found:order", () => getOrder(db, actor, own, ids.orderId!));
        }
      });
    }
  }

  it("each partner still sees its own", () => {
    for (const ids of owned) {
      const actor = actorFor(test.db, ids.admin);
      expect(getCustomer(test.db, actor, ids.customerId).id).toBe(ids.customerId);
      if (ids.subscriptionId) expect(getSubscriptionDetail(test.db, actor, clockAt(), ids.subscriptionId).subscription.quantity).toBe(2);
    }
  });
});

describe("sandboxes, created at random, see and change nothing of one another (nor of the demo partners)", async () => {
  const { createSandbox, newSandboxPassword, sandboxSettingsFromEnv } = await import("@/lib/sandboxes");
  const { listActivity, listCustomers, listOrders } = await import("@/lib/subscriptions");
  const { subscriptions: subscriptionsTable } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const KINDS = ["direct_bill", "indirect", "us_government"] as const;
  const pick = <T,>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)];

  interface Tenant {
    label: string;
    admin: string;
    prefix: string;
    customerId: string;
    subscription: { id: string; version: number } | null;
  }

  let db: TestDb;
  const tenants: Tenant[] = [];

  beforeAll(async () => {
    db = freshDb();
    const password = await newSandboxPassword();
    const settings = sandboxSettingsFromEnv({});
    const kinds = Array.from({ length: 5 }, () => pick(KINDS));
    for (const [i, kind] of kinds.entries()) {
      const sandbox = createSandbox(db.db, { kind, address: `192.0.2.${i}`, caller: { visitor: true }, settings, password }, clockAt().now());
      const prefix = `${sandbox.sandbox.id}.`;
      const partnerId = pick(sandbox.partnerIds);
      const admin = sandbox.users.find((u) => u.roles.includes("global_admin") && actorFor(db.db, u.userId).partnerId === partnerId)!;
      const actor = actorFor(db.db, admin.userId);
      const customer = pick(listCustomers(db.db, actor).items);
      const subs = db.db.select().from(subscriptionsTable).where(eq(subscriptionsTable.partnerId, partnerId)).all();
      const sub = subs.length ? pick(subs) : null;
      tenants.push({ label: `${kind} sandbox ${sandbox.sandbox.id} (${partnerId})`, admin: admin.userId, prefix, customerId: customer.id, subscription: sub && { id: sub.id, version: sub.version } });
    }
    tenants.push({ label: "demo Contoso", admin: "contoso-global-admin", prefix: "", customerId: "fabrikam", subscription: null });
    return () => db.close();
  });

  it("every list of one holds only its own ids", () => {
    for (const t of tenants.filter((x) => x.prefix)) {
      const actor = actorFor(db.db, t.admin);
      const own = (id: string) => id.startsWith(t.prefix);
      expect(listCustomers(db.db, actor, { size: 100 }).items.every((c) => own(c.id) && c.partnerId === actor.partnerId), t.label).toBe(true);
      const activity = listActivity(db.db, actor);
      expect(activity.every((a) => a.partnerId === actor.partnerId && own(a.subscriptionId)), t.label).toBe(true);
      for (const c of listCustomers(db.db, actor).items) {
        expect(listSubscriptions(db.db, actor, clockAt(), c.id).items.every((s) => own(s.subscription.id)), t.label).toBe(true);
        expect(listOrders(db.db, actor, c.id).items.every((o) => own(o.order.id)), t.label).toBe(true);
      }
    }
  });

  it("every lookup and change of another's ids is not found, and changes nothing", () => {
    for (const caller of tenants) {
      const actor = actorFor(db.db, caller.admin);
      const clock = clockAt();
      for (const target of tenants) {
        if (target === caller) continue;
        const c = target.customerId;
        expectRefused(db.db, "not_found:customer", () => getCustomer(db.db, actor, c));
        expectRefused(db.db, "not_found:customer", () => listSubscriptions(db.db, actor, clock, c));
        expectRefused(db.db, "not_found:customer", () => getCart(db.db, actor, c));
        expectRefused(db.db, "not_found:customer", () => nextInvoice(db.db, actor, clock, c));
        if (!target.subscription) continue;
        const s = target.subscription;
        expectRefused(db.db, "not_found:subscription", () => getSubscriptionDetail(db.db, actor, clock, s.id));
        expectRefused(db.db, "not_found:subscription", () => submitSubscriptionChanges(db.db, actor, clock, { subscriptionId: s.id, version: s.version, quantity: 3 }));
        expectRefused(db.db, "not_found:subscription", () => cancelSubscription(db.db, actor, clock, { subscriptionId: s.id, reason: "Customer request" }));
      }
    }
  });
});
