import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { createSession, endSession, SESSION_TTL_MS, sessionUserId } from "@/lib/auth/session";
import { LOCK_AFTER, LOCK_MS, signInDelayMs, SLOW_DOWN_AFTER, verifyCredentials } from "@/lib/auth/sign-in";
import { DomainError } from "@/lib/errors";
import { freshDb } from "./helpers";

const T = new Date("2026-03-02T09:00:00Z");
const at = (ms: number) => new Date(T.getTime() + ms);
const EMAIL = "sales@contoso-partner.example";

async function fail(db: ReturnType<typeof freshDb>["db"], now: Date, address = "10.0.0.1") {
  await expect(verifyCredentials(db, { email: EMAIL, password: "wrong", address }, now)).rejects.toMatchObject({ code: "sign_in:invalid" });
}

describe("sign-in", () => {
  it("accepts the right password, case-insensitive email, and gives one message for either wrong part", async () => {
    const { db } = freshDb();
    await expect(verifyCredentials(db, { email: "SALES@contoso-partner.example", password: DEMO_PASSWORD, address: "a" }, T)).resolves.toBe("contoso-sales-agent");
    const wrongPassword = await verifyCredentials(db, { email: EMAIL, password: "nope", address: "a" }, T).catch((e: DomainError) => e.message);
    const unknownUser = await verifyCredentials(db, { email: "nobody@example.com", password: DEMO_PASSWORD, address: "a" }, T).catch((e: DomainError) => e.message);
    expect(wrongPassword).toBe("The email or password is incorrect.");
    expect(unknownUser).toBe(wrongPassword);
  });

  it("slows down after repeated failures, then refuses for 15 minutes", async () => {
    const { db } = freshDb();
    for (let i = 0; i < SLOW_DOWN_AFTER - 1; i++) await fail(db, T);
    expect(signInDelayMs(db, EMAIL, "10.0.0.1", T)).toBe(0);
    await fail(db, T);
    expect(signInDelayMs(db, EMAIL, "10.0.0.1", T)).toBeGreaterThan(0);
    for (let i = SLOW_DOWN_AFTER; i < LOCK_AFTER.account; i++) await fail(db, T);
    expect(() => signInDelayMs(db, EMAIL, "10.0.0.2", at(LOCK_MS - 1000))).toThrow("Too many failed sign-ins");
    // Locked for the account, whatever the address; free again once the lock ends.
    expect(signInDelayMs(db, EMAIL, "10.0.0.3", at(LOCK_MS + 1000))).toBe(0);
  });

  it("locks an address that guesses across many accounts", async () => {
    const { db } = freshDb();
    for (let i = 0; i < LOCK_AFTER.address; i++) {
      await expect(verifyCredentials(db, { email: `guess${i}@example.com`, password: "x", address: "203.0.113.9" }, T)).rejects.toBeInstanceOf(DomainError);
    }
    expect(() => signInDelayMs(db, "someone@example.com", "203.0.113.9", T)).toThrow("Too many failed sign-ins");
    expect(signInDelayMs(db, "someone@example.com", "203.0.113.10", T)).toBe(0);
  });
});

describe("sessions", () => {
  it("expire, and sign out ends them on the server", () => {
    const { db } = freshDb();
    const first = createSession(db, "contoso-sales-agent", T);
    expect(sessionUserId(db, first.token, at(SESSION_TTL_MS - 1))).toBe("contoso-sales-agent");
    expect(sessionUserId(db, first.token, at(SESSION_TTL_MS))).toBeNull();
    const second = createSession(db, "contoso-sales-agent", T);
    expect(second.token).not.toBe(first.token);
    endSession(db, second.token);
    expect(sessionUserId(db, second.token, T)).toBeNull();
    expect(sessionUserId(db, "forged-token", T)).toBeNull();
    expect(sessionUserId(db, undefined, T)).toBeNull();
  });
});
