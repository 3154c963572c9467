import fc from "fast-check";
import { DEMO_PASSWORD } from "@/db/seed-data/partners";
import { BULK_CHANGE_CHOICES, CANCELLATION_REASONS } from "@/lib/validation";
import {
  billingFrequency,
  cancelReason,
  clockFields,
  comment,
  field,
  formSpec,
  idempotencyKey,
  nastyString,
  nastyValue,
  numberish,
  page,
  pathString,
  payload,
  quantity,
  query,
  search,
  suspensionReason,
  version,
  type Field,
  type FormSpec,
  type World,
} from "./edge-fuzz";

/**
 * What tests/fuzz-edges.test.ts sends to each route handler and server action, keyed by file as
 * `import.meta.glob` names it there. The test checks these tables name every exported handler and
 * action, so a new one cannot be left out.
 */

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export const METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Enough of a World to list the tables' keys before any database exists. */
export const SHAPE_ONLY = { customers: ["c"], subscriptions: ["s"], cartLines: ["l"], orders: ["o"], offers: ["x"], all: ["a"] } as World;

/** A real id of the right kind, a real id of another kind, or junk. */
export function id(world: World, pool: string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pool) }, { weight: 2, arbitrary: fc.constantFrom(...world.all) }, { weight: 2, arbitrary: pathString });
}

export interface RouteSpec {
  query?: fc.Arbitrary<string>;
  /** Unsafe methods: the body's fields. Absent for a DELETE, which sometimes carries one anyway. */
  body?: fc.Arbitrary<Record<string, unknown>>;
}

/** An id field: one of the pool's, or another kind's id, or junk. */
function idField(world: World, pool: string[]): Field {
  return field(fc.constantFrom(...pool), { bad: fc.oneof(fc.constantFrom(...world.all), pathString) });
}

/** The catch-all of /api addresses no handler serves: a JSON 404, whatever the method and body. */
export const API_NOT_FOUND_ROUTE = "../app/api/[[...path]]/route.ts";

/** What each route reads; the first test checks this table names every exported handler. */
export function routeSpecs(world: World): Record<string, Partial<Record<Method, RouteSpec>>> {
  const offerId = field(fc.constantFrom(...world.offers), { bad: nastyString });
  const anyQuery = query({ page, q: search, x: nastyString });
  const addOnOffer = fc.oneof(fc.constantFrom("office-365-advanced-threat-protection", "microsoft-365-e5-security", "extra-file-storage", "contoso-backup-pro-extended-retention"), fc.constantFrom(...world.offers), nastyString);
  return {
    "../app/api/activity/route.ts": {
      GET: { query: query({ customerId: id(world, world.customers), userId: id(world, ["contoso-global-admin", "adventure-works-global-admin"]), action: fc.oneof(fc.constantFrom("buy", "cancel", "suspend", "renew", "clock"), nastyString), limit: page }) },
    },
    "../app/api/health/route.ts": { GET: { query: anyQuery } },
    // Every /api address no handler serves: it reads neither query nor body.
    [API_NOT_FOUND_ROUTE]: { GET: { query: anyQuery }, POST: {}, PUT: {}, PATCH: {}, DELETE: {} },
    "../app/api/clock/route.ts": { GET: { query: anyQuery }, POST: { body: payload(clockFields) } },
    "../app/api/customers/route.ts": {
      GET: { query: query({ q: search, sort: fc.oneof(fc.constantFrom("name", "country", "created", "-name", "NAME"), nastyString), dir: fc.oneof(fc.constantFrom("asc", "desc", "DESC"), nastyString), page }) },
    },
    "../app/api/customers/[customerId]/cart/route.ts": {
      GET: { query: anyQuery },
      POST: { body: payload({ offerId, quantity: quantity(), billingFrequency }) },
    },
    "../app/api/customers/[customerId]/cart/[lineId]/route.ts": { PATCH: { body: payload({ quantity: quantity() }) }, DELETE: {} },
    "../app/api/customers/[customerId]/invoice/route.ts": { GET: { query: anyQuery } },
    "../app/api/customers/[customerId]/orders/route.ts": { POST: { body: payload({ idempotencyKey }) } },
    "../app/api/customers/[customerId]/subscriptions/route.ts": { GET: { query: query({ page }) } },
    "../app/api/subscriptions/[subscriptionId]/route.ts": {
      GET: { query: anyQuery },
      PATCH: {
        body: payload({
          version: version(),
          quantity: quantity({ optional: true }),
          status: field(fc.constantFrom("active", "suspended"), { optional: true, bad: fc.constantFrom("cancelled", "Active", "expired") }),
          suspensionReason,
          autoRenew: field(fc.boolean(), { optional: true, bad: fc.constantFrom("true", "false") }),
          addOns: field(fc.dictionary(addOnOffer, fc.integer({ min: 0, max: 20 }), { maxKeys: 3 }), { optional: true, bad: fc.dictionary(addOnOffer, fc.oneof(numberish, nastyValue), { minKeys: 1, maxKeys: 2 }) }),
        }),
      },
    },
    "../app/api/subscriptions/[subscriptionId]/cancel/route.ts": { POST: { body: payload({ version: version({ optional: true }), reason: cancelReason, comment }) } },
    // Issue 14's CSV exports: a 200 is a CSV body (the fuzz checks it parses), a refusal JSON.
    "../app/api/exports/renewals/route.ts": {
      GET: {
        query: query({
          days: fc.oneof(fc.constantFrom("30", "60", "90", "45", "-30"), nastyString),
          customer: id(world, world.customers),
          publisher: fc.oneof(fc.constantFrom("microsoft", "partner", "ISV"), nastyString),
          autoRenew: fc.oneof(fc.constantFrom("on", "off", "true"), nastyString),
          event: fc.oneof(fc.constantFrom("renews", "trial", "deletion", "renewal"), nastyString),
          sort: fc.oneof(fc.constantFrom("date", "customer", "offer", "price"), nastyString),
        }),
      },
    },
    "../app/api/exports/activity/route.ts": {
      GET: { query: query({ customer: id(world, world.customers), userId: id(world, ["contoso-global-admin", "adventure-works-global-admin"]), action: fc.oneof(fc.constantFrom("suspend", "renewal", "clock"), nastyString) }) },
    },
    "../app/api/exports/customers/[customerId]/subscriptions/route.ts": { GET: { query: anyQuery } },
    "../app/api/exports/customers/[customerId]/invoice/route.ts": { GET: { query: anyQuery } },
  };
}

/** The path parameters a route file's folders name (`[customerId]`), with ids that fit them. */
export function routeParams(world: World, file: string): fc.Arbitrary<Record<string, string>> {
  const names = [...file.matchAll(/\[(\w+)\]/g)].map((m) => m[1]);
  const pools: Record<string, string[]> = { customerId: world.customers, lineId: world.cartLines, subscriptionId: world.subscriptions };
  return fc.record(Object.fromEntries(names.map((n) => [n, id(world, pools[n] ?? world.all)])));
}

export function urlFor(file: string, params: Record<string, string>, search: string): string {
  const path = file.replace(/^\.\.\/app/, "").replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, (_m, name: string) => encodeURIComponent(params[name]));
  return `http://127.0.0.1:3100${path}${search ? `?${search}` : ""}`;
}

export interface ActionSpec {
  form: (world: World) => fc.Arbitrary<FormSpec>;
  /** Sign-in records a failed attempt on purpose (see below). */
  refusalMayWrite?: boolean;
  runs?: number;
}

export const ACTION_SPECS: Record<string, Record<string, ActionSpec>> = {
  "../app/(dashboard)/clock-actions.ts": { moveDemoClock: { form: () => formSpec(clockFields) } },
  "../app/(dashboard)/apps/actions.ts": {
    // Names that register, one taken again in other case (refused), and junk.
    registerAppAction: { form: () => formSpec({ name: field(fc.constantFrom("Billing sync", "BILLING SYNC", "PSA tool (test)", "Provisioning-2"), { bad: nastyString }) }) },
    // The world registers no apps: every id is unknown or junk, and is refused as not found.
    deleteAppAction: { form: (world) => formSpec({ appId: field(fc.uuid(), { bad: fc.oneof(fc.constantFrom(...world.all), pathString) }) }) },
  },
  "../app/(dashboard)/customers/[customerId]/actions.ts": {
    cancelSubscriptionAction: { form: (world) => formSpec({ subscriptionId: idField(world, world.subscriptions), version: version({ optional: true }), reason: cancelReason, comment }) },
  },
  "../app/(dashboard)/customers/[customerId]/review/actions.ts": {
    buyAction: { form: (world) => formSpec({ customerId: idField(world, world.customers), idempotencyKey }) },
  },
  "../app/(dashboard)/customers/[customerId]/subscriptions/[subscriptionId]/actions.ts": {
    submitChangesAction: {
      form: (world) =>
        formSpec({
          subscriptionId: idField(world, world.subscriptions),
          version: version(),
          quantity: quantity({ optional: true }),
          status: field(fc.constantFrom("active", "suspended"), { optional: true, bad: fc.constantFrom("cancelled", "") }),
          suspensionReason,
          autoRenew: field(fc.constantFrom("true", "false"), { optional: true, bad: fc.constantFrom("on", "") }),
          "addon:office-365-advanced-threat-protection": field(fc.constantFrom("0", "3", ""), { optional: true }),
          "addon:microsoft-365-e5-security": field(fc.constantFrom("0", "2", ""), { optional: true }),
          "addon:no-such-offer": field(fc.constant(undefined), { bad: fc.constant("1") }),
        }),
    },
  },
  "../app/(dashboard)/bulk-actions.ts": {
    applyBulkChangeAction: {
      form: (world) =>
        formSpec({
          change: field(fc.constantFrom(...BULK_CHANGE_CHOICES), { bad: fc.constantFrom("delete", "", "AUTO_RENEW_OFF") }),
          subscriptionId: idField(world, world.subscriptions),
          quantity: quantity({ optional: true }),
          reason: field(fc.constantFrom(...CANCELLATION_REASONS), { optional: true, bad: fc.constant("customer request") }),
        }),
    },
  },
  "../app/(dashboard)/sandbox/actions.ts": {
    // The fuzz signs in to demo partners, not sandboxes: every id is another tenant's or junk, refused as not found.
    resetSandboxAction: { form: (world) => formSpec({ sandboxId: field(fc.constantFrom("sbx-unknown", ...world.all), { bad: pathString }) }) },
    deleteSandboxAction: { form: (world) => formSpec({ sandboxId: field(fc.constantFrom("sbx-unknown", ...world.all), { bad: pathString }) }) },
  },
  "../app/sign-in/sandbox-actions.ts": {
    // Each start that gets past the form copies a template and hashes a password (scrypt, ~50-100 ms).
    startSandboxAction: { form: () => formSpec({ kind: field(fc.constantFrom("direct_bill", "indirect", "us_government"), { optional: true, bad: fc.constantFrom("DIRECT_BILL", "", "reseller") }) }), runs: 12 },
  },
  "../app/language/actions.ts": {
    // The header's Language: a signed-in user's choice is kept on their user (a write by design).
    chooseLanguage: { form: () => formSpec({ locale: field(fc.constantFrom("en-US", "sv-SE"), { bad: fc.constantFrom("sv", "", "de-DE", "SV-se") }) }) },
  },
  "../app/sign-in/actions.ts": {
    signIn: {
      form: () =>
        formSpec({
          email: field(fc.constantFrom("admin@contoso-partner.example", "SALES@contoso-partner.example ", "nobody@contoso-partner.example")),
          password: field(fc.constantFrom(DEMO_PASSWORD, "wrong")),
          next: field(fc.constantFrom("/customers", "//evil.example", "/\\evil.example", "https://evil.example/", "/customers/fabrikam?x=1"), { optional: true }),
        }),
      // A failed sign-in is a refusal that writes by design: it counts the failure against the
      // account and address (lib/auth/sign-in.ts), which is what makes guessing slow.
      refusalMayWrite: true,
      // Each attempt that gets past the form hashes a password (scrypt, ~50-100 ms).
      runs: 40,
    },
    signOut: { form: () => formSpec({}), runs: 20 },
    signOutEverywhere: { form: () => formSpec({}), runs: 20 },
  },
};

