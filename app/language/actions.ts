"use server";

import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { isHttpsRequest, trustProxyFromEnv } from "@/lib/auth/client-address";
import { setUserLocale } from "@/lib/auth/locale";
import { SESSION_COOKIE, sessionUserId } from "@/lib/auth/session";
import { failureResult, formDataToObject, type ActionResult } from "@/lib/server/action";
import { realNow } from "@/lib/server/context";
import { rememberLocale } from "@/lib/server/locale-cookie";
import { chooseLanguageSchema } from "@/lib/validation";

/**
 * The header's **Language**: remembered in this browser (a cookie, so the sign-in page follows it
 * too) and, when someone is signed in, on their user for their next sign-in anywhere. URLs stay.
 */
export async function chooseLanguage(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const { locale } = chooseLanguageSchema.parse(formDataToObject(formData));
    const jar = await cookies();
    const db = getDb();
    const userId = sessionUserId(db, jar.get(SESSION_COOKIE)?.value, realNow());
    if (userId) setUserLocale(db, userId, locale);
    rememberLocale(jar, locale, isHttpsRequest(await headers(), { trustProxy: trustProxyFromEnv() }));
    revalidatePath("/", "layout");
    return { ok: true };
  } catch (error) {
    return failureResult(error);
  }
}
