import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithIntl } from "./support/render-intl";
import type { AppDatabase } from "@/db/client";
import { ApiEndpoint } from "@/components/ApiEndpoint";
import { LOCALES, type Locale } from "@/i18n/locales";
import { MESSAGES } from "@/messages";
import { apiText, englishApiText, fieldKeyOf } from "@/lib/v1/api-text";
import { allErrors, operationId } from "@/lib/v1/openapi";
import { operationGroups, operations } from "@/lib/v1/operations";
import { resetRateLimits } from "@/lib/v1/rate-limit";
import { curlExample, DEMO_SIGN_IN, exampleBody, examplePath, fieldRows, GETTING_STARTED, referenceEntry } from "@/lib/v1/reference";
import { freshDb } from "./helpers";
import { v1Fetch } from "./support/v1-router";

const state = vi.hoisted(() => ({ db: null as unknown as AppDatabase }));
vi.mock("@/db", () => ({ getDb: () => state.db }));

/** One endpoint as the page renders it in `locale`. */
const render = (entry: ReturnType<typeof referenceEntry>, locale: Locale = "en-US") =>
  renderWithIntl(createElement(ApiEndpoint, { entry }), locale);

/** The API reference page shows what the OpenAPI document says, with examples the API accepts. */
describe("the API reference", () => {
  it("shows each endpoint's method, path, fields, every error code and an example", () => {
    for (const op of operations) {
      const html = render(referenceEntry(op));
      expect(html).toContain(op.path);
      expect(html).toContain(op.method.toUpperCase());
      for (const error of allErrors(op)) expect(html, `${op.method} ${op.path} ${error.code}`).toContain(`>${error.code}<`);
      for (const row of fieldRows(op.response, "output")) expect(html).toContain(`>${row.name}<`);
      expect(html).toContain("curl -sS");
    }
  });

  it.each(LOCALES)("has every operation's summary, every group's name, every refusal and every field description in %s", (locale) => {
    const text = apiText(locale);
    for (const group of operationGroups) expect(text.has(`groups.${group.id}.name`), group.id).toBe(true);
    for (const op of operations) expect(text.has(`operations.${operationId(op)}.summary`), operationId(op)).toBe(true);
    // No message for an operation that is gone.
    expect(Object.keys(MESSAGES[locale].ApiReference.operations).sort()).toEqual(operations.map(operationId).sort());
    for (const op of operations) {
      for (const [schema, io] of [[op.params, "input"], [op.query, "input"], [op.body, "input"], [op.response, "output"]] as const) {
        if (!schema) continue;
        for (const row of fieldRows(schema, io)) if (row.description) expect(fieldKeyOf(row.description), `${operationId(op)} ${row.name}: ${row.description}`).toBeDefined();
      }
    }
  });

  it("shows an endpoint in Swedish: its summary, table headings, refusals and field descriptions, the code as it is", () => {
    const op = operations.find((o) => o.method === "post" && o.path === "/v1/customers/{customerId}/carts")!;
    const english = referenceEntry(op, englishApiText());
    const swedish = referenceEntry(op, apiText("sv-SE"));
    expect(swedish.summary).toBe("Skapa en kundvagn");
    expect(swedish.errors.map((e) => e.when)).not.toContain(english.errors[0].when);
    expect(swedish.params.find((r) => r.name === "customerId")?.description).toBe("Kundens ID (GET /v1/customers).");
    const html = render(swedish, "sv-SE");
    for (const word of ["Skapa en kundvagn", "Parametrar", "Begärandetext (application/json)", "Svar (201)", "Felkoder", "Obligatorisk", "Exempel", "sökväg"]) expect(html).toContain(word);
    expect(html).toContain(">catalogItemId<");
    expect(html).not.toContain("Request body");
  });

  it("gives every example a body the handler's schema accepts, demo ids in the path and the token where one is needed", () => {
    for (const op of operations) {
      const where = `${op.method} ${op.path}`;
      if (op.body) expect(op.body.safeParse(exampleBody(op)).success, where).toBe(true);
      const curl = curlExample(op);
      expect(curl, where).not.toMatch(/\{[A-Za-z]+\}/);
      expect(curl.includes("Bearer $TOKEN"), where).toBe(!op.public);
      if (op.path.includes("{customerId}")) expect(curl).toContain("/customers/fabrikam");
    }
  });

  it("spells out the token request's grants: which fields each one needs", () => {
    const token = referenceEntry(operations.find((op) => op.path === "/oauth2/token")!);
    expect(token.body).toContainEqual(expect.objectContaining({ name: "grant_type", type: '"password" | "client_credentials"', required: true }));
    expect(token.body).toContainEqual(expect.objectContaining({ name: "client_secret", required: false, description: expect.stringContaining('grant_type is "client_credentials"') }));
    expect(token.curl).toContain("--data-urlencode 'username=admin@contoso-partner.example'");
  });

  it("runs every example as the page shows it, after the getting-started calls, against the demo data: each succeeds", async () => {
    state.db = freshDb().db;
    resetRateLimits();
    const send = await v1Fetch();
    const base = "http://localhost";
    const signIn = await send(`${base}/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "password", ...DEMO_SIGN_IN }) });
    const token = ((await signIn.json()) as { access_token: string }).access_token;
    const json = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const cart = (await (await send(`${base}/v1/customers/fabrikam/carts`, { method: "POST", headers: json, body: JSON.stringify(GETTING_STARTED.cart) })).json()) as { id: string };
    const order = (await (await send(`${base}/v1/customers/fabrikam/orders`, { method: "POST", headers: json, body: JSON.stringify(GETTING_STARTED.order) })).json()) as { id: string; lineItems: { subscriptionId: string }[] };
    const variables: Record<string, string> = { $CART_ID: cart.id, $ORDER_ID: order.id, $SUBSCRIPTION_ID: order.lineItems[0].subscriptionId };
    for (const op of operations) {
      const url = base + examplePath(op).replace(/\$[A-Z_]+/g, (name) => variables[name] ?? name);
      const body = exampleBody(op);
      const form = op.bodyType === "form";
      // A sandbox is reset or deleted by its own Global admin: the token its create answered.
      const caller = op.path.includes("{sandboxId}") ? variables.$SANDBOX_TOKEN : token;
      const headers: Record<string, string> = { ...(op.public ? {} : { authorization: `Bearer ${caller}` }), ...(body === undefined ? {} : { "content-type": form ? "application/x-www-form-urlencoded" : "application/json" }) };
      const payload = body === undefined ? undefined : form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body);
      const response = await send(url, { method: op.method.toUpperCase(), headers, body: payload });
      expect(response.status, `${op.method.toUpperCase()} ${url}: ${await response.clone().text()}`).toBeLessThan(300);
      if (op.method === "post" && op.path === "/v1/sandboxes") {
        const created = (await response.json()) as { id: string; adminToken: { access_token: string } };
        Object.assign(variables, { $SANDBOX_ID: created.id, $SANDBOX_TOKEN: created.adminToken.access_token });
      }
    }
  });
});
