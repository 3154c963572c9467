import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import * as schema from "@/db/schema";
import type { AppDatabase, Db } from "@/db/client";
import { activityPage, listCustomers, listSubscriptions, PAGE_SIZE, type Actor, type CustomerSort } from "@/lib/subscriptions";
import { activityParamsSchema, customerListParamsSchema } from "@/lib/validation";
import { actorFor, clockAt, freshDb } from "./helpers";

/**
 * Keyset pages, as a reader paging with Next / Previous sees them: every row exactly once, in the
 * list's order, both ways; a bad or foreign cursor shows page 1 (never a 500); and no page's query
 * sorts in a temp B-tree or scans a table, however deep (plans read with EXPLAIN QUERY PLAN on
 * thousands of rows with tied sort keys).
 */

// The API handlers read the database and the signed-in actor through these: hand them the test's.
const edge = vi.hoisted(() => ({ db: undefined as unknown, actor: undefined as unknown }));
vi.mock("@/db", () => ({ getDb: () => edge.db }));
vi.mock("@/lib/server/context", async () => {
  const { fixedClock } = await import("@/lib/subscriptions");
  return { currentActor: async () => edge.actor, getClock: () => fixedClock(new Date("2026-03-02T09:00:00.000Z")) };
});

const CONTOSO = "contoso-partners";
const BIG = "kp-1";
const T0 = Date.UTC(2025, 0, 1);
const COUNTRIES = ["US", "SE", "DE", "GB", "JP", "FR", "NL"];

/** Thousands of rows with many ties on every sort key, inserted set-based. */
function addBulkRows(db: AppDatabase): void {
  db.$client.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
    INSERT INTO customers (id, partner_id, name, segment, billing_country, contact_name, contact_email, created_at)
    SELECT 'kp-' || i, '${CONTOSO}', 'Kp ' || (i % 700),
      CASE i % 4 WHEN 0 THEN 'commercial' WHEN 1 THEN 'education' WHEN 2 THEN 'government' ELSE 'nonprofit' END,
      CASE i % 7 ${COUNTRIES.map((c, k) => `WHEN ${k} THEN '${c}'`).join(" ")} END,
      'Contact', 'c' || i || '@customer.example', ${T0} + (i % 500) * 1000
    FROM n;

    CREATE TEMP TABLE kp_offers AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM offers;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 450)
    INSERT INTO subscriptions (id, partner_id, customer_id, offer_id, quantity, billing_frequency, status, auto_renew, ordered_at, term_start, term_end)
    SELECT 'kp-sub-' || i, '${CONTOSO}', '${BIG}', o.id, 1, 'monthly', 'active', 1, ${T0} + (i % 40) * 1000, ${T0}, ${T0} + 365 * 86400000
    FROM n JOIN kp_offers o ON o.k = i % 30;

    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
    INSERT INTO activity_log (partner_id, customer_id, subscription_id, actor_user_id, actor_name, actor_role, action, at)
    SELECT '${CONTOSO}', CASE WHEN i % 3 = 0 THEN '${BIG}' ELSE 'kp-' || (i % 2000 + 1) END, 'kp-sub-' || (i % 450 + 1),
      CASE WHEN i % 5 = 0 THEN 'contoso-global-admin' END, CASE WHEN i % 5 = 0 THEN 'Admin' ELSE 'system' END, NULL,
      CASE i % 10 WHEN 0 THEN 'suspend' ELSE 'renewal' END, ${T0} + (i / 4) * 1000
    FROM n;
  `);
}

interface CursorList<T> {
  items: T[];
  page?: number;
  pageCount?: number;
  nextCursor: string | null;
  prevCursor: string | null;
}

/** Follows Next from the first page to the last, then Previous back to the first. */
function pageThrough<T>(read: (cursor?: string) => CursorList<T>) {
  const forward: CursorList<T>[] = [read()];
  while (forward.at(-1)!.nextCursor) {
    forward.push(read(forward.at(-1)!.nextCursor!));
    if (forward.length > 1000) throw new Error("Next never ends");
  }
  const backward: CursorList<T>[] = [forward.at(-1)!];
  while (backward.at(-1)!.prevCursor) {
    backward.push(read(backward.at(-1)!.prevCursor!));
    if (backward.length > 1000) throw new Error("Previous never ends");
  }
  return { forward, backward: backward.reverse() };
}

const byKey =
  <T>(...keys: ((row: T) => string | number)[]) =>
  (a: T, b: T) => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

/** A seeded copy with the bulk rows, and Contoso's Global admin. */
function bulkDb(): { db: AppDatabase; file: string; actor: Actor } {
  const { db, file } = freshDb();
  addBulkRows(db);
  return { db, file, actor: actorFor(db, "contoso-global-admin") };
}

const ids = (pages: CursorList<{ id: string }>[]) => pages.flatMap((p) => p.items.map((r) => r.id));

const REGION = new Intl.DisplayNames(["en"], { type: "region" });
const SORT_KEYS: Record<CustomerSort, (c: schema.Customer) => string | number> = {
  name: (c) => c.name,
  segment: (c) => c.segment,
  created: (c) => c.createdAt.getTime(),
  country: (c) => REGION.of(c.billingCountry)!,
};

describe("the customers list by cursor", () => {
  it.each([
    ["name", "asc"],
    ["name", "desc"],
    ["segment", "asc"],
    ["segment", "desc"],
    ["created", "asc"],
    ["created", "desc"],
    ["country", "asc"],
    ["country", "desc"],
  ] as const)("sorted by %s %s: Next then Previous show every customer once, in order, numbered", (sort, dir) => {
    const { db, actor } = bulkDb();
    const all = db.select().from(schema.customers).all().filter((c) => c.partnerId === CONTOSO);
    const expected = all.sort(byKey(SORT_KEYS[sort], (c) => c.id)).map((c) => c.id);
    if (dir === "desc") expected.reverse();
    const { forward, backward } = pageThrough((cursor) => listCustomers(db, actor, { sort, dir, cursor }));
    expect(ids(forward)).toEqual(expected);
    expect(ids(backward)).toEqual(expected);
    expect(forward.map((p) => p.page)).toEqual(forward.map((_, i) => i + 1));
    expect(backward.map((p) => p.page)).toEqual(forward.map((_, i) => i + 1));
    expect(forward.at(-1)!.pageCount).toBe(forward.length);
    expect(forward.slice(0, -1).every((p) => p.items.length === PAGE_SIZE)).toBe(true);
  });

  it("pages through a search, and a cursor taken to another search or sort starts over at page 1", () => {
    const { db, actor } = bulkDb();
    const expected = db
      .select()
      .from(schema.customers)
      .all()
      .filter((c) => c.partnerId === CONTOSO && c.name.includes("Kp 1"))
      .sort(byKey(SORT_KEYS.country, (c) => c.id))
      .map((c) => c.id);
    const { forward, backward } = pageThrough((cursor) => listCustomers(db, actor, { q: "Kp 1", sort: "country", cursor }));
    expect(ids(forward)).toEqual(expected);
    expect(ids(backward)).toEqual(expected);
    const deep = forward[5].nextCursor!;
    expect(listCustomers(db, actor, { q: "Kp 2", sort: "country", cursor: deep })).toMatchObject({ page: 1, prevCursor: null });
    expect(listCustomers(db, actor, { q: "Kp 1", sort: "name", cursor: deep })).toMatchObject({ page: 1, prevCursor: null });
  });

  it("a page asked for by number shows the same rows as the cursor's page", () => {
    const { db, actor } = bulkDb();
    for (const sort of ["name", "country"] as const) {
      const { forward } = pageThrough((cursor) => listCustomers(db, actor, { sort, dir: "desc", cursor }));
      for (const n of [2, 37, forward.length]) expect(listCustomers(db, actor, { sort, dir: "desc", page: n }).items).toEqual(forward[n - 1].items);
    }
  });

  it("another partner's cursor or a garbage one shows the first page of the reader's own customers", () => {
    const { db, actor } = bulkDb();
    const adventure = actorFor(db, "adventure-works-global-admin");
    const first = listCustomers(db, adventure);
    const contosoCursor = listCustomers(db, actor).nextCursor!;
    expect(listCustomers(db, adventure, { cursor: contosoCursor }).items).toEqual(first.items);
    const country = listCustomers(db, actor, { sort: "country" }).nextCursor!;
    expect(listCustomers(db, adventure, { sort: "country", cursor: country }).items).toEqual(listCustomers(db, adventure, { sort: "country" }).items);
    const garbage = ["", "x", "%%%", Buffer.from("{}").toString("base64url"), Buffer.from('{"l":"customers:name:asc:","s":null,"k":[{}],"b":0,"p":2}').toString("base64url"), "a".repeat(5000)];
    for (const cursor of garbage) {
      const parsed = customerListParamsSchema.parse({ cursor });
      expect(listCustomers(db, actor, parsed)).toMatchObject({ page: 1, prevCursor: null });
    }
  });
});

/** A customer's subscription ids in the list's order (offer name, offer, order date, id), read whole. */
function subscriptionIdsInListOrder(db: AppDatabase, customerId: string): string[] {
  const offerNames = new Map(db.select().from(schema.offers).all().map((o) => [o.id, o.name]));
  return db
    .select()
    .from(schema.subscriptions)
    .all()
    .filter((s) => s.customerId === customerId)
    .sort(byKey((s) => offerNames.get(s.offerId)!, (s) => s.offerId, (s) => s.orderedAt.getTime(), (s) => s.id))
    .map((s) => s.id);
}

describe("a customer's subscriptions by cursor", () => {
  it("Next then Previous show all 450 once, by offer name then order date", () => {
    const { db, actor } = bulkDb();
    const expected = subscriptionIdsInListOrder(db, BIG);
    expect(expected).toHaveLength(450);
    const read = (cursor?: string) => {
      const page = listSubscriptions(db, actor, clockAt(), BIG, { cursor });
      return { ...page, items: page.items.map((i) => i.subscription) };
    };
    const { forward, backward } = pageThrough(read);
    expect(ids(forward)).toEqual(expected);
    expect(ids(backward)).toEqual(expected);
    expect(forward.map((p) => p.page)).toEqual(forward.map((_, i) => i + 1));
    expect(listSubscriptions(db, actor, clockAt(), BIG, { page: 17 }).items.map((i) => i.subscription.id)).toEqual(forward[16].items.map((s) => s.id));
  });

  it("a customer whose subscriptions fit one page (read whole) shows them in the same order as one whose don't (walked)", () => {
    const { db, actor } = bulkDb();
    const SMALL = "kp-7";
    const add = (from: number, to: number) =>
      db.$client.exec(`
        WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to})
        INSERT INTO subscriptions (id, partner_id, customer_id, offer_id, quantity, billing_frequency, status, auto_renew, ordered_at, term_start, term_end)
        SELECT 'kp-small-' || (100 - i), '${CONTOSO}', '${SMALL}', o.id, 1, 'monthly', 'active', 1, ${T0} + (i % 3) * 1000, ${T0}, ${T0} + 365 * 86400000
        FROM n JOIN kp_offers o ON o.k = i % 6;`);
    const expected = () => subscriptionIdsInListOrder(db, SMALL);
    const listed = (cursor?: string) => listSubscriptions(db, actor, clockAt(), SMALL, { cursor });

    add(1, PAGE_SIZE);
    const whole = listed();
    expect(whole.items.map((i) => i.subscription.id)).toEqual(expected());
    expect(whole).toMatchObject({ page: 1, pageCount: 1, total: PAGE_SIZE, nextCursor: null, prevCursor: null });

    add(PAGE_SIZE + 1, PAGE_SIZE + 1);
    const first = listed();
    const second = listed(first.nextCursor!);
    expect([...first.items, ...second.items].map((i) => i.subscription.id)).toEqual(expected());
  });

  it("another customer's cursor or a garbage one shows the first page", () => {
    const { db, actor } = bulkDb();
    const fabrikamFirst = listSubscriptions(db, actor, clockAt(), "fabrikam");
    const foreign = listSubscriptions(db, actor, clockAt(), BIG).nextCursor!;
    expect(listSubscriptions(db, actor, clockAt(), "fabrikam", { cursor: foreign })).toEqual(fabrikamFirst);
    expect(listSubscriptions(db, actor, clockAt(), "fabrikam", { cursor: "bm90IGpzb24" })).toEqual(fabrikamFirst);
  });
});

describe("the activity log by cursor", () => {
  it.each([
    ["no filter", {}],
    ["a customer", { customerId: BIG }],
    ["a user", { userId: "contoso-global-admin" }],
    ["an action", { action: "suspend" }],
    ["a subscription", { subscriptionId: "kp-sub-7" }],
  ] as const)("filtered by %s: Older then Newer show every entry once, newest first", (_, filters) => {
    const { db, actor } = bulkDb();
    const f = filters as { customerId?: string; userId?: string; action?: string; subscriptionId?: string };
    const expected = db
      .select()
      .from(schema.activityLog)
      .all()
      .filter((a) => a.partnerId === CONTOSO && (!f.customerId || a.customerId === f.customerId) && (!f.userId || a.actorUserId === f.userId) && (!f.action || a.action === f.action) && (!f.subscriptionId || a.subscriptionId === f.subscriptionId))
      .sort(byKey((a) => -a.at.getTime(), (a) => -a.id))
      .map((a) => a.id);
    expect(expected.length).toBeGreaterThan(2);
    const { forward, backward } = pageThrough((cursor) => activityPage(db, actor, { ...filters, limit: 7, cursor }));
    expect(forward.flatMap((p) => p.items.map((a) => a.id))).toEqual(expected);
    expect(backward.flatMap((p) => p.items.map((a) => a.id))).toEqual(expected);
  });

  it("names each entry's customer, and a cursor taken to other filters, another partner or garbage starts at the newest", () => {
    const { db, actor } = bulkDb();
    const first = activityPage(db, actor, { customerId: BIG, limit: 5 });
    expect(first.items.every((a) => a.customerName === "Kp 1")).toBe(true);
    const older = first.nextCursor!;
    expect(activityPage(db, actor, { customerId: BIG, limit: 5, cursor: older }).items[0].id).toBeLessThan(first.items[4].id);
    expect(activityPage(db, actor, { limit: 5, cursor: older })).toEqual(activityPage(db, actor, { limit: 5 }));
    const adventure = actorFor(db, "adventure-works-global-admin");
    const unfiltered = activityPage(db, actor, { limit: 5 }).nextCursor!;
    expect(activityPage(db, adventure, { limit: 5, cursor: unfiltered })).toEqual(activityPage(db, adventure, { limit: 5 }));
    expect(activityPage(db, actor, { limit: 5, cursor: "garbage" })).toEqual(activityPage(db, actor, { limit: 5 }));
  });

  it("reads the picker's ?customer= (and the API's older ?customerId=), dropping bad filters", () => {
    expect(activityParamsSchema.parse({ customer: "fabrikam" })).toMatchObject({ customerId: "fabrikam" });
    expect(activityParamsSchema.parse({ customerId: "fabrikam" })).toMatchObject({ customerId: "fabrikam" });
    expect(activityParamsSchema.parse({ customer: ["a", "b"], action: "nope", cursor: "not a cursor!" })).toEqual({ customerId: "a", userId: undefined, action: undefined, cursor: undefined });
    expect(activityParamsSchema.parse({ customer: "", userId: "x".repeat(101) })).toMatchObject({ customerId: undefined, userId: undefined });
  });
});

describe("the JSON API with cursors", () => {
  const get = async (path: string, db: AppDatabase, actor: Actor) => {
    edge.db = db;
    edge.actor = actor;
    const url = new URL(path, "http://localhost:3100");
    const route = url.pathname.startsWith("/api/activity")
      ? await import("@/app/api/activity/route")
      : url.pathname.endsWith("/subscriptions")
        ? await import("@/app/api/customers/[customerId]/subscriptions/route")
        : await import("@/app/api/customers/route");
    const customerId = url.pathname.split("/")[3];
    const response = await route.GET(new Request(url), { params: Promise.resolve({ customerId }) });
    return { status: response.status, body: (await response.json()) as { items: { id?: string; subscription?: { id: string } }[]; nextCursor: string | null } };
  };

  it("GET /api/activity pages by ?cursor= and answers 200 with the newest page for a bad one", async () => {
    const { db, actor } = bulkDb();
    const first = await get(`/api/activity?customer=${BIG}`, db, actor);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(200);
    const second = await get(`/api/activity?customer=${BIG}&cursor=${first.body.nextCursor}`, db, actor);
    expect(second.body.items.map((a) => a.id)).toEqual(activityPage(db, actor, { customerId: BIG, cursor: first.body.nextCursor!, limit: 200 }).items.map((a) => a.id));
    expect(new Set([...first.body.items, ...second.body.items].map((a) => a.id)).size).toBe(400);
    for (const cursor of ["%ff", "eyJsIjoxfQ", "a".repeat(3000)]) {
      const bad = await get(`/api/activity?customer=${BIG}&cursor=${cursor}`, db, actor);
      expect(bad.status).toBe(200);
      expect(bad.body.items.map((a) => a.id)).toEqual(first.body.items.map((a) => a.id));
    }
  });

  it("GET /api/customers and a customer's subscriptions take ?cursor=; another partner's is a first page, not an error", async () => {
    const { db, actor } = bulkDb();
    const adventure = actorFor(db, "adventure-works-global-admin");
    const contosoPage = await get("/api/customers?sort=created", db, actor);
    const next = await get(`/api/customers?sort=created&cursor=${contosoPage.body.nextCursor}`, db, actor);
    expect(next.status).toBe(200);
    expect(next.body.items[0].id).not.toBe(contosoPage.body.items[0].id);
    const theirs = await get(`/api/customers?sort=created&cursor=${contosoPage.body.nextCursor}`, db, adventure);
    expect(theirs).toEqual(await get("/api/customers?sort=created", db, adventure));
    const subs = await get(`/api/customers/${BIG}/subscriptions`, db, actor);
    const subsNext = await get(`/api/customers/${BIG}/subscriptions?cursor=${subs.body.nextCursor}`, db, actor);
    expect(subsNext.status).toBe(200);
    expect(subsNext.body.items.map((i) => i.subscription!.id)).toEqual(
      listSubscriptions(db, actor, clockAt(), BIG, { cursor: subs.body.nextCursor! }).items.map((i) => i.subscription.id),
    );
    expect((await get(`/api/customers/fabrikam/subscriptions?cursor=${subs.body.nextCursor}&page=1e1`, db, actor)).status).toBe(200);
  });
});

describe("query plans of every page", () => {
  /** The expanded SQL each read ran, through a second connection that logs it. */
  function tracing(file: string) {
    const log: string[] = [];
    const client = new Database(file, { verbose: (sql) => log.push(String(sql)) });
    const db: Db = drizzle(client, { schema });
    onTestFinishedClose(client);
    return {
      db,
      plans(read: () => unknown): { sql: string; plan: string }[] {
        log.length = 0;
        read();
        const reads = log.filter((sql) => /^\s*(select|with)\b/i.test(sql));
        return reads.map((sql) => ({ sql, plan: (client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join("\n") }));
      },
    };
  }

  const expectIndexWalks = (plans: { sql: string; plan: string }[]) => {
    expect(plans.length).toBeGreaterThan(0);
    for (const { sql, plan } of plans) {
      expect(plan, sql).not.toMatch(/TEMP B-TREE/);
      expect(plan, sql).not.toMatch(/^SCAN (customers|subscriptions|activity_log|offers)\b/m);
    }
  };

  it("customers: every sort, first, deep (by cursor and by number) and searched pages walk an index", () => {
    const { file, actor } = bulkDb();
    const { db, plans } = tracing(file);
    for (const sort of ["name", "segment", "created", "country"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const first = listCustomers(db, actor, { sort, dir });
        expectIndexWalks(plans(() => listCustomers(db, actor, { sort, dir })));
        expectIndexWalks(plans(() => listCustomers(db, actor, { sort, dir, cursor: first.nextCursor! })));
        expectIndexWalks(plans(() => listCustomers(db, actor, { sort, dir, cursor: first.nextCursor!, q: "Kp 1" })));
        expectIndexWalks(plans(() => listCustomers(db, actor, { sort, dir, page: 60 })));
      }
    }
    const deep = plans(() => listCustomers(db, actor, { sort: "created", dir: "desc", cursor: listCustomers(db, actor, { sort: "created", dir: "desc" }).nextCursor! }));
    expect(deep.map((p) => p.plan).join("\n")).toMatch(/customers_partner_created_idx \(partner_id=\? AND \(created_at,id\)<\(\?,\?\)\)/);
  });

  it("a customer's subscriptions: first, next and numbered pages walk subscriptions_customer_offer_idx", () => {
    const { file, actor } = bulkDb();
    const { db, plans } = tracing(file);
    const first = listSubscriptions(db, actor, clockAt(), BIG);
    for (const read of [() => listSubscriptions(db, actor, clockAt(), BIG), () => listSubscriptions(db, actor, clockAt(), BIG, { cursor: first.nextCursor! }), () => listSubscriptions(db, actor, clockAt(), BIG, { page: 20 })]) {
      const p = plans(read);
      expectIndexWalks(p);
      expect(p.map((x) => x.plan).join("\n")).toMatch(/subscriptions_customer_offer_idx/);
    }
  });

  it.each([
    [{}, "activity_partner_idx"],
    [{ customerId: BIG }, "activity_customer_idx"],
    [{ userId: "contoso-global-admin" }, "activity_user_idx"],
    [{ action: "suspend" }, "activity_action_idx"],
    [{ subscriptionId: "kp-sub-7" }, "activity_subscription_idx"],
  ] as const)("the activity log filtered by %j walks %s, first and older pages", (filters, index) => {
    const { file, actor } = bulkDb();
    const { db, plans } = tracing(file);
    const first = activityPage(db, actor, { ...filters, limit: 5 });
    for (const cursor of [undefined, first.nextCursor!]) {
      const p = plans(() => activityPage(db, actor, { ...filters, limit: 5, cursor }));
      expectIndexWalks(p);
      expect(p.map((x) => x.plan).join("\n")).toContain(index);
    }
  });
});

function onTestFinishedClose(client: Database.Database) {
  onTestFinished(() => {
    client.close();
  });
}
