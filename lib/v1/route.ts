import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import type { Locale } from "@/i18n/locales";
import { getDb } from "@/db";
import type { AppDatabase } from "@/db/client";
import { loadActor } from "@/lib/auth/actor";
import { bearerToken, bearerUserId } from "@/lib/auth/api-tokens";
import type { Problem } from "@/lib/problems";
import { readJsonBody } from "@/lib/server/json-body";
import { requestLocaleOf } from "@/lib/server/request-locale";
import { catchUpOnRequest } from "@/lib/server/lifecycle-runner";
import { getClock, realNow } from "@/lib/server/context";
import type { Actor, PartnerClock } from "@/lib/subscriptions";
import { errorTexts } from "@/lib/error-text";
import { PC_CODES, pcBodyRefusal, pcError, pcRefusalOf } from "./errors";
import { takeRequest } from "./rate-limit";

export interface V1Context {
  db: AppDatabase;
  actor: Actor;
  clock: PartnerClock;
  url: URL;
  /** MS-RequestId as sent (a retry sends the same one), or a new one. */
  requestId: string;
  correlationId: string;
  /** The parsed JSON body of a POST, PUT or PATCH; undefined when there was none. */
  body: unknown;
  headers: Headers;
  /** The language refusals and descriptions are said in: X-Locale, else Accept-Language, else en-US. */
  locale: Locale;
}

/** What a handler answers: a body with an optional status (200) and ETag, or a ready Response. */
export interface V1Answer {
  status?: number;
  body?: unknown;
  etag?: string;
  headers?: Record<string, string>;
}

/**
 * A refusal the REST API makes itself (412, a body that names another subscription...), in Partner
 * Center's error shape: its description and each field's problem said in the request's language.
 */
export class V1Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: Problem,
    readonly data: { field: string; problem: Problem }[] = [],
  ) {
    super(`${code}: ${description.key}`);
  }
}

const HAS_BODY = new Set(["POST", "PUT", "PATCH"]);

function answer(status: number, body: unknown, headers: Record<string, string>): NextResponse {
  return body === undefined ? new NextResponse(null, { status, headers }) : NextResponse.json(body, { status, headers });
}

/**
 * Wraps a /v1 handler as Partner Center's REST API behaves: `Authorization: Bearer` only (the
 * browser's session cookie is ignored, so no other site can act with it), 401 without a live token,
 * the partner's rate limit (429 with Retry-After), MS-RequestId and MS-CorrelationId echoed, the
 * partner's lifecycle brought to its present first, and every refusal as `{ code, description,
 * data, source }` with its HTTP status.
 */
export function v1Route<P>(handler: (ctx: V1Context, params: P) => V1Answer | Response | Promise<V1Answer | Response>) {
  return async (request: Request, { params }: { params: Promise<P> }) => {
    const requestId = request.headers.get("ms-requestid")?.slice(0, 100) || randomUUID();
    const correlationId = request.headers.get("ms-correlationid")?.slice(0, 100) || randomUUID();
    const ids = { "MS-RequestId": requestId, "MS-CorrelationId": correlationId };
    const locale = requestLocaleOf(request.headers);
    const fail = (status: number, code: string, description: Problem, data: unknown[] = [], extra: Record<string, string> = {}) =>
      answer(status, pcError(code, errorTexts(locale).problem(description), data), { ...ids, ...extra });
    try {
      const db = getDb();
      const userId = bearerUserId(db, bearerToken(request.headers.get("authorization")), realNow());
      const actor = userId ? loadActor(db, userId) : null;
      if (!actor) return fail(401, PC_CODES.access_denied, { key: "accessDenied" }, [], { "WWW-Authenticate": 'Bearer realm="partner-center"' });
      const limit = takeRequest(actor.partnerId, realNow());
      if (!limit.allowed) return fail(429, PC_CODES.rate_limited, { key: "rateLimited", params: { limit: limit.limit } }, [], { "Retry-After": String(limit.retryAfterS) });
      let body: unknown;
      if (HAS_BODY.has(request.method)) {
        const read = await readJsonBody(request);
        if ("refusal" in read) return answer(...pcBodyRefusal(locale, read.refusal), ids);
        body = read.bytes.byteLength > 0 ? JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(read.bytes)) : undefined;
      }
      const clock = getClock(actor.partnerId);
      catchUpOnRequest(db, clock);
      const result = await handler({ db, actor, clock, url: new URL(request.url), requestId, correlationId, body, headers: request.headers, locale }, await params);
      if (result instanceof Response) {
        for (const [name, value] of Object.entries(ids)) result.headers.set(name, value);
        return result;
      }
      return answer(result.status ?? 200, result.body, { ...ids, ...(result.etag ? { ETag: result.etag } : {}), ...result.headers });
    } catch (error) {
      if (error instanceof V1Error) {
        const text = errorTexts(locale);
        return fail(error.status, error.code, error.description, error.data.map(({ field, problem }) => ({ field, message: text.problem(problem) })));
      }
      const refusal = pcRefusalOf(locale, error);
      if (refusal) return answer(...refusal, ids);
      if (error instanceof SyntaxError || error instanceof TypeError) return fail(400, PC_CODES.invalid_input, { key: "bodyNotJson" });
      throw error;
    }
  };
}
