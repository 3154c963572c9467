import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { issueTexts, renderError } from "@/lib/error-text";
import { listCustomers } from "@/lib/subscriptions";
import {
  apiCancelSchema,
  apiSubscriptionChangesSchema,
  addToCartSchema,
  cancelSchema,
  catalogParamsSchema,
  clockSchema,
  customerListParamsSchema,
  pageParamSchema,
  parseListParams,
  searchProblem,
  subscriptionChangesSchema,
  updateCartLineSchema,
  wholeNumber,
} from "@/lib/validation";
import { actorFor, addCustomer, freshDb } from "./helpers";

const NUMBER = wholeNumber({ min: 0, max: 1000, message: "enterWholeLicenses", rangeMessage: "quantityFromTo" });

/** Each field's problems as an English page says them. */
const english = (error: z.ZodError | undefined) => renderError("en-US", error)!.fieldErrors as Record<string, string[] | undefined>;
const englishIssues = (error: z.ZodError | undefined) => issueTexts("en-US", error!).map((i) => i.message);

/** The fuzzer's numbers that `Number()` or `z.coerce` read loosely, each of which must be refused. */
const LOOSE = ["0x10", "0b11", "0o7", "1e3", " 7 ", "7 ", "+7", "-0", "1.5", "1.0", "", "٣", "Infinity", "NaN", true, false, null, [7], ["7"], { n: 7 }, 1.5, Number.NaN, Number.POSITIVE_INFINITY] as const;

describe("wholeNumber: the one rule for numbers users and scripts send", () => {
  it.each([
    [0, 0],
    [7, 7],
    [1000, 1000],
    ["0", 0],
    ["7", 7],
    ["007", 7],
    ["1000", 1000],
  ] as const)("accepts %j as %d", (input, expected) => {
    expect(NUMBER.parse(input)).toBe(expected);
  });

  it.each(LOOSE)("refuses %j as not a whole number", (input) => {
    const result = NUMBER.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["enterWholeLicenses"]);
    expect(englishIssues(result.error)).toEqual(["Enter a whole number of licenses."]);
  });

  it.each([-1, 1001, "1001", "99999999999999999999", Number.MAX_SAFE_INTEGER + 2])("refuses %j as out of range", (input) => {
    const result = NUMBER.safeParse(input);
    expect(result.success).toBe(false);
    expect(englishIssues(result.error)[0]).toMatch(/^Enter a quantity from 0 to 1000\.$|^Enter a whole number of licenses\.$/);
  });
});

// The fuzzer's list: each must be refused wherever a number is read.
const FUZZ = ["0x10", "0b11", "1e3", " 7 ", "1.5", true, [7]] as const;

describe.each(FUZZ)("every number field refuses %j", (bad) => {
  const fieldError = (result: z.ZodSafeParseResult<unknown>, field: string) => {
    expect(result.success).toBe(false);
    return english(result.error)[field];
  };

  it("quantity (cart and Submit)", () => {
    expect(fieldError(addToCartSchema.safeParse({ offerId: "o", quantity: bad, billingFrequency: "monthly" }), "quantity")).toEqual(["Enter a whole number of licenses."]);
    expect(fieldError(updateCartLineSchema.safeParse({ quantity: bad }), "quantity")).toBeDefined();
    expect(fieldError(subscriptionChangesSchema.safeParse({ subscriptionId: "s", version: "1", quantity: bad }), "quantity")).toBeDefined();
    expect(fieldError(apiSubscriptionChangesSchema.safeParse({ version: 1, quantity: bad }), "quantity")).toBeDefined();
  });

  it("add-on quantities", () => {
    expect(fieldError(subscriptionChangesSchema.safeParse({ subscriptionId: "s", version: "1", "addon:extra-file-storage": bad }), "addon:extra-file-storage")).toEqual([
      "Enter a whole number of licenses, 0 or more.",
    ]);
    expect(apiSubscriptionChangesSchema.safeParse({ version: 1, addOns: { "extra-file-storage": bad } }).success).toBe(false);
  });

  it("version", () => {
    expect(fieldError(subscriptionChangesSchema.safeParse({ subscriptionId: "s", version: bad }), "version")).toBeDefined();
    expect(fieldError(apiSubscriptionChangesSchema.safeParse({ version: bad }), "version")).toBeDefined();
    expect(fieldError(cancelSchema.safeParse({ subscriptionId: "s", version: bad, reason: "Other" }), "version")).toBeDefined();
    expect(fieldError(apiCancelSchema.safeParse({ version: bad, reason: "Other" }), "version")).toBeDefined();
  });

  it("page: a bad page in a link shows the first page", () => {
    expect(customerListParamsSchema.parse({ page: bad }).page).toBe(1);
    expect(catalogParamsSchema.parse({ page: bad }).page).toBe(1);
  });

  it("the Demo clock's days", () => {
    expect(fieldError(clockSchema.safeParse({ days: bad }), "days")).toEqual(["Advance by 1, 7 or 30 days."]);
  });
});

describe("page numbers", () => {
  it.each(["1.01", "1.3", "0x2", "0", "-1", "1e2", "100001", "99999999999999999999999", ["2", "3"]])("%j shows the first page", (page) => {
    expect(customerListParamsSchema.parse({ page }).page).toBe(1);
    expect(catalogParamsSchema.parse({ page }).page).toBe(1);
  });

  it.each([
    ["2", 2],
    ["100000", 100_000],
  ])("%s is page %d", (page, expected) => {
    expect(customerListParamsSchema.parse({ page }).page).toBe(expected);
  });

  it("a page past the last shows the last, and a fractional one never reaches SQL", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    for (let i = 0; i < 45; i++) addCustomer(db, { id: `paging-${i}`, name: `Paging ${String(i).padStart(2, "0")}`, partnerId: actor.partnerId });
    const last = listCustomers(db, actor, { q: "Paging", page: 100_000 });
    expect(last).toMatchObject({ page: 3, pageCount: 3 });
    expect(last.items.map((c) => c.id)).toEqual(["paging-40", "paging-41", "paging-42", "paging-43", "paging-44"]);
    // A caller that skips the schema gets the first page, not "datatype mismatch" from OFFSET 0.2.
    expect(listCustomers(db, actor, { q: "Paging", page: 1.01 })).toMatchObject({ page: 1 });
  });
});

describe("the Demo clock request", () => {
  it.each([
    [{ days: 1 }, { days: 1 }],
    [{ days: 7 }, { days: 7 }],
    [{ days: "30" }, { days: 30 }],
    [{ date: "2026-05-01" }, { date: "2026-05-01" }],
  ])("accepts %j", (input, expected) => {
    expect(clockSchema.parse(input)).toEqual(expected);
  });

  it.each([{ days: 2 }, { days: 0 }, { days: -7 }, { days: "0x1" }, { days: "1e0" }, { days: 7.0000001 }])("refuses days %j", (input) => {
    const result = clockSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(english(result.error)).toEqual({ days: ["Advance by 1, 7 or 30 days."] });
  });

  it("refuses days and date together instead of silently using days", () => {
    const result = clockSchema.safeParse({ days: 1, date: "2026-05-01" });
    expect(result.success).toBe(false);
    expect(english(result.error)).toEqual({ date: ["Send either days (1, 7 or 30) or date (YYYY-MM-DD), not both."] });
  });

  it("refuses neither, and unknown keys", () => {
    expect(english(clockSchema.safeParse({}).error)).toEqual({ days: ["Send either days (1, 7 or 30) or date (YYYY-MM-DD), not both."] });
    expect(english(clockSchema.safeParse({ days: 1, hours: 3 }).error)).toEqual({ hours: ["Unknown field: send only days or date."] });
    expect(clockSchema.safeParse({ date: "2026-5-1" }).success).toBe(false);
    expect(clockSchema.safeParse([7]).success).toBe(false);
  });
});

describe("search text", () => {
  const long = "x".repeat(101);
  const TOO_LONG = { key: "searchTooLong", params: { max: 100 } };

  it("up to 100 characters searches; longer is refused with a message, not ignored", () => {
    expect(searchProblem("x".repeat(100))).toBeNull();
    expect(searchProblem(` ${"x".repeat(100)} `)).toBeNull();
    expect(searchProblem(long)).toEqual(TOO_LONG);
    const result = customerListParamsSchema.safeParse({ q: long });
    expect(result.success).toBe(false);
    expect(english(result.error)).toEqual({ q: ["Search for 100 characters or fewer."] });
    expect(catalogParamsSchema.safeParse({ q: long }).success).toBe(false);
  });

  it("a list page keeps its other params and reports the search, so it can show no results", () => {
    expect(parseListParams(customerListParamsSchema, { q: long, sort: "country", page: "2" })).toEqual({
      params: { q: long, sort: "country", dir: undefined, page: 2 },
      searchError: TOO_LONG,
    });
    expect(parseListParams(catalogParamsSchema, { q: [long], category: "trial" })).toMatchObject({ params: { q: long, category: ["trial"] }, searchError: TOO_LONG });
    expect(parseListParams(customerListParamsSchema, { q: " contoso ", page: "1.5" })).toEqual({ params: { q: "contoso", sort: undefined, dir: undefined, page: 1 }, searchError: null });
  });
});

describe("the subscriptions list's page param", () => {
  it.each([
    [undefined, 1],
    ["3", 3],
    [["2", "5"], 2],
    ["0x2", 1],
    ["1.01", 1],
    ["1e1", 1],
    ["0", 1],
    ["100001", 1],
  ])("%j is page %d", (input, expected) => {
    expect(pageParamSchema.parse(input)).toBe(expected);
  });
});

describe("the details page's form still parses", () => {
  it("digits from the fields, an empty add-on field as 0", () => {
    expect(subscriptionChangesSchema.parse({ subscriptionId: "s", version: "3", quantity: "25", status: "active", autoRenew: "false", "addon:extra-file-storage": "", "addon:microsoft-365-e5-security": "4" })).toEqual({
      subscriptionId: "s",
      version: 3,
      quantity: 25,
      status: "active",
      suspensionReason: undefined,
      autoRenew: false,
      addOns: { "extra-file-storage": 0, "microsoft-365-e5-security": 4 },
    });
    expect(cancelSchema.parse({ subscriptionId: "s", version: "2", reason: "Other" }).version).toBe(2);
  });
});
