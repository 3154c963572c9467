import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { CLOUDS, type Cloud } from "./partners";
import { SEGMENTS } from "./customers";

export const PUBLISHER_KINDS = ["microsoft", "partner"] as const;
export const BILLING_TYPES = ["license", "usage"] as const;
export const CATEGORIES = ["enterprise", "small_business", "trial"] as const;
export const BILLING_FREQUENCIES = ["monthly", "annual"] as const;
export type PublisherKind = (typeof PUBLISHER_KINDS)[number];
export type BillingType = (typeof BILLING_TYPES)[number];
export type Category = (typeof CATEGORIES)[number];
export type BillingFrequency = (typeof BILLING_FREQUENCIES)[number];

export const offers = sqliteTable(
  "offers",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Display name of the publisher: "Microsoft" or the ISV's name. */
    publisherName: text("publisher_name").notNull(),
    /** The catalog's **Publisher** filter: Microsoft, or Partner (third-party ISV). */
    publisherKind: text("publisher_kind", { enum: PUBLISHER_KINDS }).notNull(),
    billingType: text("billing_type", { enum: BILLING_TYPES }).notNull(),
    category: text("category", { enum: CATEGORIES }).notNull(),
    cloud: text("cloud", { enum: CLOUDS }).notNull().$type<Cloud>(),
    currency: text("currency").notNull().default("USD"),
    /** Per license per month, billed monthly. Null when monthly billing is not offered. */
    monthlyPriceMinor: integer("monthly_price_minor"),
    /** Per license per year, billed annually. Null when annual billing is not offered. */
    annualPriceMinor: integer("annual_price_minor"),
    minQuantity: integer("min_quantity").notNull().default(1),
    maxQuantity: integer("max_quantity").notNull().default(1),
    onePerCustomer: integer("one_per_customer", { mode: "boolean" }).notNull().default(false),
    /** Billing countries the ISV supports; null means every country. */
    supportedCountries: text("supported_countries", { mode: "json" }).$type<string[] | null>(),
    availableThroughCsp: integer("available_through_csp", { mode: "boolean" }).notNull().default(true),
    /** Partner ids the ISV made the offer exclusive to; null means not exclusive. */
    exclusiveToPartnerIds: text("exclusive_to_partner_ids", { mode: "json" }).$type<string[] | null>(),
    /** False for offers bought in the Azure management portal, not in Partner Center. */
    transactable: integer("transactable", { mode: "boolean" }).notNull().default(true),
    setupUrl: text("setup_url"),
    managementPortalUrl: text("management_portal_url"),
    /** Free trial applied automatically at purchase (e.g. 30). 0 when none. */
    freeTrialDays: integer("free_trial_days").notNull().default(0),
    /** Add-ons are never shown in the catalog; they hang off a base subscription. */
    prerequisiteOfferId: text("prerequisite_offer_id"),
  },
  (t) => [
    index("offers_catalog_idx").on(t.cloud, t.prerequisiteOfferId, t.name),
    index("offers_filters_idx").on(t.cloud, t.publisherKind, t.billingType, t.category, t.name),
    index("offers_prerequisite_idx").on(t.prerequisiteOfferId),
  ],
);

/** Which customer segments may buy an offer. */
export const offerSegments = sqliteTable(
  "offer_segments",
  {
    offerId: text("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    segment: text("segment", { enum: SEGMENTS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.segment, t.offerId] }),
    // An offer's segments (availability in the catalog, the cart and Buy): the key starts with the segment.
    index("offer_segments_offer_idx").on(t.offerId, t.segment),
  ],
);

export type Offer = typeof offers.$inferSelect;
export type NewOffer = typeof offers.$inferInsert;
