import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * What a sandbox is filled from: the direct bill demo partner, the indirect provider with its indirect
 * reseller, or the US Government cloud partner (lib/sandboxes, README "Sandboxes").
 */
export const SANDBOX_KINDS = ["direct_bill", "indirect", "us_government"] as const;
export type SandboxKind = (typeof SANDBOX_KINDS)[number];

/**
 * The hidden template tenants, one set per kind, copied from the demo seed when the database is
 * seeded and never changed afterwards (no sign-in, no lifecycle). `seededAt` is the instant their
 * data describes: a sandbox shifts every timestamp by (its creation - seededAt) so it starts today.
 */
export const sandboxTemplates = sqliteTable("sandbox_templates", {
  kind: text("kind", { enum: SANDBOX_KINDS }).primaryKey(),
  seededAt: integer("seeded_at", { mode: "timestamp_ms" }).notNull(),
});

/** A sandbox: one or two partner tenants of its own (partners.sandbox_id), made from a template. */
export const sandboxes = sqliteTable(
  "sandboxes",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: SANDBOX_KINDS }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /** A sign-in or request by one of its users, written at most once an hour; idle ones are removed. */
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }).notNull(),
    /** The client address that started it on the sign-in page (for the per-address limit); null over the API. */
    createdFrom: text("created_from"),
  },
  (t) => [index("sandboxes_address_idx").on(t.createdFrom, t.createdAt), index("sandboxes_last_used_idx").on(t.lastUsedAt)],
);

export type Sandbox = typeof sandboxes.$inferSelect;
