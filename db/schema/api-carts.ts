import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { BILLING_FREQUENCIES, offers } from "./catalog";
import { customers } from "./customers";
import { partners, users } from "./partners";

/**
 * Carts of the REST API ("Cart resources"): resources with ids, per customer, shared by the partner's
 * users and apps, unlike the pages' cart (one per user and customer, `cart_lines`). "Carts expire 7
 * days from the initial creation." A cart's orders are the orders whose idempotency key names it
 * (`cart:<cart id>:<order group>`), so checkout needs no second write to stay idempotent.
 */
export const apiCarts = sqliteTable(
  "api_carts",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    createdBy: text("created_by").references(() => users.id),
    /** Partner Center's lastModifiedUser. */
    lastModifiedBy: text("last_modified_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastModifiedAt: integer("last_modified_at", { mode: "timestamp_ms" }).notNull(),
    /** createdAt + 7 days, by the partner's own clock. */
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("api_carts_customer_idx").on(t.partnerId, t.customerId, t.createdAt)],
);

/** A participant on a purchase ("transaction_reseller"...), kept as sent and echoed. */
export interface CartParticipant {
  key: string;
  value: string;
}

export const apiCartLines = sqliteTable(
  "api_cart_lines",
  {
    cartId: text("cart_id")
      .notNull()
      .references(() => apiCarts.id, { onDelete: "cascade" }),
    /** The line's `id` in the request: an index unique within the cart. */
    lineNumber: integer("line_number").notNull(),
    offerId: text("offer_id")
      .notNull()
      .references(() => offers.id),
    quantity: integer("quantity").notNull(),
    billingFrequency: text("billing_frequency", { enum: BILLING_FREQUENCIES }).notNull(),
    friendlyName: text("friendly_name"),
    /** ISO 8601 as sent (P1M, P1Y); null when the caller left it to the billing cycle. */
    termDuration: text("term_duration"),
    participants: text("participants", { mode: "json" }).$type<CartParticipant[] | null>(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.lineNumber] }), index("api_cart_lines_offer_idx").on(t.offerId)],
);

export const API_OPERATIONS = ["cart.create", "cart.checkout", "order.create"] as const;
export type ApiOperation = (typeof API_OPERATIONS)[number];

/**
 * MS-RequestId of the creates: "If there's a timeout, the retry call should include the same value",
 * so a request id seen again for the same partner returns what the first call created. Kept at
 * least 24 hours (by the partner's clock).
 */
export const apiRequests = sqliteTable(
  "api_requests",
  {
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    requestId: text("request_id").notNull(),
    operation: text("operation", { enum: API_OPERATIONS }).notNull(),
    /** What the request acted on: the customer (creates) or the cart (checkout). */
    targetId: text("target_id").notNull(),
    /** What it created: the cart or the order id. */
    resultId: text("result_id").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("api_requests_unique").on(t.partnerId, t.requestId), index("api_requests_age_idx").on(t.partnerId, t.createdAt)],
);

export type ApiCart = typeof apiCarts.$inferSelect;
export type ApiCartLine = typeof apiCartLines.$inferSelect;
