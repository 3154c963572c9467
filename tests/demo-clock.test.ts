import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appClock } from "@/db/schema";
import { advanceClock, appClockFor, catchUpLifecycle, DAY_MS, isDemoData, moveClockTo, processLifecycle } from "@/lib/subscriptions";
import { actorFor, buySubscription, clockAt, expectRefused, freshDb, SEED_NOW, stored, tableSnapshot } from "./helpers";

/** The app's clock with the real time pinned at the seed instant. */
function setup() {
  const { db } = freshDb();
  const clock = appClockFor(db, () => SEED_NOW);
  return { db, clock, admin: actorFor(db, "contoso-global-admin") };
}

describe("the demo clock", () => {
  it("is offered on demo data only", () => {
    const { db } = setup();
    expect(isDemoData(db)).toBe(true);
    expect(isDemoData(freshDb({ seeded: false }).db)).toBe(false);
  });

  it("moves forward, processing the crossed interval", () => {
    const { db, clock, admin } = setup();
    const sub = buySubscription(db, admin, clock, { customerId: "tailwind-traders", offerId: "office-365-e1", quantity: 2 });
    const target = new Date(sub.termEnd.getTime() + DAY_MS);
    expect(moveClockTo(db, admin, clock, target)).toEqual(target);
    expect(clock.now()).toEqual(target);
    expect(db.select().from(appClock).where(eq(appClock.id, 1)).get()).toMatchObject({ offsetMs: target.getTime() - SEED_NOW.getTime(), processedUntil: target });
    expect(stored(db, sub.id).termStart).toEqual(sub.termEnd);

    expect(advanceClock(db, admin, clock, 7)).toEqual(new Date(target.getTime() + 7 * DAY_MS));
    expect(clock.now()).toEqual(new Date(target.getTime() + 7 * DAY_MS));
  });

  it("refuses to move backwards, or to stand still", () => {
    const { db, clock, admin } = setup();
    moveClockTo(db, admin, clock, new Date(SEED_NOW.getTime() + DAY_MS));
    const error = expectRefused(db, "clock:backwards", () => moveClockTo(db, admin, clock, SEED_NOW));
    expect(error.status).toBe(400);
    expectRefused(db, "clock:backwards", () => moveClockTo(db, admin, clock, clock.now()));
    expectRefused(db, "clock:backwards", () => advanceClock(db, admin, clock, 0));
  });

  it("is moved by a Global admin only", () => {
    const { db, clock } = setup();
    for (const userId of ["contoso-admin-agent", "contoso-billing-admin", "contoso-helpdesk-agent", "contoso-sales-agent"]) {
      expectRefused(db, "forbidden", () => moveClockTo(db, actorFor(db, userId), clock, new Date(SEED_NOW.getTime() + DAY_MS)));
    }
  });

  it("isn't there without demo data", () => {
    const { db, clock, admin } = setup();
    db.update(appClock).set({ demoData: false }).where(eq(appClock.id, 1)).run();
    expectRefused(db, "clock:not_demo", () => moveClockTo(db, admin, clock, new Date(SEED_NOW.getTime() + DAY_MS)));
  });
});

describe("catchUpLifecycle", () => {
  it("runs only when real time has passed what was processed", () => {
    const { db } = setup();
    const seeded = tableSnapshot(db);
    catchUpLifecycle(db, clockAt());
    expect(tableSnapshot(db)).toEqual(seeded);
    const later = clockAt(40 * DAY_MS);
    catchUpLifecycle(db, later);
    expect(db.select().from(appClock).where(eq(appClock.id, 1)).get()?.processedUntil).toEqual(later.now());
    const caughtUp = tableSnapshot(db);
    expect(processLifecycle(db, later.now())).toBe(0);
    expect(tableSnapshot(db)).toEqual(caughtUp);
  });
});
