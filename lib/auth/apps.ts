import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { apiApps, users, type ApiApp } from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/subscriptions/permissions";
import { newClientSecret, revokeAppTokens } from "./api-tokens";

export interface RegisteredApp {
  app: ApiApp;
  clientId: string;
  /** Shown once, at registration; only its digest is stored. */
  clientSecret: string;
}

/** A row of **App management**'s list: never the secret's digest. */
export interface AppSummary {
  /** The client_id. */
  id: string;
  name: string;
  createdAt: Date;
  /** The Global admin who registered it; null if that user no longer exists. */
  createdByName: string | null;
}

/**
 * **App management**: a Global admin registers an app for the app-only flow. The app acts through a
 * users row of its own with the Admin agent role and no password (it can't sign in to the pages).
 * `name` comes parsed (lib/validation.ts appNameSchema). Two live apps of one partner can't share a
 * name (ignoring case): the activity log names the app, and two alike could not be told apart.
 */
export function registerApp(db: Db, actor: Actor, name: string, now: Date): RegisteredApp {
  assertCan(actor, "manage_apps");
  const clientId = randomUUID();
  const { secret, hash } = newClientSecret();
  const app = db.transaction((tx) => {
    const taken = tx
      .select({ id: apiApps.id })
      .from(apiApps)
      .where(and(eq(apiApps.partnerId, actor.partnerId), isNull(apiApps.deletedAt), eq(sql`lower(${apiApps.name})`, name.toLowerCase())))
      .get();
    if (taken) throw new DomainError("app:name_taken", undefined, { name: [{ key: "appNameTaken" }] });
    const userId = `app-${clientId}`;
    tx.insert(users).values({ id: userId, partnerId: actor.partnerId, email: `${clientId}@apps.invalid`, name, passwordHash: "!", roles: ["admin_agent"], kind: "app" }).run();
    return tx.insert(apiApps).values({ id: clientId, partnerId: actor.partnerId, userId, name, secretHash: hash, createdBy: actor.userId, createdAt: now }).returning().get();
  });
  return { app, clientId, clientSecret: secret };
}

/** The partner's live apps, newest first, with who registered each. */
export function listApps(db: Db, actor: Actor): AppSummary[] {
  assertCan(actor, "manage_apps");
  return db
    .select({ id: apiApps.id, name: apiApps.name, createdAt: apiApps.createdAt, createdByName: users.name })
    .from(apiApps)
    .leftJoin(users, eq(users.id, apiApps.createdBy))
    .where(and(eq(apiApps.partnerId, actor.partnerId), isNull(apiApps.deletedAt)))
    .orderBy(desc(apiApps.createdAt), desc(apiApps.id))
    .all();
}

/**
 * Deletes an app: its tokens stop working at once and it can't get new ones. Another partner's (or
 * an already deleted) app is "not found". Returns the deleted app's name, for the confirmation.
 */
export function deleteApp(db: Db, actor: Actor, appId: string, now: Date): { name: string } {
  assertCan(actor, "manage_apps");
  const app = db
    .select()
    .from(apiApps)
    .where(and(eq(apiApps.id, appId), eq(apiApps.partnerId, actor.partnerId), isNull(apiApps.deletedAt)))
    .get();
  if (!app) throw new DomainError("not_found:app");
  db.transaction((tx) => {
    tx.update(apiApps).set({ deletedAt: now }).where(eq(apiApps.id, app.id)).run();
    revokeAppTokens(tx, app.id);
  });
  return { name: app.name };
}
