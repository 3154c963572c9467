import { randomBytes } from "node:crypto";
import { and, asc, count, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import { partners, sandboxes, signInThrottle, users, type Role, type Sandbox, type SandboxKind } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/subscriptions/permissions";
import { copyTenants, deleteTenants } from "./copy";
import type { SandboxSettings } from "./config";
import { templateOf } from "./templates";

export const HOUR_MS = 60 * 60 * 1000;

/**
 * Who asks: the operator (SANDBOX_OPERATOR_KEY, no per-address limit), a signed-in user (a bearer
 * token), or a visitor of the sign-in page. Only the operator or a sandbox's own Global admin resets
 * or deletes it.
 */
export type SandboxCaller = { operator: true } | { actor: Actor } | { visitor: true };

export interface SandboxUser {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  partnerName: string;
}

export interface SandboxDetails {
  sandbox: Sandbox;
  partnerIds: string[];
  users: SandboxUser[];
}

export interface StartedSandbox extends SandboxDetails {
  /** Shown once: only its hash is kept. Every user of the sandbox signs in with it. */
  password: string;
  /** The Global admin the visitor is signed in as (the provider's, for an indirect sandbox). */
  adminUserId: string;
}

export interface SandboxPassword {
  password: string;
  hash: string;
}

/** One random password per sandbox, hashed once (scrypt costs ~50-100 ms) and given to all its users. */
export async function newSandboxPassword(): Promise<SandboxPassword> {
  const password = `Sandbox-${randomBytes(12).toString("base64url")}`;
  return { password, hash: await hashPassword(password) };
}

/** `sbx` and 10 lowercase letters and digits: short enough for an email tag and a URL. */
function newSandboxId(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  return "sbx" + Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join("");
}

export interface StartSandboxParams {
  kind: SandboxKind;
  /** The client address for the per-address limit; null when the operator asks (no limit). */
  address: string | null;
  caller: SandboxCaller;
  settings: SandboxSettings;
}

/** The refusals that need no write: off, the per-address limit, the server's limit. */
export function assertMayStart(db: Db, params: Omit<StartSandboxParams, "kind">, now: Date): void {
  if (!params.settings.enabled) throw new DomainError("sandbox:off");
  if (!("operator" in params.caller)) {
    const since = new Date(now.getTime() - HOUR_MS);
    const key = params.address ?? "unknown";
    const recent = db.select({ n: count() }).from(sandboxes).where(and(eq(sandboxes.createdFrom, key), gt(sandboxes.createdAt, since))).get()!.n;
    if (recent >= params.settings.perAddressPerHour) {
      throw new DomainError("sandbox:limit", { key: "sandboxLimit", params: { count: recent, limit: params.settings.perAddressPerHour } });
    }
  }
  const total = db.select({ n: count() }).from(sandboxes).get()!.n;
  if (total >= params.settings.maxSandboxes) throw new DomainError("sandbox:full");
}

/**
 * **Start a sandbox**: a new tenant filled from the template of its kind, in one transaction of
 * set-based copies, with every date moved so the template's seeded instant is `now`. Its users sign
 * in as `<name>+<sandbox id>@<domain>` with one new password.
 */
export function createSandbox(db: Db, params: StartSandboxParams & { password: SandboxPassword }, now: Date): StartedSandbox {
  const template = templateOf(db, params.kind);
  if (!template) throw new DomainError("sandbox:no_template");
  const id = newSandboxId();
  db.transaction(
    (tx) => {
      assertMayStart(tx, params, now);
      tx.insert(sandboxes)
        .values({ id, kind: params.kind, createdAt: now, lastUsedAt: now, createdFrom: "operator" in params.caller ? null : (params.address ?? "unknown") })
        .run();
      copyTenants(tx, {
        partnerIds: template.partnerIds,
        fromPrefix: `template.${params.kind}.`,
        toPrefix: `${id}.`,
        shiftMs: now.getTime() - template.seededAt.getTime(),
        template: null,
        sandboxId: id,
        emailTag: id,
        passwordHash: params.password.hash,
      });
    },
    { behavior: "immediate" },
  );
  const details = sandboxDetails(db, id)!;
  // The first Global admin of the first partner: Contoso's, or the indirect provider's.
  const admin = details.users.find((u) => u.roles.includes("global_admin") && u.userId.startsWith(`${id}.${templatePartnerOrder(params.kind)}`)) ?? details.users.find((u) => u.roles.includes("global_admin"))!;
  return { ...details, password: params.password.password, adminUserId: admin.userId };
}

const templatePartnerOrder = (kind: SandboxKind) => ({ direct_bill: "contoso", indirect: "adventure-works", us_government: "trey-research" })[kind];

/** Checks, hashes the password once, then creates: what the sign-in page and POST /v1/sandboxes call. */
export async function startSandbox(db: Db, params: StartSandboxParams, now: Date): Promise<StartedSandbox> {
  // Refused requests cost no scrypt: the limits are checked first, then again in the transaction.
  assertMayStart(db, params, now);
  const password = await newSandboxPassword();
  return createSandbox(db, { ...params, password }, now);
}

export function sandboxDetails(db: Db, sandboxId: string): SandboxDetails | null {
  const sandbox = db.select().from(sandboxes).where(eq(sandboxes.id, sandboxId)).get();
  if (!sandbox) return null;
  const partnerIds = db.select({ id: partners.id }).from(partners).where(eq(partners.sandboxId, sandboxId)).orderBy(asc(partners.id)).all().map((p) => p.id);
  const people = db
    .select({ userId: users.id, email: users.email, name: users.name, roles: users.roles, partnerName: partners.name })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(and(eq(partners.sandboxId, sandboxId), eq(users.kind, "person")))
    .orderBy(asc(partners.id), asc(users.id))
    .all();
  return { sandbox, partnerIds, users: people };
}

const partnerSandbox = preparedQuery((db) =>
  db.select({ sandboxId: partners.sandboxId }).from(partners).where(eq(partners.id, sql.placeholder("partnerId"))).prepare(),
);

/** The sandbox a partner belongs to, or null for a real (or demo) partner. */
export function sandboxIdOf(db: Db, partnerId: string): string | null {
  return partnerSandbox(db).get({ partnerId })?.sandboxId ?? null;
}

/** The sandbox the caller may reset or delete: the operator any, a Global admin only their own. */
function authorisedSandbox(db: Db, caller: SandboxCaller, sandboxId: string, settings: SandboxSettings): SandboxDetails {
  if (!settings.enabled) throw new DomainError("sandbox:off");
  const details = sandboxDetails(db, sandboxId);
  if ("visitor" in caller) throw new DomainError("unauthenticated");
  if ("actor" in caller) {
    // Another tenant's sandbox does not exist as far as this user can tell.
    if (!details || sandboxIdOf(db, caller.actor.partnerId) !== sandboxId) throw new DomainError("not_found:sandbox");
    // Reset and Delete change the whole tenant for every one of its users, like the Demo clock: Global admin only.
    assertCan(caller.actor, "move_clock");
  }
  if (!details) throw new DomainError("not_found:sandbox");
  return details;
}

/**
 * **Reset**: back to the template and today's date. The sandbox's people keep their sign-in (same
 * users, password, sessions and tokens); everything they did, and any app they registered, is gone.
 */
export function resetSandbox(db: Db, caller: SandboxCaller, sandboxId: string, settings: SandboxSettings, now: Date): SandboxDetails {
  const details = authorisedSandbox(db, caller, sandboxId, settings);
  const template = templateOf(db, details.sandbox.kind);
  if (!template) throw new DomainError("sandbox:no_template");
  db.transaction(
    (tx) => {
      deleteTenants(tx, details.partnerIds, { keepPeople: true });
      copyTenants(tx, {
        partnerIds: template.partnerIds,
        fromPrefix: `template.${details.sandbox.kind}.`,
        toPrefix: `${sandboxId}.`,
        shiftMs: now.getTime() - template.seededAt.getTime(),
        template: null,
        sandboxId,
        emailTag: sandboxId,
        passwordHash: "",
        skip: new Set(["partners", "users"]),
      });
      tx.update(sandboxes).set({ lastUsedAt: now }).where(eq(sandboxes.id, sandboxId)).run();
    },
    { behavior: "immediate" },
  );
  return sandboxDetails(db, sandboxId)!;
}

/** **Delete**: every row of the sandbox's tenants, its users' sessions and tokens, and the sandbox. */
export function deleteSandbox(db: Db, caller: SandboxCaller, sandboxId: string, settings: SandboxSettings): void {
  const details = authorisedSandbox(db, caller, sandboxId, settings);
  removeSandbox(db, details);
}

function removeSandbox(db: Db, details: SandboxDetails): void {
  db.transaction(
    (tx) => {
      // Sign-in throttling rows name the account's email (`account:<email>`, `pair:<address>|<email>`).
      for (const { email } of details.users) {
        const account = email.toLowerCase();
        tx.delete(signInThrottle).where(sql`${signInThrottle.key} = ${`account:${account}`} OR ${signInThrottle.key} LIKE ${`pair:%|${account}`}`).run();
      }
      deleteTenants(tx, details.partnerIds);
      tx.delete(sandboxes).where(eq(sandboxes.id, details.sandbox.id)).run();
    },
    { behavior: "immediate" },
  );
}

/**
 * Removes sandboxes nobody used for `idleDays` (the background timer calls it), at most `limit` per
 * call, each in its own transaction so other requests get in between. Returns the ids removed.
 */
export function removeIdleSandboxes(db: Db, settings: SandboxSettings, now: Date, limit = 20): string[] {
  const before = new Date(now.getTime() - settings.idleDays * 24 * HOUR_MS);
  const idle = db.select({ id: sandboxes.id }).from(sandboxes).where(lt(sandboxes.lastUsedAt, before)).orderBy(asc(sandboxes.lastUsedAt)).limit(limit).all();
  for (const { id } of idle) {
    const details = sandboxDetails(db, id);
    if (details) removeSandbox(db, details);
  }
  return idle.map((s) => s.id);
}

const touchStatement = preparedQuery((db) =>
  db
    .update(sandboxes)
    .set({ lastUsedAt: sql`${sql.placeholder("now")}` })
    .where(
      and(
        eq(sandboxes.id, sql`(SELECT ${partners.sandboxId} FROM ${partners} WHERE ${partners.id} = ${sql.placeholder("partnerId")})`),
        lt(sandboxes.lastUsedAt, sql.placeholder("staleBefore")),
      ),
    )
    .prepare(),
);

/**
 * A sign-in or request by one of the partner's users keeps its sandbox alive. Written at most once an
 * hour per partner and process (a map lookup otherwise), and only when the stored time is that old.
 */
const nextTouch: Map<string, number> = ((globalThis as { partnerCenterSandboxTouch?: Map<string, number> }).partnerCenterSandboxTouch ??= new Map());

export function noteSandboxUse(db: Db, partnerId: string, now: Date): void {
  const due = nextTouch.get(partnerId);
  if (due !== undefined && due > now.getTime()) return;
  nextTouch.set(partnerId, now.getTime() + HOUR_MS);
  touchStatement(db).run({ partnerId, now: now.getTime(), staleBefore: now.getTime() - HOUR_MS });
}

/** For tests: forget which partners were noted. */
export function resetSandboxUseNotes(): void {
  nextTouch.clear();
}

