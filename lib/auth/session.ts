import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { sessions } from "@/db/schema";
import type { Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";

export const SESSION_COOKIE = "pc_session";
/** Sessions last a working day; signing in again issues a new id (the old one is never reused). */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

export function createSession(db: Db, userId: string, now: Date): { token: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
  db.insert(sessions).values({ id: digest(token), userId, createdAt: now, expiresAt }).run();
  return { token, expiresAt };
}

const liveSession = preparedQuery((db) =>
  db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.id, sql.placeholder("id")), gt(sessions.expiresAt, sql.placeholder("now"))))
    .prepare(),
);

/** The user id of a live session, or null when the token is unknown or expired. */
export function sessionUserId(db: Db, token: string | undefined, now: Date): string | null {
  if (!token) return null;
  return liveSession(db).get({ id: digest(token), now: now.getTime() })?.userId ?? null;
}

/** Sign out ends the session on the server, not only in the browser. */
export function endSession(db: Db, token: string | undefined): void {
  if (token) db.delete(sessions).where(eq(sessions.id, digest(token))).run();
}
