import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppDatabase } from "@/db/client";
import { DAY_MS } from "@/lib/subscriptions";
import { freshDb } from "./helpers";

/** POST /v1/demo-clock: the Demo clock for scripts holding a bearer token (POST /api/clock takes only the browser's session). */
const state = vi.hoisted(() => ({ db: null as unknown as AppDatabase }));
vi.mock("@/db", () => ({ getDb: () => state.db }));

const { POST: token } = await import("@/app/oauth2/token/route");
const { GET, POST } = await import("@/app/v1/demo-clock/route");
const { demoClockResponseSchema } = await import("@/lib/v1/operations/demo-clock");
const { resetRateLimits } = await import("@/lib/v1/rate-limit");

async function bearer(username: string): Promise<string> {
  const response = await token(new Request("http://localhost/oauth2/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "password", username, password: "Partner-Demo-2026" }).toString() }));
  return ((await response.json()) as { access_token: string }).access_token;
}

const noParams = { params: Promise.resolve({}) };
const move = (auth: string, body: unknown) =>
  POST(new Request("http://localhost/v1/demo-clock", { method: "POST", headers: { authorization: `Bearer ${auth}`, "content-type": "application/json" }, body: JSON.stringify(body) }), noParams);
const read = async (auth: string) => demoClockResponseSchema.parse(await (await GET(new Request("http://localhost/v1/demo-clock", { headers: { authorization: `Bearer ${auth}` } }), noParams)).json());

beforeEach(() => {
  state.db = freshDb().db;
  resetRateLimits();
});

describe("/v1/demo-clock", () => {
  it("moves a Global admin's partner 30 days ahead and answers the documented representation", async () => {
    const admin = await bearer("admin@contoso-partner.example");
    const before = Date.parse((await read(admin)).now);
    const response = await move(admin, { days: 30 });
    expect([200, 202]).toContain(response.status);
    const body = demoClockResponseSchema.parse(await response.json());
    expect(Date.parse(body.now) - before).toBeGreaterThanOrEqual(30 * DAY_MS);
    expect(Date.parse(body.now) - before).toBeLessThan(31 * DAY_MS);
    expect(body.attributes.objectType).toBe("DemoClock");
    // Another partner's time did not move.
    const trey = await read(await bearer("admin@trey-research.example"));
    expect(Date.parse(trey.now) - before).toBeLessThan(DAY_MS);
  });

  it("moves to a date, forward only", async () => {
    const admin = await bearer("admin@contoso-partner.example");
    const now = new Date((await read(admin)).now);
    const target = new Date(now.getTime() + 60 * DAY_MS).toISOString().slice(0, 10);
    expect((await move(admin, { date: target })).status).toBeLessThan(300);
    expect((await read(admin)).now.slice(0, 10)).toBe(target);
    const back = await move(admin, { date: now.toISOString().slice(0, 10) });
    expect(back.status).toBe(400);
    expect(await back.json()).toMatchObject({ code: "400", description: expect.stringContaining("only moves forward") });
  });

  it("refuses a Sales agent with 403 2032, and a bad body with 400 400056 naming the field", async () => {
    const sales = await bearer("sales@contoso-partner.example");
    const refused = await move(sales, { days: 7 });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "2032" });
    const admin = await bearer("admin@contoso-partner.example");
    const bad = await move(admin, { days: 2 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "400056", data: [{ field: "days" }] });
    expect((await move(admin, { days: 1, date: "2030-01-01" })).status).toBe(400);
  });

  it("needs a bearer token", async () => {
    const response = await POST(new Request("http://localhost/v1/demo-clock", { method: "POST", headers: { "content-type": "application/json" }, body: '{"days":1}' }), noParams);
    expect(response.status).toBe(401);
  });
});
