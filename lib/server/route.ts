import "server-only";
import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { browserLocaleOf } from "@/lib/browser-locale";
import { ERRORS, type ErrorCode } from "@/lib/errors";
import { errorTexts, renderError } from "@/lib/error-text";
import type { ActionContext } from "./action";
import { currentActor, getClock } from "./context";
import { readJsonBody } from "./json-body";
import { crossSiteRefusal, isUnsafeMethod } from "./same-origin";

/** JSON error body: `{ error: { code, message, fieldErrors } }` with the code's HTTP status. */
export function jsonError(status: number, code: string, message: string, fieldErrors?: Record<string, string[]>) {
  return NextResponse.json({ error: { code, message, fieldErrors } }, { status });
}

/**
 * Wraps an API handler: 403 for a state change sent from another origin, 415 for a body that is not
 * JSON, 413 past 1 MB, 401 without a session, 400 for bad input, the domain's 4xx for refusals, each
 * said in the browser's language (its chosen cookie, else Accept-Language).
 * The edge checks come first and need no database (signing in the actor already writes: it catches
 * lifecycle events up).
 */
export function authedRoute<P>(handler: (request: Request, ctx: ActionContext, params: P) => unknown) {
  return async (incoming: Request, { params }: { params: Promise<P> }) => {
    const locale = browserLocaleOf(incoming.headers);
    const refuse = (code: ErrorCode) => jsonError(ERRORS[code].status, code, errorTexts(locale).error(code));
    try {
      let request = incoming;
      if (isUnsafeMethod(incoming.method)) {
        const crossSite = crossSiteRefusal(incoming);
        if (crossSite) return refuse(crossSite);
        const read = await readJsonBody(incoming);
        if ("refusal" in read) return refuse(read.refusal);
        // The handler reads the checked bytes, never the raw stream.
        request = new Request(incoming.url, { method: incoming.method, headers: incoming.headers, body: read.bytes.byteLength > 0 ? read.bytes : null });
      }
      const actor = await currentActor();
      if (!actor) return refuse("unauthenticated");
      const body = await handler(request, { actor, db: getDb(), clock: getClock(actor.partnerId) }, await params);
      return body instanceof Response ? body : NextResponse.json(body ?? { ok: true });
    } catch (error) {
      const rendered = renderError(locale, error);
      if (rendered) return jsonError(rendered.status, rendered.code, rendered.message, rendered.fieldErrors);
      if (error instanceof SyntaxError) return jsonError(400, "invalid_input", errorTexts(locale).problem({ key: "bodyNotJson" }));
      throw error;
    }
  };
}
