import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { BILLING_FREQUENCIES, offers } from "./catalog";
import { customers } from "./customers";
import { orders } from "./orders";
import { partners } from "./partners";

export const SUBSCRIPTION_STATUSES = ["active", "suspended", "cancelled", "expired", "deleted"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** "Partners can suspend or cancel a subscription if requested by the customer, or in cases of nonpayment or fraud." */
export const SUSPENSION_REASONS = ["customer_request", "nonpayment", "fraud"] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

export const subscriptions = sqliteTable(
  "subscriptions",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    orderId: text("order_id").references(() => orders.id),
    offerId: text("offer_id")
      .notNull()
      .references(() => offers.id),
    /** Partner Center's friendlyName, given at purchase through the REST API; null: the offer's name. */
    friendlyName: text("friendly_name"),
    /** Set for add-ons: the base subscription they hang off. */
    baseSubscriptionId: text("base_subscription_id"),
    quantity: integer("quantity").notNull(),
    billingFrequency: text("billing_frequency", { enum: BILLING_FREQUENCIES }).notNull(),
    status: text("status", { enum: SUBSCRIPTION_STATUSES }).notNull(),
    autoRenew: integer("auto_renew", { mode: "boolean" }).notNull(),
    orderedAt: integer("ordered_at", { mode: "timestamp_ms" }).notNull(),
    /** End of the free trial; the paid term starts then. Null when there is no trial. */
    trialEndsAt: integer("trial_ends_at", { mode: "timestamp_ms" }),
    /** When the trial converted to paid status; null while in trial or without one. */
    trialConvertedAt: integer("trial_converted_at", { mode: "timestamp_ms" }),
    termStart: integer("term_start", { mode: "timestamp_ms" }).notNull(),
    termEnd: integer("term_end", { mode: "timestamp_ms" }).notNull(),
    /**
     * The instant term ends are counted from (term n ends n terms after it), so month ends don't drift:
     * Jan 31 -> Feb 28 -> Mar 31. The first paid term's start, or a new term's start on reactivation.
     * Null until the first renewal stores it: while null, the current term start is the anchor.
     */
    billingAnchorAt: integer("billing_anchor_at", { mode: "timestamp_ms" }),
    suspendedAt: integer("suspended_at", { mode: "timestamp_ms" }),
    suspensionReason: text("suspension_reason", { enum: SUSPENSION_REASONS }),
    /** When a suspended subscription expires and its data is deleted unless reactivated. */
    deletionAt: integer("deletion_at", { mode: "timestamp_ms" }),
    /** True when this add-on was suspended because its base was. */
    suspendedWithBase: integer("suspended_with_base", { mode: "boolean" }).notNull().default(false),
    cancellationScheduledAt: integer("cancellation_scheduled_at", { mode: "timestamp_ms" }),
    cancellationReason: text("cancellation_reason"),
    cancellationComment: text("cancellation_comment"),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    /** Quantity that takes effect at renewal (a decrease outside the refund window). */
    scheduledQuantity: integer("scheduled_quantity"),
    dataRemoved: integer("data_removed", { mode: "boolean" }).notNull().default(false),
    /** Bumped on every change: a form carrying an older version is stale. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("subscriptions_customer_idx").on(t.partnerId, t.customerId, t.status),
    // A customer's Subscriptions list, walked offer by offer (see listSubscriptions).
    index("subscriptions_customer_offer_idx").on(t.partnerId, t.customerId, t.offerId, t.orderedAt, t.id),
    // Whether the customer has a suspended or an active subscription of an offer (offerAvailability).
    index("subscriptions_offer_status_idx").on(t.partnerId, t.customerId, t.offerId, t.status),
    index("subscriptions_base_idx").on(t.baseSubscriptionId),
    // An order's subscriptions (the Buy confirmation), and the foreign key check on orders.
    index("subscriptions_order_idx").on(t.orderId),
    // The lifecycle's due-event lookups, one per event kind, each scoped to one partner and
    // answered from the index alone (partial where most rows can never be due). Each ends in the base
    // id, as the lookups order (bases first at one instant), so no lookup sorts in a temp B-tree.
    index("subscriptions_term_end_idx").on(t.partnerId, t.status, t.termEnd, t.baseSubscriptionId),
    index("subscriptions_trial_idx").on(t.partnerId, t.status, t.trialEndsAt, t.baseSubscriptionId).where(sql`trial_converted_at is null and trial_ends_at is not null`),
    index("subscriptions_deletion_idx").on(t.partnerId, t.status, t.deletionAt, t.baseSubscriptionId).where(sql`deletion_at is not null`),
    index("subscriptions_cancellation_idx").on(t.partnerId, t.cancellationScheduledAt, t.baseSubscriptionId).where(sql`cancellation_scheduled_at is not null and status in ('active', 'suspended')`),
    // Home's active subscriptions and licences by publisher: counted per offer from the index alone.
    index("subscriptions_publisher_idx").on(t.partnerId, t.status, t.offerId, t.quantity),
    // Home's upcoming term ends, counted from the index alone: after the term end walk's own columns,
    // every one the renewals' next-event rule (KIND in renewals.ts) and the next term's charge read
    // (about 90 ms instead of 350 ms for 166,000 term ends at the bench's size). Not folded into
    // subscriptions_term_end_idx: columns between the base id and the rowid would cost the Renewals
    // list and the lifecycle, which walk that index in (term end, base id, rowid) order, a sort.
    index("subscriptions_outlook_idx").on(t.partnerId, t.status, t.termEnd, t.baseSubscriptionId, t.autoRenew, t.trialEndsAt, t.trialConvertedAt, t.cancellationScheduledAt, t.deletionAt, t.scheduledQuantity, t.quantity, t.billingFrequency, t.offerId),
  ],
);

export const LEDGER_KINDS = ["purchase", "prorata", "renewal", "conversion", "cancellation_credit", "quantity_credit"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Every charge (positive) and credit (negative) per customer, in minor units. */
export const ledgerEntries = sqliteTable(
  "ledger_entries",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => subscriptions.id),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull(),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    chargeStart: integer("charge_start", { mode: "timestamp_ms" }).notNull(),
    chargeEnd: integer("charge_end", { mode: "timestamp_ms" }).notNull(),
    postedAt: integer("posted_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("ledger_customer_idx").on(t.partnerId, t.customerId, t.postedAt),
    index("ledger_subscription_idx").on(t.subscriptionId),
    // Home's charges posted this month, partner-wide, summed from the index alone. Partial on a
    // condition every row meets, so only a query bounding posted_at can use it: without it, one
    // subscription's ledger (partner and subscription, ordered by posted_at) walked the whole partner here.
    index("ledger_posted_idx").on(t.partnerId, t.postedAt, t.currency, t.amountMinor).where(sql`posted_at is not null`),
  ],
);

export const activityLog = sqliteTable(
  "activity_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    customerId: text("customer_id").notNull(),
    subscriptionId: text("subscription_id").notNull(),
    /** Null for changes the system made (renewal, expiry, deletion). */
    actorUserId: text("actor_user_id"),
    actorName: text("actor_name").notNull(),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    before: text("before", { mode: "json" }).$type<Record<string, unknown> | null>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown> | null>(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    // The Activity log, newest first, paged by (at, id): id is the rowid, so each index below ends in
    // it and walks in exactly that order. One per filter; partner_id leads in every one, or the planner
    // (no ANALYZE statistics) prefers walking activity_partner_idx and filtering, a scan of the log.
    index("activity_subscription_idx").on(t.partnerId, t.subscriptionId, t.at),
    index("activity_partner_idx").on(t.partnerId, t.at),
    index("activity_customer_idx").on(t.partnerId, t.customerId, t.at),
    index("activity_user_idx").on(t.partnerId, t.actorUserId, t.at),
    index("activity_action_idx").on(t.partnerId, t.action, t.at),
  ],
);

export type Subscription = typeof subscriptions.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type ActivityEntry = typeof activityLog.$inferSelect;
