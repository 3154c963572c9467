import { setTimeout as sleep } from "node:timers/promises";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { appForClientCredentials, issueAccessToken, isPerson } from "@/lib/auth/api-tokens";
import { clientAddress, trustProxyFromEnv } from "@/lib/auth/client-address";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { isDomainError } from "@/lib/errors";
import { errorTexts } from "@/lib/error-text";
import { realNow } from "@/lib/server/context";
import { tokenRequestSchema } from "@/lib/v1/schemas";

/**
 * OAuth 2.0 error answers (RFC 6749 section 5.2), as Microsoft Entra's token endpoint gives them. They
 * stay in English: the RFC allows error_description only printable ASCII (no "å", "ä" or "ö").
 */
function oauthError(status: number, error: string, description: string) {
  return NextResponse.json({ error, error_description: description }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * POST /oauth2/token, application/x-www-form-urlencoded: `grant_type=password` (app+user: the user's
 * own roles apply) or `grant_type=client_credentials` (app-only: an app registered on App management,
 * acting with Admin agent rights). Wrong credentials are one answer, throttled like the sign-in page.
 */
export async function POST(request: Request) {
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get("content-type") ?? "")) {
    return oauthError(400, "invalid_request", "Send the token request as application/x-www-form-urlencoded.");
  }
  const text = await request.text().catch(() => null);
  if (text === null || text.length > 8192) return oauthError(400, "invalid_request", "The token request could not be read.");
  const parsed = tokenRequestSchema.safeParse(Object.fromEntries(new URLSearchParams(text)));
  if (!parsed.success) {
    const unsupported = parsed.error.issues.some((i) => i.path[0] === "grant_type");
    return unsupported ? oauthError(400, "unsupported_grant_type", "grant_type must be password or client_credentials.") : oauthError(400, "invalid_request", z.prettifyError(parsed.error));
  }
  const db = getDb();
  const now = realNow();
  const grant = parsed.data;
  if (grant.grant_type === "client_credentials") {
    const app = appForClientCredentials(db, grant.client_id, grant.client_secret);
    if (!app) return oauthError(401, "invalid_client", "The client id or secret is incorrect, or the app was deleted.");
    return NextResponse.json(issueAccessToken(db, app, now), { headers: { "cache-control": "no-store" } });
  }
  try {
    const address = clientAddress(request.headers, { trustProxy: trustProxyFromEnv() });
    const userId = await signInWithPassword(db, { email: grant.username, password: grant.password, address }, now, (ms) => sleep(ms));
    if (!isPerson(db, userId)) return oauthError(400, "invalid_grant", "The user name or password is incorrect.");
    return NextResponse.json(issueAccessToken(db, { userId }, realNow()), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (isDomainError(error) && error.code === "sign_in:locked") return oauthError(429, "temporarily_unavailable", errorTexts("en-US").error("sign_in:locked"));
    if (isDomainError(error)) return oauthError(400, "invalid_grant", "The user name or password is incorrect.");
    throw error;
  }
}
