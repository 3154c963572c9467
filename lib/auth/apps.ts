import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
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

/**
 * **App management**: a Global admin registers an app for the app-only flow. The app acts through a
 * users row of its own with the Admin agent role and no password (it can't sign in to the pages).
 */
export function registerApp(db: Db, actor: Actor, name: string, now: Date): RegisteredApp {
  assertCan(actor, "manage_apps");
  const clientId = randomUUID();
  const { secret, hash } = newClientSecret();
  const app = db.transaction((tx) => {
    const userId = `app-${clientId}`;
    tx.insert(users).values({ id: userId, partnerId: actor.partnerId, email: `${clientId}@apps.invalid`, name, passwordHash: "!", roles: ["admin_agent"], kind: "app" }).run();
    return tx.insert(apiApps).values({ id: clientId, partnerId: actor.partnerId, userId, name, secretHash: hash, createdBy: actor.userId, createdAt: now }).returning().get();
  });
  return { app, clientId, clientSecret: secret };
}

/** The partner's live apps, newest first. */
export function listApps(db: Db, actor: Actor): ApiApp[] {
  assertCan(actor, "manage_apps");
  return db
    .select()
    .from(apiApps)
    .where(and(eq(apiApps.partnerId, actor.partnerId), isNull(apiApps.deletedAt)))
    .orderBy(desc(apiApps.createdAt))
    .all();
}

/** Deletes an app: its tokens stop working at once and it can't get new ones. Another partner's app is "not found". */
export function deleteApp(db: Db, actor: Actor, appId: string, now: Date): void {
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
}
