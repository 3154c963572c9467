import { randomUUID } from "node:crypto";
import type { APIRequestContext, BrowserContext } from "@playwright/test";
import { createSandbox, deleteSandbox, expect, test as base, USERS, type Sandbox } from "./fixtures";

/**
 * The role x action matrix of README.md, cell by cell, through HTTP: every allowed cell succeeds and
 * every refused one gets 403 with nothing changed, on a sandbox's First Up Consultants.
 */
type RoleKey = "admin" | "adminAgent" | "sales" | "billing" | "helpdesk";
const ROLES: RoleKey[] = ["admin", "adminAgent", "sales", "billing", "helpdesk"];
const EVERYONE = ROLES;
const SELLERS: RoleKey[] = ["admin", "adminAgent", "sales"];
const SUPPORT: RoleKey[] = ["admin", "adminAgent", "helpdesk"];
const BILLING: RoleKey[] = ["admin", "adminAgent", "billing"];

const MATRIX: Record<string, RoleKey[]> = {
  view: EVERYONE,
  buy: SELLERS,
  change_quantity: SELLERS,
  buy_addons: SELLERS,
  suspend: SUPPORT,
  reactivate: SUPPORT,
  cancel: BILLING,
  change_auto_renew: BILLING,
  view_billing: BILLING,
  move_clock: ["admin"],
  view_activity: ["admin", "adminAgent", "billing", "helpdesk"],
};

interface Sub {
  id: string;
  version: number;
  status: string;
  quantity: number;
  autoRenew: boolean;
}

/**
 * `as(role)`: the requests of a browser signed in as that role. The matrix's cells share one sandbox per
 * worker (its First Up Consultants, `CUSTOMER`) and its signed-in browsers: each cell buys subscriptions
 * of its own and puts back what it changed, and a sandbox with two form sign-ins per cell cost 8 s a
 * cell (55 cells) on a busy 2-core machine. No other spec or worker sees this sandbox.
 */
const test = base.extend<{ as: (role: RoleKey) => Promise<APIRequestContext>; CUSTOMER: string }, { rolesSandbox: Sandbox; signedIn: (role: RoleKey) => Promise<BrowserContext> }>({
  rolesSandbox: [
    async ({ playwright }, provide, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      const created = await playwright.request.newContext({ baseURL });
      const sandbox = await createSandbox(created, "direct_bill");
      await created.dispose();
      await provide(sandbox);
      // A new connection: the first one has long been idle (see newSandbox in fixtures.ts).
      const deleting = await playwright.request.newContext({ baseURL });
      await deleteSandbox(deleting, sandbox.id);
      await deleting.dispose();
    },
    { scope: "worker" },
  ],
  signedIn: [
    async ({ browser, rolesSandbox }, provide, workerInfo) => {
      const contexts = new Map<RoleKey, BrowserContext>();
      await provide(async (role) => {
        if (!contexts.has(role)) {
          const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
          await rolesSandbox.signIn(await context.newPage(), USERS[role]);
          contexts.set(role, context);
        }
        return contexts.get(role)!;
      });
      for (const context of contexts.values()) await context.close();
    },
    { scope: "worker" },
  ],
  as: async ({ signedIn }, provide) => provide(async (role) => (await signedIn(role)).request),
  CUSTOMER: async ({ rolesSandbox }, provide) => provide(rolesSandbox.idOf("first-up-consultants")),
});

/** The admin buys a fresh subscription through the API, so each cell acts on its own. */
async function buyAsAdmin(admin: APIRequestContext, CUSTOMER: string, offerId: string): Promise<Sub> {
  expect((await admin.post(`/api/customers/${CUSTOMER}/cart`, { data: { offerId, quantity: "2", billingFrequency: "monthly" } })).status()).toBe(200);
  const order = await admin.post(`/api/customers/${CUSTOMER}/orders`, { data: { idempotencyKey: randomUUID() } });
  expect(order.status()).toBe(201);
  return (await order.json()).subscriptions[0];
}

async function current(admin: APIRequestContext, id: string): Promise<Sub> {
  const response = await admin.get(`/api/subscriptions/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()).subscription;
}

/** A suspended subscription points the catalog to reactivation: put it back so later cells can buy. */
async function reactivateAsAdmin(admin: APIRequestContext, id: string): Promise<void> {
  const sub = await current(admin, id);
  if (sub.status === "suspended") expect((await admin.patch(`/api/subscriptions/${id}`, { data: { version: sub.version, status: "active" } })).status()).toBe(200);
}

/** Each action: what to prepare, the request, and the status an allowed role gets. */
const ACTIONS: Record<string, (as: APIRequestContext, admin: APIRequestContext, CUSTOMER: string) => Promise<{ status: number; unchanged?: () => Promise<void>; cleanup?: () => Promise<void> }>> = {
  view: async (as, _admin, CUSTOMER) => ({ status: (await as.get(`/api/customers/${CUSTOMER}/subscriptions`)).status() }),
  buy: async (as, _admin, CUSTOMER) => {
    const added = await as.post(`/api/customers/${CUSTOMER}/cart`, { data: { offerId: "office-365-e1", quantity: "1", billingFrequency: "monthly" } });
    if (added.status() !== 200) return { status: added.status() };
    return { status: (await as.post(`/api/customers/${CUSTOMER}/orders`, { data: { idempotencyKey: randomUUID() } })).status() === 201 ? 200 : 500 };
  },
  change_quantity: async (as, admin, CUSTOMER) => {
    const sub = await buyAsAdmin(admin, CUSTOMER, "office-365-e1");
    const status = (await as.patch(`/api/subscriptions/${sub.id}`, { data: { version: sub.version, quantity: 3 } })).status();
    return { status, unchanged: async () => expect((await current(admin, sub.id)).quantity).toBe(2) };
  },
  buy_addons: async (as, admin, CUSTOMER) => {
    const sub = await buyAsAdmin(admin, CUSTOMER, "office-365-e3");
    const status = (await as.patch(`/api/subscriptions/${sub.id}`, { data: { version: sub.version, addOns: { "microsoft-365-e5-security": 1 } } })).status();
    return { status, unchanged: async () => expect((await current(admin, sub.id)).version).toBe(sub.version) };
  },
  suspend: async (as, admin, CUSTOMER) => {
    const sub = await buyAsAdmin(admin, CUSTOMER, "office-365-e1");
    const status = (await as.patch(`/api/subscriptions/${sub.id}`, { data: { version: sub.version, status: "suspended", suspensionReason: "customer_request" } })).status();
    return { status, unchanged: async () => expect((await current(admin, sub.id)).status).toBe("active"), cleanup: () => reactivateAsAdmin(admin, sub.id) };
  },
  reactivate: async (as, admin, CUSTOMER) => {
    const bought = await buyAsAdmin(admin, CUSTOMER, "office-365-e1");
    expect((await admin.patch(`/api/subscriptions/${bought.id}`, { data: { version: bought.version, status: "suspended", suspensionReason: "nonpayment" } })).status()).toBe(200);
    const sub = await current(admin, bought.id);
    const status = (await as.patch(`/api/subscriptions/${sub.id}`, { data: { version: sub.version, status: "active" } })).status();
    return { status, unchanged: async () => expect((await current(admin, sub.id)).status).toBe("suspended"), cleanup: () => reactivateAsAdmin(admin, sub.id) };
  },
  cancel: async (as, admin, CUSTOMER) => {
    const sub = await buyAsAdmin(admin, CUSTOMER, "relecloud-insights");
    const status = (await as.post(`/api/subscriptions/${sub.id}/cancel`, { data: { reason: "Customer request" } })).status();
    return { status, unchanged: async () => expect((await current(admin, sub.id)).status).toBe("active") };
  },
  change_auto_renew: async (as, admin, CUSTOMER) => {
    const sub = await buyAsAdmin(admin, CUSTOMER, "relecloud-insights");
    const status = (await as.patch(`/api/subscriptions/${sub.id}`, { data: { version: sub.version, autoRenew: false } })).status();
    return { status, unchanged: async () => expect((await current(admin, sub.id)).autoRenew).toBe(true) };
  },
  view_billing: async (as, _admin, CUSTOMER) => ({ status: (await as.get(`/api/customers/${CUSTOMER}/invoice`)).status() }),
  // A date in the past: an allowed role is told the clock only moves forward (400); nothing moves either way.
  move_clock: async (as) => {
    const status = (await as.post("/api/clock", { data: { date: "2001-01-01" } })).status();
    return { status: status === 400 ? 200 : status };
  },
  view_activity: async (as) => ({ status: (await as.get("/api/activity")).status() }),
};

test.describe("role x action through HTTP", () => {
  for (const [action, allowed] of Object.entries(MATRIX)) {
    for (const role of ROLES) {
      const expected = allowed.includes(role) ? 200 : 403;
      test(`${action} as ${role}: ${expected === 200 ? "allowed" : "refused"}`, async ({ as: signedIn, CUSTOMER }) => {
        const admin = await signedIn("admin");
        const as = await signedIn(role);
        const result = await ACTIONS[action](as, admin, CUSTOMER);
        expect(result.status).toBe(expected);
        if (expected === 403) await result.unchanged?.();
        await result.cleanup?.();
      });
    }
  }
});

test.describe("another partner's ids", () => {
  test("are not found, and nothing changes", async ({ as: signedIn, CUSTOMER, browser, baseURL, newSandbox }) => {
    const admin = await signedIn("admin");
    const sub = await buyAsAdmin(admin, CUSTOMER, "relecloud-insights");
    // Trey Research, another partner: a US Government sandbox of its own.
    const treySandbox = await newSandbox("us_government");
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await treySandbox.signIn(page, USERS.trey);
    const trey = page.request;
    expect((await trey.get(`/api/customers/${CUSTOMER}/subscriptions`)).status()).toBe(404);
    expect((await trey.get(`/api/subscriptions/${sub.id}`)).status()).toBe(404);
    expect((await trey.patch(`/api/subscriptions/${sub.id}`, { data: { version: sub.version, quantity: 5 } })).status()).toBe(404);
    expect((await trey.post(`/api/subscriptions/${sub.id}/cancel`, { data: { reason: "Customer request" } })).status()).toBe(404);
    expect((await trey.post(`/api/customers/${CUSTOMER}/cart`, { data: { offerId: "office-365-e1", quantity: "1", billingFrequency: "monthly" } })).status()).toBe(404);
    expect((await trey.get(`/api/customers/${CUSTOMER}/invoice`)).status()).toBe(404);
    const after = await current(admin, sub.id);
    expect(after).toMatchObject({ status: "active", quantity: 2, version: sub.version });
    await context.close();
  });

  test("requests without a session get 401", async ({ playwright, baseURL, CUSTOMER }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    expect((await anonymous.get(`/api/customers/${CUSTOMER}/subscriptions`)).status()).toBe(401);
    expect((await anonymous.post("/api/clock", { data: { days: 1 } })).status()).toBe(401);
    await anonymous.dispose();
  });
});
