import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/db";
import type { AppDatabase } from "@/db/client";
import { requestLocale } from "@/i18n/request";
import { DomainError } from "@/lib/errors";
import { errorTexts, renderError } from "@/lib/error-text";
import type { Actor, PartnerClock } from "@/lib/subscriptions";
import { currentActor, getClock } from "./context";

/** One result shape for every action: success with data and a message, or a form error with per-field errors. */
export type ActionResult<T = unknown> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export interface ActionContext {
  actor: Actor;
  db: AppDatabase;
  clock: PartnerClock;
}

/**
 * FormData to a plain object; a key given several times becomes an array. Next's own keys are dropped.
 * Actions are public endpoints: a hand-made request (a JSON or text body) makes Next pass whatever it
 * decoded (an array, an object, null) instead of FormData. That is invalid input, not a crash.
 */
export function formDataToObject(formData: unknown): Record<string, unknown> {
  if (!(formData instanceof FormData)) throw new DomainError("invalid_input", { key: "formUnreadable" });
  const result: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    result[key] = values.length > 1 ? values : values[0];
  }
  return result;
}

/**
 * Turns an expected failure into a result in the page's language (the chosen cookie, else
 * Accept-Language); rethrows Next's redirects and real bugs.
 */
export async function failureResult(error: unknown): Promise<ActionResult<never>> {
  unstable_rethrow(error);
  const rendered = renderError(await requestLocale(), error);
  if (!rendered) throw error;
  return { ok: false, error: rendered.message, fieldErrors: rendered.fieldErrors };
}

/**
 * Wraps a server action: checks the session (actions are public endpoints), parses the form with
 * zod, and hands the typed input to the handler. The handler returns a message or redirects.
 */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>, ctx: ActionContext) => T | { data?: T; message?: string } | Promise<T | { data?: T; message?: string }>,
) {
  return async (_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    try {
      const actor = await currentActor();
      if (!actor) return { ok: false, error: errorTexts(await requestLocale()).error("unauthenticated") };
      const input = schema.parse(formDataToObject(formData));
      const output = (await handler(input, { actor, db: getDb(), clock: getClock(actor.partnerId) })) as { data?: T; message?: string } | undefined;
      return { ok: true, data: output?.data, message: output?.message };
    } catch (error) {
      return failureResult(error);
    }
  };
}
