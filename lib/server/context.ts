import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { loadActor } from "@/lib/auth/actor";
import { SESSION_COOKIE, sessionUserId } from "@/lib/auth/session";
import type { Actor, PartnerClock } from "@/lib/subscriptions";
import { partnerClockFor } from "@/lib/subscriptions/system";
import { noteSandboxUse } from "@/lib/sandboxes";
import { catchUpOnRequest } from "./lifecycle-runner";

/** The one place the server reads the system time; sessions and throttling use it directly. */
export const realNow = () => new Date();

/**
 * A partner's clock: real time moved by that partner's Demo clock. Every page, action and /v1 request
 * of a signed-in user asks for it, so this is where a sandbox learns it is still used (a map lookup,
 * a write at most once an hour).
 */
export function getClock(partnerId: string): PartnerClock {
  noteSandboxUse(getDb(), partnerId, realNow());
  return partnerClockFor(getDb(), partnerId, realNow);
}

/** The signed-in actor, or null. Their partner's lifecycle events due by now are applied first, so pages show the present. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const db = getDb();
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const userId = sessionUserId(db, token, realNow());
  if (!userId) return null;
  const actor = loadActor(db, userId);
  if (actor) catchUpOnRequest(db, getClock(actor.partnerId));
  return actor;
});

/** For pages: the actor, or a redirect to sign in. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}
