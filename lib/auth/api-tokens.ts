import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { apiApps, apiTokens, sessions, users } from "@/db/schema";
import type { Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";

/** An access token lives an hour, as Microsoft Entra's do; scripts ask for a new one when it expires. */
export const ACCESS_TOKEN_TTL_S = 60 * 60;

const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");

export interface IssuedToken {
  token_type: "Bearer";
  access_token: string;
  /** Seconds. */
  expires_in: number;
}

/** A new random bearer token for the user (app+user) or the app's own user (app-only). Only its digest is kept. */
export function issueAccessToken(db: Db, grant: { userId: string; appId?: string }, now: Date): IssuedToken {
  const token = randomBytes(32).toString("base64url");
  db.delete(apiTokens).where(lt(apiTokens.expiresAt, now)).run();
  db.insert(apiTokens)
    .values({ id: digest(token), userId: grant.userId, appId: grant.appId ?? null, createdAt: now, expiresAt: new Date(now.getTime() + ACCESS_TOKEN_TTL_S * 1000) })
    .run();
  return { token_type: "Bearer", access_token: token, expires_in: ACCESS_TOKEN_TTL_S };
}

const liveToken = preparedQuery((db) =>
  db
    .select({ userId: apiTokens.userId })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, sql.placeholder("id")), gt(apiTokens.expiresAt, sql.placeholder("now"))))
    .prepare(),
);

/** The user id a live bearer token acts for, or null (unknown, expired or revoked). */
export function bearerUserId(db: Db, token: string | undefined, now: Date): string | null {
  if (!token) return null;
  return liveToken(db).get({ id: digest(token), now: now.getTime() })?.userId ?? null;
}

/** The token from an `Authorization: Bearer <token>` header; anything else is no token. */
export function bearerToken(authorization: string | null): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{1,512})\s*$/i.exec(authorization ?? "");
  return match?.[1];
}

/** App-only: the app's user when the client id names a live app and the secret is its own. */
export function appForClientCredentials(db: Db, clientId: string, clientSecret: string): { appId: string; userId: string } | null {
  const app = db
    .select()
    .from(apiApps)
    .where(and(eq(apiApps.id, clientId), isNull(apiApps.deletedAt)))
    .get();
  // Compared in constant time, and a digest is compared even for an unknown client id.
  const expected = Buffer.from(app?.secretHash ?? digest(""), "hex");
  const matches = timingSafeEqual(Buffer.from(digest(clientSecret), "hex"), expected);
  return app && matches ? { appId: app.id, userId: app.userId } : null;
}

/** "Sign out everywhere": every browser session and every API token of the user ends now. */
export function signOutEverywhere(db: Db, userId: string): void {
  db.transaction((tx) => {
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    tx.delete(apiTokens).where(eq(apiTokens.userId, userId)).run();
  });
}

/** Revokes every token issued to an app (its app-only tokens). */
export function revokeAppTokens(db: Db, appId: string): void {
  db.delete(apiTokens).where(eq(apiTokens.appId, appId)).run();
}

/** A person who may use the password grant: apps never sign in with a password. */
export function isPerson(db: Db, userId: string): boolean {
  return db.select({ kind: users.kind }).from(users).where(eq(users.id, userId)).get()?.kind === "person";
}

/** For registering an app: a new client secret, and the digest that is stored. */
export function newClientSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, hash: digest(secret) };
}
