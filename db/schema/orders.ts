import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { BILLING_FREQUENCIES } from "./catalog";
import { offers } from "./catalog";
import { customers } from "./customers";
import { partners, users } from "./partners";

/** The cart: kept per user and customer, so it survives a reload. */
export const cartLines = sqliteTable(
  "cart_lines",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    offerId: text("offer_id")
      .notNull()
      .references(() => offers.id),
    quantity: integer("quantity").notNull(),
    billingFrequency: text("billing_frequency", { enum: BILLING_FREQUENCIES }).notNull(),
    addedAt: integer("added_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("cart_lines_unique").on(t.userId, t.customerId, t.offerId, t.billingFrequency),
    index("cart_lines_owner_idx").on(t.partnerId, t.userId, t.customerId),
  ],
);

export const orders = sqliteTable(
  "orders",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    userId: text("user_id").references(() => users.id),
    /** One per Review page: a double click or a resubmitted form finds the order already made. */
    idempotencyKey: text("idempotency_key").notNull(),
    placedAt: integer("placed_at", { mode: "timestamp_ms" }).notNull(),
    totalMinor: integer("total_minor").notNull(),
    currency: text("currency").notNull(),
  },
  (t) => [
    uniqueIndex("orders_idempotency_unique").on(t.partnerId, t.idempotencyKey),
    index("orders_customer_idx").on(t.partnerId, t.customerId, t.placedAt),
  ],
);

export type CartLine = typeof cartLines.$inferSelect;
export type Order = typeof orders.$inferSelect;
