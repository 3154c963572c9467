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
const handler = authedRoute(async (request) => {
  const body = request.method === "DELETE" ? null : await request.json();
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

  it("does not check safe methods", async () => {
    const get = authedRoute(() => ({ ok: "read" }));
    const response = await get(new Request("http://localhost:3100/api/activity", { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } }), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
  });
});
