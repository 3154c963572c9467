import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, type TestDb } from "../helpers";
import { commandsArb, count, coverage, customerOf, setupArb } from "./commands";
import { Model } from "./model";
import { OFFERS } from "./offers";
import { RealSystem } from "./real";

/**
 * Issue 10's proof: the real domain and a plain reference model (tests/model/model.ts) take the same
 * random sequences of purchases, add-ons, quantity changes, suspensions, reactivations, cancellations,
 * Auto-renew changes and clock moves (often landing exactly on a refund window's end, a trial's end, a
 * term end, a deletion or a scheduled cancellation, or a millisecond off it), and after every step agree
 * on every subscription's status, dates and quantities and on every ledger entry, to the cent.
 *
 * One database per test file: each sequence gets a partner and customer of its own, so sequences
 * can't see each other and the lifecycle of one never processes another's subscriptions. The runs are
 * split over two files (model-based-*.test.ts) so both cores share them.
 */
export function describeModelRuns(runs: number): void {
  let test: TestDb;
  beforeAll(() => {
    test = freshDb();
  });
  afterAll(() => {
    test.close();
    if (process.env.MODEL_STATS) console.log([...coverage].sort().map(([k, n]) => `${k}: ${n}`).join("\n"));
  });

  describe("the reference model", () => {
    it("uses the seeded catalog's prices, limits and trials", () => {
      for (const offer of Object.values(OFFERS)) {
        const row = test.db.$client.prepare("SELECT publisher_kind, monthly_price_minor, annual_price_minor, free_trial_days, min_quantity, max_quantity, one_per_customer, prerequisite_offer_id FROM offers WHERE id = ?").get(offer.id);
        expect(row, offer.id).toEqual({
          publisher_kind: offer.isv ? "partner" : "microsoft",
          monthly_price_minor: offer.monthly,
          annual_price_minor: offer.annual,
          free_trial_days: offer.trialDays,
          min_quantity: offer.min,
          max_quantity: offer.max,
          one_per_customer: offer.onePerCustomer ? 1 : 0,
          prerequisite_offer_id: Object.values(OFFERS).find((o) => o.addOns.includes(offer.id))?.id ?? null,
        });
      }
    });
  });

  describe("the domain and the reference model", () => {
    it(`agree on status, dates and the ledger after every step of ${runs} random sequences`, () => {
      fc.assert(
        fc.property(setupArb, commandsArb, (setup, commands) => {
          const customer = customerOf(setup);
          fc.modelRun(() => ({ model: new Model(customer, setup.start, (event) => count(`lifecycle: ${event}`)), real: new RealSystem(test.db, customer, setup.start) }), commands);
        }),
        { numRuns: runs },
      );
    }, 120_000);
  });
}
