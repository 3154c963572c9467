import fs from "node:fs";
import { test as base, expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { CatalogPage, ReviewPage, SubscriptionPage } from "./pages";
import { OPERATOR_KEY } from "./sandbox-env";

/** Every demo account signs in with this password (listed on /sign-in). */
export const PASSWORD = "Partner-Demo-2026";

export const USERS = {
  admin: "admin@contoso-partner.example",
  sales: "sales@contoso-partner.example",
  helpdesk: "helpdesk@contoso-partner.example",
  billing: "billing@contoso-partner.example",
  adminAgent: "adminagent@contoso-partner.example",
  margies: "admin@margies-travel.example",
  trey: "admin@trey-research.example",
} as const;

export const SCREENSHOTS = "e2e/output/screenshots";

/** Full-page screenshot of the current page, into e2e/output/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Let toasts and transitions settle so the picture shows the page, not a half-drawn frame.
  await page.waitForLoadState("networkidle").catch(() => undefined);
  // Toasts float over the header; they are hidden here so the picture shows the page itself.
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true, style: "[data-sonner-toaster] { display: none !important; }" });
}

/** Fills the sign-in form; lands on the Customers page (or `next`). */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/customers/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Notifications (sonner toasts) and inline status alerts often carry the same words. */
export function message(page: Page, text: string | RegExp): Locator {
  return page.getByText(text).first();
}


/** Adds offers to a customer's cart and buys them through the UI; returns to the confirmation page. */
export async function buyThroughUi(page: Page, customerId: string, lines: { name: string; quantity?: number; frequency?: "Monthly" | "Annual" }[]) {
  const catalog = new CatalogPage(page, customerId);
  await catalog.goto();
  for (const line of lines) await catalog.addToCart(line.name, line);
  await catalog.review();
  await new ReviewPage(page, customerId).buy();
}

/** Buys one line and opens the new subscription from the order confirmation. */
export async function buyAndOpen(page: Page, customerId: string, line: { name: string; quantity?: number; frequency?: "Monthly" | "Annual" }) {
  await buyThroughUi(page, customerId, [line]);
  await page.getByRole("region", { name: "Subscriptions created" }).getByRole("link", { name: line.name, exact: true }).click();
  await expect(page.getByRole("heading", { name: line.name, level: 1 })).toBeVisible();
  const id = /\/subscriptions\/([^/?#]+)/.exec(page.url())![1];
  return { details: new SubscriptionPage(page), subscriptionId: id };
}

/** Dates as the app shows them: "Mar 2, 2026", in UTC. */
export const formatDate = (d: Date | number) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(d));
export const DAY_MS = 86_400_000;

// ─────────────────────────────────────────────────────────────────────────────
// A sandbox per test
// ─────────────────────────────────────────────────────────────────────────────

export type SandboxKind = "direct_bill" | "indirect" | "us_government";

export interface SandboxUser {
  email: string;
  name: string;
  roles: string[];
  partnerName: string;
}

/** A sandbox made for one test over /v1 with the operator key: a partner tenant of its own, deleted after the test. */
export interface Sandbox {
  id: string;
  kind: SandboxKind;
  /** Every user's password (answered once, when the sandbox was made). */
  password: string;
  users: SandboxUser[];
  /** A token of its Global admin for /v1. */
  adminToken: string;
  /** Its copy of a demo user's email: `admin@contoso-partner.example` -> `admin+<id>@contoso-partner.example`. */
  email(demoEmail: string): string;
  /** A demo id as it is in this sandbox: `fabrikam` -> `<id>.fabrikam`. */
  idOf(demoId: string): string;
  /** Signs `page` in, through the sign-in form, as the sandbox's copy of a demo user (e.g. `USERS.sales`). */
  signIn(page: Page, demoEmail: string): Promise<void>;
}

/** Text as a literal in a RegExp (a sandbox id has dots): `new RegExp(`/customers/${escapeRegExp(id)}$`)`. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Makes a sandbox over /v1 with the operator key (the fixtures below do this for each test). */
export async function createSandbox(request: APIRequestContext, kind: SandboxKind): Promise<Sandbox> {
  const answer = await request.post("/v1/sandboxes", { headers: { authorization: `Bearer ${OPERATOR_KEY}` }, data: { kind } });
  expect(answer.status(), `POST /v1/sandboxes: ${await answer.text()}`).toBe(201);
  const body = (await answer.json()) as { id: string; password: string; users: SandboxUser[]; adminToken: { access_token: string } };
  const email = (demoEmail: string) => {
    const at = demoEmail.indexOf("@");
    const copy = `${demoEmail.slice(0, at)}+${body.id}${demoEmail.slice(at)}`;
    if (!body.users.some((u) => u.email === copy)) throw new Error(`A ${kind} sandbox has no copy of ${demoEmail} (its users: ${body.users.map((u) => u.email).join(", ")})`);
    return copy;
  };
  return {
    id: body.id,
    kind,
    password: body.password,
    users: body.users,
    adminToken: body.adminToken.access_token,
    email,
    idOf: (demoId) => `${body.id}.${demoId}`,
    signIn: (page, demoEmail) => signIn(page, email(demoEmail), body.password),
  };
}

/** Deletes a sandbox with the operator key; one already deleted (by its own test) answers 404: nothing left to do. */
export async function deleteSandbox(request: APIRequestContext, id: string): Promise<void> {
  const answer = await request.delete(`/v1/sandboxes/${id}`, { headers: { authorization: `Bearer ${OPERATOR_KEY}` } });
  expect([204, 404], `DELETE /v1/sandboxes/${id}`).toContain(answer.status());
}

/**
 * The suite's `test`: `sandbox` is a partner tenant of the test's own (`sandboxKind`, direct bill unless
 * a spec says `test.use({ sandboxKind: "indirect" })`), made over /v1 with the operator key and deleted
 * when the test ends, so no test sees another's customers, carts or Demo clock and tests run in parallel
 * on one server. `newSandbox(kind)` makes more for a test that needs two tenants (also deleted).
 */
export const test = base.extend<{ sandboxKind: SandboxKind; newSandbox: (kind?: SandboxKind) => Promise<Sandbox>; sandbox: Sandbox }>({
  sandboxKind: ["direct_bill", { option: true }],
  newSandbox: async ({ playwright, baseURL, sandboxKind }, provide) => {
    // A request context of its own for each call: a kept-alive connection left idle while the test ran
    // can be closed by the server just as it is reused (ECONNRESET).
    const operator = async <T>(act: (request: APIRequestContext) => Promise<T>): Promise<T> => {
      const request = await playwright.request.newContext({ baseURL });
      try {
        return await act(request);
      } finally {
        await request.dispose();
      }
    };
    const made: string[] = [];
    await provide(async (kind = sandboxKind) => {
      const sandbox = await operator((request) => createSandbox(request, kind));
      made.push(sandbox.id);
      return sandbox;
    });
    for (const id of made) await operator((request) => deleteSandbox(request, id));
  },
  sandbox: async ({ newSandbox }, provide) => {
    await provide(await newSandbox());
  },
});
export { expect };


/** "Mar 2, 2026" (as the app prints dates, UTC) to a Date at 00:00 UTC. */
export function parseShownDate(text: string): Date {
  const m = /(\w{3}) (\d{1,2}), (\d{4})/.exec(text);
  if (!m) throw new Error(`No date in: ${text}`);
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].indexOf(m[1]);
  return new Date(Date.UTC(Number(m[3]), month, Number(m[2])));
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export * from "./pages";
