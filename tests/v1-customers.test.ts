import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppDatabase } from "@/db/client";
import { freshDb, SEED_NOW } from "./helpers";
import { call, tokenFor } from "./support/v1-bearer";

/** GET /v1/customers and /v1/customers/{customerId}, as "Get a list of customers" and "Get a customer by ID" document them. */
const state = vi.hoisted(() => ({ db: null as unknown as AppDatabase }));
vi.mock("@/db", () => ({ getDb: () => state.db }));

const list = (await import("@/app/v1/customers/route")).GET as never;
const one = (await import("@/app/v1/customers/[customerId]/route")).GET as never;
const { customerCollectionSchema, customerSchema } = await import("@/lib/v1/representations/customer");
const { resetRateLimits } = await import("@/lib/v1/rate-limit");

let admin: string;
afterEach(() => vi.useRealTimers());
beforeEach(async () => {
  // The seeded data's present: v1Route brings the partner's lifecycle to real time first.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(SEED_NOW);
  state.db = freshDb().db;
  resetRateLimits();
  admin = await tokenFor("admin@contoso-partner.example");
});

describe("GET /v1/customers", () => {
  it("answers the documented request example: a Collection of Customer resources", async () => {
    const { status, body, headers } = await call(list, "/v1/customers?size=40", {}, { token: admin, headers: { "MS-RequestId": "3705fc6d-4127-4a87-bdba-9658f73fe019", "MS-CorrelationId": "b12260fb-82de-4701-a25f-dcd367690645" } });
    expect(status).toBe(200);
    expect(headers.get("ms-requestid")).toBe("3705fc6d-4127-4a87-bdba-9658f73fe019");
    const page = customerCollectionSchema.parse(body);
    expect(page.attributes.objectType).toBe("Collection");
    expect(page.links.self.uri).toBe("/v1/customers?size=40");
    const fabrikam = page.items.find((c) => c.id === "fabrikam")!;
    expect(fabrikam).toMatchObject({
      companyProfile: { tenantId: "fabrikam", domain: "fabrikam.example", companyName: "Fabrikam, Inc.", attributes: { objectType: "CustomerCompanyProfile" } },
      billingProfile: { firstName: "Dana", lastName: "Whitfield", email: "dana.whitfield@fabrikam.example", defaultAddress: { country: "US" } },
      relationshipToPartner: "reseller",
      attributes: { objectType: "Customer" },
    });
    // Only the partner's own customers.
    expect(page.items.every((c) => !["us-department-of-parks", "libertys-bakery"].includes(c.id))).toBe(true);
    expect(page.totalCount).toBe(page.items.length);
  });

  it("pages by size through links.next and its MS-ContinuationToken header, each customer once", async () => {
    const all = customerCollectionSchema.parse((await call(list, "/v1/customers?size=500", {}, { token: admin })).body);
    const seen: string[] = [];
    let path = "/v1/customers?size=2";
    let headers: Record<string, string> = {};
    for (let i = 0; i < 100; i++) {
      const page = customerCollectionSchema.parse((await call(list, path, {}, { token: admin, headers })).body);
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.items.map((c) => c.id));
      if (!page.links.next) break;
      expect(page.links.next.uri).toBe("/v1/customers?size=2&seekOperation=Next");
      path = page.links.next.uri;
      headers = Object.fromEntries(page.links.next.headers.map((h) => [h.key, h.value]));
    }
    expect(seen).toEqual(all.items.map((c) => c.id));
    expect(seen.length).toBeGreaterThan(2);
    // A client that can only follow URIs sends the token as continuationToken.
    const first = customerCollectionSchema.parse((await call(list, "/v1/customers?size=2", {}, { token: admin })).body);
    const second = customerCollectionSchema.parse((await call(list, `/v1/customers?size=2&continuationToken=${first.links.next!.headers[0].value}`, {}, { token: admin })).body);
    expect(second.items.map((c) => c.id)).toEqual(all.items.slice(2, 4).map((c) => c.id));
  });

  it("refuses a size out of range (400 400056) and a missing token (401)", async () => {
    for (const size of ["0", "501", "abc", "1.5"]) {
      const { status, body } = await call(list, `/v1/customers?size=${size}`, {}, { token: admin });
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: "400056", data: [expect.objectContaining({ field: "size" })] });
    }
    const anonymous = await call(list, "/v1/customers", {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ code: "400" });
  });
});

describe("GET /v1/customers/{customerId}", () => {
  it("answers the Customer resource with companyProfile and billingProfile, for every role", async () => {
    for (const user of ["admin@contoso-partner.example", "sales@contoso-partner.example", "helpdesk@contoso-partner.example"]) {
      const { status, body } = await call(one, "/v1/customers/wingtip-toys", { customerId: "wingtip-toys" }, { token: await tokenFor(user) });
      expect(status).toBe(200);
      expect(customerSchema.parse(body)).toMatchObject({ id: "wingtip-toys", companyProfile: { companyName: "Wingtip Toys" }, billingProfile: { defaultAddress: { country: "SE" } } });
    }
  });

  it("answers 404 with code 1000 for another partner's customer and for an unknown id", async () => {
    for (const customerId of ["us-department-of-parks", "no-such-customer"]) {
      const { status, body } = await call(one, `/v1/customers/${customerId}`, { customerId }, { token: admin });
      expect(status).toBe(404);
      expect(body).toMatchObject({ code: "1000", description: expect.any(String), data: [], source: expect.any(String) });
    }
  });
});
