"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { clientAddress, isHttpsRequest, trustProxyFromEnv } from "@/lib/auth/client-address";
import { createSession, endSession, SESSION_COOKIE } from "@/lib/auth/session";
import { keepWelcome, sandboxSettingsFromEnv, startSandbox, startSandboxSchema } from "@/lib/sandboxes";
import { failureResult, formDataToObject, type ActionResult } from "@/lib/server/action";
import { realNow } from "@/lib/server/context";

/**
 * **Start a sandbox**: a new tenant from the chosen template, limited per client address and hour.
 * Signs the visitor in as its Global admin and shows its users and password once, on the Sandbox page.
 */
export async function startSandboxAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const { kind } = startSandboxSchema.parse(formDataToObject(formData));
    const db = getDb();
    const requestHeaders = await headers();
    const proxy = { trustProxy: trustProxyFromEnv() };
    const started = await startSandbox(db, { kind, address: clientAddress(requestHeaders, proxy), caller: { visitor: true }, settings: sandboxSettingsFromEnv() }, realNow());
    const jar = await cookies();
    endSession(db, jar.get(SESSION_COOKIE)?.value);
    const session = createSession(db, started.adminUserId, realNow());
    jar.set(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: "lax", secure: isHttpsRequest(requestHeaders, proxy), path: "/", expires: session.expiresAt });
    const handle = keepWelcome({ sandboxId: started.sandbox.id, userId: started.adminUserId, password: started.password, users: started.users }, realNow());
    redirect(`/sandbox?welcome=${handle}`);
  } catch (error) {
    return failureResult(error);
  }
}
