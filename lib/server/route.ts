import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { ERRORS, isDomainError } from "@/lib/errors";
import type { ActionContext } from "./action";
import { currentActor, getClock } from "./context";

/** JSON error body: `{ error: { code, message, fieldErrors } }` with the code's HTTP status. */
export function jsonError(status: number, code: string, message: string, fieldErrors?: Record<string, string[]>) {
  return NextResponse.json({ error: { code, message, fieldErrors } }, { status });
}

/** Wraps an API handler: 401 without a session, 400 for bad input, the domain's 4xx for refusals. */
export function authedRoute<P>(handler: (request: Request, ctx: ActionContext, params: P) => unknown) {
  return async (request: Request, { params }: { params: Promise<P> }) => {
    try {
      const actor = await currentActor();
      if (!actor) return jsonError(401, "unauthenticated", ERRORS.unauthenticated.message);
      const body = await handler(request, { actor, db: getDb(), clock: getClock() }, await params);
      return body instanceof Response ? body : NextResponse.json(body ?? { ok: true });
    } catch (error) {
      if (isDomainError(error)) return jsonError(error.status, error.code, error.message, error.fieldErrors);
      if (error instanceof z.ZodError) return jsonError(400, "invalid_input", ERRORS.invalid_input.message, z.flattenError(error).fieldErrors as Record<string, string[]>);
      if (error instanceof SyntaxError) return jsonError(400, "invalid_input", "The request body is not valid JSON.");
      throw error;
    }
  };
}
