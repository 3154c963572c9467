import { z } from "zod";
import type { Locale } from "@/i18n/locales";
import { ERRORS, type ErrorCode } from "@/lib/errors";
import { errorTexts } from "@/lib/error-text";
import { termDurationOf, type ApiOrder, type OrderGroupError } from "@/lib/subscriptions";
import { collectionSchema, link, linkSchema } from "./links";
import { describeField } from "../api-text";

const instant = z.string().meta({ description: describeField("utcDateTime") });

/** Partner Center's OrderLineItem: one subscription the order created. */
export const orderLineItemSchema = z.object({
  lineItemNumber: z.number().int().meta({ description: describeField("lineItemNumber") }),
  offerId: z.string(),
  subscriptionId: z.string(),
  friendlyName: z.string().meta({ description: describeField("friendlyName") }),
  quantity: z.number().int(),
  termDuration: z.enum(["P1M", "P1Y"]),
  transactionType: z.literal("New"),
  links: z.object({ subscription: linkSchema }),
});

/** Partner Center's Order resource ("Order resources"). */
export const orderSchema = z.object({
  id: z.string(),
  alternateId: z.string().meta({ description: describeField("alternateId") }),
  referenceCustomerId: z.string(),
  billingCycle: z.enum(["monthly", "annual", "unknown"]).meta({ description: describeField("orderBillingCycle") }),
  currencyCode: z.string(),
  currencySymbol: z.string(),
  lineItems: z.array(orderLineItemSchema),
  creationDate: instant,
  status: z.literal("completed").meta({ description: describeField("orderStatus") }),
  transactionType: z.literal("UserPurchase"),
  links: z.object({ self: linkSchema }),
  attributes: z.object({ objectType: z.literal("Order") }),
});
export type OrderResource = z.infer<typeof orderSchema>;

export const orderCollectionSchema = collectionSchema(orderSchema);

function currencySymbol(currency: string): string {
  const parts = new Intl.NumberFormat("en-US", { style: "currency", currency }).formatToParts(0);
  return parts.find((p) => p.type === "currency")?.value ?? currency;
}

export function orderPath(customerId: string, orderId: string): string {
  return `/v1/customers/${encodeURIComponent(customerId)}/orders/${encodeURIComponent(orderId)}`;
}

export function orderResource({ order, lines }: ApiOrder): OrderResource {
  const cycles = new Set(lines.map((l) => l.subscription.billingFrequency));
  const customer = encodeURIComponent(order.customerId);
  return {
    id: order.id,
    alternateId: order.id.replace(/-/g, "").slice(0, 12),
    referenceCustomerId: order.customerId,
    billingCycle: cycles.size === 1 ? [...cycles][0] : "unknown",
    currencyCode: order.currency,
    currencySymbol: currencySymbol(order.currency),
    lineItems: lines.map(({ subscription, offer }, index) => ({
      lineItemNumber: index,
      offerId: offer.id,
      subscriptionId: subscription.id,
      friendlyName: subscription.friendlyName ?? offer.name,
      quantity: subscription.quantity,
      termDuration: termDurationOf(subscription.billingFrequency) as "P1M" | "P1Y",
      transactionType: "New",
      links: { subscription: link(`/v1/customers/${customer}/subscriptions/${encodeURIComponent(subscription.id)}`) },
    })),
    creationDate: order.placedAt.toISOString(),
    status: "completed",
    transactionType: "UserPurchase",
    links: { self: link(orderPath(order.customerId, order.id)) },
    attributes: { objectType: "Order" },
  };
}

/**
 * Partner Center's OrderError: `code` is an int. An order group whose lines can't be bought is 2093,
 * "Inventory is not available for the catalog item selected" ("Create an order"); any other refusal
 * carries its HTTP status. `data` (this product's) names each line id that can't be bought and why.
 */
export const orderErrorSchema = z.object({
  orderGroupId: z.string(),
  code: z.number().int(),
  description: z.string(),
  data: z.array(z.object({ field: z.string(), messages: z.array(z.string()) })),
});

const ORDER_ERROR_CODES: Partial<Record<ErrorCode, number>> = { "order:lines_unavailable": 2093 };

/** The order error said in the request's language (`locale`). */
export function orderErrorResource(error: OrderGroupError, locale: Locale): z.infer<typeof orderErrorSchema> {
  const text = errorTexts(locale);
  return {
    orderGroupId: error.orderGroupId,
    code: ORDER_ERROR_CODES[error.code] ?? ERRORS[error.code].status,
    description: text.refusal(error.code, error.detail),
    data: Object.entries(text.problems(error.fieldErrors ?? {})).map(([field, messages]) => ({ field, messages })),
  };
}

/** Partner Center's CartCheckoutResult. */
export const checkoutResultSchema = z.object({ orders: z.array(orderSchema), orderErrors: z.array(orderErrorSchema) });
