import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { partners, users } from "./partners";

/**
 * Apps a Global admin registered on **App management** for Partner Center's app-only flow
 * (`grant_type=client_credentials`). Each app acts through a users row of its own (kind "app",
 * Admin agent role, no password), so carts, orders and the activity log name the app like any user.
 */
export const apiApps = sqliteTable(
  "api_apps",
  {
    /** The client_id. */
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    /** SHA-256 of the client secret, which is shown once and never stored. */
    secretHash: text("secret_hash").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /** Deleting an app keeps its row (orders and the log still name it) and revokes its tokens. */
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("api_apps_partner_idx").on(t.partnerId)],
);

/** Bearer tokens from POST /oauth2/token, stored as SHA-256 digests like sessions. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Set for an app-only token; null for app+user (password grant). */
    appId: text("app_id").references(() => apiApps.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId), index("api_tokens_app_idx").on(t.appId)],
);

export type ApiApp = typeof apiApps.$inferSelect;
