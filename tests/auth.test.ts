import { describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { clientAddress, SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { createSession, endSession, SESSION_TTL_MS, sessionUserId } from "@/lib/auth/session";
import {
  ACCOUNT_MAX_DELAY_MS,
  ADDRESS_FAILURE_LIMIT,
  ADDRESS_LOCK_MS,
  beginSignIn,
  MAX_DELAY_MS,
  PAIR_FREE_FAILURES,
  signInWithPassword,
  THROTTLE_WINDOW_MS,
} from "@/lib/auth/sign-in";
import type { DomainError } from "@/lib/errors";
import { freshDb } from "./helpers";

const T = new Date("2026-03-02T09:00:00Z");
const at = (ms: number) => new Date(T.getTime() + ms);
const EMAIL = "sales@contoso-partner.example";
const USER_ID = "contoso-sales-agent";
type TestDatabase = ReturnType<typeof freshDb>["db"];

/** Signs in without really waiting; answers the user id (or the refusal's code) and the wait asked for. */
async function attempt(db: TestDatabase, { email = EMAIL, password = "wrong", address = "10.0.0.1" as string | null, now = T } = {}) {
  const waits: number[] = [];
  const result = await signInWithPassword(db, { email, password, address }, now, async (ms) => waits.push(ms)).catch((e: DomainError) => e.code);
  return { result, waited: waits.reduce((a, b) => a + b, 0) };
}

/** A failed attempt counted the way a wrong password is, without paying for the hash (for bulk failures). */
function failQuickly(db: TestDatabase, email: string, address: string | null, now = T): number {
  return beginSignIn(db, email, address, now);
}

const INVALID = "sign_in:invalid";
const LOCKED = "sign_in:locked";

// Each real attempt hashes with scrypt (~50-100 ms); a busy machine needs more than the default 5 s.
describe("sign-in", { timeout: 30_000 }, () => {
  it("accepts the right password, case-insensitive email, and gives one message for either wrong part", async () => {
    const { db } = freshDb();
    expect((await attempt(db, { email: "SALES@contoso-partner.example", password: DEMO_PASSWORD })).result).toBe(USER_ID);
    const wrongPassword = (await attempt(db, { password: "nope" })).result;
    const unknownUser = (await attempt(db, { email: "nobody@example.com", password: DEMO_PASSWORD })).result;
    expect(wrongPassword).toBe(INVALID);
    expect(unknownUser).toBe(wrongPassword);
  });

  it("makes each further guess from one address at one account wait longer, up to the cap", async () => {
    const { db } = freshDb();
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const { result, waited } = await attempt(db);
      expect(result).toBe(INVALID);
      waits.push(waited);
    }
    expect(waits).toEqual([0, 0, 0, 500, 1000, 2000, 3000, 3000]);
    // The owner gets in with the right password (after the same capped wait); the pair then starts afresh.
    expect(await attempt(db, { password: DEMO_PASSWORD })).toEqual({ result: USER_ID, waited: MAX_DELAY_MS });
    expect((await attempt(db)).waited).toBe(0);
  });

  it("never locks an account: after 1,000 failures from other addresses its owner signs in from a fresh one, waiting at most the cap", async () => {
    const { db } = freshDb();
    for (let i = 0; i < 1000; i++) failQuickly(db, EMAIL, `198.51.100.${i % 50}`, at(i));
    const owner = await attempt(db, { password: DEMO_PASSWORD, address: "192.0.2.44", now: at(1000) });
    expect(owner.result).toBe(USER_ID);
    expect(owner.waited).toBeLessThanOrEqual(ACCOUNT_MAX_DELAY_MS);
    expect(owner.waited).toBeLessThanOrEqual(MAX_DELAY_MS);
    // The same from an unknown address, and again while the attack goes on.
    for (let i = 0; i < 1000; i++) failQuickly(db, EMAIL, `203.0.113.${i % 50}`, at(2000 + i));
    expect((await attempt(db, { password: DEMO_PASSWORD, address: null, now: at(3000) })).result).toBe(USER_ID);
    expect((await attempt(db, { password: DEMO_PASSWORD, address: "192.0.2.45", now: at(3000) })).waited).toBeLessThanOrEqual(ACCOUNT_MAX_DELAY_MS);
  });

  it("refuses an address after 100 failures in 15 minutes, even with the right password, then lets it in again", async () => {
    const { db } = freshDb();
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) failQuickly(db, `guess${i}@example.com`, "203.0.113.9");
    expect(await attempt(db, { password: DEMO_PASSWORD, address: "203.0.113.9", now: at(ADDRESS_LOCK_MS - 1000) })).toEqual({ result: LOCKED, waited: 0 });
    // Other networks are not affected.
    expect((await attempt(db, { password: DEMO_PASSWORD, address: "203.0.113.10" })).result).toBe(USER_ID);
    expect((await attempt(db, { password: DEMO_PASSWORD, address: "203.0.113.9", now: at(ADDRESS_LOCK_MS + 1000) })).result).toBe(USER_ID);
  });

  it("counts a burst of parallel guesses before hashing them, so a burst cannot exceed the address limit", async () => {
    const { db } = freshDb();
    const answers: string[] = [];
    // Guesses that are told to wait stay waiting, so only the first few are hashed.
    const forever = () => new Promise<never>(() => {});
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT + 20; i++) {
      signInWithPassword(db, { email: EMAIL, password: "wrong", address: "203.0.113.50" }, T, forever).catch((e: DomainError) => answers.push(e.code));
    }
    await vi.waitFor(() => expect(answers.filter((a) => a === INVALID)).toHaveLength(PAIR_FREE_FAILURES), { timeout: 4000 });
    // 100 guesses are still waiting or being hashed, yet every one beyond them was refused at once.
    expect(answers.filter((a) => a === LOCKED)).toHaveLength(20);
  });

  it("does not count a right password against the address", async () => {
    const { db } = freshDb();
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT - 1; i++) failQuickly(db, `guess${i}@example.com`, "203.0.113.9");
    for (let i = 0; i < 3; i++) expect((await attempt(db, { password: DEMO_PASSWORD, address: "203.0.113.9" })).result).toBe(USER_ID);
    expect((await attempt(db, { address: "203.0.113.9" })).result).toBe(INVALID);
    expect((await attempt(db, { password: DEMO_PASSWORD, address: "203.0.113.9" })).result).toBe(LOCKED);
  });

  it("forgets failures once the window has passed", async () => {
    const { db } = freshDb();
    for (let i = 0; i < PAIR_FREE_FAILURES + 3; i++) failQuickly(db, EMAIL, "10.0.0.1");
    expect(failQuickly(db, EMAIL, "10.0.0.1", at(THROTTLE_WINDOW_MS - 1))).toBeGreaterThan(0);
    expect(failQuickly(db, EMAIL, "10.0.0.1", at(THROTTLE_WINDOW_MS + 1))).toBe(0);
  });
});

describe("sign-in throttling and forwarded headers", { timeout: 30_000 }, () => {
  const socket = (address: string, forwardedFor?: string) =>
    clientAddress(new Headers({ [SOCKET_ADDRESS_HEADER]: address, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) }), { trustProxy: false });

  it("without TRUST_PROXY, an attacker rotating X-Forwarded-For is still counted against their real address", async () => {
    const { db } = freshDb();
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) failQuickly(db, `guess${i}@example.com`, socket("198.51.100.7", `10.9.${i >> 8}.${i & 255}`));
    const next = await attempt(db, { password: DEMO_PASSWORD, address: socket("198.51.100.7", "10.200.0.1") });
    expect(next.result).toBe(LOCKED);
  });

  it("without TRUST_PROXY, a spoofed X-Forwarded-For cannot lock or slow the victim's address", async () => {
    const { db } = freshDb();
    const victim = "192.0.2.10";
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) failQuickly(db, EMAIL, socket("198.51.100.66", victim));
    // The attacker's own address is the one refused...
    expect((await attempt(db, { password: DEMO_PASSWORD, address: socket("198.51.100.66", victim) })).result).toBe(LOCKED);
    // ...while the victim, at the address the header named, signs in with no more than the account-wide slow-down.
    const signIn = await attempt(db, { password: DEMO_PASSWORD, address: socket(victim) });
    expect(signIn.result).toBe(USER_ID);
    expect(signIn.waited).toBeLessThanOrEqual(ACCOUNT_MAX_DELAY_MS);
  });

  it("with TRUST_PROXY, the address the proxy appended counts, not what the client put before it", () => {
    const proxied = (forwardedFor: string) => clientAddress(new Headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": forwardedFor }), { trustProxy: true });
    expect(proxied("192.0.2.10, 198.51.100.66")).toBe("198.51.100.66");
    expect(proxied("198.51.100.66")).toBe("198.51.100.66");
  });
});

describe("sessions", () => {
  it("expire, and sign out ends them on the server", () => {
    const { db } = freshDb();
    const first = createSession(db, USER_ID, T);
    expect(sessionUserId(db, first.token, at(SESSION_TTL_MS - 1))).toBe(USER_ID);
    expect(sessionUserId(db, first.token, at(SESSION_TTL_MS))).toBeNull();
    const second = createSession(db, USER_ID, T);
    expect(second.token).not.toBe(first.token);
    endSession(db, second.token);
    expect(sessionUserId(db, second.token, T)).toBeNull();
    expect(sessionUserId(db, "forged-token", T)).toBeNull();
    expect(sessionUserId(db, undefined, T)).toBeNull();
  });
});
