import fc from "fast-check";
import { expect } from "vitest";
import { DAY, HOUR, iso, refundWindowEnds, type Frequency } from "./calendar";
import { Model, type ModelSub, type Outcome } from "./model";
import { BASE_OFFERS } from "./offers";
import type { RealEntry, RealSub, RealSystem } from "./real";

/** What both the model and the real domain answer to: the same commands, by subscription index. */
export interface Subject {
  buy(offerId: string, quantity: number, frequency: Frequency): Outcome;
  setAddOn(baseIndex: number, addOnId: string, quantity: number): Outcome;
  setQuantity(index: number, quantity: number): Outcome;
  suspend(index: number): Outcome;
  reactivate(index: number): Outcome;
  cancel(index: number): Outcome;
  setAutoRenew(index: number, on: boolean): Outcome;
  advanceTo(at: number): void;
}

// ───────────────────────────── comparison ─────────────────────────────

function modelView(m: Model, s: ModelSub) {
  return {
    offer: s.offer.id,
    base: s.base,
    status: s.status,
    quantity: s.quantity,
    scheduled: s.scheduled,
    frequency: s.frequency,
    autoRenew: s.autoRenew,
    trialEndsAt: iso(s.trialEndsAt),
    converted: s.converted,
    termStart: iso(s.termStart),
    termEnd: iso(s.termEnd),
    deletionAt: iso(s.deletionAt),
    cancelAt: iso(s.cancelAt),
    ledger: s.ledger.map((e) => `${e.kind} ${e.amount} @${iso(e.postedAt)}`),
    net: m.net(s),
  };
}

function realView(ids: string[], s: RealSub, ledger: RealEntry[]) {
  const own = ledger.filter((e) => e.subscriptionId === s.id);
  return {
    offer: s.offerId,
    base: s.baseId === null ? null : ids.indexOf(s.baseId),
    status: s.status,
    quantity: s.quantity,
    scheduled: s.scheduled,
    frequency: s.frequency,
    autoRenew: s.autoRenew,
    trialEndsAt: iso(s.trialEndsAt),
    converted: s.converted,
    termStart: iso(s.termStart),
    termEnd: iso(s.termEnd),
    deletionAt: iso(s.deletionAt),
    cancelAt: iso(s.cancelAt),
    ledger: own.map((e) => `${e.kind} ${e.amount} @${iso(e.postedAt)}`),
    net: own.reduce((t, e) => t + e.amount, 0),
  };
}

/** Status, dates, quantities and every ledger entry of every subscription, to the cent and the millisecond. */
export function expectSameState(model: Model, real: RealSystem): void {
  const subs = real.subscriptions();
  const ledger = real.ledger();
  expect(subs.map((s) => s.offerId), "the customer's subscriptions").toEqual(model.subs.map((s) => s.offer.id));
  model.subs.forEach((s, i) => expect(realView(real.ids, subs[i], ledger), `subscription #${i} at ${iso(model.now)}`).toEqual(modelView(model, s)));
  expect(ledger.reduce((t, e) => t + e.amount, 0), "the customer's ledger total").toBe(model.subs.reduce((t, s) => t + model.net(s), 0));
}

// ───────────────────────────── commands ─────────────────────────────



/** With MODEL_STATS=1, how often each command was accepted or refused and each lifecycle event ran (to see what the runs cover). */
export const coverage = new Map<string, number>();
export const count = (key: string) => process.env.MODEL_STATS && coverage.set(key, (coverage.get(key) ?? 0) + 1);

/** One step: the same call on both sides, the same outcome, the lifecycle up to now on both, the same state. */
export function step(model: Model, real: RealSystem, call: (subject: Subject) => Outcome | void, shown = "step"): Outcome | void {
  const expected = call(model);
  const actual = call(real);
  expect(actual, `outcome of ${shown}`).toBe(expected);
  model.advanceTo(model.now);
  real.advanceTo(model.now);
  expectSameState(model, real);
  return expected;
}

/** A random step: the same call on both sides, the same outcome, then the lifecycle up to now on both, then the same state. */
class Step implements fc.Command<Model, RealSystem> {
  constructor(
    private readonly label: (m: Readonly<Model>) => string,
    /** Given the model before the step, the call to make on each side (so both get the same arguments). */
    private readonly act: (m: Readonly<Model>) => (subject: Subject) => Outcome | void,
    private readonly applies: (m: Readonly<Model>) => boolean = () => true,
  ) {}
  private shown = "";
  check = (m: Readonly<Model>) => this.applies(m);
  run(model: Model, real: RealSystem): void {
    this.shown = this.label(model);
    const expected = step(model, real, this.act(model), this.shown);
    count(`${this.shown.replace(/[(\s].*/, "")} ${expected ?? ""}`);
  }
  toString = () => this.shown || this.label(new Model({ createdAt: 0, firstBillingAt: null }, 0));
}

/** Mostly a subscription the command suits (so most steps change something), sometimes any. */
function target(m: Readonly<Model>, pick: number, suits: (s: ModelSub) => boolean): number {
  const all = m.subs.map((_, i) => i);
  const suited = all.filter((i) => suits(m.subs[i]));
  const from = suited.length > 0 && pick % 5 !== 0 ? suited : all;
  return from[pick % from.length];
}

const hasSubs = (m: Readonly<Model>) => m.subs.length > 0;
const active = (s: ModelSub) => s.status === "active";
const pick = fc.nat({ max: 999 });

const buyArb = fc
  .record({ offer: fc.constantFrom(...BASE_OFFERS), quantity: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 51, 301, 501) }), annual: fc.boolean() })
  .map(({ offer, quantity, annual }) => {
    const frequency: Frequency = annual ? "annual" : "monthly";
    return new Step(() => `buy(${offer}, ${quantity}, ${frequency})`, () => (s) => s.buy(offer, quantity, frequency));
  });

const addOnArb = fc.record({ pick, which: fc.nat({ max: 1 }), quantity: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 501, 10001) }) }).map(({ pick, which, quantity }) => {
  const base = (m: Readonly<Model>) => target(m, pick, (s) => active(s) && s.offer.addOns.length > 0);
  const addOn = (m: Readonly<Model>) => {
    const offers = m.subs[base(m)].offer.addOns;
    return offers.length > 0 ? offers[which % offers.length] : "extra-file-storage";
  };
  return new Step((m) => `setAddOn(#${base(m)}, ${addOn(m)}, ${quantity})`, (m) => {
    const [b, a] = [base(m), addOn(m)];
    return (s) => s.setAddOn(b, a, quantity);
  }, hasSubs);
});

const quantityArb = fc.record({ pick, quantity: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 14 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 501) }) }).map(({ pick, quantity }) => {
  const sub = (m: Readonly<Model>) => target(m, pick, active);
  return new Step((m) => `setQuantity(#${sub(m)}, ${quantity})`, (m) => {
    const i = sub(m);
    return (s) => s.setQuantity(i, quantity);
  }, hasSubs);
});

const onSub = (name: "suspend" | "reactivate" | "cancel", suits: (s: ModelSub) => boolean) =>
  pick.map((p) => {
    const sub = (m: Readonly<Model>) => target(m, p, suits);
    return new Step((m) => `${name}(#${sub(m)})`, (m) => {
      const i = sub(m);
      return (s) => s[name](i);
    }, hasSubs);
  });

const autoRenewArb = fc.record({ pick, on: fc.boolean() }).map(({ pick, on }) => {
  const sub = (m: Readonly<Model>) => target(m, pick, (s) => active(s) && s.offer.isv && s.autoRenew !== on);
  return new Step((m) => `setAutoRenew(#${sub(m)}, ${on})`, (m) => {
    const i = sub(m);
    return (s) => s.setAutoRenew(i, on);
  }, hasSubs);
});

const advanceArb = fc.oneof(fc.integer({ min: 1, max: 72 }).map((h) => h * HOUR), fc.integer({ min: 1, max: 45 }).map((d) => d * DAY), fc.integer({ min: 1, max: 400 }).map((d) => d * DAY)).map(
  (ms) => new Step((m) => `advance(+${ms / HOUR}h) to ${iso(m.now + ms)}`, (m) => {
      const to = m.now + ms;
      return (s) => s.advanceTo(to);
    }),
);

/** The dates where rules change, to land on them exactly, a millisecond before or after. */
const EDGES = ["refund window", "trial end", "term end", "deletion", "cancellation"] as const;
function edgeOf(s: ModelSub, edge: (typeof EDGES)[number]): number | null {
  switch (edge) {
    case "refund window":
      return refundWindowEnds(s.orderedAt, s.frequency);
    case "trial end":
      return s.trialEndsAt;
    case "term end":
      return s.termEnd;
    case "deletion":
      return s.deletionAt;
    case "cancellation":
      return s.cancelAt;
  }
}

const edgeArb = fc.record({ pick, edge: fc.constantFrom(...EDGES), offset: fc.constantFrom(-1, 0, 0, 1, -HOUR) }).map(({ pick, edge, offset }) => {
  /** The edge of one subscription still ahead (this kind if any is, else any kind). */
  const at = (m: Readonly<Model>): [number, number] | null => {
    const ahead = (kinds: readonly (typeof EDGES)[number][]) =>
      m.subs.flatMap((s, i) => kinds.map((k) => [i, edgeOf(s, k)] as const)).flatMap(([i, d]) => (d !== null && d + offset > m.now ? [[i, d + offset] as [number, number]] : []));
    const candidates = ahead([edge]).length > 0 ? ahead([edge]) : ahead(EDGES);
    return candidates.length > 0 ? candidates[pick % candidates.length] : null;
  };
  return new Step(
    (m) => `advanceTo(${edge} of #${at(m)?.[0]} ${offset >= 0 ? "+" : ""}${offset}ms) = ${iso(at(m)?.[1] ?? 0)}`,
    (m) => {
      const to = at(m)![1];
      return (s) => s.advanceTo(to);
    },
    (m) => at(m) !== null,
  );
});

export const commandsArb = fc.commands(
  [
    buyArb,
    buyArb,
    addOnArb,
    addOnArb,
    quantityArb,
    quantityArb,
    onSub("suspend", active),
    onSub("reactivate", (s) => s.status === "suspended"),
    onSub("cancel", (s) => active(s) && s.offer.isv && s.cancelAt === null),
    autoRenewArb,
    advanceArb,
    edgeArb,
    edgeArb,
  ],
  { maxCommands: 20, size: "max" },
);

const INTERESTING_STARTS = ["2026-01-31T10:00:00.000Z", "2028-02-29T23:30:00.000Z", "2026-03-02T09:00:00.000Z", "2027-12-31T23:59:59.999Z", "2026-08-31T00:00:00.000Z", "2026-10-30T12:00:00.000Z"].map((d) => Date.parse(d));

/** Where a sequence starts, and the customer it acts for (the retention gap decides 90 to 120 days). */
export const setupArb = fc.record({
  start: fc.oneof(fc.constantFrom(...INTERESTING_STARTS), fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2030, 0, 1) })),
  openedAgo: fc.integer({ min: 0, max: 400 * DAY }),
  firstBillingAfter: fc.option(fc.integer({ min: 0, max: 60 * DAY }), { nil: null }),
});
export type Setup = typeof setupArb extends fc.Arbitrary<infer T> ? T : never;

export function customerOf(setup: Setup) {
  const createdAt = setup.start - setup.openedAgo;
  return { createdAt, firstBillingAt: setup.firstBillingAfter === null ? null : createdAt + setup.firstBillingAfter };
}

