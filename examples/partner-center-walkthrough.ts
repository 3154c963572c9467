/**
 * A Partner Center REST API walkthrough you can copy: plain fetch, no SDK, no imports.
 *
 *   BASE_URL=http://localhost:3000 npx tsx examples/partner-center-walkthrough.ts
 *
 * It signs in (app+user token), lists customers, buys licenses through a cart, suspends the new
 * subscription, buys an offer with a free trial, moves the Demo clock past the trial's end and
 * checks that the trial converted to a paid term. Every step prints what it did; the script exits
 * with 1 as soon as an answer is not what Partner Center's documentation says it should be.
 *
 * Environment (demo defaults): BASE_URL, PC_USERNAME, PC_PASSWORD (a Global admin: only they move the
 * Demo clock), PC_CUSTOMER_ID, PC_OFFER_ID, PC_TRIAL_OFFER_ID (an offer with a free trial).
 */

const BASE_URL = (process.env.BASE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const USERNAME = process.env.PC_USERNAME ?? "admin@contoso-partner.example";
const PASSWORD = process.env.PC_PASSWORD ?? "Partner-Demo-2026";
const CUSTOMER_ID = process.env.PC_CUSTOMER_ID ?? "first-up-consultants";
const OFFER_ID = process.env.PC_OFFER_ID ?? "office-365-e3";
const TRIAL_OFFER_ID = process.env.PC_TRIAL_OFFER_ID ?? "contoso-backup-pro";
const DAY_MS = 24 * 60 * 60 * 1000;

// The parts of Partner Center's resources this script reads ("Customer", "Cart", "Order", "Subscription resources").
interface Collection<T> { totalCount: number; items: T[]; attributes: { objectType: string } }
interface Customer { id: string; companyProfile: { companyName: string } }
interface Cart { id: string; lineItems: { id: number; catalogItemId: string; quantity: number; error?: { errorCode: string; errorDescription: string } }[] }
interface Order { id: string; lineItems: { offerId: string; subscriptionId: string; quantity: number }[] }
interface CheckoutResult { orders: Order[]; orderErrors: unknown[] }
interface Subscription { id: string; offerId: string; quantity: number; status: string; isTrial: boolean; commitmentEndDate: string; autoRenewEnabled: boolean; attributes: { etag: string } }
interface DemoClock { now: string; move: { progress: number } | null }

class ExpectationFailed extends Error {}

function expect(condition: unknown, what: string): asserts condition {
  if (!condition) throw new ExpectationFailed(what);
  console.log(`   ok: ${what}`);
}

function step(text: string): void {
  console.log(`\n== ${text}`);
}

let accessToken = "";
/** One id for the whole run: Partner Center's logs group a script's requests by it. */
const correlationId = crypto.randomUUID();

interface Answer<T> { status: number; body: T; headers: Headers }

/** A /v1 request with the bearer token; refuses any status but the expected ones. */
async function call<T>(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; expect?: number[] } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { Authorization: `Bearer ${accessToken}`, Accept: "application/json", "MS-CorrelationId": correlationId, "MS-RequestId": crypto.randomUUID(), ...options.headers };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(BASE_URL + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  console.log(`   ${method} ${path} -> ${response.status}`);
  const expected = options.expect ?? [200];
  if (!expected.includes(response.status)) throw new ExpectationFailed(`${method} ${path} answered ${response.status}, expected ${expected.join(" or ")}: ${text.slice(0, 600)}`);
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}

async function signIn(): Promise<void> {
  step(`Get an app+user token for ${USERNAME} (POST /oauth2/token, grant_type=password)`);
  const response = await fetch(`${BASE_URL}/oauth2/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "password", username: USERNAME, password: PASSWORD }),
  });
  const body = (await response.json()) as { token_type?: string; access_token?: string; expires_in?: number; error?: string };
  expect(response.status === 200, `the token endpoint answers 200 (got ${response.status} ${body.error ?? ""})`);
  expect(body.token_type === "Bearer" && typeof body.access_token === "string", "it gives a Bearer access_token");
  accessToken = body.access_token!;
  console.log(`   the token expires in ${body.expires_in} s`);
}

async function listCustomers(): Promise<void> {
  step("List customers (GET /v1/customers?size=5)");
  const { body } = await call<Collection<Customer>>("GET", "/v1/customers?size=5");
  expect(body.attributes.objectType === "Collection" && body.items.length > 0 && body.items.length <= 5, "a page of at most 5 customers");
  expect(body.totalCount >= body.items.length, `totalCount (${body.totalCount}) counts every customer`);
  for (const c of body.items) console.log(`   - ${c.id}: ${c.companyProfile.companyName}`);
  const { body: customer } = await call<Customer>("GET", `/v1/customers/${CUSTOMER_ID}`);
  expect(customer.id === CUSTOMER_ID, `customer ${CUSTOMER_ID} is ${customer.companyProfile.companyName}`);
}

/** Create a cart with one line and check it out; returns the new subscription. */
async function buyThroughCart(offerId: string, quantity: number): Promise<Subscription> {
  step(`Buy ${quantity} x ${offerId} for ${CUSTOMER_ID} through a cart`);
  const lineItems = [{ id: 0, catalogItemId: offerId, quantity, billingCycle: "monthly" }];
  const { body: cart } = await call<Cart>("POST", `/v1/customers/${CUSTOMER_ID}/carts`, { body: { lineItems }, expect: [201] });
  expect(cart.lineItems.length === 1 && !cart.lineItems[0].error, `cart ${cart.id} has the line without an error ${JSON.stringify(cart.lineItems[0]?.error ?? "")}`);
  const checkout = `/v1/customers/${CUSTOMER_ID}/carts/${cart.id}/checkout`;
  const { body: result } = await call<CheckoutResult>("POST", checkout, { expect: [200, 201] });
  expect(result.orderErrors.length === 0 && result.orders.length === 1, "checkout placed one order, with no order errors");
  const order = result.orders[0];
  const line = order.lineItems[0];
  expect(line?.offerId === offerId && line.quantity === quantity && !!line.subscriptionId, `order ${order.id} created subscription ${line?.subscriptionId}`);
  // Checkout is idempotent per cart: a retry (a lost answer, a crashed script) returns the first result.
  const { body: again } = await call<CheckoutResult>("POST", checkout, { expect: [200, 201] });
  expect(again.orders[0]?.id === order.id, "checking the same cart out again returns the same order, not a second purchase");
  const { body: subscription } = await call<Subscription>("GET", `/v1/customers/${CUSTOMER_ID}/subscriptions/${line.subscriptionId}`);
  expect(subscription.status === "active" && subscription.quantity === quantity, `subscription ${subscription.id} is active with ${quantity} licenses`);
  return subscription;
}

async function suspend(subscriptionId: string): Promise<void> {
  step(`Suspend subscription ${subscriptionId} (PATCH status "suspended" with If-Match)`);
  const path = `/v1/customers/${CUSTOMER_ID}/subscriptions/${subscriptionId}`;
  const { body: current, headers } = await call<Subscription>("GET", path);
  const etag = headers.get("ETag");
  expect(!!etag, `GET gives an ETag (${etag})`);
  // Partner Center's samples send the resource back with the field changed.
  const { body: suspended } = await call<Subscription>("PATCH", path, { body: { ...current, status: "suspended" }, headers: { "If-Match": etag! } });
  expect(suspended.status === "suspended", "the subscription is suspended");
  const stale = await call<{ code: string }>("PATCH", path, { body: { ...current, status: "active" }, headers: { "If-Match": etag! }, expect: [412] });
  expect(stale.status === 412, `a change sent with the old ETag is refused (412, code ${stale.body.code})`);
}

async function moveDemoClockTo(date: string): Promise<void> {
  step(`Move the Demo clock to ${date} (POST /v1/demo-clock; this product's own, not Partner Center's)`);
  const { status } = await call<DemoClock>("POST", "/v1/demo-clock", { body: { date }, expect: [200, 202] });
  // 202: the crossed interval is still being processed in batches; poll until it is done.
  for (let waited = 0, done = status === 200; !done; waited += 1000) {
    if (waited > 120_000) throw new ExpectationFailed("the Demo clock move did not finish within 2 minutes");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { body } = await call<DemoClock>("GET", "/v1/demo-clock");
    done = body.move === null;
  }
  const { body: clock } = await call<DemoClock>("GET", "/v1/demo-clock");
  expect(clock.now.slice(0, 10) >= date, `the partner's date is now ${clock.now.slice(0, 10)}`);
}

async function watchTrialConvert(): Promise<void> {
  const trial = await buyThroughCart(TRIAL_OFFER_ID, 1);
  expect(trial.isTrial, `${TRIAL_OFFER_ID} starts with a free trial, ending ${trial.commitmentEndDate.slice(0, 10)}`);
  const dayAfter = new Date(Date.parse(trial.commitmentEndDate) + DAY_MS).toISOString().slice(0, 10);
  await moveDemoClockTo(dayAfter);
  step(`Watch the trial convert (GET subscription ${trial.id})`);
  const { body: converted } = await call<Subscription>("GET", `/v1/customers/${CUSTOMER_ID}/subscriptions/${trial.id}`);
  expect(!converted.isTrial, "isTrial is false: the free trial ended");
  expect(converted.status === "active" && converted.autoRenewEnabled, "it is still active: with Auto-renew on, the trial became a paid term");
  expect(Date.parse(converted.commitmentEndDate) > Date.parse(trial.commitmentEndDate), `the paid term runs to ${converted.commitmentEndDate.slice(0, 10)}`);
}

async function main(): Promise<void> {
  console.log(`Partner Center REST API walkthrough against ${BASE_URL}`);
  await signIn();
  await listCustomers();
  const bought = await buyThroughCart(OFFER_ID, 5);
  await suspend(bought.id);
  await watchTrialConvert();
  console.log("\nEvery expectation was met.");
}

main().catch((error: unknown) => {
  console.error(`\nFAILED: ${error instanceof ExpectationFailed ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});

// An ES module, so its names stay its own when this file sits beside your code.
export {};
