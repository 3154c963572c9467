import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { partners } from "./partners";

/** "The products you see depend on the type of customer segment (education, government, etc.)" */
export const SEGMENTS = ["commercial", "education", "government", "nonprofit"] as const;
export type Segment = (typeof SEGMENTS)[number];

export const customers = sqliteTable(
  "customers",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    name: text("name").notNull(),
    segment: text("segment", { enum: SEGMENTS }).notNull(),
    /** ISO 3166 alpha-2, e.g. "US", "SE". */
    billingCountry: text("billing_country").notNull(),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    /** When the customer's account was opened. */
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /** Start of the first billing period; the gap to createdAt extends data retention (max 120 days). */
    firstBillingAt: integer("first_billing_at", { mode: "timestamp_ms" }),
  },
  // One index per sort of the customers list, ending in id (the tie-break), so every sort and every
  // keyset page is a walk of an index: no sort in a temp B-tree, however deep the page.
  (t) => [
    index("customers_partner_name_idx").on(t.partnerId, t.name, t.id),
    index("customers_partner_created_idx").on(t.partnerId, t.createdAt, t.id),
    index("customers_partner_country_idx").on(t.partnerId, t.billingCountry, t.id),
    index("customers_partner_segment_idx").on(t.partnerId, t.segment, t.id),
  ],
);

export type Customer = typeof customers.$inferSelect;

/**
 * How many customers each partner has, kept by triggers on `customers` (see migration 0005): the
 * customers list says "page 3 of 2,501" on every request, and counting 50,000 index entries for it
 * cost more than the rest of the page's queries together.
 */
export const partnerCustomerCounts = sqliteTable("partner_customer_counts", {
  partnerId: text("partner_id")
    .primaryKey()
    .references(() => partners.id),
  customers: integer("customers").notNull(),
});

/**
 * One row, bumped by triggers whenever any customer is added, removed, renamed or moved to another
 * partner (migration 0014): a search's count of matching customers is kept until it moves
 * (lib/subscriptions/customers.ts), instead of counting 50,000 names on every request.
 */
export const customerNamesVersion = sqliteTable("customer_names_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
});
