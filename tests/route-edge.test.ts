import { beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/server/json-body";

/**
 * authedRoute's edge refusals, as an API caller sees them: the status, the `{ error: { code } }`
 * body, and that the handler (the domain write) never ran. The session lookup is stubbed: these
 * checks come before it.
 */
const session = vi.hoisted(() => ({ signedIn: true }));
vi.mock("@/db", () => ({ getDb: () => ({}) }));
vi.mock("@/lib/server/context", () => ({
  currentActor: async () => (session.signedIn ? { userId: "contoso-admin" } : null),
  getClock: () => ({}),
}));

const { authedRoute } = await import("@/lib/server/route");

const seen: unknown[] = [];
const handler = authedRoute((request, { json }) => {
  const body = request.method === "DELETE" ? null : json();
  seen.push(body);
  return { received: body };
});
const call = (init: RequestInit & { headers?: Record<string, string> }) =>
  handler(new Request("http://localhost:3100/api/clock", { method: "POST", ...init, headers: { host: "127.0.0.1:3100", ...init.headers } }), { params: Promise.resolve({}) });

async function refusal(response: Response) {
  return { status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code };
}

beforeEach(() => {
  seen.length = 0;
  session.signedIn = true;
});

describe("authedRoute at the HTTP edge", () => {
  it("runs a same-origin JSON request", async () => {
    const response = await call({ headers: { "content-type": "application/json; charset=utf-8", origin: "http://127.0.0.1:3100", "sec-fetch-site": "same-origin" }, body: '{"days":1}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: { days: 1 } });
  });

  it("runs a script's JSON request that carries no Origin at all", async () => {
    const response = await call({ headers: { "content-type": "application/json" }, body: '{"days":7}' });
    expect(response.status).toBe(200);
    expect(seen).toEqual([{ days: 7 }]);
  });

  it("refuses a cookie-carrying POST from another origin of the same site with 403 cross_site", async () => {
    const response = await call({ headers: { "content-type": "text/plain", origin: "http://127.0.0.1:3999", "sec-fetch-site": "same-site" }, body: '{"days":30}' });
    expect(await refusal(response)).toEqual({ status: 403, code: "cross_site" });
    expect(seen).toEqual([]);
  });

  it("refuses a cross-site DELETE without a body too", async () => {
    const response = await call({ method: "DELETE", headers: { origin: "https://evil.example" } });
    expect(await refusal(response)).toEqual({ status: 403, code: "cross_site" });
  });

  it.each(["text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"])("refuses a %s body with 415 before parsing it", async (type) => {
    const response = await call({ headers: { "content-type": type }, body: '{"days":1}' });
    expect(await refusal(response)).toEqual({ status: 415, code: "unsupported_media_type" });
    expect(seen).toEqual([]);
  });

  it("answers 413, not 500, for a body over 1 MB", async () => {
    const body = JSON.stringify({ comment: "x".repeat(MAX_BODY_BYTES) });
    const response = await call({ headers: { "content-type": "application/json" }, body });
    expect(await refusal(response)).toEqual({ status: 413, code: "payload_too_large" });
    expect(seen).toEqual([]);
  });

  it("lets a DELETE without a body or content type through", async () => {
    const response = await call({ method: "DELETE" });
    expect(response.status).toBe(200);
  });

  it("still answers 401 to a well-formed request without a session, and 400 to bad JSON", async () => {
    session.signedIn = false;
    expect(await refusal(await call({ headers: { "content-type": "application/json" }, body: "{}" }))).toEqual({ status: 401, code: "unauthenticated" });
    session.signedIn = true;
    expect(await refusal(await call({ headers: { "content-type": "application/json" }, body: "{nope" }))).toEqual({ status: 400, code: "invalid_input" });
  });

  it("says its refusals in the browser's language: the chosen cookie, else Accept-Language, else English", async () => {
    const message = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;
    const notJson = { headers: { "content-type": "text/plain" }, body: "x" };
    expect(await message(await call(notJson))).toBe("Send the request body as JSON, with Content-Type: application/json.");
    expect(await message(await call({ ...notJson, headers: { ...notJson.headers, "accept-language": "sv-SE,sv;q=0.9,en;q=0.8" } }))).toBe("Skicka begärandetexten som JSON, med Content-Type: application/json.");
    expect(await message(await call({ ...notJson, headers: { ...notJson.headers, "accept-language": "sv-SE", cookie: "pc_session=x; locale=en-US" } }))).toBe("Send the request body as JSON, with Content-Type: application/json.");
    const badJson = { headers: { "content-type": "application/json", "accept-language": "sv" }, body: "{nope" };
    expect(await message(await call(badJson))).toBe("Begärandetexten är inte giltig JSON.");
  });

  it("says a route's refusal and each field's problem in the browser's language (GET /api/customers, a search too long)", async () => {
    const { GET } = await import("@/app/api/customers/route");
    const search = (headers: Record<string, string>) => GET(new Request(`http://localhost:3100/api/customers?q=${"x".repeat(101)}`, { headers }), { params: Promise.resolve({}) });
    const english = await search({});
    expect(english.status).toBe(400);
    expect(await english.json()).toEqual({ error: { code: "invalid_input", message: "Search for 100 characters or fewer.", fieldErrors: { q: ["Search for 100 characters or fewer."] } } });
    const swedish = await search({ "accept-language": "sv-SE" });
    expect(swedish.status).toBe(400);
    expect(await swedish.json()).toEqual({ error: { code: "invalid_input", message: "Sök på högst 100 tecken.", fieldErrors: { q: ["Sök på högst 100 tecken."] } } });
  });

  it("says a schema's refusal in Swedish too", async () => {
    const { clockSchema } = await import("@/lib/validation");
    const move = authedRoute((_request, { json }) => clockSchema.parse(json()));
    const response = await move(new Request("http://localhost:3100/api/clock", { method: "POST", headers: { "content-type": "application/json", "accept-language": "sv-SE" }, body: '{"days":2}' }), { params: Promise.resolve({}) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "invalid_input", message: "Kontrollera de markerade fälten.", fieldErrors: { days: ["Flytta fram 1, 7 eller 30 dagar."] } } });
  });

  it("does not check safe methods", async () => {
    const get = authedRoute(() => ({ ok: "read" }));
    const response = await get(new Request("http://localhost:3100/api/activity", { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } }), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
  });
});
