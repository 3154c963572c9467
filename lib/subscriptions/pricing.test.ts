import { describe, expect, it } from "vitest";
import { DAY_MS } from "./clock";
import { allowedFrequencies, billingAnchor, daysInTerm, daysRemaining, nextTermEnd, proRatedCharge, termCharge, termEndFrom, termMonths, unitPrice } from "./pricing";

const d = (iso: string) => new Date(iso);

describe("termEndFrom", () => {
  it.each([
    ["2026-01-31T10:00:00.000Z", "monthly", "2026-02-28T10:00:00.000Z"],
    ["2028-01-31T10:00:00.000Z", "monthly", "2028-02-29T10:00:00.000Z"],
    ["2026-01-30T23:30:00.000Z", "monthly", "2026-02-28T23:30:00.000Z"],
    ["2026-03-31T00:00:00.000Z", "monthly", "2026-04-30T00:00:00.000Z"],
    ["2026-12-15T09:00:00.000Z", "monthly", "2027-01-15T09:00:00.000Z"],
    ["2026-03-02T09:00:00.000Z", "annual", "2027-03-02T09:00:00.000Z"],
    ["2028-02-29T09:00:00.000Z", "annual", "2029-02-28T09:00:00.000Z"],
  ] as const)("%s + one %s term = %s (UTC calendar)", (start, frequency, end) => {
    expect(termEndFrom(d(start), frequency)).toEqual(d(end));
  });

  // Issue 10, item 5: "Anchor to the original day of the month (Jan 31 -> Feb 28 -> Mar 31)".
  it.each([
    ["2026-01-31T10:00:00.000Z", "monthly", ["2026-02-28T10:00:00.000Z", "2026-03-31T10:00:00.000Z", "2026-04-30T10:00:00.000Z", "2026-05-31T10:00:00.000Z"]],
    ["2026-08-30T10:00:00.000Z", "monthly", ["2026-09-30T10:00:00.000Z", "2026-10-30T10:00:00.000Z", "2026-11-30T10:00:00.000Z", "2026-12-30T10:00:00.000Z", "2027-01-30T10:00:00.000Z", "2027-02-28T10:00:00.000Z", "2027-03-30T10:00:00.000Z"]],
    ["2028-02-29T09:00:00.000Z", "annual", ["2029-02-28T09:00:00.000Z", "2030-02-28T09:00:00.000Z", "2031-02-28T09:00:00.000Z", "2032-02-29T09:00:00.000Z"]],
  ] as const)("term n from %s (%s) ends n terms after the anchor, never after the previous end", (anchor, frequency, ends) => {
    expect(ends.map((_, i) => termEndFrom(d(anchor), frequency, i + 1))).toEqual(ends.map(d));
    // Each renewal finds the next anchored end from the previous one.
    let previous = termEndFrom(d(anchor), frequency);
    for (const end of ends.slice(1)) {
      previous = nextTermEnd(d(anchor), previous, frequency);
      expect(previous).toEqual(d(end));
    }
  });

  it("steps to the next anchored end from any instant, far from the anchor too", () => {
    const anchor = d("2026-01-31T10:00:00.000Z");
    expect(nextTermEnd(anchor, d("2026-02-28T10:00:00.000Z"), "monthly")).toEqual(d("2026-03-31T10:00:00.000Z"));
    expect(nextTermEnd(anchor, d("2026-02-28T09:59:59.999Z"), "monthly")).toEqual(d("2026-02-28T10:00:00.000Z"));
    expect(nextTermEnd(anchor, d("2030-12-31T10:00:00.000Z"), "monthly")).toEqual(d("2031-01-31T10:00:00.000Z"));
    expect(nextTermEnd(anchor, anchor, "annual")).toEqual(d("2027-01-31T10:00:00.000Z"));
  });

  it("counts from the term start while no anchor is stored", () => {
    const termStart = d("2026-03-02T09:00:00.000Z");
    expect(billingAnchor({ billingAnchorAt: null, termStart })).toEqual(termStart);
    expect(billingAnchor({ billingAnchorAt: d("2026-01-31T09:00:00.000Z"), termStart })).toEqual(d("2026-01-31T09:00:00.000Z"));
  });

  it("counts one month for monthly and twelve for annual", () => {
    expect(termMonths("monthly")).toBe(1);
    expect(termMonths("annual")).toBe(12);
  });
});

describe("prices", () => {
  const both = { monthlyPriceMinor: 1200, annualPriceMinor: 11952 };
  it("allows the frequencies the offer has a price for", () => {
    expect(allowedFrequencies(both)).toEqual(["monthly", "annual"]);
    expect(allowedFrequencies({ monthlyPriceMinor: 2900, annualPriceMinor: null })).toEqual(["monthly"]);
    expect(allowedFrequencies({ monthlyPriceMinor: null, annualPriceMinor: 54000 })).toEqual(["annual"]);
    // A free offer still has a price: zero.
    expect(allowedFrequencies({ monthlyPriceMinor: 0, annualPriceMinor: null })).toEqual(["monthly"]);
  });

  it("charges unit price times licenses for a whole term", () => {
    expect(unitPrice(both, "annual")).toBe(11952);
    expect(termCharge(both, "monthly", 7)).toBe(8400);
    expect(() => unitPrice({ monthlyPriceMinor: 2900, annualPriceMinor: null }, "annual")).toThrow();
  });
});

describe("daysRemaining", () => {
  const end = d("2026-04-02T09:00:00.000Z");
  it.each([
    ["at the term end", 0, 0],
    ["after the term end", -DAY_MS, 0],
    ["1 ms before the end", 1, 1],
    ["exactly one day before", DAY_MS, 1],
    ["one day and 1 ms before", DAY_MS + 1, 2],
    ["30.5 days before", 30.5 * DAY_MS, 31],
  ])("%s -> %i day(s): any part of a day counts", (_label, before, days) => {
    expect(daysRemaining(new Date(end.getTime() - before), end)).toBe(days);
  });
});

describe("proRatedCharge", () => {
  const term = { start: d("2026-03-02T09:00:00.000Z"), end: d("2026-04-02T09:00:00.000Z") };

  it("counts the term's days by UTC calendar", () => {
    expect(daysInTerm(term.start, term.end)).toBe(31);
    expect(daysInTerm(d("2026-02-01T00:00:00.000Z"), d("2026-03-01T00:00:00.000Z"))).toBe(28);
    expect(daysInTerm(d("2026-03-02T09:00:00.000Z"), d("2027-03-02T09:00:00.000Z"))).toBe(365);
  });

  it("charges the full term on its first day", () => {
    expect(proRatedCharge(3100, term, term.start)).toBe(3100);
    // A charge start before the term (e.g. bought during a trial) never charges more than the term.
    expect(proRatedCharge(3100, term, new Date(term.start.getTime() - 5 * DAY_MS))).toBe(3100);
  });

  it("charges one day's share on the last day", () => {
    expect(proRatedCharge(3100, term, new Date(term.end.getTime() - 1))).toBe(100);
    expect(proRatedCharge(3100, term, new Date(term.end.getTime() - DAY_MS))).toBe(100);
    expect(proRatedCharge(7200, term, new Date(term.end.getTime() - 12 * 60 * 60 * 1000))).toBe(Math.round(7200 / 31));
  });

  it("charges nothing at or after the term end", () => {
    expect(proRatedCharge(3100, term, term.end)).toBe(0);
    expect(proRatedCharge(3100, { start: term.end, end: term.end }, term.end)).toBe(0);
  });

  it("rounds to the nearest minor unit", () => {
    // 1000 * 10 / 31 = 322.58...
    expect(proRatedCharge(1000, term, new Date(term.end.getTime() - 10 * DAY_MS))).toBe(323);
    // 1000 * 11 / 31 = 354.83...
    expect(proRatedCharge(1000, term, new Date(term.end.getTime() - 10 * DAY_MS - 1))).toBe(355);
  });

  it("follows the calendar across February in an annual term", () => {
    const annual = { start: d("2026-01-31T00:00:00.000Z"), end: d("2027-01-31T00:00:00.000Z") };
    expect(proRatedCharge(36500, annual, d("2026-07-05T00:00:00.000Z"))).toBe(Math.round((36500 * 210) / 365));
  });
});
