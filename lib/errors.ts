import type { Problem } from "./problems";
import type { LineProblem } from "./subscriptions/cart";

/**
 * Every expected failure has a code; each code maps to one HTTP status here and to one user message
 * per language in messages/<locale>/Errors.json. Domain functions throw DomainError; actions and
 * handlers turn it into a result or a 4xx in the request's language (lib/error-text.ts).
 */
export const ERRORS = {
  "unauthenticated": { status: 401 },
  "forbidden": { status: 403 },
  "not_found:customer": { status: 404 },
  "not_found:offer": { status: 404 },
  "not_found:cart_line": { status: 404 },
  "not_found:order": { status: 404 },
  "not_found:cart": { status: 404 },
  "not_found:subscription": { status: 404 },
  "not_found:app": { status: 404 },
  "not_found:sandbox": { status: 404 },
  "invalid_input": { status: 400 },
  // Refusals at the HTTP edge (lib/server/route.ts, proxy.ts), before any domain code runs.
  "cross_site": { status: 403 },
  "unsupported_media_type": { status: 415 },
  "payload_too_large": { status: 413 },
  "not_found:path": { status: 404 },
  "cart:empty": { status: 400 },
  "offer:unavailable": { status: 409 },
  "order:lines_unavailable": { status: 409 },
  // Input hardening: a key is unique per partner, so reusing one for another customer is a client bug.
  "order:idempotency_key_reused": { status: 422 },
  // REST API carts: "Carts expire 7 days from the initial creation"; a checked-out cart is "Ordered".
  "cart:expired": { status: 400 },
  "cart:ordered": { status: 409 },
  // MS-RequestId makes a retried create return its first result; another request with the same id is a client bug.
  "request:id_reused": { status: 422 },
  "partner:cannot_buy": { status: 403 },
  "quantity:out_of_range": { status: 400 },
  "subscription:stale": { status: 409 },
  "subscription:not_active": { status: 409 },
  "subscription:invalid_transition": { status: 409 },
  "subscription:not_cancellable": { status: 409 },
  "addon:not_eligible": { status: 409 },
  "addon:partner_type": { status: 403 },
  "addon:base_not_active": { status: 409 },
  "autorenew:not_allowed": { status: 409 },
  // Apps act in the activity log under their name: two live apps with one name could not be told apart.
  "app:name_taken": { status: 409 },
  "clock:backwards": { status: 400 },
  "clock:beyond_horizon": { status: 400 },
  "clock:not_demo": { status: 403 },
  // Sandboxes (lib/sandboxes): a deployment may turn them off; limits keep visitors from filling the disk.
  "sandbox:off": { status: 403 },
  "sandbox:limit": { status: 429 },
  "sandbox:full": { status: 429 },
  "sandbox:no_template": { status: 409 },
  "sign_in:invalid": { status: 401 },
  "sign_in:locked": { status: 429 },
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** What is wrong with one field: a Validation problem, or why a cart or order line can't be bought. */
export type FieldProblem = Problem | LineProblem;

/**
 * An expected refusal. The domain says no prose (issue 13): a more specific reason than the code's
 * own message is a Validation key with parameters, rendered at the edge in the reader's language.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Said instead of the code's message, when the generic one is not enough. */
    readonly detail?: Problem,
    readonly fieldErrors?: Record<string, FieldProblem[]>,
  ) {
    // For logs only: what a reader sees is rendered from the code and the detail.
    super(detail ? `${code}: ${detail.key}${detail.params ? ` ${JSON.stringify(detail.params)}` : ""}` : code);
    this.name = "DomainError";
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
