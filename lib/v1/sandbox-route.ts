import "server-only";
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { getDb } from "@/db";
import type { AppDatabase } from "@/db/client";
import { loadActor } from "@/lib/auth/actor";
import { bearerToken, bearerUserId } from "@/lib/auth/api-tokens";
import { clientAddress, trustProxyFromEnv } from "@/lib/auth/client-address";
import { errorTexts } from "@/lib/error-text";
import type { Problem } from "@/lib/problems";
import { sandboxSettingsFromEnv, type SandboxCaller, type SandboxSettings } from "@/lib/sandboxes";
import { readJsonBody } from "@/lib/server/json-body";
import { requestLocaleOf } from "@/lib/server/request-locale";
import { getClock, realNow } from "@/lib/server/context";
import { PC_CODES, pcBodyRefusal, pcError, pcRefusalOf, type PartnerCenterError } from "./errors";
import { takeRequest } from "./rate-limit";

export interface SandboxRouteContext {
  db: AppDatabase;
  caller: SandboxCaller;
  settings: SandboxSettings;
  /** The client's address (the per-address limit applies to users, not to the operator). */
  address: string | null;
  body: unknown;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** The operator key, compared in constant time (digests, so the lengths match). */
function isOperatorKey(token: string | undefined, settings: SandboxSettings): boolean {
  if (!token || !settings.operatorKey) return false;
  return timingSafeEqual(digest(token), digest(settings.operatorKey));
}

/**
 * /v1/sandboxes: like v1Route (Partner Center's error shape, MS-RequestId echoed, 401 without a live
 * token, the partner's rate limit), but `Authorization: Bearer <SANDBOX_OPERATOR_KEY>` is also taken:
 * the operator creates, resets and deletes any sandbox, with no per-address limit.
 */
export function sandboxRoute<P>(handler: (ctx: SandboxRouteContext, params: P) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>) {
  return async (request: Request, { params }: { params: Promise<P> }) => {
    const ids = {
      "MS-RequestId": request.headers.get("ms-requestid")?.slice(0, 100) || randomUUID(),
      "MS-CorrelationId": request.headers.get("ms-correlationid")?.slice(0, 100) || randomUUID(),
    };
    // Said in the request's language: X-Locale, else Accept-Language, else en-US.
    const locale = requestLocaleOf(request.headers);
    const refuse = (status: number, body: PartnerCenterError, extra: Record<string, string> = {}) => NextResponse.json(body, { status, headers: { ...ids, ...extra } });
    const fail = (status: number, code: string, description: Problem, extra: Record<string, string> = {}) => refuse(status, pcError(code, errorTexts(locale).problem(description)), extra);
    try {
      const db = getDb();
      const settings = sandboxSettingsFromEnv();
      const token = bearerToken(request.headers.get("authorization"));
      let caller: SandboxCaller;
      if (isOperatorKey(token, settings)) caller = { operator: true };
      else {
        const userId = bearerUserId(db, token, realNow());
        const actor = userId ? loadActor(db, userId) : null;
        if (!actor) return fail(401, PC_CODES.access_denied, { key: "accessDeniedSandbox" }, { "WWW-Authenticate": 'Bearer realm="partner-center"' });
        const limit = takeRequest(actor.partnerId, realNow());
        if (!limit.allowed) return fail(429, PC_CODES.rate_limited, { key: "rateLimited", params: { limit: limit.limit } }, { "Retry-After": String(limit.retryAfterS) });
        getClock(actor.partnerId); // the request counts as use of the caller's sandbox
        caller = { actor };
      }
      let body: unknown;
      if (request.method === "POST") {
        const read = await readJsonBody(request);
        if ("refusal" in read) return refuse(...pcBodyRefusal(locale, read.refusal));
        body = read.bytes.byteLength > 0 ? JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(read.bytes)) : undefined;
      }
      const address = clientAddress(request.headers, { trustProxy: trustProxyFromEnv() });
      const result = await handler({ db, caller, settings, address, body }, await params);
      return result.body === undefined ? new NextResponse(null, { status: result.status, headers: ids }) : NextResponse.json(result.body, { status: result.status, headers: ids });
    } catch (error) {
      const refusal = pcRefusalOf(locale, error);
      if (refusal) return refuse(...refusal);
      if (error instanceof SyntaxError || error instanceof TypeError) return fail(400, PC_CODES.invalid_input, { key: "bodyNotJson" });
      throw error;
    }
  };
}
