// EXPLAIN QUERY PLAN of the SQL every page and API read issues, captured while the domain runs.
import type Database from "better-sqlite3";
import { openDatabase, type AppDatabase } from "@/db/client";
import { loadActor } from "@/lib/auth/actor";
import { createSession, sessionUserId } from "@/lib/auth/session";
import { activityFilterOptions, clockStatus, getCustomer, getOrderDetail, getSubscriptionDetail, isDemoData, listActivity, listCatalog, listCustomers, listOrders, listSubscriptions, nextInvoice, renewalsPage, type Actor, type PartnerClock } from "@/lib/subscriptions";
import { isLifecycleDue, partnerClockFor } from "@/lib/subscriptions/system";
import type { BenchData } from "./generate";

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

const EXECUTING = new Set(["all", "get", "run", "iterate"]);
const CHAINING = new Set(["raw", "pluck", "expand", "safeIntegers"]);

/** Runs `fn` and returns every statement it executed on `client`, with its parameters. */
export function captureQueries(client: Database.Database, fn: () => unknown): CapturedQuery[] {
  const queries: CapturedQuery[] = [];
  const prepare = client.prepare;
  client.prepare = function (this: Database.Database, source: string) {
    const statement = prepare.call(this, source);
    const proxy: Database.Statement = new Proxy(statement, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== "function") return value;
        if (EXECUTING.has(String(prop))) {
          return (...args: unknown[]) => {
            queries.push({ sql: source, params: args });
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        if (CHAINING.has(String(prop))) {
          return (...args: unknown[]) => {
            (value as (...a: unknown[]) => unknown).apply(target, args);
            return proxy;
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
    return proxy;
  } as Database.Database["prepare"];
  try {
    fn();
  } finally {
    client.prepare = prepare;
  }
  return queries;
}

/**
 * The big tables: at 250,000+ rows a plan that reads one of them whole is a bug. Two shapes fail:
 * - any `SCAN` of one, `USING INDEX` / `USING COVERING INDEX` included: a SCAN walks the whole
 *   index, every partner's entries, even when partner_id is the index's first column (a plan scoped
 *   to the partner says `SEARCH ... (partner_id=?)` instead);
 * - a `SEARCH` constrained by the partner alone, `(partner_id=?)`, unless a LIMIT stops it early
 *   (no LIMIT, or a temp B-tree that must sort every row first): with one partner holding most rows,
 *   that is the whole table again (a COUNT(*) or a DISTINCT over 500,000 activity rows).
 * Other tables are small (customers, offers) or tiny; their scans are reported, not failed.
 */
export const BIG_TABLES = ["subscriptions", "ledger_entries", "activity_log"] as const;
const BIG = BIG_TABLES.join("|");
const FULL_SCAN = new RegExp(`^SCAN (TABLE )?(${BIG})\\b`);
const PARTNER_WIDE = new RegExp(`^SEARCH (TABLE )?(${BIG}) USING (COVERING )?INDEX \\S+ \\(partner_id=\\?\\)$`);
const SORTS_ALL = /^USE TEMP B-TREE FOR (ORDER BY|DISTINCT|GROUP BY)/;
const ANY_SCAN = /^SCAN (TABLE )?(\w+)/;

export interface PlannedQuery extends CapturedQuery {
  plan: string[];
  /** Plan lines that read a big table whole, each with why. */
  problems: string[];
  /** Scans of the other tables, for the report. */
  notes: string[];
}

export function explain(client: Database.Database, query: CapturedQuery): PlannedQuery {
  const rows = client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[];
  const plan = rows.map((r) => r.detail);
  const stopsEarly = /\blimit\b/i.test(query.sql) && !plan.some((line) => SORTS_ALL.test(line));
  const problems = [
    ...plan.filter((line) => FULL_SCAN.test(line)).map((line) => `${line} (a full scan)`),
    ...(stopsEarly ? [] : plan.filter((line) => PARTNER_WIDE.test(line)).map((line) => `${line} (every row of the partner, nothing stops it early)`)),
  ];
  // CTEs show up as `SCAN c`: only real tables count.
  const tables = new Set(client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  const notes = plan.filter((line) => !FULL_SCAN.test(line) && tables.has(ANY_SCAN.exec(line)?.[2] ?? ""));
  return { ...query, plan, problems, notes };
}

export interface PlanCase {
  name: string;
  run: (ctx: { db: AppDatabase; actor: Actor; clock: PartnerClock; data: BenchData; token: string }) => unknown;
}

/** What every signed-in request does first (proxy aside): session, actor, lifecycle check, the layout's clock. */
function signedIn({ db, actor, clock, token }: Parameters<PlanCase["run"]>[0]) {
  sessionUserId(db, token, clock.now());
  loadActor(db, actor.userId);
  isLifecycleDue(db, actor.partnerId, clock.now());
  clockStatus(db, clock);
  isDemoData(db);
}

/** The reads behind each page and API route the bench loads, as the pages call them. */
export const PLAN_CASES: PlanCase[] = [
  { name: "every signed-in request (session, actor, lifecycle check, layout)", run: signedIn },
  { name: "/customers", run: ({ db, actor }) => listCustomers(db, actor, {}) },
  { name: "/customers?q=", run: ({ db, actor }) => listCustomers(db, actor, { q: "Ski House 0" }) },
  { name: "/customers sorted by created, deep page", run: ({ db, actor, data }) => listCustomers(db, actor, { sort: "created", dir: "desc", page: Math.floor(data.customerPages * 0.8) }) },
  { name: "/customers sorted by country", run: ({ db, actor }) => listCustomers(db, actor, { sort: "country" }) },
  {
    name: "a customer's page (subscriptions, next invoice)",
    run: ({ db, actor, clock, data }) => {
      getCustomer(db, actor, data.customerId);
      listSubscriptions(db, actor, clock, data.customerId, { page: 1 });
      nextInvoice(db, actor, clock, data.customerId);
    },
  },
  { name: "catalog, first page", run: ({ db, actor, data }) => listCatalog(db, actor, data.customerId, {}) },
  { name: "catalog, filtered", run: ({ db, actor, data }) => listCatalog(db, actor, data.customerId, { publisher: ["partner"], billingType: ["license"], category: ["enterprise"], q: "Backup" }) },
  { name: "catalog, last page", run: ({ db, actor, data }) => listCatalog(db, actor, data.customerId, { page: data.catalogPages }) },
  { name: "a subscription's page", run: ({ db, actor, clock, data }) => getSubscriptionDetail(db, actor, clock, data.subscriptionId) },
  { name: "GET /api/customers/{id}/subscriptions", run: ({ db, actor, clock, data }) => listSubscriptions(db, actor, clock, data.customerId, {}) },
  { name: "a customer's Orders", run: ({ db, actor, data }) => listOrders(db, actor, data.customerId) },
  {
    name: "an order's page",
    run: ({ db, actor, clock, data }) => {
      const [first] = listOrders(db, actor, data.customerId).items;
      if (first) getOrderDetail(db, actor, clock, data.customerId, first.order.id);
    },
  },
  { name: "/activity", run: ({ db, actor }) => (activityFilterOptions(db, actor), listActivity(db, actor, { limit: 300 })) },
  { name: "/activity filtered by customer", run: ({ db, actor, data }) => listActivity(db, actor, { customerId: data.customerId, limit: 300 }) },
  // Renewals: one index walk per kind of event, by date; by customer, customers by name then each one's subscriptions.
  {
    name: "/renewals, next 90 days, first and second page",
    run: ({ db, actor, clock }) => renewalsPage(db, actor, clock, { days: 90, cursor: renewalsPage(db, actor, clock, { days: 90 }).nextCursor ?? undefined }),
  },
  { name: "/renewals filtered (30 days, ISV, auto-renew on, renewals)", run: ({ db, actor, clock }) => renewalsPage(db, actor, clock, { days: 30, publisher: "partner", autoRenew: true, event: "renews" }) },
  { name: "/renewals sorted by customer", run: ({ db, actor, clock }) => renewalsPage(db, actor, clock, { days: 90, sort: "customer" }) },
  { name: "/renewals of one customer", run: ({ db, actor, clock, data }) => renewalsPage(db, actor, clock, { days: 90, customerId: data.customerId }) },
  { name: "/activity filtered by user and action", run: ({ db, actor }) => listActivity(db, actor, { userId: "contoso-helpdesk-agent", action: "suspend", limit: 300 }) },
];

export interface CasePlans {
  name: string;
  queries: PlannedQuery[];
}

/**
 * Runs `fn` on a new connection to the same database file and explains every statement it executed.
 * A new connection, because queries prepared once per connection (db/prepared.ts) would otherwise
 * have been prepared before the capture began, and run unseen.
 */
export function explainOnFreshConnection(db: AppDatabase, fn: (db: AppDatabase) => unknown): PlannedQuery[] {
  const fresh = openDatabase(db.$client.name);
  try {
    return captureQueries(fresh.$client, () => fn(fresh)).map((q) => explain(fresh.$client, q));
  } finally {
    fresh.$client.close();
  }
}

/** Runs every case as the partner's global admin at `now` and explains what it executed. */
export function planAllCases(db: AppDatabase, data: BenchData, now: Date, cases: PlanCase[] = PLAN_CASES): CasePlans[] {
  const actor = loadActor(db, "contoso-global-admin");
  if (!actor) throw new Error("The demo seed's contoso-global-admin is missing");
  const { token } = createSession(db, actor.userId, now);
  return cases.map((c) => ({
    name: c.name,
    queries: explainOnFreshConnection(db, (fresh) => c.run({ db: fresh, actor, clock: partnerClockFor(fresh, actor.partnerId, () => now), data, token })),
  }));
}
