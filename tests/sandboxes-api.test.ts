import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppDatabase } from "@/db/client";
import { resetRateLimits } from "@/lib/v1/rate-limit";
import { freshDb } from "./helpers";

/** /v1/sandboxes called in-process, as a test run would call it over HTTP. */
const state = vi.hoisted(() => ({ db: null as unknown as AppDatabase }));
vi.mock("@/db", () => ({ getDb: () => state.db }));

const { POST: create } = await import("@/app/v1/sandboxes/route");
const { POST: reset } = await import("@/app/v1/sandboxes/[sandboxId]/reset/route");
const { DELETE: remove } = await import("@/app/v1/sandboxes/[sandboxId]/route");
const { GET: customers } = await import("@/app/v1/customers/route");
const { POST: token } = await import("@/app/oauth2/token/route");

const OPERATOR_KEY = "operator-key-for-the-sandbox-tests-0123";
const none = { params: Promise.resolve({}) };
const of = (sandboxId: string) => ({ params: Promise.resolve({ sandboxId }) });
const bearer = (value: string, body?: unknown) => ({
  method: "POST",
  headers: { authorization: `Bearer ${value}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
  body: body === undefined ? undefined : JSON.stringify(body),
});

interface Created {
  id: string;
  password: string;
  partnerIds: string[];
  users: { email: string; roles: string[] }[];
  adminToken: { access_token: string };
}

beforeEach(() => {
  state.db = freshDb().db;
  resetRateLimits();
  vi.stubEnv("SANDBOX_OPERATOR_KEY", OPERATOR_KEY);
  vi.stubEnv("SANDBOXES", "");
  return () => vi.unstubAllEnvs();
});

async function createWithOperator(kind = "direct_bill"): Promise<Created> {
  const response = await create(new Request("http://localhost/v1/sandboxes", bearer(OPERATOR_KEY, { kind })), none);
  expect(response.status).toBe(201);
  return (await response.json()) as Created;
}

describe("/v1/sandboxes", () => {
  it("creates with the operator key: users, their password and a Global admin token that works on /v1 in the sandbox only", async () => {
    const created = await createWithOperator();
    expect(created.users.map((u) => u.email)).toContain(`admin+${created.id}@contoso-partner.example`);
    const list = await customers(new Request("http://localhost/v1/customers", { headers: { authorization: `Bearer ${created.adminToken.access_token}` } }), none);
    const ids = ((await list.json()) as { items: { id: string }[] }).items.map((c) => c.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith(`${created.id}.`))).toBe(true);
    // The password grant works for each of its users.
    const grant = await token(new Request("http://localhost/oauth2/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "password", username: created.users[0].email, password: created.password }).toString() }));
    expect(grant.status).toBe(200);
  });

  it("resets and deletes with the sandbox's own Global admin token, never another's; the operator may do either", async () => {
    const mine = await createWithOperator();
    const other = await createWithOperator("indirect");
    expect((await reset(new Request(`http://localhost/v1/sandboxes/${mine.id}/reset`, bearer(other.adminToken.access_token)), of(mine.id))).status).toBe(404);
    expect((await remove(new Request(`http://localhost/v1/sandboxes/${mine.id}`, { method: "DELETE", headers: { authorization: `Bearer ${other.adminToken.access_token}` } }), of(mine.id))).status).toBe(404);
    const resetResponse = await reset(new Request(`http://localhost/v1/sandboxes/${mine.id}/reset`, bearer(mine.adminToken.access_token)), of(mine.id));
    expect(resetResponse.status).toBe(200);
    expect(await resetResponse.json()).toMatchObject({ id: mine.id, kind: "direct_bill", attributes: { objectType: "Sandbox" } });
    const deleted = await remove(new Request(`http://localhost/v1/sandboxes/${mine.id}`, { method: "DELETE", headers: { authorization: `Bearer ${mine.adminToken.access_token}` } }), of(mine.id));
    expect(deleted.status).toBe(204);
    // Its token died with it.
    expect((await reset(new Request(`http://localhost/v1/sandboxes/${mine.id}/reset`, bearer(mine.adminToken.access_token)), of(mine.id))).status).toBe(401);
    expect((await remove(new Request(`http://localhost/v1/sandboxes/${other.id}`, { method: "DELETE", headers: { authorization: `Bearer ${OPERATOR_KEY}` } }), of(other.id))).status).toBe(204);
    expect((await remove(new Request(`http://localhost/v1/sandboxes/${other.id}`, { method: "DELETE", headers: { authorization: `Bearer ${OPERATOR_KEY}` } }), of(other.id))).status).toBe(404);
  });

  it("refuses a wrong key, and everything with SANDBOXES=off", async () => {
    expect((await create(new Request("http://localhost/v1/sandboxes", bearer(OPERATOR_KEY + "x", {})), none)).status).toBe(401);
    const created = await createWithOperator();
    vi.stubEnv("SANDBOXES", "off");
    expect((await create(new Request("http://localhost/v1/sandboxes", bearer(OPERATOR_KEY, {})), none)).status).toBe(403);
    expect((await reset(new Request(`http://localhost/v1/sandboxes/${created.id}/reset`, bearer(OPERATOR_KEY)), of(created.id))).status).toBe(403);
  });

  it("limits a user's token per client address and hour, not the operator", async () => {
    vi.stubEnv("SANDBOXES_PER_ADDRESS_PER_HOUR", "1");
    const grant = await token(new Request("http://localhost/oauth2/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "password", username: "admin@contoso-partner.example", password: "Partner-Demo-2026" }).toString() }));
    const user = ((await grant.json()) as { access_token: string }).access_token;
    expect((await create(new Request("http://localhost/v1/sandboxes", bearer(user, {})), none)).status).toBe(201);
    const refused = await create(new Request("http://localhost/v1/sandboxes", bearer(user, {})), none);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { description: string }).description).toMatch(/last hour/);
    await createWithOperator();
  });
});
