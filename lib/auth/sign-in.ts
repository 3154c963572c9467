import { eq, sql } from "drizzle-orm";
import { signInThrottle, users } from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";

/** After this many failures in the window, each further attempt waits; after LOCK_AFTER, refused. */
export const SLOW_DOWN_AFTER = 3;
/** An account locks after 5 failures; an address (shared by an office behind one NAT) after 20. */
export const LOCK_AFTER = { account: 5, address: 20 } as const;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

const keysFor = (email: string, address: string) => [`account:${email.toLowerCase()}`, `address:${address}`];

// Compared against when the account does not exist, so timing does not reveal which part was wrong.
const dummyHash = hashPassword("not-a-real-password");

function throttleState(db: Db, key: string, now: Date) {
  const row = db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
  if (!row || now.getTime() - row.firstFailureAt.getTime() > THROTTLE_WINDOW_MS) {
    if (row?.lockedUntil && row.lockedUntil > now) return row;
    return null;
  }
  return row;
}

/** How long to hold the answer to this attempt (slowing guessing), or a refusal while locked. */
export function signInDelayMs(db: Db, email: string, address: string, now: Date): number {
  let failures = 0;
  for (const key of keysFor(email, address)) {
    const state = throttleState(db, key, now);
    if (state?.lockedUntil && state.lockedUntil > now) throw new DomainError("sign_in:locked");
    failures = Math.max(failures, state?.failures ?? 0);
  }
  return failures >= SLOW_DOWN_AFTER ? Math.min(4000, 500 * 2 ** (failures - SLOW_DOWN_AFTER)) : 0;
}

function recordFailure(db: Db, email: string, address: string, now: Date): void {
  for (const key of keysFor(email, address)) {
    const state = throttleState(db, key, now);
    const failures = (state?.failures ?? 0) + 1;
    const limit = key.startsWith("account:") ? LOCK_AFTER.account : LOCK_AFTER.address;
    const lockedUntil = failures >= limit ? new Date(now.getTime() + LOCK_MS) : null;
    db.insert(signInThrottle)
      .values({ key, failures, firstFailureAt: state?.firstFailureAt ?? now, lockedUntil })
      .onConflictDoUpdate({ target: signInThrottle.key, set: { failures, firstFailureAt: state?.firstFailureAt ?? now, lockedUntil } })
      .run();
  }
}

/** Checks the credentials; the same message for a wrong email or a wrong password. */
export async function verifyCredentials(db: Db, input: { email: string; password: string; address: string }, now: Date): Promise<string> {
  const user = db.select().from(users).where(eq(sql`lower(${users.email})`, input.email.toLowerCase())).get();
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash));
  if (!user || !ok) {
    recordFailure(db, input.email, input.address, now);
    throw new DomainError("sign_in:invalid");
  }
  db.delete(signInThrottle).where(eq(signInThrottle.key, keysFor(input.email, input.address)[0])).run();
  return user.id;
}
