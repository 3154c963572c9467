import { and, desc, eq, getTableColumns, type SQL } from "drizzle-orm";
import { activityLog, customers, offers, subscriptions, users, type ActivityEntry, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { actingRole, assertCan, type Action, type Actor } from "./permissions";

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
  db.insert(activityLog)
    .values({
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
    })
    .run();
}

export interface ActivityFilters {
  customerId?: string;
  subscriptionId?: string;
  userId?: string;
  action?: string;
  limit?: number;
}

export type ActivityRow = ActivityEntry & { offerName: string | null };

/** The partner's activity, newest first, with the name of the subscription's offer. */
export function listActivity(db: Db, actor: Actor, filters: ActivityFilters = {}): ActivityRow[] {
  assertCan(actor, "view_activity");
  const conditions: (SQL | undefined)[] = [
    eq(activityLog.partnerId, actor.partnerId),
    filters.customerId ? eq(activityLog.customerId, filters.customerId) : undefined,
    filters.subscriptionId ? eq(activityLog.subscriptionId, filters.subscriptionId) : undefined,
    filters.userId ? eq(activityLog.actorUserId, filters.userId) : undefined,
    filters.action ? eq(activityLog.action, filters.action) : undefined,
  ];
  return db
    .select({ ...getTableColumns(activityLog), offerName: offers.name })
    .from(activityLog)
    .leftJoin(subscriptions, eq(subscriptions.id, activityLog.subscriptionId))
    .leftJoin(offers, eq(offers.id, subscriptions.offerId))
    .where(and(...conditions))
    .orderBy(desc(activityLog.at), desc(activityLog.id))
    .limit(filters.limit ?? 200)
    .all();
}

/** The choices for the Activity log's filters: the partner's customers with activity, its users, the actions. */
export function activityFilterOptions(db: Db, actor: Actor) {
  assertCan(actor, "view_activity");
  const customerRows = db
    .selectDistinct({ id: customers.id, name: customers.name })
    .from(activityLog)
    .innerJoin(customers, eq(customers.id, activityLog.customerId))
    .where(eq(activityLog.partnerId, actor.partnerId))
    .orderBy(customers.name)
    .all();
  const userRows = db.select({ id: users.id, name: users.name }).from(users).where(eq(users.partnerId, actor.partnerId)).orderBy(users.name).all();
  return { customers: customerRows, users: userRows, actions: ACTIVITY_ACTIONS };
}
