import { describe, expect, it } from "vitest";
import type { Offer, Subscription } from "@/db/schema";
import { DAY_MS, HOUR_MS } from "./clock";
import { cancelOption, cancellationWindowEnds, dataDeletionDate, dataRetentionDays, isCommercialMarketplace, isWithinRefundWindow, nextRenewalDate, renewalOutlook } from "./rules";

const ORDERED = new Date("2026-03-02T09:00:00.000Z");
const at = (ms: number) => new Date(ORDERED.getTime() + ms);
const SECOND = 1000;

type CancelSubject = Parameters<typeof cancelOption>[0];

function subscription(overrides: Partial<Subscription> = {}): CancelSubject {
  return {
    status: "active",
    orderedAt: ORDERED,
    billingFrequency: "monthly",
    cancellationScheduledAt: null,
    trialEndsAt: null,
    trialConvertedAt: null,
    termEnd: new Date("2026-04-02T09:00:00.000Z"),
    baseSubscriptionId: null,
    ...overrides,
  };
}

const ISV_LICENSE: Pick<Offer, "publisherKind" | "billingType"> = { publisherKind: "partner", billingType: "license" };
const ISV_USAGE: Pick<Offer, "publisherKind" | "billingType"> = { publisherKind: "partner", billingType: "usage" };
const MICROSOFT: Pick<Offer, "publisherKind" | "billingType"> = { publisherKind: "microsoft", billingType: "license" };

describe("refund window", () => {
  // "If you cancel less than 24 hours after you placed the order, you will receive a full credit"
  it("ends 24 hours after a monthly order", () => {
    expect(cancellationWindowEnds(subscription())).toEqual(at(24 * HOUR_MS));
  });

  it("ends 14 days after an annual order", () => {
    expect(cancellationWindowEnds(subscription({ billingFrequency: "annual" }))).toEqual(at(14 * DAY_MS));
  });

  it.each([
    ["at the order instant", 0, true],
    ["23:59:59 after the order", 24 * HOUR_MS - SECOND, true],
    ["1 ms before 24:00:00", 24 * HOUR_MS - 1, true],
    ["exactly 24:00:00 after the order", 24 * HOUR_MS, false],
    ["24:00:01 after the order", 24 * HOUR_MS + SECOND, false],
  ])("monthly: %s -> within=%s", (_label, offset, within) => {
    expect(isWithinRefundWindow(subscription(), at(offset))).toBe(within);
  });

  it.each([
    ["one second before day 14 ends", 14 * DAY_MS - SECOND, true],
    ["exactly 14 days after the order", 14 * DAY_MS, false],
    ["on day 15", 15 * DAY_MS, false],
    ["a day after a monthly window would have closed", 2 * DAY_MS, true],
  ])("annual: %s -> within=%s", (_label, offset, within) => {
    expect(isWithinRefundWindow(subscription({ billingFrequency: "annual" }), at(offset))).toBe(within);
  });
});

describe("data retention after a suspension", () => {
  const opened = new Date("2025-01-10T12:00:00.000Z");
  const customer = (gapDays: number | null) => ({ createdAt: opened, firstBillingAt: gapDays === null ? null : new Date(opened.getTime() + gapDays * DAY_MS) });

  // "within 90 days, or 90 days plus the number of days between the time the account was opened and the first billing period (maximum 120 days)"
  it.each([
    ["first billing the day the account opened", 0, 90],
    ["a 1-day gap", 1, 91],
    ["a 20-day gap", 20, 110],
    ["a 29-day gap", 29, 119],
    ["a 30-day gap (exactly the cap)", 30, 120],
    ["a 45-day gap (capped)", 45, 120],
    ["not billed yet", null, 90],
  ])("%s -> %i days", (_label, gap, days) => {
    expect(dataRetentionDays(customer(gap))).toBe(days);
  });

  it("ignores a first billing date before the account opened", () => {
    expect(dataRetentionDays(customer(-5))).toBe(90);
  });

  it("deletes the data that many whole days after the suspension", () => {
    const suspendedAt = new Date("2026-02-20T09:00:00.000Z");
    expect(dataDeletionDate(suspendedAt, customer(0))).toEqual(new Date("2026-05-21T09:00:00.000Z"));
    expect(dataDeletionDate(suspendedAt, customer(20))).toEqual(new Date("2026-06-10T09:00:00.000Z"));
    expect(dataDeletionDate(suspendedAt, customer(45))).toEqual(new Date(suspendedAt.getTime() + 120 * DAY_MS));
    expect(dataDeletionDate(suspendedAt, customer(null))).toEqual(new Date(suspendedAt.getTime() + 90 * DAY_MS));
  });
});

describe("nextRenewalDate", () => {
  it("is the trial end while in a trial, the term end otherwise", () => {
    const trialEndsAt = at(30 * DAY_MS);
    const termEnd = at(30 * DAY_MS + 31 * DAY_MS);
    expect(nextRenewalDate({ trialEndsAt, trialConvertedAt: null, termEnd })).toEqual(trialEndsAt);
    expect(nextRenewalDate({ trialEndsAt, trialConvertedAt: trialEndsAt, termEnd })).toEqual(termEnd);
    expect(nextRenewalDate({ trialEndsAt: null, trialConvertedAt: null, termEnd })).toEqual(termEnd);
  });
});

describe("cancelOption", () => {
  it("offers nothing for Microsoft offers, pointing to suspension", () => {
    expect(cancelOption(subscription(), MICROSOFT, ORDERED)).toEqual({
      kind: "none",
      why: { key: "cancelMicrosoftOffer" },
    });
    expect(isCommercialMarketplace(MICROSOFT)).toBe(false);
    expect(isCommercialMarketplace(ISV_LICENSE)).toBe(true);
  });

  it("refunds an ISV license subscription inside the window", () => {
    expect(cancelOption(subscription(), ISV_LICENSE, at(24 * HOUR_MS - SECOND))).toEqual({ kind: "refund", windowEnds: at(24 * HOUR_MS) });
    expect(cancelOption(subscription({ billingFrequency: "annual" }), ISV_LICENSE, at(14 * DAY_MS - SECOND))).toEqual({ kind: "refund", windowEnds: at(14 * DAY_MS) });
  });

  it("schedules the cancellation for renewal once the window has closed", () => {
    const sub = subscription();
    expect(cancelOption(sub, ISV_LICENSE, at(24 * HOUR_MS))).toEqual({ kind: "scheduled", effectiveAt: sub.termEnd });
    const annual = subscription({ billingFrequency: "annual", termEnd: new Date("2027-03-02T09:00:00.000Z") });
    expect(cancelOption(annual, ISV_LICENSE, at(14 * DAY_MS))).toEqual({ kind: "scheduled", effectiveAt: annual.termEnd });
  });

  it("de-provisions usage-based ISV services, whatever the window", () => {
    expect(cancelOption(subscription(), ISV_USAGE, ORDERED)).toEqual({ kind: "deprovision" });
    expect(cancelOption(subscription(), ISV_USAGE, at(40 * DAY_MS))).toEqual({ kind: "deprovision" });
  });

  it("offers nothing more once a cancellation is scheduled", () => {
    const option = cancelOption(subscription({ cancellationScheduledAt: at(31 * DAY_MS) }), ISV_LICENSE, at(2 * DAY_MS));
    expect(option).toEqual({ kind: "none", why: { key: "cancellationAlreadyScheduled" } });
  });

  it.each(["suspended", "cancelled", "expired", "deleted"] as const)("offers nothing for a %s subscription", (status) => {
    expect(cancelOption(subscription({ status }), ISV_LICENSE, ORDERED)).toEqual({ kind: "none", why: { key: "cancelActiveOnly" } });
  });

  it("schedules a trial's cancellation at the trial end, not the paid term's end", () => {
    const trialEndsAt = at(30 * DAY_MS);
    const trial = subscription({ trialEndsAt, termEnd: new Date("2026-05-01T09:00:00.000Z") });
    expect(cancelOption(trial, ISV_LICENSE, at(2 * DAY_MS))).toEqual({ kind: "scheduled", effectiveAt: trialEndsAt });
  });

  it("refunds a trial cancelled inside the window", () => {
    const trial = subscription({ trialEndsAt: at(30 * DAY_MS) });
    expect(cancelOption(trial, ISV_LICENSE, at(HOUR_MS)).kind).toBe("refund");
  });
});

// Issue 10, items 1 and 6: the words beside **Auto-renew** follow what the lifecycle does.
describe("renewalOutlook", () => {
  const TRIAL_ENDS = new Date("2026-04-01T09:00:00.000Z");
  const TERM_END = new Date("2026-05-01T09:00:00.000Z");
  const paid = subscription();
  const inTrial = subscription({ trialEndsAt: TRIAL_ENDS, termEnd: TERM_END });
  const renewingBase = { autoRenew: true, cancellationScheduledAt: null };

  it("renews at the term end, or converts at the trial's end and renews after the first paid term", () => {
    expect(renewalOutlook(paid, true, null)).toEqual({ kind: "renews", at: paid.termEnd });
    expect(renewalOutlook(inTrial, true, null)).toEqual({ kind: "trial_converts", trialEndsAt: TRIAL_ENDS, renewsAt: TERM_END });
  });

  it("with Auto-renew off ends at the term end, or at the trial's end without a paid term", () => {
    expect(renewalOutlook(paid, false, null)).toEqual({ kind: "ends", at: paid.termEnd });
    expect(renewalOutlook(inTrial, false, null)).toEqual({ kind: "trial_ends", at: TRIAL_ENDS });
    expect(renewalOutlook({ ...inTrial, trialConvertedAt: TRIAL_ENDS }, false, null)).toEqual({ kind: "ends", at: TERM_END });
  });

  it("pauses while suspended, but Auto-renew off still ends it on its date", () => {
    expect(renewalOutlook({ ...paid, status: "suspended" }, true, null)).toEqual({ kind: "paused" });
    expect(renewalOutlook({ ...inTrial, status: "suspended" }, false, null)).toEqual({ kind: "trial_ends", at: TRIAL_ENDS });
  });

  it("an add-on follows its own box while the base renews, and ends with a base that doesn't", () => {
    expect(renewalOutlook(paid, true, renewingBase)).toEqual({ kind: "renews", at: paid.termEnd });
    expect(renewalOutlook(paid, false, renewingBase)).toEqual({ kind: "ends", at: paid.termEnd });
    expect(renewalOutlook(paid, true, { autoRenew: false, cancellationScheduledAt: null })).toEqual({ kind: "ends_with_base", at: paid.termEnd });
    expect(renewalOutlook(inTrial, true, { autoRenew: true, cancellationScheduledAt: TRIAL_ENDS })).toEqual({ kind: "ends_with_base", at: TRIAL_ENDS });
  });
});
