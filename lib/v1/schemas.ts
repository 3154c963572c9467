import { z } from "zod";
import { MAX_PAGE_SIZE, type ApiLineInput } from "@/lib/subscriptions";
import { key } from "@/lib/problems";
import { idSchema, quantitySchema, wholeNumber } from "@/lib/validation";
import { PC_STATUSES } from "./representations/subscription";
import { describeField } from "./api-text";

/**
 * The REST API's request schemas (Partner Center's resources under /v1). Each command reuses the
 * domain's rules through the same schemas as the pages where the shapes agree; the OpenAPI document
 * (/v1/openapi.json) is generated from these schemas, so it can't drift from what is validated.
 */

const credential = z.string().min(1).max(512);

/** POST /oauth2/token: Partner Center's app+user (password) and app-only (client_credentials) flows. */
export const tokenRequestSchema = z.discriminatedUnion("grant_type", [
  z.object({ grant_type: z.literal("password"), username: credential, password: credential, client_id: z.string().max(200).optional(), scope: z.string().max(500).optional(), resource: z.string().max(500).optional() }),
  z.object({ grant_type: z.literal("client_credentials"), client_id: credential, client_secret: credential, scope: z.string().max(500).optional(), resource: z.string().max(500).optional() }),
]);

// ── Customers, offers and subscriptions (the v1-subscriptions helper) ─────────────────────────────

/** Partner Center's `size`: items per page, 1 to 500 (MAX_PAGE_SIZE), 20 when absent. */
const pageSizeSchema = wholeNumber({ min: 1, max: MAX_PAGE_SIZE, message: key("pageSizeRange") });

/** Paging as Partner Center's seek-based collections do it: follow `links.next` (seekOperation=Next plus its MS-ContinuationToken header). */
const seekSchema = {
  seekOperation: z.enum(["Next", "next"]).optional().meta({ description: describeField("seekOperation") }),
  continuationToken: z.string().max(2000).optional().meta({ description: describeField("continuationToken") }),
};

/** GET /v1/customers ("Get a list of customers"). */
export const customersQuerySchema = z.object({ size: pageSizeSchema.optional(), ...seekSchema });

/** GET /v1/offers ("Get a list of offers for a market"). */
export const offersQuerySchema = z.object({
  country: z
    .string({ error: key("marketCountry") })
    .regex(/^[A-Za-z]{2}$/, key("marketCountry"))
    .transform((c) => c.toUpperCase()),
  size: pageSizeSchema.optional(),
  ...seekSchema,
});

/** GET /v1/customers/{customerId}/offers: this product's extension, the catalog for one customer. */
export const customerOffersQuerySchema = z.object({ ...seekSchema });

/** GET /v1/customers/{customerId}/subscriptions, or by order ("Get a list of subscriptions by order"). */
export const subscriptionsQuerySchema = z.object({ order_id: idSchema.optional(), ...seekSchema });

/**
 * PATCH /v1/customers/{customerId}/subscriptions/{subscriptionId}: the full Subscription resource as
 * Partner Center takes it (its examples write the keys in PascalCase or camelCase; both are read).
 * Only `quantity`, `status` ("active", "suspended", or "deleted" to cancel) and `autoRenewEnabled`
 * change anything; a value equal to what GET shows is no change, and read-only fields are ignored.
 */
export const subscriptionPatchSchema = z.object({
  id: z.string().max(100).optional(),
  quantity: quantitySchema.optional(),
  status: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(PC_STATUSES, { error: key("statusOneOf") }))
    .optional(),
  autoRenewEnabled: z.boolean({ error: key("autoRenewBoolean") }).optional(),
  attributes: z
    .object({ etag: z.string().max(200).nullable().optional(), objectType: z.string().max(100).nullable().optional() })
    .nullable()
    .optional(),
});
export type SubscriptionPatch = z.infer<typeof subscriptionPatchSchema>;

/** Keys as sent, matched to the schema's without regard to case ("Quantity", "AutoRenewEnabled", "Attributes.Etag"). */
export function camelCaseKeys(value: unknown, known: readonly string[]): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const byLower = new Map(known.map((k) => [k.toLowerCase(), k]));
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      const name = byLower.get(key.toLowerCase()) ?? key;
      return [name, name === "attributes" ? camelCaseKeys(v, ["etag", "objectType"]) : v];
    }),
  );
}

/** The PATCH body, parsed: keys in any case, then the schema. */
export function parseSubscriptionPatch(body: unknown): SubscriptionPatch {
  return subscriptionPatchSchema.parse(camelCaseKeys(body ?? {}, Object.keys(subscriptionPatchSchema.shape)));
}

// ── Carts and orders (the v1-orders helper) ───────────────────────────────────────────────────────

/** Partner Center's BillingCycleType members this product sells: a term billed monthly (P1M) or annually (P1Y). */
export const PC_BILLING_CYCLES = ["monthly", "annual"] as const;
const billingCycleSchema = z
  .string({ error: key("billingCycleMonthlyAnnual") })
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(PC_BILLING_CYCLES, { error: key("billingCycleNoOneTime") }));

/** A line's index as Partner Center numbers them: 0 to count-1 (sent as a number or a numeric string). */
const lineIndexSchema = wholeNumber({ min: 0, max: 999, message: key("lineIdRange") });

const termDurationSchema = z.string().regex(/^P\d{1,2}[MY]$/, "termDuration is ISO 8601, such as P1M or P1Y.");
const friendlyNameSchema = z.string().trim().max(200);
const participantsSchema = z.array(z.object({ key: z.string().max(100), value: z.string().max(100) })).max(10);
/** Accepted as Partner Center takes it; no offer here has provisioning variables, so nothing reads it. */
const provisioningContextSchema = z.record(z.string().max(100), z.string().max(500));

/** A CartLineItem in POST and PUT /v1/customers/{customerId}/carts ("Create a cart", "Update a cart"). */
export const cartLineItemRequestSchema = z.object({
  id: lineIndexSchema.optional().meta({ description: describeField("cartLineId") }),
  catalogItemId: idSchema.meta({ description: describeField("offerId") }),
  quantity: quantitySchema,
  billingCycle: billingCycleSchema,
  friendlyName: friendlyNameSchema.nullish(),
  termDuration: termDurationSchema.nullish().meta({ description: describeField("termDuration") }),
  participants: participantsSchema.nullish(),
  provisioningContext: provisioningContextSchema.nullish(),
});

/** POST /v1/customers/{customerId}/carts and PUT .../carts/{cartId}: the Cart resource; only lineItems is read. */
export const cartRequestSchema = z.object({
  lineItems: z.array(cartLineItemRequestSchema).min(1, key("cartLineRequired")).max(100),
});
export type CartRequest = z.infer<typeof cartRequestSchema>;

/** An OrderLineItem in POST /v1/customers/{customerId}/orders ("Create an order for a customer"). */
export const orderLineItemRequestSchema = z.object({
  lineItemNumber: lineIndexSchema,
  offerId: idSchema.meta({ description: describeField("offerId") }),
  quantity: quantitySchema,
  friendlyName: friendlyNameSchema.nullish(),
  termDuration: termDurationSchema.nullish(),
  partnerIdOnRecord: z.string().max(100).nullish(),
  provisioningContext: provisioningContextSchema.nullish(),
});

export const orderRequestSchema = z.object({
  billingCycle: billingCycleSchema.optional().meta({ description: describeField("orderRequestBillingCycle") }),
  lineItems: z.array(orderLineItemRequestSchema).min(1, key("orderLineRequired")).max(100),
});
export type OrderRequest = z.infer<typeof orderRequestSchema>;

/** Partner Center's keys in any case (its older samples write "LineItems", "CatalogItemId"), lines included. */
export function parseWithLines<T extends z.ZodObject>(schema: T, line: z.ZodObject, body: unknown): z.infer<T> {
  const top = camelCaseKeys(body ?? {}, Object.keys(schema.shape)) as Record<string, unknown>;
  const lines = Array.isArray(top.lineItems) ? top.lineItems.map((l) => camelCaseKeys(l, Object.keys(line.shape))) : top.lineItems;
  return schema.parse({ ...top, lineItems: lines });
}

/** A Cart's lineItems as the domain takes them: catalogItemId is the offer id, a missing id is the line's position. */
export function cartLines(lineItems: CartRequest["lineItems"]): ApiLineInput[] {
  return lineItems.map((item, index) => ({
    lineNumber: item.id ?? index,
    offerId: item.catalogItemId,
    quantity: item.quantity,
    billingFrequency: item.billingCycle,
    friendlyName: item.friendlyName,
    termDuration: item.termDuration,
    participants: item.participants,
  }));
}
