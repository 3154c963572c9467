import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { partners } from "./partners";

/** Facts about this database as a whole. */
export const appClock = sqliteTable("app_clock", {
  id: integer("id").primaryKey(),
  /** Set by the demo seed: the Demo clock panel is shown only on demo data. */
  demoData: integer("demo_data", { mode: "boolean" }).notNull().default(false),
});

/**
 * Each partner's own time: real time plus the offset its Demo clock added. Moving one partner's
 * clock changes no other partner's row.
 *
 * `processedUntil` is the instant the partner's lifecycle has been applied up to. It is written in
 * the same transaction as the events it covers, so it and the data never disagree after a crash.
 * While a move is being processed, `moveFrom`..`moveTo` is the interval it crosses (for progress);
 * both are cleared in the transaction that reaches `moveTo`.
 */
export const partnerClocks = sqliteTable("partner_clocks", {
  partnerId: text("partner_id")
    .primaryKey()
    .references(() => partners.id, { onDelete: "cascade" }),
  offsetMs: integer("offset_ms").notNull().default(0),
  processedUntil: integer("processed_until", { mode: "timestamp_ms" }),
  moveFrom: integer("move_from", { mode: "timestamp_ms" }),
  moveTo: integer("move_to", { mode: "timestamp_ms" }),
});

export type PartnerClockRow = typeof partnerClocks.$inferSelect;
