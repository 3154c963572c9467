import { z } from "zod";
import type { Locale } from "@/i18n/locales";
import { termDurationOf, type ApiCartLineView, type ApiCartView } from "@/lib/subscriptions";
import { lineProblemText } from "@/lib/unavailable-text";
import { link, linkSchema } from "./links";
import { describeField } from "../api-text";

const instant = z.string().meta({ description: describeField("utcDateTime") });

/**
 * Partner Center's CartErrorCode members this product gives (as its enums go on the wire, snake_case):
 * inventory_not_available (10003) when the offer can't be sold to this customer now,
 * max_allowed_seats_per_subscription_exceeded (10015) above the offer's maximum, and invalid_input
 * (10010) for any other quantity, a term or billing cycle the offer doesn't sell, or a second line of a
 * one-per-customer offer.
 */
export const CART_ERROR_CODES = ["inventory_not_available", "max_allowed_seats_per_subscription_exceeded", "invalid_input"] as const;

/** Partner Center's CartError on a line that can't be bought; checkout makes its order group an order error. */
export const cartErrorSchema = z.object({
  errorCode: z.enum(CART_ERROR_CODES),
  errorDescription: z.string(),
  additionalInformation: z.object({ availableQuantity: z.number().int(), purchasedQuantity: z.number().int() }).optional(),
  reason: z
    .string()
    .optional()
    .meta({ description: describeField("cartLineErrorReason") }),
});

export const cartLineItemSchema = z.object({
  id: z.number().int(),
  catalogItemId: z.string(),
  friendlyName: z.string().optional(),
  quantity: z.number().int(),
  currencyCode: z.string(),
  billingCycle: z.enum(["monthly", "annual"]),
  termDuration: z.string(),
  participants: z.array(z.object({ key: z.string(), value: z.string() })).optional(),
  provisioningContext: z.record(z.string(), z.string()),
  orderGroup: z.string().meta({ description: describeField("orderGroup") }),
  error: cartErrorSchema.optional(),
});

/** Partner Center's Cart resource ("Cart resources"). */
export const cartSchema = z.object({
  id: z.string(),
  creationTimestamp: instant,
  lastModifiedTimestamp: instant,
  expirationTimestamp: instant.meta({ description: describeField("cartExpiration") }),
  lastModifiedUser: z.string().meta({ description: describeField("lastModifiedUser") }),
  status: z.enum(["Active", "Ordered"]),
  lineItems: z.array(cartLineItemSchema),
  links: z.object({ self: linkSchema }),
  attributes: z.object({ objectType: z.literal("Cart") }),
});
export type CartResource = z.infer<typeof cartSchema>;

function cartError(item: ApiCartLineView, locale: Locale): z.infer<typeof cartErrorSchema> | undefined {
  const problem = item.problem;
  if (!problem) return undefined;
  const errorDescription = lineProblemText(locale, problem);
  if ("reason" in problem) return { errorCode: "inventory_not_available", errorDescription, reason: problem.reason.code };
  if ("quantity" in problem && item.line.quantity > item.offer.maxQuantity) {
    return { errorCode: "max_allowed_seats_per_subscription_exceeded", errorDescription, additionalInformation: { availableQuantity: item.offer.maxQuantity, purchasedQuantity: item.line.quantity } };
  }
  return { errorCode: "invalid_input", errorDescription };
}

export function cartPath(customerId: string, cartId: string): string {
  return `/v1/customers/${encodeURIComponent(customerId)}/carts/${encodeURIComponent(cartId)}`;
}

/** The cart, each line's error described in the request's language (`locale`). */
export function cartResource(view: ApiCartView, locale: Locale): CartResource {
  const { cart } = view;
  return {
    id: cart.id,
    creationTimestamp: cart.createdAt.toISOString(),
    lastModifiedTimestamp: cart.lastModifiedAt.toISOString(),
    expirationTimestamp: cart.expiresAt.toISOString(),
    lastModifiedUser: cart.lastModifiedBy ?? "",
    status: view.status === "ordered" ? "Ordered" : "Active",
    lineItems: view.lines.map((item) => {
      const error = cartError(item, locale);
      return {
        id: item.line.lineNumber,
        catalogItemId: item.offer.id,
        ...(item.line.friendlyName ? { friendlyName: item.line.friendlyName } : {}),
        quantity: item.line.quantity,
        currencyCode: item.offer.currency,
        billingCycle: item.line.billingFrequency,
        termDuration: item.line.termDuration ?? termDurationOf(item.line.billingFrequency),
        ...(item.line.participants ? { participants: item.line.participants } : {}),
        provisioningContext: {},
        orderGroup: item.orderGroup,
        ...(error ? { error } : {}),
      };
    }),
    links: { self: link(cartPath(cart.customerId, cart.id)) },
    attributes: { objectType: "Cart" },
  };
}
