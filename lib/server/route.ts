import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { ERRORS, isDomainError } from "@/lib/errors";
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
 * JSON, 413 past 1 MB, 401 without a session, 400 for bad input, the domain's 4xx for refusals.
 * The edge checks come first and need no database (signing in the actor already writes: it catches
 * lifecycle events up).
 */
export function authedRoute<P>(handler: (request: Request, ctx: ActionContext, params: P) => unknown) {
  return async (incoming: Request, { params }: { params: Promise<P> }) => {
    try {
      let request = incoming;
      if (isUnsafeMethod(incoming.method)) {
        const crossSite = crossSiteRefusal(incoming);
        if (crossSite) return jsonError(ERRORS[crossSite].status, crossSite, ERRORS[crossSite].message);
        const read = await readJsonBody(incoming);
        if ("refusal" in read) return jsonError(ERRORS[read.refusal].status, read.refusal, ERRORS[read.refusal].message);
        // The handler reads the checked bytes, never the raw stream.
        request = new Request(incoming.url, { method: incoming.method, headers: incoming.headers, body: read.bytes.byteLength > 0 ? read.bytes : null });
      }
      const actor = await currentActor();
      if (!actor) return jsonError(401, "unauthenticated", ERRORS.unauthenticated.message);
      const body = await handler(request, { actor, db: getDb(), clock: getClock(actor.partnerId) }, await params);
      return body instanceof Response ? body : NextResponse.json(body ?? { ok: true });
    } catch (error) {
      if (isDomainError(error)) return jsonError(error.status, error.code, error.message, error.fieldErrors);
      if (error instanceof z.ZodError) return jsonError(400, "invalid_input", ERRORS.invalid_input.message, z.flattenError(error).fieldErrors as Record<string, string[]>);
      if (error instanceof SyntaxError) return jsonError(400, "invalid_input", "The request body is not valid JSON.");
      throw error;
    }
  };
}
