import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { loadActor } from "@/lib/auth/actor";
import { SESSION_COOKIE, sessionUserId } from "@/lib/auth/session";
import { appClockFor, catchUpLifecycle, type Actor, type Clock } from "@/lib/subscriptions";

/** The one place the server reads the system time; sessions and throttling use it directly. */
export const realNow = () => new Date();

/** The app's clock: real time moved by the Demo clock. */
export function getClock(): Clock {
  return appClockFor(getDb(), realNow);
}

/** The signed-in actor, or null. Lifecycle events due by now are applied first, so pages show the present. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const db = getDb();
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const userId = sessionUserId(db, token, realNow());
  if (!userId) return null;
  catchUpLifecycle(db, getClock());
  return loadActor(db, userId);
});

/** For pages: the actor, or a redirect to sign in. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}
