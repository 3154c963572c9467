import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { SANDBOX_KINDS, sandboxes } from "./sandboxes";
// Relative: drizzle-kit reads the schema without the app's path aliases.
import { LOCALES } from "../../i18n/locales";

/** The seed's partner kinds: who may buy, and who may buy add-ons. */
export const PARTNER_TYPES = ["direct_bill", "indirect_provider", "indirect_reseller"] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** "Applies to: Partner Center; Partner Center for Microsoft Cloud for US Government". */
export const CLOUDS = ["commercial", "us_government"] as const;
export type Cloud = (typeof CLOUDS)[number];

/** The seed's "Appropriate roles". */
export const ROLES = ["global_admin", "admin_agent", "billing_admin", "helpdesk_agent", "sales_agent"] as const;
export type Role = (typeof ROLES)[number];

export const partners = sqliteTable(
  "partners",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    type: text("type", { enum: PARTNER_TYPES }).notNull(),
    cloud: text("cloud", { enum: CLOUDS }).notNull(),
    /** Set on the hidden template tenants a sandbox is copied from: nobody signs in, no lifecycle runs. */
    template: text("template", { enum: SANDBOX_KINDS }),
    /** Set on a sandbox's tenants: removed with the sandbox. */
    sandboxId: text("sandbox_id").references(() => sandboxes.id),
  },
  (t) => [index("partners_sandbox_idx").on(t.sandboxId), index("partners_template_idx").on(t.template)],
);

/** A person who signs in, or an app registered for the REST API's app-only flow (never signs in). */
export const USER_KINDS = ["person", "app"] as const;
export type UserKind = (typeof USER_KINDS)[number];

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    roles: text("roles", { mode: "json" }).$type<Role[]>().notNull(),
    kind: text("kind", { enum: USER_KINDS }).notNull().default("person"),
    /** The language chosen in the header; null follows the browser's Accept-Language. */
    locale: text("locale", { enum: LOCALES }),
  },
  (t) => [uniqueIndex("users_email_unique").on(sql`lower(${t.email})`), index("users_partner_idx").on(t.partnerId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the cookie's token: a leaked database does not leak live sessions. */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Failed sign-ins in a 15-minute window, keyed `pair:<address>|<email>`, `account:<email>` (both only
 * slow answers down) or `address:<address>` (refused while `locked_until` is ahead). See
 * docs/decisions/0003-sign-in-throttling.md.
 */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  firstFailureAt: integer("first_failure_at", { mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

export type Partner = typeof partners.$inferSelect;
export type User = typeof users.$inferSelect;
