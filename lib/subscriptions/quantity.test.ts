import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { assertQuantityInRange, licensesApply, quantityProblem } from "./quantity";

const license = { minQuantity: 1, maxQuantity: 300, billingType: "license" as const };
const minFive = { minQuantity: 5, maxQuantity: 2000, billingType: "license" as const };
const usage = { minQuantity: 1, maxQuantity: 1, billingType: "usage" as const };

describe("quantityProblem", () => {
  it.each([
    [1, null],
    [300, null],
    [150, null],
    [0, { key: "quantityFromTo", params: { min: 1, max: 300 } }],
    [-1, { key: "quantityFromTo", params: { min: 1, max: 300 } }],
    [301, { key: "quantityFromTo", params: { min: 1, max: 300 } }],
    [1.5, { key: "enterWholeLicenses" }],
    [0.5, { key: "enterWholeLicenses" }],
    [Number.NaN, { key: "enterWholeLicenses" }],
    [Number.POSITIVE_INFINITY, { key: "enterWholeLicenses" }],
  ])("license offer 1-300: %d -> %o", (quantity, problem) => {
    expect(quantityProblem(license, quantity)).toEqual(problem);
  });

  it("uses the offer's own minimum", () => {
    expect(quantityProblem(minFive, 4)).toEqual({ key: "quantityFromTo", params: { min: 5, max: 2000 } });
    expect(quantityProblem(minFive, 5)).toBeNull();
    expect(quantityProblem(minFive, 2000)).toBeNull();
    expect(quantityProblem(minFive, 2001)).toEqual({ key: "quantityFromTo", params: { min: 5, max: 2000 } });
  });

  it("allows only a quantity of 1 on usage-based offers", () => {
    expect(licensesApply(usage)).toBe(false);
    expect(licensesApply(license)).toBe(true);
    expect(quantityProblem(usage, 1)).toBeNull();
    for (const q of [0, 2, 10, 1.5, -1]) expect(quantityProblem(usage, q)).toEqual({ key: "usageNoQuantity" });
  });
});

describe("assertQuantityInRange", () => {
  it("throws quantity:out_of_range with the problem under the quantity field", () => {
    let error: unknown;
    try {
      assertQuantityInRange(license, 0);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const problem = { key: "quantityFromTo", params: { min: 1, max: 300 } };
    expect(error).toMatchObject({ code: "quantity:out_of_range", detail: problem, fieldErrors: { quantity: [problem] }, status: 400 });
  });

  it("passes a quantity in range", () => {
    expect(() => assertQuantityInRange(license, 42)).not.toThrow();
  });
});
