import { integer, sqliteTable } from "drizzle-orm/sqlite-core";

/**
 * The app's one clock: real time plus an offset the Demo clock moves forward.
 * `processedUntil` is the instant the lifecycle processing has run up to.
 */
export const appClock = sqliteTable("app_clock", {
  id: integer("id").primaryKey(),
  offsetMs: integer("offset_ms").notNull().default(0),
  processedUntil: integer("processed_until", { mode: "timestamp_ms" }),
  /** Set by the demo seed: the Demo clock panel is shown only on demo data. */
  demoData: integer("demo_data", { mode: "boolean" }).notNull().default(false),
});
