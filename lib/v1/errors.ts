import type { ErrorCode } from "@/lib/errors";

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
};

export function pcError(code: string, description: string, data: unknown[] = []): PartnerCenterError {
  return { code, description, data, source: ERROR_SOURCE };
}
