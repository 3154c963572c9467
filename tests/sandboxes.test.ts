import { and, eq, isNotNull, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db/client";
import { partnerClocks, partners, sandboxes, signInThrottle, subscriptions, users } from "@/db/schema";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createSession, sessionUserId } from "@/lib/auth/session";
import { DEMO_PASSWORD } from "@/db/seed-data/partners";
import {
  createSandbox,
  deleteSandbox,
  newSandboxPassword,
  noteSandboxUse,
  removeIdleSandboxes,
  resetSandbox,
  resetSandboxUseNotes,
  sandboxDetails,
  sandboxSettingsFromEnv,
  startSandbox,
  type SandboxPassword,
  type StartedSandbox,
} from "@/lib/sandboxes";
import { isLifecycleDue } from "@/lib/subscriptions/system";
import { DAY_MS, fixedClock, listSubscriptions } from "@/lib/subscriptions";
import { actorFor, buySubscription, domainError, freshDb, SEED_NOW } from "./helpers";
import { tenantRows } from "./support/tenant-rows";

const settings = sandboxSettingsFromEnv({});
/** The sandboxes start 40 days after the template was seeded. */
const NOW = new Date(SEED_NOW.getTime() + 40 * DAY_MS);
const SHIFT = NOW.getTime() - SEED_NOW.getTime();
const noWait = async () => {};

let password: SandboxPassword;
async function sharedPassword(): Promise<SandboxPassword> {
  // One scrypt hash for the whole file: tests need no new password each.
  password ??= await newSandboxPassword();
  return password;
}

async function make(db: AppDatabase, kind: "direct_bill" | "indirect" | "us_government" = "direct_bill", at = NOW, address = "203.0.113.7"): Promise<StartedSandbox> {
  return createSandbox(db, { kind, address, caller: { visitor: true }, settings, password: await sharedPassword() }, at);
}

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

describe("Start a sandbox", () => {
  it("copies the whole template tenant, every date moved so the template's seeded instant is now", async () => {
    const { db } = freshDb();
    const sandbox = await make(db);
    expect(sandbox.partnerIds).toEqual([`${sandbox.sandbox.id}.contoso-partners`]);
    // Same rows as the demo partner had when seeded (the template is a frozen copy of it).
    const demo = nonZero(tenantRows(db, ["contoso-partners"]));
    const copy = nonZero(tenantRows(db, sandbox.partnerIds));
    for (const table of ["users", "customers", "orders", "subscriptions", "ledger_entries", "activity_log", "partner_clocks", "partner_customer_counts"]) {
      expect(copy[table], table).toBe(demo[table]);
    }
    // Each subscription is the demo's, moved by exactly the shift.
    const demoSubs = db.select().from(subscriptions).where(eq(subscriptions.partnerId, "contoso-partners")).all();
    for (const sub of demoSubs) {
      const copied = db.select().from(subscriptions).where(eq(subscriptions.id, `${sandbox.sandbox.id}.${sub.id}`)).get()!;
      expect(copied.orderedAt.getTime() - sub.orderedAt.getTime()).toBe(SHIFT);
      expect(copied.termEnd.getTime() - sub.termEnd.getTime()).toBe(SHIFT);
      expect(copied.status).toBe(sub.status);
      expect(copied.orderId).toBe(sub.orderId && `${sandbox.sandbox.id}.${sub.orderId}`);
      expect(copied.baseSubscriptionId).toBe(sub.baseSubscriptionId && `${sandbox.sandbox.id}.${sub.baseSubscriptionId}`);
    }
    // Its clock starts today with nothing due, as the demo's did on seeding.
    const clock = db.select().from(partnerClocks).where(eq(partnerClocks.partnerId, sandbox.partnerIds[0])).get()!;
    expect(clock.offsetMs).toBe(0);
    expect(clock.processedUntil).toEqual(NOW);
    expect(isLifecycleDue(db, sandbox.partnerIds[0], NOW)).toBe(false);
    // The Global admin sees the demo's subscriptions with today's dates.
    const admin = actorFor(db, sandbox.adminUserId);
    const fabrikam = listSubscriptions(db, admin, fixedClock(NOW), `${sandbox.sandbox.id}.fabrikam`).items;
    const demoFabrikam = listSubscriptions(db, actorFor(db, "contoso-global-admin"), fixedClock(SEED_NOW), "fabrikam").items;
    expect(fabrikam.map((i) => [i.subscription.id, i.subscription.status, i.subscription.termEnd.getTime()])).toEqual(
      demoFabrikam.map((i) => [`${sandbox.sandbox.id}.${i.subscription.id}`, i.subscription.status, i.subscription.termEnd.getTime() + SHIFT]),
    );
    expect(fabrikam.some((i) => i.subscription.status === "suspended")).toBe(true);
  });

  it("makes the indirect provider with its reseller, and the US Government cloud partner", async () => {
    const { db } = freshDb();
    const indirect = await make(db, "indirect");
    expect(indirect.partnerIds.sort()).toEqual([`${indirect.sandbox.id}.adventure-works`, `${indirect.sandbox.id}.margies-travel`]);
    expect(actorFor(db, indirect.adminUserId).partnerType).toBe("indirect_provider");
    expect(indirect.users.map((u) => u.partnerName).sort()).toEqual(["Adventure Works Distribution", "Margie's Travel IT"]);
    const gov = await make(db, "us_government");
    expect(actorFor(db, gov.adminUserId).cloud).toBe("us_government");
  });

  it("gives each sandbox unique ids and emails, and one password its users sign in with", async () => {
    const { db } = freshDb();
    const made = [await make(db), await make(db), await make(db, "indirect")];
    expect(new Set(made.map((s) => s.sandbox.id)).size).toBe(3);
    const emails = made.flatMap((s) => s.users.map((u) => u.email));
    expect(new Set(emails).size).toBe(emails.length);
    expect(made[0].users.map((u) => u.email)).toContain(`admin+${made[0].sandbox.id}@contoso-partner.example`);
    expect(made[0].users.map((u) => u.roles[0]).sort()).toEqual(["admin_agent", "billing_admin", "global_admin", "helpdesk_agent", "sales_agent"]);
    const email = `sales+${made[1].sandbox.id}@contoso-partner.example`;
    const userId = await signInWithPassword(db, { email, password: password.password, address: null }, NOW, noWait);
    expect(userId).toBe(`${made[1].sandbox.id}.contoso-sales-agent`);
    await expect(signInWithPassword(db, { email, password: DEMO_PASSWORD, address: null }, NOW, noWait)).rejects.toMatchObject({ code: "sign_in:invalid" });
  });

  it("keeps the templates out of reach: nobody signs in to one, and the lifecycle leaves them as seeded", async () => {
    const { db } = freshDb();
    const templateUsers = db.select({ email: users.email }).from(users).innerJoin(partners, eq(partners.id, users.partnerId)).where(isNotNull(partners.template)).all();
    expect(templateUsers.length).toBeGreaterThan(5);
    for (const { email } of templateUsers) {
      await expect(signInWithPassword(db, { email, password: DEMO_PASSWORD, address: null }, NOW, noWait)).rejects.toMatchObject({ code: "sign_in:invalid" });
    }
    const { partnerIds } = await import("@/lib/subscriptions/system");
    expect(partnerIds(db).some((id) => id.startsWith("template."))).toBe(false);
  });

  it("is refused with SANDBOXES=off, and past the per-address and server limits", async () => {
    const { db } = freshDb();
    const off = sandboxSettingsFromEnv({ SANDBOXES: "off" });
    await expect(startSandbox(db, { kind: "direct_bill", address: "198.51.100.1", caller: { visitor: true }, settings: off }, NOW)).rejects.toMatchObject({ code: "sandbox:off" });
    const two = sandboxSettingsFromEnv({ SANDBOXES_PER_ADDRESS_PER_HOUR: "2", SANDBOXES_MAX: "4" });
    const start = (address: string | null, at: Date, caller: { visitor: true } | { operator: true } = { visitor: true }) =>
      sharedPassword().then((p) => createSandbox(db, { kind: "direct_bill", address, caller, settings: two, password: p }, at));
    await start("198.51.100.1", NOW);
    await start("198.51.100.1", new Date(NOW.getTime() + 60_000));
    await expect(start("198.51.100.1", new Date(NOW.getTime() + 120_000))).rejects.toMatchObject({ code: "sandbox:limit" });
    // Another address, and the same one an hour later, may.
    await start("198.51.100.2", new Date(NOW.getTime() + 120_000));
    await expect(start("198.51.100.1", new Date(NOW.getTime() + 3_600_000 + 60_001))).resolves.toBeDefined();
    // The server's limit holds for the operator too.
    await expect(start(null, NOW, { operator: true })).rejects.toMatchObject({ code: "sandbox:full" });
    expect(db.select().from(sandboxes).all()).toHaveLength(4);
  });

  it("reads its settings from the environment and stops on a bad one", () => {
    expect(sandboxSettingsFromEnv({})).toEqual({ enabled: true, perAddressPerHour: 30, maxSandboxes: 2000, idleDays: 14, operatorKey: null });
    expect(sandboxSettingsFromEnv({ SANDBOXES: "off", SANDBOX_IDLE_DAYS: "3" })).toMatchObject({ enabled: false, idleDays: 3 });
    expect(() => sandboxSettingsFromEnv({ SANDBOXES: "maybe" })).toThrow(/SANDBOXES/);
    expect(() => sandboxSettingsFromEnv({ SANDBOX_IDLE_DAYS: "0" })).toThrow(/SANDBOX_IDLE_DAYS/);
    expect(() => sandboxSettingsFromEnv({ SANDBOX_OPERATOR_KEY: "short" })).toThrow(/SANDBOX_OPERATOR_KEY/);
  });
});

describe("Reset and Delete", () => {
  it("Reset puts back the template as of today; the users keep their sign-in", async () => {
    const { db } = freshDb();
    const sandbox = await make(db);
    const id = sandbox.sandbox.id;
    const admin = actorFor(db, sandbox.adminUserId);
    const session = createSession(db, sandbox.adminUserId, NOW);
    const bought = buySubscription(db, admin, fixedClock(NOW), { customerId: `${id}.wingtip-toys`, offerId: "office-365-e1", quantity: 3 });
    const before = nonZero(tenantRows(db, sandbox.partnerIds));
    const later = new Date(NOW.getTime() + 3_600_000);
    resetSandbox(db, { actor: admin }, id, settings, later);
    expect(db.select().from(subscriptions).where(eq(subscriptions.id, bought.id)).get()).toBeUndefined();
    const after = nonZero(tenantRows(db, sandbox.partnerIds));
    expect(after.subscriptions).toBe(before.subscriptions - 1);
    expect(after.orders).toBe(before.orders - 1);
    // Today's date now: the copy is shifted to the reset's instant.
    expect(db.select().from(partnerClocks).where(eq(partnerClocks.partnerId, sandbox.partnerIds[0])).get()!.processedUntil).toEqual(later);
    expect(sessionUserId(db, session.token, later)).toBe(sandbox.adminUserId);
    expect(await signInWithPassword(db, { email: sandbox.users[0].email, password: password.password, address: null }, later, noWait)).toBe(sandbox.users[0].userId);
  });

  it("only the sandbox's own Global admin (or the operator) resets or deletes it", async () => {
    const { db } = freshDb();
    const mine = await make(db);
    const other = await make(db);
    const sales = actorFor(db, `${mine.sandbox.id}.contoso-sales-agent`);
    expect(domainError(() => resetSandbox(db, { actor: sales }, mine.sandbox.id, settings, NOW)).code).toBe("forbidden");
    const otherAdmin = actorFor(db, other.adminUserId);
    expect(domainError(() => deleteSandbox(db, { actor: otherAdmin }, mine.sandbox.id, settings)).code).toBe("not_found:sandbox");
    const demoAdmin = actorFor(db, "contoso-global-admin");
    expect(domainError(() => deleteSandbox(db, { actor: demoAdmin }, mine.sandbox.id, settings)).code).toBe("not_found:sandbox");
    expect(domainError(() => deleteSandbox(db, { visitor: true }, mine.sandbox.id, settings)).code).toBe("unauthenticated");
    expect(sandboxDetails(db, mine.sandbox.id)).not.toBeNull();
    deleteSandbox(db, { operator: true }, mine.sandbox.id, settings);
    expect(sandboxDetails(db, mine.sandbox.id)).toBeNull();
  });

  it("Delete leaves no row of the tenant in any table, and every foreign key holds", async () => {
    const { db } = freshDb();
    const keep = await make(db, "indirect");
    const sandbox = await make(db, "indirect");
    const admin = actorFor(db, sandbox.adminUserId);
    // Some of everything a user makes: an order, a cart line, a session, a token, a failed sign-in.
    buySubscription(db, admin, fixedClock(NOW), { customerId: `${sandbox.sandbox.id}.libertys-bakery`, offerId: "office-365-e1" });
    createSession(db, sandbox.adminUserId, NOW);
    const { issueAccessToken } = await import("@/lib/auth/api-tokens");
    issueAccessToken(db, { userId: sandbox.adminUserId }, NOW);
    await expect(signInWithPassword(db, { email: sandbox.users[0].email, password: "wrong", address: "192.0.2.9" }, NOW, noWait)).rejects.toMatchObject({ code: "sign_in:invalid" });
    expect(Object.values(tenantRows(db, sandbox.partnerIds)).reduce((a, b) => a + b)).toBeGreaterThan(20);
    const keptBefore = tenantRows(db, keep.partnerIds);

    deleteSandbox(db, { actor: admin }, sandbox.sandbox.id, settings);
    expect(nonZero(tenantRows(db, sandbox.partnerIds))).toEqual({});
    expect(db.select().from(signInThrottle).where(like(signInThrottle.key, `%${sandbox.sandbox.id}%`)).all()).toEqual([]);
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
    // The other sandbox is untouched.
    expect(tenantRows(db, keep.partnerIds)).toEqual(keptBefore);
  });
});

describe("unused sandboxes", () => {
  it("are removed after SANDBOX_IDLE_DAYS; a request by one of its users keeps one", async () => {
    const { db } = freshDb();
    resetSandboxUseNotes();
    const idle = await make(db, "direct_bill", NOW, "192.0.2.1");
    const used = await make(db, "us_government", NOW, "192.0.2.2");
    const days = (n: number) => new Date(NOW.getTime() + n * DAY_MS);
    // Used on day 10 (a request of its admin): its 14 days count from then.
    noteSandboxUse(db, used.partnerIds[0], days(10));
    expect(db.select().from(sandboxes).where(eq(sandboxes.id, used.sandbox.id)).get()!.lastUsedAt).toEqual(days(10));
    // Written at most once an hour.
    noteSandboxUse(db, used.partnerIds[0], new Date(days(10).getTime() + 60_000));
    expect(db.select().from(sandboxes).where(eq(sandboxes.id, used.sandbox.id)).get()!.lastUsedAt).toEqual(days(10));
    expect(removeIdleSandboxes(db, settings, days(13))).toEqual([]);
    expect(removeIdleSandboxes(db, settings, days(15))).toEqual([idle.sandbox.id]);
    expect(nonZero(tenantRows(db, idle.partnerIds))).toEqual({});
    expect(sandboxDetails(db, used.sandbox.id)).not.toBeNull();
    expect(removeIdleSandboxes(db, settings, days(25))).toEqual([used.sandbox.id]);
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
    // The demo partners are never removed.
    expect(db.select().from(partners).where(and(eq(partners.id, "contoso-partners"))).get()).toBeDefined();
  });
});
