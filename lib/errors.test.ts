import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/locales";
import { MESSAGES } from "@/messages";
import { DomainError, ERRORS, isDomainError, type ErrorCode } from "./errors";
import { renderError } from "./error-text";

describe("ERRORS", () => {
  it.each(Object.entries(ERRORS))("%s has a 4xx status and a sentence for the user in every language", (code, { status }) => {
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    for (const locale of LOCALES) expect(MESSAGES[locale].Errors[code as ErrorCode]).toMatch(/^[A-ZÅÄÖ].*\.$/);
  });
});

describe("DomainError", () => {
  it("carries its code, status, detail and field problems; its message (for logs) names the code and key", () => {
    const plain = new DomainError("not_found:customer");
    expect(plain.message).toBe("not_found:customer");
    expect(plain.status).toBe(404);
    const problem = { key: "quantityFromTo", params: { min: 1, max: 5 } } as const;
    const detailed = new DomainError("quantity:out_of_range", problem, { quantity: [problem] });
    expect(detailed.message).toBe('quantity:out_of_range: quantityFromTo {"min":1,"max":5}');
    expect(detailed.detail).toEqual(problem);
    expect(detailed.fieldErrors).toEqual({ quantity: [problem] });
    expect(isDomainError(detailed)).toBe(true);
    expect(isDomainError(new Error("x"))).toBe(false);
    const code: ErrorCode = "forbidden";
    expect(new DomainError(code).status).toBe(403);
  });

  it("is said at the edge in the reader's language: the code's message, or the detail", () => {
    expect(renderError("en-US", new DomainError("not_found:customer"))).toEqual({ code: "not_found:customer", status: 404, message: "Customer not found." });
    expect(renderError("sv-SE", new DomainError("not_found:customer"))?.message).toBe("Kunden hittades inte.");
    const problem = { key: "quantityFromTo", params: { min: 1, max: 5 } } as const;
    const detailed = new DomainError("quantity:out_of_range", problem, { quantity: [problem] });
    expect(renderError("en-US", detailed)).toMatchObject({ message: "Enter a quantity from 1 to 5.", fieldErrors: { quantity: ["Enter a quantity from 1 to 5."] } });
    expect(renderError("sv-SE", detailed)).toMatchObject({ message: "Ange ett antal från 1 till 5.", fieldErrors: { quantity: ["Ange ett antal från 1 till 5."] } });
    expect(renderError("en-US", new Error("a bug"))).toBeNull();
  });
});
