import { describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db/client";
import { cancelSubscription, DAY_MS, fixedClock, renewalBatches, renewalsPage, type Actor, type RenewalFilters, type RenewalRow } from "@/lib/subscriptions";
import { processLifecycle } from "@/lib/subscriptions/system";
import { actorFor, addCustomer, buyAddOn, buySubscription, freshDb, reload, SEED_NOW, stored, submitChanges, suspendSubscription } from "./helpers";

// Issue 14, Renewals: "subscriptions that renew or expire in the next 30, 60 or 90 days, free trials
// that convert, scheduled cancellations and quantity changes, and suspended subscriptions approaching
// their deletion date, each with its date, customer, offer, quantity, auto-renew and the amount the
// next term will cost."

const CUSTOMER = "renewals-co";

/** One customer of Contoso with one subscription per kind of event, bought at SEED_NOW, changed two days later. */
function portfolio() {
  const { db } = freshDb();
  const admin = actorFor(db, "contoso-global-admin");
  addCustomer(db, { id: CUSTOMER, name: "Renewals Test Co", partnerId: "contoso-partners" });
  const bought = fixedClock(SEED_NOW);
  const buy = (offerId: string, quantity: number) => buySubscription(db, admin, bought, { customerId: CUSTOMER, offerId, quantity });
  const renews = buy("northwind-crm-connect", 3);
  const expires = buy("tailspin-secure-gateway", 2);
  submitChanges(db, admin, bought, expires.id, { autoRenew: false });
  const trial = buy("contoso-backup-pro", 4);
  const decrease = buy("adatum-compliance-suite", 10);
  const cancelled = buy("relecloud-insights", 1);
  const suspended = buy("microsoft-365-business-basic", 1);
  // Past the 24-hour refund window: the decrease and the cancellation wait for the renewal date.
  const later = fixedClock(new Date(SEED_NOW.getTime() + 2 * DAY_MS));
  submitChanges(db, admin, later, decrease.id, { quantity: 6 });
  cancelSubscription(db, admin, later, { subscriptionId: cancelled.id, reason: "Not needed" });
  suspendSubscription(db, admin, later, suspended.id);
  const ids = { renews: renews.id, expires: expires.id, trial: trial.id, decrease: decrease.id, cancelled: cancelled.id, suspended: suspended.id };
  return { db, admin, later, ids };
}

/** Every row of the list, read in batches of 2 (so the keyset walk crosses batches). */
function allRows(db: AppDatabase, actor: Actor, now: Date | number, filters: RenewalFilters = {}): RenewalRow[] {
  return [...renewalBatches(db, actor, fixedClock(new Date(now)), filters, 2)].flat();
}

const mine = (rows: RenewalRow[]) => rows.filter((r) => r.customerId === CUSTOMER);

describe("the Renewals list", () => {
  it("shows each subscription's next event with its date, quantity, auto-renew and the next term's charge", () => {
    const { db, admin, later, ids } = portfolio();
    const rows = mine(allRows(db, admin, later.now(), { days: 90 }));
    const byId = new Map(rows.map((r) => [r.subscriptionId, r]));
    const renews = reload(db, admin, ids.renews);
    expect(byId.get(ids.renews)).toMatchObject({ kind: "renews", at: renews.termEnd, quantity: 3, nextQuantity: 3, autoRenew: true, nextTermMinor: 3 * 1500, currency: "USD", offerName: "Northwind CRM Connect", customerName: "Renewals Test Co" });
    expect(byId.get(ids.expires)).toMatchObject({ kind: "expires", autoRenew: false, nextTermMinor: null });
    expect(byId.get(ids.trial)).toMatchObject({ kind: "trial_converts", at: new Date(SEED_NOW.getTime() + 30 * DAY_MS), nextTermMinor: 4 * 1200 });
    expect(byId.get(ids.decrease)).toMatchObject({ kind: "quantity_change", quantity: 10, nextQuantity: 6, nextTermMinor: 6 * 1800 });
    expect(byId.get(ids.cancelled)).toMatchObject({ kind: "cancellation", at: reload(db, admin, ids.cancelled).cancellationScheduledAt, nextTermMinor: null });
    expect(byId.get(ids.suspended)).toMatchObject({ kind: "deletion", status: "suspended", at: reload(db, admin, ids.suspended).deletionAt, nextTermMinor: null });
    expect(rows).toHaveLength(6);
    // In date order, as the page shows it by default.
    expect(rows.map((r) => r.at.getTime())).toEqual(rows.map((r) => r.at.getTime()).sort((a, b) => a - b));
  });

  it("counts an event exactly 30 days ahead in the next 30 days, and not one 1 ms later", () => {
    const { db, admin, ids } = portfolio();
    const termEnd = reload(db, admin, ids.renews).termEnd.getTime();
    const edge = termEnd - 30 * DAY_MS;
    const has = (now: number, filters: RenewalFilters) => allRows(db, admin, now, { days: 30, ...filters }).some((r) => r.subscriptionId === ids.renews);
    // The partner-wide walk and the one customer's list agree at both edges.
    for (const filters of [{}, { customerId: CUSTOMER }, { sort: "customer" as const }]) {
      expect(has(edge, filters)).toBe(true);
      expect(has(edge - 1, filters)).toBe(false);
    }
    expect(renewalsPage(db, admin, fixedClock(new Date(edge)), { days: 30, customerId: CUSTOMER }).until).toEqual(new Date(termEnd));
    // The 60- and 90-day windows reach further.
    expect(allRows(db, admin, termEnd - 60 * DAY_MS, { days: 60 }).some((r) => r.subscriptionId === ids.renews)).toBe(true);
    expect(allRows(db, admin, termEnd - 60 * DAY_MS - 1, { days: 60 }).some((r) => r.subscriptionId === ids.renews)).toBe(false);
  });

  it("filters by kind of event, publisher and auto-renew", () => {
    const { db, admin, later, ids } = portfolio();
    const idsFor = (filters: RenewalFilters) => mine(allRows(db, admin, later.now(), { days: 90, ...filters })).map((r) => r.subscriptionId).sort();
    expect(idsFor({ event: "renews" })).toEqual([ids.renews, ids.decrease].sort());
    expect(idsFor({ event: "quantity_change" })).toEqual([ids.decrease]);
    expect(idsFor({ event: "expires" })).toEqual([ids.expires]);
    expect(idsFor({ event: "trial" })).toEqual([ids.trial]);
    expect(idsFor({ event: "cancellation" })).toEqual([ids.cancelled]);
    expect(idsFor({ event: "deletion" })).toEqual([ids.suspended]);
    expect(idsFor({ publisher: "microsoft" })).toEqual([ids.suspended]);
    expect(idsFor({ autoRenew: false })).toEqual([ids.expires]);
    expect(idsFor({ customerId: CUSTOMER, event: "trial" })).toEqual([ids.trial]);
    // The suspension's deletion date is 90 days out: not within 30 days.
    expect(idsFor({ days: 30, event: "deletion" })).toEqual([]);
  });

  it("sorts by customer and by offer, and pages through the same rows with cursors", () => {
    const { db, admin, later } = portfolio();
    const collator = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
    for (const sort of ["customer"] as const) {
      const rows = allRows(db, admin, later.now(), { days: 90, sort });
      const names = rows.map((r) => (sort === "customer" ? r.customerName : r.offerName));
      expect(names).toEqual([...names].sort(collator));
      expect(rows.length).toBeGreaterThan(6);
    }
    const all = allRows(db, admin, later.now(), { days: 90 }).map((r) => r.subscriptionId);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = renewalsPage(db, admin, later, { days: 90, size: 3, cursor });
      paged.push(...page.items.map((r) => r.subscriptionId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
    // Previous goes back to the page before.
    const first = renewalsPage(db, admin, later, { days: 90, size: 3 });
    const second = renewalsPage(db, admin, later, { days: 90, size: 3, cursor: first.nextCursor! });
    expect(renewalsPage(db, admin, later, { days: 90, size: 3, cursor: second.prevCursor! }).items).toEqual(first.items);
  });

  it("shows a role without the money right no amounts", () => {
    const { db, later } = portfolio();
    for (const userId of ["contoso-sales-agent", "contoso-helpdesk-agent"]) {
      const page = renewalsPage(db, actorFor(db, userId), later, { days: 90, customerId: CUSTOMER });
      expect(page.amountsShown).toBe(false);
      expect(page.items.length).toBe(6);
      expect(page.items.every((r) => r.nextTermMinor === null)).toBe(true);
    }
    const billing = renewalsPage(db, actorFor(db, "contoso-billing-admin"), later, { days: 90, customerId: CUSTOMER });
    expect(billing.items.some((r) => r.nextTermMinor !== null)).toBe(true);
  });

  it("never shows another partner's subscriptions", () => {
    const { db, later } = portfolio();
    const partnerOf = db.$client.prepare("SELECT partner_id FROM customers WHERE id = ?").pluck();
    for (const [userId, partnerId] of [["contoso-global-admin", "contoso-partners"], ["adventure-works-global-admin", "adventure-works"]] as const) {
      const actor = actorFor(db, userId);
      for (const sort of ["date", "customer"] as const) {
        const rows = allRows(db, actor, later.now().getTime() + 365 * DAY_MS, { days: 90, sort });
        expect(rows.length).toBeGreaterThan(0);
        expect(new Set(rows.map((r) => partnerOf.get(r.customerId)))).toEqual(new Set([partnerId]));
      }
    }
    // Another partner's customer, picked by id, lists nothing.
    expect(renewalsPage(db, actorFor(db, "adventure-works-global-admin"), later, { days: 90, customerId: CUSTOMER }).items).toEqual([]);
  });
});

describe("an add-on", () => {
  it("is listed as expiring when its base won't renew, as the lifecycle then ends it", () => {
    const { db, admin } = portfolio();
    const clock = fixedClock(SEED_NOW);
    const base = buySubscription(db, admin, clock, { customerId: CUSTOMER, offerId: "contoso-backup-pro", quantity: 5 });
    const addOn = buyAddOn(db, admin, clock, base, "contoso-backup-pro-extended-retention", 3);
    clock.set(base.trialEndsAt!);
    processLifecycle(db, clock.now());
    const kindOf = () => renewalsPage(db, admin, clock, { days: 60, customerId: CUSTOMER }).items.find((r) => r.subscriptionId === addOn.id);
    expect(kindOf()).toMatchObject({ kind: "renews", nextTermMinor: 3 * 400 });
    submitChanges(db, admin, clock, base.id, { autoRenew: false });
    expect(kindOf()).toMatchObject({ kind: "expires", autoRenew: true, nextTermMinor: null });
    // The partner-wide walk says the same.
    expect(allRows(db, admin, clock.now(), { days: 60, event: "expires" }).map((r) => r.subscriptionId)).toContain(addOn.id);
    expect(allRows(db, admin, clock.now(), { days: 60, event: "renews" }).map((r) => r.subscriptionId)).not.toContain(addOn.id);
    processLifecycle(db, stored(db, base.id).termEnd);
    expect(stored(db, addOn.id).status).toBe("expired");
  });
});

describe("the Renewals table", () => {
  it("shows amounts only with the money right, and the quantity a renewal changes to", async () => {
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { NextIntlClientProvider } = await import("next-intl");
    const { MESSAGES } = await import("@/messages");
    const { RenewalsTable } = await import("@/components/RenewalsTable");
    const { db, later } = portfolio();
    const render = (userId: string, locale: "en-US" | "sv-SE" = "en-US") => {
      const page = renewalsPage(db, actorFor(db, userId), later, { days: 90, customerId: CUSTOMER });
      const table = createElement(RenewalsTable, { items: page.items, amountsShown: page.amountsShown, bulkFormId: "bulk" });
      // Intl's spaces (before a currency) read as plain ones here.
      return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages: MESSAGES[locale], timeZone: "UTC", children: table })).replace(/[\u00a0\u202f]/g, " ");
    };
    const admin = render("contoso-global-admin");
    expect(admin).toContain("Next term");
    expect(admin).toContain("$45.00");
    expect(admin).toContain("10 → 6");
    expect(admin).toContain("Renews with a new quantity");
    const sales = render("contoso-sales-agent");
    expect(sales).not.toContain("Next term");
    expect(sales).not.toMatch(/\$\d/);
    expect(sales).toContain("Northwind CRM Connect");
    // Issue 13: the same rows in Swedish, money and dates by the locale.
    const swedish = render("contoso-global-admin", "sv-SE");
    for (const text of ["Nästa period", "45,00 US$", "10 → 6", "Förnyas med nytt antal", "Förnya automatiskt", "Välj Northwind CRM Connect för"]) expect(swedish).toContain(text);
    expect(swedish).not.toMatch(/Renews|Next term|\$\d/);
  });
});
