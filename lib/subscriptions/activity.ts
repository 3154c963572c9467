import { and, asc, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { activityLog, customers, offers, subscriptions, users, type ActivityEntry, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { preparedInsert, preparedQuery } from "@/db/prepared";
import { keysetPage, type KeysetSource } from "./keyset";
import { actingRole, assertCan, can, type Action, type Actor } from "./permissions";

export const ACTIVITY_ACTIONS = [
  "purchase",
  "quantity",
  "addon",
  "suspend",
  "reactivate",
  "cancel",
  "cancel_scheduled",
  "deprovision",
  "auto_renew",
  "conversion",
  "renewal",
  "expiry",
  "deletion",
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

/** Who made a change: a signed-in user acting under a permission, or the system's lifecycle processing. */
export type ChangeAuthor = { actor: Actor; action: Action } | "system";

const insertActivity = preparedInsert(activityLog, ["partnerId", "customerId", "subscriptionId", "actorUserId", "actorName", "actorRole", "action", "before", "after", "at"]);

/** Records one change to a subscription with its before and after values. */
export function recordActivity(
  db: Db,
  entry: {
    by: ChangeAuthor;
    subscription: Pick<Subscription, "id" | "partnerId" | "customerId">;
    action: ActivityAction;
    at: Date;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
): void {
  const { by } = entry;
  insertActivity.run(db, {
    partnerId: entry.subscription.partnerId,
    customerId: entry.subscription.customerId,
    subscriptionId: entry.subscription.id,
    actorUserId: by === "system" ? null : by.actor.userId,
    actorName: by === "system" ? "system" : by.actor.name,
    actorRole: by === "system" ? null : (actingRole(by.actor, by.action) ?? null),
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
    at: entry.at,
  });
}

/** The Activity log's page: as long as the Renewals list's, so a page renders in about the time of the others. */
export const ACTIVITY_PAGE_SIZE = 25;

export interface ActivityFilters {
  customerId?: string;
  subscriptionId?: string;
  userId?: string;
  action?: string;
  limit?: number;
  /** From a page's `nextCursor` (older) or `prevCursor` (newer); a bad or foreign one shows the newest. */
  cursor?: string;
}

/** An entry with its offer's and customer's names, and the offer's currency (its amounts are in minor units of it). */
export type ActivityRow = ActivityEntry & { offerName: string | null; customerName: string | null; currency: string | null };

export interface ActivityPage {
  items: ActivityRow[];
  /** Older entries, or null on the last page. */
  nextCursor: string | null;
  /** Newer entries, or null on the first page. */
  prevCursor: string | null;
}

const FILTER_COLUMNS = { customerId: activityLog.customerId, subscriptionId: activityLog.subscriptionId, userId: activityLog.actorUserId, action: activityLog.action } as const;
type FilterName = keyof typeof FILTER_COLUMNS;
const activityQueries = new Map<string, ReturnType<typeof activityQuery>>();

/**
 * One shape of the log's page query (which filters, which way, from a key or not), prepared once per
 * connection: building and preparing it on every request cost more than running it.
 */
function activityQuery(filters: FilterName[], back: boolean, fromKey: boolean) {
  return preparedQuery((db) => {
    const order = back ? asc : desc;
    // List order is newest first: "after" a row means older, unless walking back.
    const key = sql`(${activityLog.at}, ${activityLog.id}) ${back ? sql`>` : sql`<`} (${sql.placeholder("at")}, ${sql.placeholder("id")})`;
    return db
      .select({ ...getTableColumns(activityLog), offerName: offers.name, currency: offers.currency, customerName: customers.name })
      .from(activityLog)
      .leftJoin(subscriptions, eq(subscriptions.id, activityLog.subscriptionId))
      .leftJoin(offers, eq(offers.id, subscriptions.offerId))
      .leftJoin(customers, eq(customers.id, activityLog.customerId))
      .where(and(eq(activityLog.partnerId, sql.placeholder("partnerId")), ...filters.map((f) => eq(FILTER_COLUMNS[f], sql.placeholder(f))), fromKey ? key : undefined))
      .orderBy(order(activityLog.at), order(activityLog.id))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare();
  });
}

function activityQueryFor(filters: FilterName[], back: boolean, fromKey: boolean) {
  const shape = `${filters.join(",")}|${back}|${fromKey}`;
  let query = activityQueries.get(shape);
  if (!query) activityQueries.set(shape, (query = activityQuery(filters, back, fromKey)));
  return query;
}

/**
 * The partner's activity, newest first, with the offer's and customer's names, paged by keyset on
 * (at desc, id desc). Every filter has an index led by (partner_id, filter) and ending in (at, id),
 * so an "Older" page is one index seek and no page counts or skips the log before it.
 */
export function activityPage(db: Db, actor: Actor, filters: ActivityFilters = {}): ActivityPage {
  assertCan(actor, "view_activity");
  const given = (Object.keys(FILTER_COLUMNS) as FilterName[]).filter((f) => filters[f]);
  const values = Object.fromEntries(given.map((f) => [f, filters[f]]));
  const source: KeysetSource<ActivityRow> = {
    segments: [null],
    rows: (_segment, { from, back, limit, offset }) =>
      activityQueryFor(given, back, !!from)(db).all({ partnerId: actor.partnerId, ...values, at: from?.[0], id: from?.[1], limit, offset: offset ?? 0 }),
    key: (e) => [e.at.getTime(), e.id],
    segmentOf: () => null,
  };
  // The partner and filters name the list: a cursor carried to other filters or another partner starts over.
  const list = JSON.stringify(["activity", actor.partnerId, filters.customerId, filters.subscriptionId, filters.userId, filters.action]);
  const { items, nextCursor, prevCursor } = keysetPage(source, list, { cursor: filters.cursor, size: filters.limit ?? 200 });
  return { items: can(actor, "view_billing") ? items : items.map(withoutMoney), nextCursor, prevCursor };
}

/**
 * An entry without its amounts (`creditMinor`…, every money value is in minor units): a role that may
 * not see charges (Sales and Helpdesk agents) sees that a cancellation happened, not what it refunded.
 */
function withoutMoney(entry: ActivityRow): ActivityRow {
  const strip = (values: Record<string, unknown> | null) => values && Object.fromEntries(Object.entries(values).filter(([key]) => !key.endsWith("Minor")));
  return { ...entry, before: strip(entry.before), after: strip(entry.after) };
}

/** The newest page of the partner's activity (see activityPage). */
export function listActivity(db: Db, actor: Actor, filters: ActivityFilters = {}): ActivityRow[] {
  return activityPage(db, actor, filters).items;
}

/**
 * The choices for the Activity log's filters: its users and the actions. Customers are not listed
 * (50,000 would be megabytes of options): the page's picker searches them as the user types.
 */
export function activityFilterOptions(db: Db, actor: Actor) {
  assertCan(actor, "view_activity");
  // People first, then apps (users of kind "app", registered on App management), each marked as such
  // for the page to say: an app acts under its own name, which could otherwise pass for a person's.
  const userRows = db
    .select({ id: users.id, name: users.name, kind: users.kind })
    .from(users)
    .where(eq(users.partnerId, actor.partnerId))
    .orderBy(desc(users.kind), users.name)
    .all();
  return { users: userRows.map((u) => ({ id: u.id, name: u.name, app: u.kind === "app" })), actions: ACTIVITY_ACTIONS };
}
