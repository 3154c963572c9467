import { eq } from "drizzle-orm";
import { appClock } from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { DAY_MS, type Clock } from "./clock";
import { processLifecycle } from "./lifecycle";
import { assertCan, type Actor } from "./permissions";

function clockRow(db: Db) {
  return db.select().from(appClock).where(eq(appClock.id, 1)).get();
}

/**
 * The app's clock: real time plus the offset the Demo clock added. `realNow` is the only place the
 * system time enters, so tests hand in their own.
 */
export function appClockFor(db: Db, realNow: () => Date): Clock {
  return {
    now: () => new Date(realNow().getTime() + (clockRow(db)?.offsetMs ?? 0)),
  };
}

export function isDemoData(db: Db): boolean {
  return clockRow(db)?.demoData ?? false;
}

/** Marks the database as demo data (the seed does this), so the Demo clock panel is offered. */
export function markDemoData(db: Db): void {
  db.insert(appClock).values({ id: 1, offsetMs: 0, demoData: true }).onConflictDoUpdate({ target: appClock.id, set: { demoData: true } }).run();
}

/** Runs the lifecycle up to the clock's now: the processing that "runs on its own as real time passes". */
export function catchUpLifecycle(db: Db, clock: Clock): void {
  const now = clock.now();
  const processed = clockRow(db)?.processedUntil;
  if (!processed || processed < now) processLifecycle(db, now);
}

/** **Set date** (forward only) and the **Advance** buttons: move time, then process the crossed interval. */
export function moveClockTo(db: Db, actor: Actor, clock: Clock, target: Date): Date {
  assertCan(actor, "move_clock");
  if (!isDemoData(db)) throw new DomainError("clock:not_demo");
  const now = clock.now();
  if (target.getTime() <= now.getTime()) throw new DomainError("clock:backwards", "Choose a date after the current demo date: the demo clock only moves forward.");
  const row = clockRow(db)!;
  db.update(appClock).set({ offsetMs: row.offsetMs + (target.getTime() - now.getTime()) }).where(eq(appClock.id, 1)).run();
  processLifecycle(db, target);
  return target;
}

export function advanceClock(db: Db, actor: Actor, clock: Clock, days: number): Date {
  return moveClockTo(db, actor, clock, new Date(clock.now().getTime() + days * DAY_MS));
}

/** **Set date**: the same time of day on the chosen UTC date (YYYY-MM-DD). */
export function setClockDate(db: Db, actor: Actor, clock: Clock, isoDate: string): Date {
  return moveClockTo(db, actor, clock, new Date(`${isoDate}T${clock.now().toISOString().slice(11)}`));
}

/** The Demo clock panel's request: an **Advance** button (`days`) or **Set date** (`date`). */
export function moveDemoClock(db: Db, actor: Actor, clock: Clock, request: { days: number } | { date: string }): Date {
  return "days" in request ? advanceClock(db, actor, clock, request.days) : setClockDate(db, actor, clock, request.date);
}
