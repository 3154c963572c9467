import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppDatabase } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { apiSubscriptionChangesSchema } from "@/lib/validation";
import { freshDb, actorFor } from "./helpers";

/** The REST API's edge: the token endpoint and the /v1 wrapper, against a real SQLite copy. */
const state = vi.hoisted(() => ({ db: null as unknown as AppDatabase }));
vi.mock("@/db", () => ({ getDb: () => state.db }));

const { POST: token } = await import("@/app/oauth2/token/route");
const { v1Route, V1Error } = await import("@/lib/v1/route");
const { resetRateLimits, REQUESTS_PER_MINUTE } = await import("@/lib/v1/rate-limit");
const { registerApp, deleteApp } = await import("@/lib/auth/apps");
const { signOutEverywhere } = await import("@/lib/auth/api-tokens");
const { createSession, SESSION_COOKIE } = await import("@/lib/auth/session");

const form = (fields: Record<string, string>) =>
  new Request("http://localhost/oauth2/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() });

async function accessToken(fields: Record<string, string>): Promise<string> {
  const response = await token(form(fields));
  expect(response.status).toBe(200);
  const body = (await response.json()) as { token_type: string; access_token: string; expires_in: number };
  expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
  return body.access_token;
}

const whoAmI = v1Route((ctx) => {
  if (ctx.url.searchParams.has("refuse")) throw new DomainError("not_found:subscription");
  if (ctx.url.searchParams.has("precondition")) throw new V1Error(412, "412", { key: "bodyIdMismatch" }, [{ field: "id", problem: { key: "sendOwnId" } }]);
  if (ctx.url.searchParams.has("quantity")) throw new DomainError("quantity:out_of_range", { key: "quantityFromTo", params: { min: 1, max: 300 } }, { quantity: [{ key: "quantityFromTo", params: { min: 1, max: 300 } }] });
  if (ctx.url.searchParams.has("invalid")) apiSubscriptionChangesSchema.parse({ version: 1, quantity: "0x10" });
  return { body: { user: ctx.actor.userId, name: ctx.actor.name, roles: ctx.actor.roles, body: ctx.body ?? null }, etag: 'W/"1"' };
});
const call = (headers: Record<string, string> = {}, init: RequestInit = {}, query = "") =>
  whoAmI(new Request(`http://localhost/v1/whoami${query}`, { headers, ...init }), { params: Promise.resolve({}) });

beforeEach(() => {
  state.db = freshDb().db;
  resetRateLimits();
});
afterEach(() => resetRateLimits());

describe("POST /oauth2/token", () => {
  it("issues an app+user token for a user's password; the user's own role applies", async () => {
    const bearer = await accessToken({ grant_type: "password", username: "sales@contoso-partner.example", password: "Partner-Demo-2026" });
    const response = await call({ authorization: `Bearer ${bearer}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: "contoso-sales-agent", roles: ["sales_agent"] });
  });

  it("refuses a wrong password, an unknown grant and a JSON body with OAuth's error codes", async () => {
    const wrong = await token(form({ grant_type: "password", username: "sales@contoso-partner.example", password: "nope" }));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: "invalid_grant" });
    const grant = await token(form({ grant_type: "authorization_code", code: "x" }));
    expect(await grant.json()).toMatchObject({ error: "unsupported_grant_type" });
    const json = await token(new Request("http://localhost/oauth2/token", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: "invalid_request" });
  });

  it("issues an app-only token to a registered app, acting as the app with Admin agent rights, until the app is deleted", async () => {
    const admin = actorFor(state.db, "contoso-global-admin");
    const { clientId, clientSecret } = registerApp(state.db, admin, "Billing sync", new Date());
    const bearer = await accessToken({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret });
    expect(await (await call({ authorization: `Bearer ${bearer}` })).json()).toMatchObject({ name: "Billing sync", roles: ["admin_agent"] });
    const wrongSecret = await token(form({ grant_type: "client_credentials", client_id: clientId, client_secret: "guess" }));
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: "invalid_client" });
    deleteApp(state.db, admin, clientId, new Date());
    expect((await call({ authorization: `Bearer ${bearer}` })).status).toBe(401);
    expect((await token(form({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }))).status).toBe(401);
  });

  it("an app never signs in with a password", async () => {
    const { clientId } = registerApp(state.db, actorFor(state.db, "contoso-global-admin"), "Script", new Date());
    const response = await token(form({ grant_type: "password", username: `${clientId}@apps.invalid`, password: "!" }));
    expect(response.status).toBe(400);
  });
});

describe("the /v1 edge", () => {
  it("answers 401 in Partner Center's error shape without a token, with an unknown one, and for a session cookie", async () => {
    const { token: cookieToken } = createSession(state.db, "contoso-global-admin", new Date());
    for (const headers of [{}, { authorization: "Bearer not-a-token" }, { authorization: "Basic abc" }, { cookie: `${SESSION_COOKIE}=${cookieToken}` }] as Record<string, string>[]) {
      const response = await call(headers);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.json()).toEqual({ code: "400", description: expect.any(String), data: [], source: expect.any(String) });
    }
  });

  it("echoes MS-RequestId and MS-CorrelationId, and makes them up when absent", async () => {
    const bearer = await accessToken({ grant_type: "password", username: "admin@contoso-partner.example", password: "Partner-Demo-2026" });
    const sent = await call({ authorization: `Bearer ${bearer}`, "MS-RequestId": "req-1", "MS-CorrelationId": "corr-1" });
    expect(sent.headers.get("ms-requestid")).toBe("req-1");
    expect(sent.headers.get("ms-correlationid")).toBe("corr-1");
    expect(sent.headers.get("etag")).toBe('W/"1"');
    const made = await call({ authorization: `Bearer ${bearer}` });
    expect(made.headers.get("ms-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("turns domain refusals, edge refusals and bad JSON into 4xx with codes", async () => {
    const bearer = await accessToken({ grant_type: "password", username: "admin@contoso-partner.example", password: "Partner-Demo-2026" });
    const auth = { authorization: `Bearer ${bearer}` };
    const notFound = await call(auth, {}, "?refuse");
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ code: "20003" });
    expect((await call(auth, {}, "?precondition")).status).toBe(412);
    const badJson = await call({ ...auth, "content-type": "application/json" }, { method: "POST", body: "{nope" });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ code: "400056" });
    const notJson = await call({ ...auth, "content-type": "text/plain" }, { method: "POST", body: "x" });
    expect(notJson.status).toBe(415);
    const json = await call({ ...auth, "content-type": "application/json" }, { method: "POST", body: '{"a":1}' });
    expect(await json.json()).toMatchObject({ body: { a: 1 } });
  });

  it("says a refusal's description in the request's language: X-Locale, else Accept-Language, else English", async () => {
    const bearer = await accessToken({ grant_type: "password", username: "admin@contoso-partner.example", password: "Partner-Demo-2026" });
    const auth = { authorization: `Bearer ${bearer}` };
    const refusal = async (headers: Record<string, string>, query: string) => (await call({ ...auth, ...headers }, {}, query)).json();
    expect(await refusal({}, "?refuse")).toMatchObject({ code: "20003", description: "Subscription not found." });
    expect(await refusal({ "X-Locale": "sv-SE" }, "?refuse")).toMatchObject({ code: "20003", description: "Prenumerationen hittades inte." });
    expect(await refusal({ "Accept-Language": "sv-SE,sv;q=0.9" }, "?refuse")).toMatchObject({ description: "Prenumerationen hittades inte." });
    expect(await refusal({ "X-Locale": "en-US", "Accept-Language": "sv-SE" }, "?refuse")).toMatchObject({ description: "Subscription not found." });
    expect(await refusal({ "X-Locale": "de-DE" }, "?refuse")).toMatchObject({ description: "Subscription not found." });
    // A refusal's detail and each field's problem, a request the schema refuses, and the edge's own refusals.
    expect(await refusal({}, "?quantity")).toMatchObject({ code: "2002", description: "Enter a quantity from 1 to 300.", data: [{ field: "quantity", messages: ["Enter a quantity from 1 to 300."] }] });
    expect(await refusal({ "X-Locale": "sv-SE" }, "?quantity")).toMatchObject({ description: "Ange ett antal från 1 till 300.", data: [{ field: "quantity", messages: ["Ange ett antal från 1 till 300."] }] });
    expect(await refusal({}, "?invalid")).toMatchObject({ code: "400056", description: "The request is not valid.", data: [{ field: "quantity", message: "Enter a whole number of licenses." }] });
    expect(await refusal({ "X-Locale": "sv-SE" }, "?invalid")).toMatchObject({ description: "Begäran är inte giltig.", data: [{ field: "quantity", message: "Ange antalet licenser som ett heltal." }] });
    expect(await refusal({ "X-Locale": "sv-SE" }, "?precondition")).toMatchObject({ code: "412", description: "Id:t i begärandetexten är inte id:t för prenumerationen i sökvägen.", data: [{ field: "id", message: "Skicka prenumerationens eget id, eller utelämna det." }] });
    expect(await (await call({ "X-Locale": "sv-SE" })).json()).toMatchObject({ description: "Åtkomst nekad: skicka en giltig åtkomsttoken från POST /oauth2/token som Authorization: Bearer <token>." });
    expect(await (await call({})).json()).toMatchObject({ description: "Access denied: send a live access token from POST /oauth2/token as Authorization: Bearer <token>." });
  });

  it(`limits a partner to ${REQUESTS_PER_MINUTE} requests a minute: 429 with Retry-After, other partners unaffected`, async () => {
    const contoso = await accessToken({ grant_type: "password", username: "admin@contoso-partner.example", password: "Partner-Demo-2026" });
    const trey = await accessToken({ grant_type: "password", username: "admin@trey-research.example", password: "Partner-Demo-2026" });
    for (let i = 0; i < REQUESTS_PER_MINUTE; i++) expect((await call({ authorization: `Bearer ${contoso}` })).status).toBe(200);
    const limited = await call({ authorization: `Bearer ${contoso}` });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: "429" });
    expect((await call({ authorization: `Bearer ${trey}` })).status).toBe(200);
  });

  it("signing out everywhere ends the user's tokens", async () => {
    const bearer = await accessToken({ grant_type: "password", username: "admin@contoso-partner.example", password: "Partner-Demo-2026" });
    expect((await call({ authorization: `Bearer ${bearer}` })).status).toBe(200);
    signOutEverywhere(state.db, "contoso-global-admin");
    expect((await call({ authorization: `Bearer ${bearer}` })).status).toBe(401);
  });
});
