import { describe, expect, it } from "vitest";
import { DAY_MS, getSubscriptionDetail, HOUR_MS, listActivity, listSubscriptions, nextInvoice, type Actor } from "@/lib/subscriptions";
import type { AppDatabase } from "@/db/client";
import { actorFor, buySubscription, clockAt, domainError, freshDb, SEED_NOW, stored } from "./helpers";

const idOf = (db: AppDatabase, customerId: string, offerId: string) =>
  db.$client.prepare("SELECT id FROM subscriptions WHERE customer_id = ? AND offer_id = ?").pluck().get(customerId, offerId) as string;

describe("the seeded subscriptions", () => {
  it("were bought through the domain: every change logged once, every order with its subscriptions", () => {
    const { db } = freshDb();
    const rows = db.$client
      .prepare("SELECT s.id, s.version, (SELECT count(*) FROM activity_log a WHERE a.subscription_id = s.id) AS logged FROM subscriptions s")
      .all() as { id: string; version: number; logged: number }[];
    // The demo partners' 15, and the same again in the hidden sandbox templates (a copy of them).
    const demo = db.$client.prepare("SELECT count(*) FROM subscriptions s JOIN partners p ON p.id = s.partner_id WHERE p.template IS NULL").pluck().get();
    expect(demo).toBe(15);
    expect(rows).toHaveLength(30);
    for (const row of rows) expect(row.logged).toBe(row.version);
    expect(db.$client.prepare("SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.order_id = o.id)").pluck().get()).toBe(0);
    expect(db.$client.prepare("SELECT count(*) FROM ledger_entries l JOIN subscriptions s ON s.id = l.subscription_id WHERE l.partner_id <> s.partner_id OR l.customer_id <> s.customer_id").pluck().get()).toBe(0);
  });
});

describe("listSubscriptions", () => {
  it("lists the customer's subscriptions by offer name, with what Cancel would do", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    const page = listSubscriptions(db, actor, clockAt(), "fabrikam");
    expect(page.total).toBe(5);
    expect(page.items.map((i) => [i.offer.name, i.subscription.status, i.cancel.kind])).toEqual([
      ["Contoso Backup Pro", "active", "refund"],
      ["Microsoft 365 Business Premium", "active", "none"],
      ["Office 365 Advanced Threat Protection", "active", "none"],
      ["Office 365 E3", "suspended", "none"],
      ["Tailspin Secure Gateway", "active", "scheduled"],
    ]);
  });

  it("pages by 20", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    const clock = clockAt();
    for (let i = 0; i < 21; i++) {
      buySubscription(db, actor, clock, { customerId: "tailwind-traders", offerId: "office-365-e1" });
      clock.advance(1000);
    }
    const second = listSubscriptions(db, actor, clock, "tailwind-traders", { page: 2 });
    expect(second).toMatchObject({ total: 21, page: 2, pageCount: 2 });
    expect(second.items).toHaveLength(1);
    expect(listSubscriptions(db, actor, clock, "tailwind-traders", { page: 5 }).page).toBe(2);
  });

  it("is scoped to the partner", () => {
    const { db } = freshDb();
    expect(domainError(() => listSubscriptions(db, actorFor(db, "adventure-works-global-admin"), clockAt(), "fabrikam")).code).toBe("not_found:customer");
    expect(domainError(() => getSubscriptionDetail(db, actorFor(db, "adventure-works-global-admin"), clockAt(), idOf(db, "fabrikam", "office-365-e3"))).code).toBe("not_found:subscription");
  });
});

describe("getSubscriptionDetail", () => {
  it("shows a suspended base's deletion date and why add-ons can't be bought", () => {
    const { db } = freshDb();
    const detail = getSubscriptionDetail(db, actorFor(db, "contoso-global-admin"), clockAt(), idOf(db, "fabrikam", "office-365-e3"));
    expect(detail.deletionDate).toEqual(new Date(SEED_NOW.getTime() + 100 * DAY_MS));
    expect(detail.addOnBlocker).toBe("addon:base_not_active");
    expect(detail.base).toBeNull();
  });

  it("shows an active subscription the date its data would be deleted if suspended now", () => {
    const { db } = freshDb();
    const detail = getSubscriptionDetail(db, actorFor(db, "contoso-global-admin"), clockAt(HOUR_MS), idOf(db, "coho-winery", "contoso-backup-pro"));
    expect(detail.deletionDate).toEqual(new Date(SEED_NOW.getTime() + HOUR_MS + 120 * DAY_MS));
  });

  it("shows an add-on with its base and no add-ons of its own", () => {
    const { db } = freshDb();
    const addOnId = idOf(db, "fabrikam", "office-365-advanced-threat-protection");
    const detail = getSubscriptionDetail(db, actorFor(db, "contoso-global-admin"), clockAt(), addOnId);
    expect(detail.base?.offer.id).toBe("microsoft-365-business-premium");
    expect(detail.addOns).toEqual([]);
    expect(detail.subscription.termEnd).toEqual(detail.base?.subscription.termEnd);
  });
});

describe("listActivity", () => {
  function setup(): { db: AppDatabase; admin: Actor } {
    const { db } = freshDb();
    return { db, admin: actorFor(db, "contoso-global-admin") };
  }

  it("lists the partner's changes newest first, filtered", () => {
    const { db, admin } = setup();
    const all = listActivity(db, admin);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((a) => a.partnerId === "contoso-partners")).toBe(true);
    const times = all.map((a) => a.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(listActivity(db, admin, { customerId: "wingtip-toys" }).every((a) => a.customerId === "wingtip-toys")).toBe(true);
    expect(listActivity(db, admin, { action: "suspend" }).map((a) => a.subscriptionId)).toEqual([idOf(db, "fabrikam", "office-365-e3")]);
    expect(listActivity(db, admin, { userId: "contoso-global-admin" }).every((a) => a.actorUserId === "contoso-global-admin")).toBe(true);
    expect(listActivity(db, admin, { action: "renewal" }).every((a) => a.actorUserId === null && a.actorName === "system")).toBe(true);
    expect(listActivity(db, admin, { limit: 3 })).toHaveLength(3);
    expect(listActivity(db, actorFor(db, "adventure-works-global-admin")).every((a) => a.partnerId === "adventure-works")).toBe(true);
  });
});

describe("nextInvoice", () => {
  it("holds what was posted since the 1st of the month, credits included", () => {
    const { db } = freshDb();
    const admin = actorFor(db, "contoso-global-admin");
    const clock = clockAt();
    const invoice = nextInvoice(db, admin, clock, "fabrikam");
    expect(invoice.periodStart).toEqual(new Date("2026-03-01T00:00:00.000Z"));
    expect(invoice.lines.every((l) => l.postedAt >= invoice.periodStart)).toBe(true);
    // Tailspin (bought Feb 27) was charged on February's invoice.
    const tailspin = idOf(db, "fabrikam", "tailspin-secure-gateway");
    expect(invoice.lines.some((l) => l.subscriptionId === tailspin)).toBe(false);
    const sub = buySubscription(db, admin, clock, { customerId: "fabrikam", offerId: "office-365-e1", quantity: 2 });
    const after = nextInvoice(db, admin, clock, "fabrikam");
    expect(after.totalMinor).toBe(invoice.totalMinor + 2400);
    expect(after.lines[0].subscriptionId).toBe(sub.id);
    expect(stored(db, sub.id).status).toBe("active");
  });
});
