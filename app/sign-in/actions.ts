"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { setTimeout as sleep } from "node:timers/promises";
import { getDb } from "@/db";
import { signOutEverywhere as endEverySessionAndToken } from "@/lib/auth/api-tokens";
import { createSession, endSession, SESSION_COOKIE, sessionUserId } from "@/lib/auth/session";
import { clientAddress, isHttpsRequest, trustProxyFromEnv } from "@/lib/auth/client-address";
import { safeNext } from "@/lib/auth/safe-next";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { userLocale } from "@/lib/auth/locale";
import { rememberLocale } from "@/lib/server/locale-cookie";
import { failureResult, formDataToObject, type ActionResult } from "@/lib/server/action";
import { realNow } from "@/lib/server/context";
import { signInSchema } from "@/lib/validation";

export async function signIn(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const input = signInSchema.parse(formDataToObject(formData));
    const db = getDb();
    const requestHeaders = await headers();
    const proxy = { trustProxy: trustProxyFromEnv() };
    const address = clientAddress(requestHeaders, proxy);
    const userId = await signInWithPassword(db, { ...input, address }, realNow(), (ms) => sleep(ms));
    const jar = await cookies();
    // Rotate: a session id that existed before sign-in is never reused.
    endSession(db, jar.get(SESSION_COOKIE)?.value);
    const session = createSession(db, userId, realNow());
    jar.set(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: "lax",
      secure: isHttpsRequest(requestHeaders, proxy),
      path: "/",
      expires: session.expiresAt,
    });
    // The language the user chose before, in whichever browser: it follows them.
    const locale = userLocale(db, userId);
    if (locale) rememberLocale(jar, locale, isHttpsRequest(requestHeaders, proxy));
    redirect(safeNext(input.next));
  } catch (error) {
    return failureResult(error);
  }
}

export async function signOut(): Promise<void> {
  const jar = await cookies();
  endSession(getDb(), jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
  redirect("/sign-in");
}

/**
 * **Sign out everywhere**: ends every browser session of the signed-in user (this one and any other
 * browser's) and every REST API token issued for their password, then goes to sign-in.
 */
export async function signOutEverywhere(): Promise<void> {
  const jar = await cookies();
  const db = getDb();
  const userId = sessionUserId(db, jar.get(SESSION_COOKIE)?.value, realNow());
  if (userId) endEverySessionAndToken(db, userId);
  jar.delete(SESSION_COOKIE);
  redirect("/sign-in");
}
