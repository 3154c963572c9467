import { z } from "zod";
import type { Locale } from "@/i18n/locales";
import { ERRORS, isDomainError, type ErrorCode } from "@/lib/errors";
import { errorTexts, issueTexts } from "@/lib/error-text";
import type { BodyRefusal } from "@/lib/server/json-body";

/**
 * Partner Center's REST error body ("Partner Center REST error codes"): `code` and `description`
 * always, `data` for some errors, `source` always. Codes are Partner Center's numeric codes where it
 * documents one for the case, else this product's own (listed in the API reference).
 */
export interface PartnerCenterError {
  code: string;
  description: string;
  data: unknown[];
  source: string;
}

export const ERROR_SOURCE = "PartnerCenterClone";

/** Partner Center's documented codes for the cases this product returns. */
export const PC_CODES = {
  access_denied: "400",
  not_found: "1000",
  forbidden: "2032",
  invalid_property: "3000",
  invalid_input: "400056",
  subscription_not_found: "20003",
  offer_not_available: "2091",
  rate_limited: "429",
  precondition_failed: "412",
  // Carts and orders (the v1-orders helper):
  /** "Inventory is not available for the catalog item selected" (400, "Create an order"). */
  inventory_not_available: "2093",
  // Subscriptions (the v1-subscriptions helper), each as "Partner Center REST error codes" words it:
  /** "Subscription quantity isn't within minimum and maximum allowed quantity" (400). */
  quantity_out_of_range: "2002",
  /** "Subscription with ID {0} and deleted status can't be updated." (400) */
  deleted_subscription: "2011",
  /** "Etag is no longer valid": sent with 412, as the issue asks of a stale If-Match. */
  etag_stale: "2055",
  /** "can't enable a child subscription, when the parent subscription isn't Active" (409). */
  parent_not_active: "27009",
  /** "Can't update a subscription with suspended status" (400). */
  subscription_suspended: "800091",
  /** "The subscription isn't eligible to be auto-renewed" (400): auto-renew of a Microsoft offer. */
  not_auto_renewable: "800093",
  /** "Can't update the status for this subscription" (400). */
  status_not_updatable: "800096",
} as const;

/** The Partner Center code for each domain refusal; anything unlisted falls back by HTTP status. */
export const DOMAIN_TO_PC: Partial<Record<ErrorCode, string>> = {
  unauthenticated: PC_CODES.access_denied,
  forbidden: PC_CODES.forbidden,
  "not_found:subscription": PC_CODES.subscription_not_found,
  "not_found:customer": PC_CODES.not_found,
  "not_found:offer": PC_CODES.not_found,
  "not_found:order": PC_CODES.not_found,
  "not_found:cart_line": PC_CODES.not_found,
  invalid_input: PC_CODES.invalid_input,
  "offer:unavailable": PC_CODES.offer_not_available,
  // Carts and orders: cart:expired, cart:ordered and request:id_reused have no documented code (HTTP status).
  "not_found:cart": PC_CODES.not_found,
  "order:lines_unavailable": PC_CODES.inventory_not_available,
  // Subscriptions: PATCH /v1/customers/{customerId}/subscriptions/{subscriptionId}.
  "quantity:out_of_range": PC_CODES.quantity_out_of_range,
  // The domain refuses a quantity or auto-renew change on a subscription that isn't active; a deleted
  // (cancelled) one is told apart by the handler (2011).
  "subscription:not_active": PC_CODES.subscription_suspended,
  "subscription:invalid_transition": PC_CODES.status_not_updatable,
  "subscription:not_cancellable": PC_CODES.status_not_updatable,
  "autorenew:not_allowed": PC_CODES.not_auto_renewable,
  "subscription:stale": PC_CODES.etag_stale,
  "addon:base_not_active": PC_CODES.parent_not_active,
};

/**
 * The HTTP status Partner Center documents for a refusal, where it differs from the status the
 * pages' /api gives the same domain code (409 there for every rule): Partner Center answers these
 * with 400, and a stale ETag with 412 Precondition Failed.
 */
export const DOMAIN_STATUS_IN_PC: Partial<Record<ErrorCode, number>> = {
  "order:lines_unavailable": 400,
  "subscription:not_active": 400,
  "subscription:invalid_transition": 400,
  "subscription:not_cancellable": 400,
  "autorenew:not_allowed": 400,
  "subscription:stale": 412,
};

export function pcError(code: string, description: string, data: unknown[] = []): PartnerCenterError {
  return { code, description, data, source: ERROR_SOURCE };
}

/**
 * A domain refusal or invalid input as Partner Center answers it, said in `locale`: the HTTP status
 * and the error body (`data` names each field and its problems). Null for anything else.
 */
export function pcRefusalOf(locale: Locale, error: unknown): [number, PartnerCenterError] | null {
  const text = errorTexts(locale);
  if (isDomainError(error)) {
    const data = Object.entries(text.problems(error.fieldErrors ?? {})).map(([field, messages]) => ({ field, messages }));
    return [DOMAIN_STATUS_IN_PC[error.code] ?? error.status, pcError(DOMAIN_TO_PC[error.code] ?? String(error.status), text.refusal(error.code, error.detail), data)];
  }
  if (error instanceof z.ZodError) return [400, pcError(PC_CODES.invalid_input, text.problem({ key: "requestInvalid" }), issueTexts(locale, error))];
  return null;
}

/** A body refused before it is read (not JSON, over 1 MB), as Partner Center's invalid input. */
export function pcBodyRefusal(locale: Locale, code: BodyRefusal): [number, PartnerCenterError] {
  return [ERRORS[code].status, pcError(PC_CODES.invalid_input, errorTexts(locale).error(code))];
}
