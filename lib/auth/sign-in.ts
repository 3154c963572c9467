import { eq, sql } from "drizzle-orm";
import { signInThrottle, users } from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";

// Why these numbers: docs/decisions/0003-sign-in-throttling.md. In short, nobody but the owner's own
// network can make an account wait long, nothing can refuse the right password from a fresh address,
// and each network gets a hard budget of guesses.

/** Failures count within 15 minutes of the first; then the count starts again. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** The longest any answer waits: the wait holds a request open (a timer, not a thread), so keep it short. */
export const MAX_DELAY_MS = 3000;
/** Per account and address: a few typos are free, then each failure doubles the wait (0.5, 1, 2, 3 s). */
export const PAIR_FREE_FAILURES = 3;
export const PAIR_BASE_DELAY_MS = 500;
/**
 * Per account, from any address: a bounded slow-down only, never a refusal, so failures from other
 * networks cannot keep the owner out. It starts late so a colleague's typos do not slow anyone down.
 */
export const ACCOUNT_FREE_FAILURES = 10;
export const ACCOUNT_BASE_DELAY_MS = 100;
export const ACCOUNT_MAX_DELAY_MS = 1000;
/**
 * Per address: 100 failures in the window refuse it for 15 minutes. Far above what the people in one
 * office (one NAT address) mistype, far below what guessing needs (9,600 guesses a day per address).
 */
export const ADDRESS_FAILURE_LIMIT = 100;
export const ADDRESS_LOCK_MS = 15 * 60 * 1000;

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client's address (lib/auth/client-address.ts), or null when unknown: then never refused by address. */
  address: string | null;
}

/** Waits the given time; the action passes a real timer, tests a recorder. */
export type Wait = (ms: number) => Promise<unknown>;

const keysFor = (email: string, address: string | null) => {
  const account = email.trim().toLowerCase();
  return {
    account: `account:${account}`,
    pair: `pair:${address ?? "unknown"}|${account}`,
    address: address ? `address:${address}` : null,
  };
};

/** min(cap, base * 2^(failures - free)) once past the free failures, else 0. */
export function growingDelayMs(failures: number, free: number, baseMs: number, capMs: number): number {
  return failures < free ? 0 : Math.min(capMs, baseMs * 2 ** Math.min(failures - free, 30));
}

// Compared against when the account does not exist, so timing does not reveal which part was wrong.
const dummyHash = hashPassword("not-a-real-password");

type Row = typeof signInThrottle.$inferSelect;

/** The key's row if its window is still open (or, for an address, while it is refused). */
function liveRow(db: Db, key: string, now: Date): Row | null {
  const row = db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
  if (!row) return null;
  if (row.lockedUntil && row.lockedUntil > now) return row;
  return now.getTime() - row.firstFailureAt.getTime() < THROTTLE_WINDOW_MS ? row : null;
}

function addFailure(db: Db, key: string, now: Date, lockAt?: number): void {
  const row = liveRow(db, key, now);
  const failures = (row?.failures ?? 0) + 1;
  const firstFailureAt = row?.firstFailureAt ?? now;
  const lockedUntil = lockAt !== undefined && failures >= lockAt ? new Date(now.getTime() + ADDRESS_LOCK_MS) : (row?.lockedUntil ?? null);
  db.insert(signInThrottle)
    .values({ key, failures, firstFailureAt, lockedUntil })
    .onConflictDoUpdate({ target: signInThrottle.key, set: { failures, firstFailureAt, lockedUntil } })
    .run();
}

/** Takes back the failure counted in advance for an attempt that turned out right. */
function removeFailure(db: Db, key: string, now: Date, lockAt?: number): void {
  const row = liveRow(db, key, now);
  if (!row) return;
  const failures = Math.max(0, row.failures - 1);
  const lockedUntil = lockAt !== undefined && failures < lockAt ? null : row.lockedUntil;
  db.update(signInThrottle).set({ failures, lockedUntil }).where(eq(signInThrottle.key, key)).run();
}

/**
 * Before the password is checked: refuses an address over its limit, says how long to wait, and counts
 * the attempt as a failure until it proves right, so a burst of parallel guesses cannot slip past the
 * limit while their passwords are being hashed.
 */
export function beginSignIn(db: Db, email: string, address: string | null, now: Date): number {
  const keys = keysFor(email, address);
  return db.transaction((tx) => {
    const addressRow = keys.address ? liveRow(tx, keys.address, now) : null;
    if (addressRow?.lockedUntil && addressRow.lockedUntil > now) throw new DomainError("sign_in:locked");
    const pairDelay = growingDelayMs(liveRow(tx, keys.pair, now)?.failures ?? 0, PAIR_FREE_FAILURES, PAIR_BASE_DELAY_MS, MAX_DELAY_MS);
    const accountDelay = growingDelayMs(liveRow(tx, keys.account, now)?.failures ?? 0, ACCOUNT_FREE_FAILURES, ACCOUNT_BASE_DELAY_MS, ACCOUNT_MAX_DELAY_MS);
    addFailure(tx, keys.pair, now);
    addFailure(tx, keys.account, now);
    if (keys.address) addFailure(tx, keys.address, now, ADDRESS_FAILURE_LIMIT);
    return Math.min(MAX_DELAY_MS, Math.max(pairDelay, accountDelay));
  });
}

/** The right password from this address: its pair starts afresh, and the attempt no longer counts. */
function acceptSignIn(db: Db, email: string, address: string | null, now: Date): void {
  const keys = keysFor(email, address);
  db.transaction((tx) => {
    tx.delete(signInThrottle).where(eq(signInThrottle.key, keys.pair)).run();
    removeFailure(tx, keys.account, now);
    if (keys.address) removeFailure(tx, keys.address, now, ADDRESS_FAILURE_LIMIT);
  });
}

/**
 * Signs in: waits as the throttle says, checks the credentials, and answers the user id. One message
 * for a wrong email or a wrong password; `sign_in:locked` only for an address over its limit.
 */
export async function signInWithPassword(db: Db, attempt: SignInAttempt, now: Date, wait: Wait): Promise<string> {
  const delay = beginSignIn(db, attempt.email, attempt.address, now);
  if (delay > 0) await wait(delay);
  const user = db.select().from(users).where(eq(sql`lower(${users.email})`, attempt.email.trim().toLowerCase())).get();
  const ok = await verifyPassword(attempt.password, user?.passwordHash ?? (await dummyHash));
  if (!user || !ok) throw new DomainError("sign_in:invalid");
  acceptSignIn(db, attempt.email, attempt.address, now);
  return user.id;
}
