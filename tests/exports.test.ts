import { describe, expect, it, vi } from "vitest";
import type { AppDatabase } from "@/db/client";
import { parseCsv, unneutralise } from "@/lib/csv";
import { DAY_MS, fixedClock, listSubscriptions, type Actor } from "@/lib/subscriptions";
import { actorFor, addCustomer, buySubscription, freshDb, SEED_NOW, submitChanges } from "./helpers";

// Issue 14, Exports: "CSV downloads of a customer's subscriptions, the partner's renewals and the
// activity log (with its filters). Stream them ...; quote correctly; neutralise cells that start with
// =, +, - or @ ... Money in the currency's minor unit and as a decimal column."

const edge = vi.hoisted(() => ({ db: undefined as unknown, actor: undefined as unknown, now: new Date("2026-03-04T09:00:00.000Z") }));
vi.mock("@/db", () => ({ getDb: () => edge.db }));
vi.mock("@/lib/server/context", async () => {
  const { fixedClock } = await import("@/lib/subscriptions");
  return { currentActor: async () => edge.actor, getClock: () => fixedClock(edge.now) };
});

const renewalsRoute = await import("@/app/api/exports/renewals/route");
const activityRoute = await import("@/app/api/exports/activity/route");
const subscriptionsRoute = await import("@/app/api/exports/customers/[customerId]/subscriptions/route");
const invoiceRoute = await import("@/app/api/exports/customers/[customerId]/invoice/route");

const EVIL = "=HYPERLINK(\"http://evil.example\",\"Click\"), Inc.";

/** A Contoso customer whose name starts like a formula, with two ISV subscriptions bought at SEED_NOW. */
function setup() {
  const { db } = freshDb();
  const admin = actorFor(db, "contoso-global-admin");
  addCustomer(db, { id: "export-co", name: EVIL, partnerId: "contoso-partners" });
  const clock = fixedClock(SEED_NOW);
  const crm = buySubscription(db, admin, clock, { customerId: "export-co", offerId: "northwind-crm-connect", quantity: 3 });
  const gateway = buySubscription(db, admin, clock, { customerId: "export-co", offerId: "tailspin-secure-gateway", quantity: 2 });
  submitChanges(db, admin, clock, gateway.id, { autoRenew: false });
  edge.db = db;
  edge.now = new Date(SEED_NOW.getTime() + 2 * DAY_MS);
  return { db, admin, crm, gateway };
}

async function get(route: { GET: (request: Request, ctx: { params: Promise<never> }) => Promise<Response> }, actor: Actor | null, path: string, params: object = {}) {
  edge.actor = actor;
  const response = await route.GET(new Request(`http://localhost:3000${path}`), { params: Promise.resolve(params as never) });
  return response;
}

/** The CSV body as records of named fields, formula-neutralised text restored. */
async function records(response: Response): Promise<Record<string, string>[]> {
  const [header, ...rows] = parseCsv(await response.text());
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, unneutralise(row[i])])));
}

describe("the Renewals export", () => {
  it("downloads the filtered list as CSV, quoted, neutralised, with money in minor units and as a decimal", async () => {
    const { admin, crm, gateway } = setup();
    const response = await get(renewalsRoute, admin, "/api/exports/renewals?days=60&customer=export-co");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="renewals-2026-03-04.csv"');
    const text = await response.clone().text();
    // The name reaches the spreadsheet as text: a leading quote, inside RFC 4180 quotes (it holds a comma and quotes).
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click""), Inc."`);
    const rows = await records(response);
    expect(rows.map((r) => r["Subscription ID"]).sort()).toEqual([crm.id, gateway.id].sort());
    const renews = rows.find((r) => r["Subscription ID"] === crm.id)!;
    expect(renews).toMatchObject({ Customer: EVIL, Event: "renews", Quantity: "3", "Auto-renew": "true", "Next term (minor units)": "4500", "Next term": "45.00", Currency: "USD" });
    expect(rows.find((r) => r["Subscription ID"] === gateway.id)).toMatchObject({ Event: "expires", "Auto-renew": "false", "Next term (minor units)": "", "Next term": "" });
  });

  it("keeps the filters: auto-renew off lists only those", async () => {
    const { admin, gateway } = setup();
    const rows = await records(await get(renewalsRoute, admin, "/api/exports/renewals?days=60&customer=export-co&autoRenew=off"));
    expect(rows.map((r) => r["Subscription ID"])).toEqual([gateway.id]);
  });

  it("has no money columns for a role without view_billing", async () => {
    const { db } = setup();
    const response = await get(renewalsRoute, actorFor(db, "contoso-sales-agent"), "/api/exports/renewals?days=60&customer=export-co");
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).not.toContain("Next term");
    expect(header).not.toContain("Currency");
    expect(rows).toHaveLength(2);
  });

  it("answers 401 without a session", async () => {
    setup();
    expect((await get(renewalsRoute, null, "/api/exports/renewals")).status).toBe(401);
  });
});

describe("the activity log export", () => {
  /** Many entries for one customer, more than one batch of 1,000, all at two instants (ties on the date). */
  function manyEntries(db: AppDatabase, n: number) {
    db.$client
      .prepare(
        `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n})
         INSERT INTO activity_log (partner_id, customer_id, subscription_id, actor_user_id, actor_name, actor_role, action, before, after, at)
         SELECT 'contoso-partners', 'export-co', 'sub-' || i, 'contoso-global-admin', '+Robert, "Bob"', 'global_admin', 'quantity', '{"quantity":1}', '{"quantity":2}', ? + (i % 2) FROM k`,
      )
      .run(SEED_NOW.getTime());
  }

  it("streams every entry of the filter across batches, newest first, each once", async () => {
    const { db, admin } = setup();
    manyEntries(db, 2500);
    const response = await get(activityRoute, admin, "/api/exports/activity?customer=export-co&action=quantity");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="activity-2026-03-04.csv"');
    const rows = await records(response);
    expect(rows).toHaveLength(2500);
    expect(new Set(rows.map((r) => r["Subscription ID"])).size).toBe(2500);
    expect(rows.every((r) => r["Customer ID"] === "export-co" && r.Action === "quantity" && r.User === '+Robert, "Bob"')).toBe(true);
    const dates = rows.map((r) => r.Date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(JSON.parse(rows[0].After)).toEqual({ quantity: 2 });
  });

  it("is refused to a role without the activity log (403)", async () => {
    const { db } = setup();
    expect((await get(activityRoute, actorFor(db, "contoso-sales-agent"), "/api/exports/activity")).status).toBe(403);
  });
});

describe("a customer's subscriptions export", () => {
  it("lists every subscription of the customer with its term charge", async () => {
    const { db, admin, crm } = setup();
    const response = await get(subscriptionsRoute, admin, "/api/exports/customers/export-co/subscriptions", { customerId: "export-co" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="subscriptions-export-co-2026-03-04.csv"');
    const rows = await records(response);
    expect(rows).toHaveLength(listSubscriptions(db, admin, fixedClock(edge.now), "export-co").total);
    expect(rows.find((r) => r["Subscription ID"] === crm.id)).toMatchObject({ Offer: "Northwind CRM Connect", Status: "Active", Quantity: "3", "Term charge (minor units)": "4500", "Term charge": "45.00", Currency: "USD" });
  });

  it("walks past one page: a customer with more subscriptions than a page holds", async () => {
    const { db, admin, crm } = setup();
    // 45 more rows like the CRM subscription (the list shows 20 a page).
    const columns = (db.$client.prepare("SELECT name FROM pragma_table_info('subscriptions') WHERE name != 'id'").pluck().all() as string[]).join(", ");
    db.$client.prepare(`WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 45) INSERT INTO subscriptions (id, ${columns}) SELECT 'copy-' || i, ${columns} FROM subscriptions CROSS JOIN k WHERE id = ?`).run(crm.id);
    const total = listSubscriptions(db, admin, fixedClock(edge.now), "export-co").total;
    expect(total).toBe(47);
    const rows = await records(await get(subscriptionsRoute, admin, "/api/exports/customers/export-co/subscriptions", { customerId: "export-co" }));
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r["Subscription ID"])).size).toBe(total);
  });

  it("answers 404 for another partner's customer", async () => {
    const { db } = setup();
    const response = await get(subscriptionsRoute, actorFor(db, "adventure-works-global-admin"), "/api/exports/customers/export-co/subscriptions", { customerId: "export-co" });
    expect(response.status).toBe(404);
  });
});

describe("the next invoice's CSV", () => {
  it("lists the period's charges with exact decimals, for roles with the charges right only", async () => {
    const { db, crm, gateway } = setup();
    const response = await get(invoiceRoute, actorFor(db, "contoso-billing-admin"), "/api/exports/customers/export-co/invoice", { customerId: "export-co" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="next-invoice-export-co-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual(["Posted", "Subscription ID", "Kind", "Description", "Quantity", "Charge start", "Charge end", "Amount (minor units)", "Amount", "Currency"]);
    const bySubscription = new Map(rows.map((r) => [r[1], r]));
    // The ledger holds a code; the file says it in English whoever downloads it.
    expect(bySubscription.get(crm.id)).toMatchObject({ 2: "purchase", 3: "Northwind CRM Connect: first term", 4: "3", 9: "USD" });
    expect(Number(bySubscription.get(crm.id)![7]) / 100).toBe(Number(bySubscription.get(crm.id)![8]));
    expect(bySubscription.has(gateway.id)).toBe(true);
    for (const role of ["contoso-sales-agent", "contoso-helpdesk-agent"]) {
      expect((await get(invoiceRoute, actorFor(db, role), "/api/exports/customers/export-co/invoice", { customerId: "export-co" })).status).toBe(403);
    }
    expect((await get(invoiceRoute, actorFor(db, "trey-research-global-admin"), "/api/exports/customers/export-co/invoice", { customerId: "export-co" })).status).toBe(404);
  });
});
