/**
 * Every expected failure has a code; each code maps to one user message and one HTTP status.
 * Domain functions throw DomainError; actions and handlers turn it into a result or a 4xx.
 */
export const ERRORS = {
  "unauthenticated": { status: 401, message: "Sign in to continue." },
  "forbidden": { status: 403, message: "Your role does not allow this action." },
  "not_found:customer": { status: 404, message: "Customer not found." },
  "not_found:offer": { status: 404, message: "Offer not found." },
  "not_found:cart_line": { status: 404, message: "That cart line no longer exists." },
  "not_found:order": { status: 404, message: "Order not found." },
  "not_found:cart": { status: 404, message: "Cart not found." },
  "not_found:subscription": { status: 404, message: "Subscription not found." },
  "not_found:app": { status: 404, message: "App not found." },
  "not_found:sandbox": { status: 404, message: "Sandbox not found." },
  "invalid_input": { status: 400, message: "Check the highlighted fields." },
  // Refusals at the HTTP edge (lib/server/route.ts, proxy.ts), before any domain code runs.
  "cross_site": { status: 403, message: "This request came from another site and was refused. Use Partner Center itself to make changes." },
  "unsupported_media_type": { status: 415, message: "Send the request body as JSON, with Content-Type: application/json." },
  "payload_too_large": { status: 413, message: "The request body is too large: the limit is 1 MB." },
  "not_found:path": { status: 404, message: "There is nothing at this address." },
  "cart:empty": { status: 400, message: "Your cart is empty. Add at least one offer before you review or buy." },
  "offer:unavailable": { status: 409, message: "This offer can't be bought for this customer." },
  "order:lines_unavailable": { status: 409, message: "Some lines can't be bought. Nothing was bought." },
  // Input hardening: a key is unique per partner, so reusing one for another customer is a client bug.
  "order:idempotency_key_reused": { status: 422, message: "This idempotency key was already used for an order for another customer. Send a new key for a new order." },
  // REST API carts: "Carts expire 7 days from the initial creation"; a checked-out cart is "Ordered".
  "cart:expired": { status: 400, message: "This cart expired 7 days after it was created. Create a new cart." },
  "cart:ordered": { status: 409, message: "This cart was already checked out. Check it out again to read its orders, or create a new cart." },
  // MS-RequestId makes a retried create return its first result; another request with the same id is a client bug.
  "request:id_reused": { status: 422, message: "This MS-RequestId was already used for another request. Send a new MS-RequestId for a new request." },
  "partner:cannot_buy": { status: 403, message: "Indirect resellers can't buy subscriptions in Partner Center. Ask your indirect provider to place the order." },
  "quantity:out_of_range": { status: 400, message: "The quantity is outside the range this offer allows." },
  "subscription:stale": { status: 409, message: "This subscription changed since the page was loaded. Reload the page and try again." },
  "subscription:not_active": { status: 409, message: "This change needs an active subscription." },
  "subscription:invalid_transition": { status: 409, message: "The subscription can't move to that status." },
  "subscription:not_cancellable": { status: 409, message: "This subscription can't be cancelled." },
  "addon:not_eligible": { status: 409, message: "This add-on isn't available for this subscription." },
  "addon:partner_type": { status: 403, message: "Only direct bill partners and indirect providers can buy add-ons." },
  "addon:base_not_active": { status: 409, message: "Add-ons need an active base subscription." },
  "autorenew:not_allowed": { status: 409, message: "Auto-renew can only be turned off for commercial marketplace subscriptions." },
  // Apps act in the activity log under their name: two live apps with one name could not be told apart.
  "app:name_taken": { status: 409, message: "Your partner already has an app with this name. Choose another name." },
  "clock:backwards": { status: 400, message: "The demo clock only moves forward." },
  "clock:beyond_horizon": { status: 400, message: "That date is too far ahead: the demo clock goes at most 5 years ahead of today." },
  "clock:not_demo": { status: 403, message: "The demo clock is available only while the app runs on demo data." },
  // Sandboxes (lib/sandboxes): a deployment may turn them off; limits keep visitors from filling the disk.
  "sandbox:off": { status: 403, message: "Sandboxes are turned off on this server." },
  "sandbox:limit": { status: 429, message: "Too many sandboxes were started from this network in the last hour. Try again later." },
  "sandbox:full": { status: 429, message: "This server holds as many sandboxes as it may. Try again after some are deleted." },
  "sandbox:no_template": { status: 409, message: "This database has no sandbox templates: it was seeded before sandboxes existed. Start from fresh demo data (npm run db:reset) to offer sandboxes." },
  "sign_in:invalid": { status: 401, message: "The email or password is incorrect." },
  "sign_in:locked": { status: 429, message: "Too many failed sign-ins from this network. Try again in 15 minutes." },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** A more specific message for the user, when the generic one is not enough. */
    readonly detail?: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(detail ?? ERRORS[code].message);
    this.name = "DomainError";
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
