"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { setTimeout as sleep } from "node:timers/promises";
import { getDb } from "@/db";
import { createSession, endSession, SESSION_COOKIE } from "@/lib/auth/session";
import { signInDelayMs, verifyCredentials } from "@/lib/auth/sign-in";
import { failureResult, formDataToObject, type ActionResult } from "@/lib/server/action";
import { realNow } from "@/lib/server/context";
import { signInSchema } from "@/lib/validation";

const HERE = "http://partner-center.invalid";

/** Only same-site paths: never bounce a signed-in user to another origin (browsers read "/\\host" as "//host"). */
function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith("/")) return "/customers";
  const url = new URL(next, HERE);
  return url.origin === HERE ? `${url.pathname}${url.search}` : "/customers";
}

export async function signIn(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const input = signInSchema.parse(formDataToObject(formData));
    const db = getDb();
    const requestHeaders = await headers();
    const address = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
    const delay = signInDelayMs(db, input.email, address, realNow());
    if (delay > 0) await sleep(delay);
    const userId = await verifyCredentials(db, { ...input, address }, realNow());
    const jar = await cookies();
    // Rotate: a session id that existed before sign-in is never reused.
    endSession(db, jar.get(SESSION_COOKIE)?.value);
    const session = createSession(db, userId, realNow());
    jar.set(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: "lax",
      secure: requestHeaders.get("x-forwarded-proto") === "https",
      path: "/",
      expires: session.expiresAt,
    });
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
