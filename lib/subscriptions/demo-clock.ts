import { eq, sql } from "drizzle-orm";
import { appClock, partnerClocks, type PartnerClockRow } from "@/db/schema";
import type { Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import { DomainError } from "@/lib/errors";
import { DAY_MS, type Clock } from "./clock";
import { assertCan, type Actor } from "./permissions";

/** A partner's clock: its now, and the real time it is derived from (for the horizon). */
export interface PartnerClock extends Clock {
  partnerId: string;
  realNow(): Date;
}

const clockRow = preparedQuery((db) => db.select().from(partnerClocks).where(eq(partnerClocks.partnerId, sql.placeholder("partnerId"))).prepare());

function partnerClockRow(db: Db, partnerId: string) {
  return clockRow(db).get({ partnerId });
}

/** The partner's now from a clock row already read: real time plus its offset. */
function nowFrom(row: PartnerClockRow | undefined, realNow: Date): Date {
  return new Date(realNow.getTime() + (row?.offsetMs ?? 0));
}

/**
 * A partner's own time: real time plus the offset its Demo clock added. `realNow` is the only place
 * the system time enters, so tests hand in their own.
 */
export function partnerClockFor(db: Db, partnerId: string, realNow: () => Date): PartnerClock {
  return {
    partnerId,
    realNow,
    now: () => nowFrom(partnerClockRow(db, partnerId), realNow()),
  };
}

const demoFlag = preparedQuery((db) => db.select({ demoData: appClock.demoData }).from(appClock).where(eq(appClock.id, 1)).prepare());

export function isDemoData(db: Db): boolean {
  return demoFlag(db).get()?.demoData ?? false;
}

/** Marks the database as demo data (the seed does this), so the Demo clock panel is offered. */
export function markDemoData(db: Db): void {
  db.insert(appClock).values({ id: 1, demoData: true }).onConflictDoUpdate({ target: appClock.id, set: { demoData: true } }).run();
}

/** How far ahead of real time the Demo clock may go: far enough for any term, deletion or renewal cycle. */
export const CLOCK_HORIZON_YEARS = 5;

export function clockHorizon(realNow: Date): Date {
  const horizon = new Date(realNow);
  horizon.setUTCFullYear(horizon.getUTCFullYear() + CLOCK_HORIZON_YEARS);
  return horizon;
}

export interface ClockMove {
  from: Date;
  to: Date;
  /** Where the lifecycle has been applied up to, between `from` and `to`. */
  processedUntil: Date;
  /** 0..1, for the panel's progress bar. */
  progress: number;
}

export interface ClockStatus {
  now: Date;
  /** The move still being processed, or null when the partner's data is at its date. */
  move: ClockMove | null;
}

/** The partner's date and, while a move is processed in batches, how far it has got. */
export function clockStatus(db: Db, clock: PartnerClock): ClockStatus {
  const row = partnerClockRow(db, clock.partnerId);
  const now = nowFrom(row, clock.realNow());
  if (!row?.moveFrom || !row.moveTo) return { now, move: null };
  const processedUntil = row.processedUntil && row.processedUntil > row.moveFrom ? row.processedUntil : row.moveFrom;
  const span = row.moveTo.getTime() - row.moveFrom.getTime();
  const progress = span > 0 ? Math.min(1, (processedUntil.getTime() - row.moveFrom.getTime()) / span) : 1;
  return { now, move: { from: row.moveFrom, to: row.moveTo, processedUntil, progress } };
}

/**
 * **Set date** (forward only) and the **Advance** buttons: move this partner's time. Only the offset
 * and the interval to process are written here, in one statement; the crossed interval's events are
 * then applied in batches (`processLifecycleBatch`) so a long move never stalls other requests, and a
 * restart picks the work up from the stored interval.
 */
export function moveClockTo(db: Db, actor: Actor, clock: PartnerClock, target: Date): ClockStatus {
  assertCan(actor, "move_clock");
  if (!isDemoData(db)) throw new DomainError("clock:not_demo");
  if (clock.partnerId !== actor.partnerId) throw new DomainError("forbidden");
  const row = partnerClockRow(db, clock.partnerId);
  const realNow = clock.realNow();
  const now = nowFrom(row, realNow);
  if (target.getTime() <= now.getTime()) throw new DomainError("clock:backwards", { key: "clockAfterCurrent" });
  const horizon = clockHorizon(realNow);
  if (target > horizon) {
    // The last date as the Set date field takes it (YYYY-MM-DD), in every language.
    throw new DomainError("clock:beyond_horizon", { key: "clockOnOrBefore", params: { last: horizon.toISOString().slice(0, 10), years: CLOCK_HORIZON_YEARS } });
  }
  const offsetMs = (row?.offsetMs ?? 0) + (target.getTime() - now.getTime());
  // A move made while an earlier one is still processed extends it: progress runs over both.
  const changes = { offsetMs, moveFrom: row?.moveFrom ?? now, moveTo: target };
  db.insert(partnerClocks).values({ partnerId: actor.partnerId, ...changes }).onConflictDoUpdate({ target: partnerClocks.partnerId, set: changes }).run();
  return clockStatus(db, clock);
}

export function advanceClock(db: Db, actor: Actor, clock: PartnerClock, days: number): ClockStatus {
  return moveClockTo(db, actor, clock, new Date(clock.now().getTime() + days * DAY_MS));
}

/** **Set date**: the same time of day on the chosen UTC date (YYYY-MM-DD). */
export function setClockDate(db: Db, actor: Actor, clock: PartnerClock, isoDate: string): ClockStatus {
  return moveClockTo(db, actor, clock, new Date(`${isoDate}T${clock.now().toISOString().slice(11)}`));
}

/** The Demo clock panel's request: an **Advance** button (`days`) or **Set date** (`date`). */
export function moveDemoClock(db: Db, actor: Actor, clock: PartnerClock, request: { days: number } | { date: string }): ClockStatus {
  return "days" in request ? advanceClock(db, actor, clock, request.days) : setClockDate(db, actor, clock, request.date);
}
