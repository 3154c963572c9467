import { isRedirectError } from "next/dist/client/components/redirect-error";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppDatabase } from "@/db/client";
import { bearerUserId, issueAccessToken } from "@/lib/auth/api-tokens";
import { deleteApp, listApps, registerApp } from "@/lib/auth/apps";
import { listDemoAccounts } from "@/lib/auth/demo-accounts";
import { createSession, sessionUserId } from "@/lib/auth/session";
import { activityFilterOptions, listActivity } from "@/lib/subscriptions";
import { actorFor, buySubscription, clockAt, expectRefused, freshDb, SEED_NOW, suspendSubscription, tableSnapshot } from "./helpers";

/**
 * Issue 11's **App management** and **Sign out everywhere**: the domain (lib/auth/apps.ts) and the
 * server actions the pages call, against a seeded SQLite copy. The actions read the session cookie
 * from a mocked next/headers.
 */
const state = vi.hoisted(() => ({ db: null as unknown as AppDatabase, cookie: undefined as string | undefined, deleted: [] as string[] }));
vi.mock("@/db", () => ({ getDb: () => state.db }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "pc_session" && state.cookie ? { name, value: state.cookie } : undefined),
    set: () => undefined,
    delete: (name: string) => state.deleted.push(name),
  }),
  headers: async () => new Headers(),
}));
// revalidatePath needs Next's request store; outside a request there is nothing to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { POST: token } = await import("@/app/oauth2/token/route");
const { registerAppAction, deleteAppAction } = await import("@/app/(dashboard)/apps/actions");
const { signOutEverywhere } = await import("@/app/sign-in/actions");

const clock = clockAt(0);
const now = clock.now();
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};
const tokenRequest = (fields: Record<string, string>) =>
  token(new Request("http://localhost/oauth2/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() }));
/** Signs the seeded user in (a session cookie for the mocked next/headers). */
const signInAs = (userId: string) => (state.cookie = createSession(state.db, userId, new Date()).token);

beforeEach(() => {
  state.db = freshDb().db;
  state.cookie = undefined;
  state.deleted = [];
});

describe("registering, listing and deleting apps", () => {
  it("a Global admin registers an app and lists it with who created it; the secret is stored nowhere", () => {
    const admin = actorFor(state.db, "contoso-global-admin");
    const { clientId, clientSecret } = registerApp(state.db, admin, "Billing sync", now);
    const later = registerApp(state.db, admin, "PSA tool", new Date(now.getTime() + 1000));
    expect(listApps(state.db, admin)).toEqual([
      { id: later.clientId, name: "PSA tool", createdAt: new Date(now.getTime() + 1000), createdByName: "Megan Bowen" },
      { id: clientId, name: "Billing sync", createdAt: now, createdByName: "Megan Bowen" },
    ]);
    expect(clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(tableSnapshot(state.db))).not.toContain(clientSecret);
  });

  it("the register action refuses a bad name with a message under the field, and a name already taken", async () => {
    signInAs("contoso-global-admin");
    for (const [name, message] of [
      ["", "Enter a name for the app."],
      ["   ", "Enter a name for the app."],
      ["<script>", "Start the name with a letter or digit, and use only letters, digits, spaces and . , ' & ( ) _ -"],
      ["x".repeat(81), "Keep the app name to 80 characters or fewer."],
    ]) {
      const before = tableSnapshot(state.db, ["users", "api_apps"]);
      expect(await registerAppAction(null, form({ name }))).toMatchObject({ ok: false, fieldErrors: { name: [message] } });
      expect(tableSnapshot(state.db, ["users", "api_apps"])).toEqual(before);
    }
    const ok = await registerAppAction(null, form({ name: "  Billing sync " }));
    expect(ok).toMatchObject({ ok: true, data: { name: "Billing sync", clientId: expect.any(String), clientSecret: expect.any(String) } });
    expect(await registerAppAction(null, form({ name: "billing SYNC" }))).toEqual({
      ok: false,
      error: "Your partner already has an app with this name. Choose another name.",
      fieldErrors: { name: ["Your partner already has an app with this name. Choose another name."] },
    });
    // Another partner may use the name.
    const trey = registerApp(state.db, actorFor(state.db, "trey-research-global-admin"), "Billing sync", now);
    expect(trey.app.name).toBe("Billing sync");
  });

  it.each(["contoso-admin-agent", "contoso-billing-admin", "contoso-helpdesk-agent", "contoso-sales-agent"])("%s can't register, list or delete apps", async (userId) => {
    const { clientId } = registerApp(state.db, actorFor(state.db, "contoso-global-admin"), "Billing sync", now);
    const actor = actorFor(state.db, userId);
    expectRefused(state.db, "forbidden", () => registerApp(state.db, actor, "Mine", now));
    expectRefused(state.db, "forbidden", () => listApps(state.db, actor));
    expectRefused(state.db, "forbidden", () => deleteApp(state.db, actor, clientId, now));
    signInAs(userId);
    expect(await registerAppAction(null, form({ name: "Mine" }))).toEqual({ ok: false, error: "Your role does not allow this action." });
    expect(await deleteAppAction(null, form({ appId: clientId }))).toEqual({ ok: false, error: "Your role does not allow this action." });
    expect(listApps(state.db, actorFor(state.db, "contoso-global-admin")).map((a) => a.name)).toEqual(["Billing sync"]);
  });

  it("another partner's app is not found: not listed, not deleted", async () => {
    const { clientId, clientSecret } = registerApp(state.db, actorFor(state.db, "contoso-global-admin"), "Billing sync", now);
    const trey = actorFor(state.db, "trey-research-global-admin");
    expect(listApps(state.db, trey)).toEqual([]);
    expectRefused(state.db, "not_found:app", () => deleteApp(state.db, trey, clientId, now));
    signInAs("trey-research-global-admin");
    expect(await deleteAppAction(null, form({ appId: clientId }))).toEqual({ ok: false, error: "App not found." });
    expect((await tokenRequest({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret })).status).toBe(200);
  });

  it("after Delete, the app's tokens and its client credentials are refused, and it leaves the list", async () => {
    signInAs("contoso-global-admin");
    const registered = await registerAppAction(null, form({ name: "Billing sync" }));
    if (!registered.ok || !registered.data) throw new Error("registration failed");
    const { clientId, clientSecret } = registered.data;
    const credentials = { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret };
    const answer = await tokenRequest(credentials);
    expect(answer.status).toBe(200);
    const { access_token } = (await answer.json()) as { access_token: string };
    expect(bearerUserId(state.db, access_token, new Date())).toBe(`app-${clientId}`);

    expect(await deleteAppAction(null, form({ appId: clientId }))).toEqual({ ok: true });
    expect(bearerUserId(state.db, access_token, new Date())).toBeNull();
    const refused = await tokenRequest(credentials);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: "invalid_client" });
    expect(listApps(state.db, actorFor(state.db, "contoso-global-admin"))).toEqual([]);
    // Deleting again finds nothing; the name is free for a new app.
    expect(await deleteAppAction(null, form({ appId: clientId }))).toEqual({ ok: false, error: "App not found." });
    expect(await registerAppAction(null, form({ name: "Billing sync" }))).toMatchObject({ ok: true });
  });
});

describe("apps in the activity log and on the sign-in page", () => {
  it("an app's changes are logged under its name, and the user filter names it as an app, after the people", () => {
    const admin = actorFor(state.db, "contoso-global-admin");
    const { app } = registerApp(state.db, admin, "Billing sync", now);
    const appActor = actorFor(state.db, app.userId);
    const subscription = buySubscription(state.db, appActor, clock, { customerId: "fabrikam", offerId: "power-bi-pro" });
    suspendSubscription(state.db, appActor, clock, subscription.id);
    const entries = listActivity(state.db, admin, { userId: app.userId });
    expect(entries.map((e) => [e.action, e.actorName, e.actorRole])).toEqual([
      ["suspend", "Billing sync", "admin_agent"],
      ["purchase", "Billing sync", "admin_agent"],
    ]);
    const users = activityFilterOptions(state.db, admin).users;
    expect(users.at(-1)).toMatchObject({ name: "Billing sync", app: true });
    expect(users.slice(0, -1).map((u) => [u.name, u.app])).toEqual(["Alex Wilber", "Diego Siciliani", "Isaiah Langer", "Lynne Robbins", "Megan Bowen"].map((name) => [name, false]));
  });

  it("the demo accounts never list an app's user", () => {
    registerApp(state.db, actorFor(state.db, "contoso-global-admin"), "Billing sync", now);
    const accounts = listDemoAccounts(state.db)!.accounts;
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts.filter((a) => a.email.endsWith("@apps.invalid") || a.name === "Billing sync")).toEqual([]);
  });
});

describe("Sign out everywhere", () => {
  it("ends every browser session and API token of the user, then goes to sign-in; other users stay signed in", async () => {
    const otherBrowser = createSession(state.db, "contoso-global-admin", new Date()).token;
    const colleague = createSession(state.db, "contoso-sales-agent", new Date()).token;
    const apiToken = issueAccessToken(state.db, { userId: "contoso-global-admin" }, new Date()).access_token;
    const { app } = registerApp(state.db, actorFor(state.db, "contoso-global-admin"), "Billing sync", SEED_NOW);
    const appToken = issueAccessToken(state.db, { userId: app.userId, appId: app.id }, new Date()).access_token;
    const thisBrowser = signInAs("contoso-global-admin");

    const redirect = await signOutEverywhere().catch((error: unknown) => error);
    expect(isRedirectError(redirect)).toBe(true);
    expect((redirect as { digest: string }).digest).toContain("/sign-in");
    expect(state.deleted).toEqual(["pc_session"]);
    for (const session of [thisBrowser, otherBrowser]) expect(sessionUserId(state.db, session, new Date())).toBeNull();
    expect(bearerUserId(state.db, apiToken, new Date())).toBeNull();
    // The user's apps are the partner's, not the user's: they keep working.
    expect(bearerUserId(state.db, appToken, new Date())).toBe(app.userId);
    expect(sessionUserId(state.db, colleague, new Date())).toBe("contoso-sales-agent");
  });
});
