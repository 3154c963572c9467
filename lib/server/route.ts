import "server-only";
import { NextResponse } from "next/server";
import { getDb } from "@/db";
import type { Locale } from "@/i18n/locales";
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

/** A refusal the edge makes itself, with its code's HTTP status, said in `locale`. */
function refusal(locale: Locale, code: ErrorCode) {
  return jsonError(ERRORS[code].status, code, errorTexts(locale).error(code));
}

const UTF8 = new TextDecoder();

export interface RouteContext extends ActionContext {
  /** The browser's language (its chosen cookie, else Accept-Language), as the pages pick it. */
  locale: Locale;
  /**
   * The request's JSON body, parsed when asked: a SyntaxError (answered 400) if it is empty or not
   * JSON. The request's own body stream has been read by the edge checks by then.
   */
  json: () => unknown;
}

/**
 * Wraps an API handler: 403 for a state change sent from another origin, 415 for a body that is not
 * JSON, 413 past 1 MB, 401 without a session, 400 for bad input, the domain's 4xx for refusals, each
 * said in the browser's language (its chosen cookie, else Accept-Language).
 * The edge checks come first and need no database (signing in the actor already writes: it catches
 * lifecycle events up).
 */
export function authedRoute<P>(handler: (request: Request, ctx: RouteContext, params: P) => unknown) {
  return async (incoming: Request, { params }: { params: Promise<P> }) => {
    const locale = browserLocaleOf(incoming.headers);
    const refuse = (code: ErrorCode) => refusal(locale, code);
    try {
      let bytes = new Uint8Array(0);
      if (isUnsafeMethod(incoming.method)) {
        const crossSite = crossSiteRefusal(incoming);
        if (crossSite) return refuse(crossSite);
        const read = await readJsonBody(incoming);
        if ("refusal" in read) return refuse(read.refusal);
        bytes = read.bytes;
      }
      const actor = await currentActor();
      if (!actor) return refuse("unauthenticated");
      // The handler reads the checked bytes, never the raw stream (nor a Request rebuilt around them).
      const json = () => JSON.parse(UTF8.decode(bytes)) as unknown;
      const body = await handler(incoming, { actor, db: getDb(), clock: getClock(actor.partnerId), locale, json }, await params);
      return body instanceof Response ? body : NextResponse.json(body ?? { ok: true });
    } catch (error) {
      const rendered = renderError(locale, error);
      if (rendered) return jsonError(rendered.status, rendered.code, rendered.message, rendered.fieldErrors);
      if (error instanceof SyntaxError) return jsonError(400, "invalid_input", errorTexts(locale).problem({ key: "bodyNotJson" }));
      throw error;
    }
  };
}

/** Any address under /api that is no handler: a JSON 404 in the browser's language, not the pages' HTML one. */
export function apiPathNotFound(request: Request) {
  return refusal(browserLocaleOf(request.headers), "not_found:path");
}
