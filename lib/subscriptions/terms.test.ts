import { describe, expect, it } from "vitest";
import { invoicePeriodStart } from "./billing";
import { DAY_MS, fixedClock, HOUR_MS } from "./clock";
import { initialTerm } from "./provisioning";

const ORDERED = new Date("2026-01-31T10:00:00.000Z");

describe("initialTerm", () => {
  it("starts the paid term at once without a free trial", () => {
    expect(initialTerm({ freeTrialDays: 0 }, "monthly", ORDERED)).toEqual({ trialEndsAt: null, termStart: ORDERED, termEnd: new Date("2026-02-28T10:00:00.000Z") });
  });

  // "Once the free trial period ends, the subscription term will begin"
  it("starts the paid term when a 30-day trial ends", () => {
    const trialEndsAt = new Date(ORDERED.getTime() + 30 * DAY_MS);
    expect(trialEndsAt).toEqual(new Date("2026-03-02T10:00:00.000Z"));
    expect(initialTerm({ freeTrialDays: 30 }, "annual", ORDERED)).toEqual({ trialEndsAt, termStart: trialEndsAt, termEnd: new Date("2027-03-02T10:00:00.000Z") });
  });
});

describe("invoicePeriodStart", () => {
  it.each([
    ["2026-03-02T09:00:00.000Z", "2026-03-01T00:00:00.000Z"],
    ["2026-03-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"],
    ["2026-02-28T23:59:59.999Z", "2026-02-01T00:00:00.000Z"],
    ["2026-01-01T00:00:00.001Z", "2026-01-01T00:00:00.000Z"],
  ])("invoices open on the 1st (UTC): %s -> %s", (now, start) => {
    expect(invoicePeriodStart(new Date(now))).toEqual(new Date(start));
  });
});

describe("fixedClock", () => {
  it("stands still until moved, and hands out copies", () => {
    const clock = fixedClock("2026-03-02T09:00:00.000Z");
    const first = clock.now();
    first.setTime(0);
    expect(clock.now()).toEqual(new Date("2026-03-02T09:00:00.000Z"));
    clock.advance(HOUR_MS);
    expect(clock.now()).toEqual(new Date("2026-03-02T10:00:00.000Z"));
    clock.set("2026-04-01T00:00:00.000Z");
    expect(clock.now()).toEqual(new Date("2026-04-01T00:00:00.000Z"));
  });
});
