import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { appClock, partnerClocks } from "@/db/schema";
import { renderError } from "@/lib/error-text";
import { catchUpInBackground, catchUpOnRequest, isCatchingUp } from "@/lib/server/lifecycle-runner";
import {
  advanceClock,
  clockStatus,
  DAY_MS,
  isDemoData,
  moveClockTo,
  setClockDate,
} from "@/lib/subscriptions";
import { clockHorizon, isLifecycleDue, partnerClockFor, processLifecycle, processLifecycleBatch } from "@/lib/subscriptions/system";
import { actorFor, buySubscription, comparableRows, expectRefused, freshDb, SEED_NOW, stored, tableSnapshot } from "./helpers";

const CONTOSO = "contoso-partners";
const NORTHWIND = "fourth-coffee-partners";

/** Contoso's clock with the real time pinned at the seed instant. */
function setup() {
  const test = freshDb();
  const { db } = test;
  const clock = partnerClockFor(db, CONTOSO, () => SEED_NOW);
  return { ...test, clock, admin: actorFor(db, "contoso-global-admin") };
}

/** Every row of every table that belongs to `partnerId` (or names it), for "changes no row of another partner". */
function rowsOf(db: ReturnType<typeof freshDb>["db"], partnerId: string) {
  return Object.fromEntries(
    Object.entries(tableSnapshot(db)).map(([table, rows]) => [table, rows.filter((row) => JSON.stringify(row).includes(partnerId))]),
  );
}

describe("the demo clock", () => {
  it("is offered on demo data only", () => {
    const { db } = setup();
    expect(isDemoData(db)).toBe(true);
    expect(isDemoData(freshDb({ seeded: false }).db)).toBe(false);
  });

  it("moves forward, and the crossed interval's renewals happen once processed", () => {
    const { db, clock, admin } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: "tailwind-traders", offerId: "office-365-e1", quantity: 2 });
    const target = new Date(sub.termEnd.getTime() + DAY_MS);
    const status = moveClockTo(db, admin, clock, target);
    expect(status.now).toEqual(target);
    expect(status.move).toMatchObject({ from: SEED_NOW, to: target, progress: 0 });
    expect(clock.now()).toEqual(target);
    expect(stored(db, sub.id).termStart).toEqual(sub.termStart);

    processLifecycle(db, clock.now(), CONTOSO);
    expect(stored(db, sub.id).termStart).toEqual(sub.termEnd);
    expect(clockStatus(db, clock).move).toBeNull();
    expect(db.select().from(partnerClocks).where(eq(partnerClocks.partnerId, CONTOSO)).get()).toMatchObject({
      offsetMs: target.getTime() - SEED_NOW.getTime(),
      processedUntil: target,
    });
    expect(advanceClock(db, admin, clock, 7).now).toEqual(new Date(target.getTime() + 7 * DAY_MS));
  });

  it("refuses to move backwards, or to stand still", () => {
    const { db, clock, admin } = setup();
    moveClockTo(db, admin, clock, new Date(SEED_NOW.getTime() + DAY_MS));
    const error = expectRefused(db, "clock:backwards", () => moveClockTo(db, admin, clock, SEED_NOW));
    expect(error.status).toBe(400);
    expectRefused(db, "clock:backwards", () => moveClockTo(db, admin, clock, clock.now()));
    expectRefused(db, "clock:backwards", () => advanceClock(db, admin, clock, 0));
  });

  it("goes at most five years ahead of real time, with a message naming the last date", () => {
    const { db, clock, admin } = setup();
    const horizon = clockHorizon(SEED_NOW);
    expect(horizon.toISOString()).toBe("2031-03-02T09:00:00.000Z");
    const error = expectRefused(db, "clock:beyond_horizon", () => setClockDate(db, admin, clock, "9999-12-31"));
    expect(error.status).toBe(400);
    expect(error.detail).toEqual({ key: "clockOnOrBefore", params: { last: "2031-03-02", years: 5 } });
    expect(renderError("en-US", error)?.message).toBe("Choose a date on or before 2031-03-02: the demo clock goes at most 5 years ahead of today.");
    expectRefused(db, "clock:beyond_horizon", () => moveClockTo(db, admin, clock, new Date(horizon.getTime() + 1)));
    // The horizon counts from real time, not from the moved clock: moving in steps doesn't pass it.
    expect(moveClockTo(db, admin, clock, horizon).now).toEqual(horizon);
    expectRefused(db, "clock:beyond_horizon", () => advanceClock(db, admin, clock, 1));
  });

  it("is moved by a Global admin only, and only their own partner's", () => {
    const { db, clock } = setup();
    for (const userId of ["contoso-admin-agent", "contoso-billing-admin", "contoso-helpdesk-agent", "contoso-sales-agent"]) {
      expectRefused(db, "forbidden", () => moveClockTo(db, actorFor(db, userId), clock, new Date(SEED_NOW.getTime() + DAY_MS)));
    }
    const northwindAdmin = actorFor(db, "northwind-channel-global-admin");
    expectRefused(db, "forbidden", () => moveClockTo(db, northwindAdmin, clock, new Date(SEED_NOW.getTime() + DAY_MS)));
  });

  it("isn't there without demo data", () => {
    const { db, clock, admin } = setup();
    db.update(appClock).set({ demoData: false }).where(eq(appClock.id, 1)).run();
    expectRefused(db, "clock:not_demo", () => moveClockTo(db, admin, clock, new Date(SEED_NOW.getTime() + DAY_MS)));
  });
});

describe("time per partner", () => {
  it("moving one partner's clock and processing it changes no row of another partner", () => {
    const { db, clock, admin } = setup();
    // Northwind has a monthly subscription that would renew inside the crossed interval.
    const northwindAdmin = actorFor(db, "northwind-channel-global-admin");
    const northwindClock = partnerClockFor(db, NORTHWIND, () => SEED_NOW);
    const theirs = buySubscription(db, northwindAdmin, northwindClock, { customerId: "fourth-coffee-roasters", offerId: "office-365-e1" });
    buySubscription(db, admin, clock, { customerId: "tailwind-traders", offerId: "office-365-e1" });
    const before = rowsOf(db, NORTHWIND);

    const status = moveClockTo(db, admin, clock, new Date(SEED_NOW.getTime() + 400 * DAY_MS));
    expect(processLifecycle(db, status.now, CONTOSO)).toBeGreaterThan(0);

    expect(rowsOf(db, NORTHWIND)).toEqual(before);
    expect(northwindClock.now()).toEqual(SEED_NOW);
    expect(stored(db, theirs.id).termEnd).toEqual(theirs.termEnd);
    expect(isLifecycleDue(db, NORTHWIND, northwindClock.now())).toBe(false);
  });
});

describe("lifecycle processing in batches", () => {
  it("applies a long move a batch at a time, recording how far it got, to the same end as one run", () => {
    const a = setup();
    const b = freshDb();
    for (const { db } of [a, b]) buySubscription(db, actorFor(db, "contoso-global-admin"), a.clock, { customerId: "tailwind-traders", offerId: "office-365-e1" });
    const target = new Date(SEED_NOW.getTime() + 3 * 365 * DAY_MS);
    moveClockTo(a.db, a.admin, a.clock, target);

    let batches = 0;
    let progress = 0;
    for (;;) {
      const batch = processLifecycleBatch(a.db, CONTOSO, target, 5);
      batches++;
      if (batch.done) break;
      expect(batch.applied).toBe(5);
      const move = clockStatus(a.db, a.clock).move!;
      expect(move.progress).toBeGreaterThanOrEqual(progress);
      expect(move.progress).toBeLessThan(1);
      progress = move.progress;
    }
    expect(batches).toBeGreaterThan(5);
    expect(clockStatus(a.db, a.clock).move).toBeNull();

    processLifecycle(b.db, target, CONTOSO);
    const tables = ["subscriptions", "ledger_entries", "activity_log"];
    expect(comparableRows(a.db, tables)).toEqual(comparableRows(b.db, tables));
  });

  it("resumes after a crash from what was committed: the clock and the data agree", () => {
    const { db, file, clock, admin } = setup();
    buySubscription(db, admin, clock, { customerId: "tailwind-traders", offerId: "office-365-e1" });
    const target = new Date(SEED_NOW.getTime() + 2 * 365 * DAY_MS);
    moveClockTo(db, admin, clock, target);
    processLifecycleBatch(db, CONTOSO, target, 3);
    db.$client.close(); // as if killed between two batches

    const restarted = openDatabase(file);
    const row = restarted.select().from(partnerClocks).where(eq(partnerClocks.partnerId, CONTOSO)).get()!;
    expect(row.moveTo).toEqual(target);
    expect(isLifecycleDue(restarted, CONTOSO, target)).toBe(true);
    processLifecycle(restarted, target, CONTOSO);
    expect(isLifecycleDue(restarted, CONTOSO, target)).toBe(false);
    expect(restarted.select().from(partnerClocks).where(eq(partnerClocks.partnerId, CONTOSO)).get()).toMatchObject({ processedUntil: target, moveTo: null });
    restarted.$client.close();
  });

  it("lets other work run between batches while a long move is processed", async () => {
    const { db, clock, admin } = setup();
    for (let i = 0; i < 20; i++) buySubscription(db, admin, clock, { customerId: "tailwind-traders", offerId: "office-365-e1" });
    moveClockTo(db, admin, clock, new Date(SEED_NOW.getTime() + 4 * 365 * DAY_MS));
    const run = catchUpInBackground(db, clock);
    await nextTurn();
    // Another request got its turn while the move is still under way, and sees its progress.
    expect(isCatchingUp(CONTOSO)).toBe(true);
    expect(clockStatus(db, clock).move!.progress).toBeGreaterThan(0);
    expect(clockStatus(db, clock).move!.progress).toBeLessThan(1);
    await run;
    expect(isCatchingUp(CONTOSO)).toBe(false);
    expect(clockStatus(db, clock).move).toBeNull();
  });
  it("a move done in one batch leaves no run behind, so the next move is processed too", async () => {
    const { db, clock, admin } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: "tailwind-traders", offerId: "office-365-e1" });
    advanceClock(db, admin, clock, 1);
    await catchUpInBackground(db, clock);
    expect(isCatchingUp(CONTOSO)).toBe(false);
    moveClockTo(db, admin, clock, new Date(sub.termEnd.getTime() + DAY_MS));
    await catchUpInBackground(db, clock);
    expect(stored(db, sub.id).termStart).toEqual(sub.termEnd);
    expect(clockStatus(db, clock).move).toBeNull();
  });
});

describe("catch-up on a request", () => {
  it("opens no write when nothing is due", () => {
    const { db, file, clock } = setup();
    processLifecycle(db, SEED_NOW);
    // Another connection holds the write lock: a request that tried to write would fail at once.
    db.$client.pragma("busy_timeout = 0");
    const writer = new Database(file);
    writer.exec("BEGIN IMMEDIATE");
    try {
      expect(isLifecycleDue(db, CONTOSO, clock.now())).toBe(false);
      expect(() => catchUpOnRequest(db, clock)).not.toThrow();
    } finally {
      writer.exec("ROLLBACK");
      writer.close();
    }
  });

  it("applies what came due by the partner's own clock", () => {
    const { db, admin } = setup();
    const at = (ms: number) => partnerClockFor(db, CONTOSO, () => new Date(SEED_NOW.getTime() + ms));
    const sub = buySubscription(db, admin, at(0), { customerId: "tailwind-traders", offerId: "office-365-e1" });
    const later = at(sub.termEnd.getTime() - SEED_NOW.getTime() + 1);
    expect(isLifecycleDue(db, CONTOSO, later.now())).toBe(true);
    catchUpOnRequest(db, later);
    expect(stored(db, sub.id).termStart).toEqual(sub.termEnd);
    expect(isLifecycleDue(db, CONTOSO, later.now())).toBe(false);
  });
});
