import { describe, expect, it } from "vitest";
import { DomainError, ERRORS, isDomainError, type ErrorCode } from "./errors";

describe("ERRORS", () => {
  it.each(Object.entries(ERRORS))("%s has a 4xx status and a sentence for the user", (_code, { status, message }) => {
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(message).toMatch(/^[A-Z].*\.$/);
  });
});

describe("DomainError", () => {
  it("carries the code's message and status unless given a detail", () => {
    const plain = new DomainError("not_found:customer");
    expect(plain.message).toBe("Customer not found.");
    expect(plain.status).toBe(404);
    const detailed = new DomainError("quantity:out_of_range", "Enter a quantity from 1 to 5.", { quantity: ["Enter a quantity from 1 to 5."] });
    expect(detailed.message).toBe("Enter a quantity from 1 to 5.");
    expect(detailed.fieldErrors).toEqual({ quantity: ["Enter a quantity from 1 to 5."] });
    expect(isDomainError(detailed)).toBe(true);
    expect(isDomainError(new Error("x"))).toBe(false);
    const code: ErrorCode = "forbidden";
    expect(new DomainError(code).status).toBe(403);
  });
});
