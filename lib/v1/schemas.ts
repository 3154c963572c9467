import { z } from "zod";
import { MAX_PAGE_SIZE } from "@/lib/subscriptions";
import { idSchema, quantitySchema, wholeNumber } from "@/lib/validation";
import { PC_STATUSES } from "./representations/subscription";

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
const pageSizeSchema = wholeNumber({ min: 1, max: MAX_PAGE_SIZE, message: `size must be a whole number from 1 to ${MAX_PAGE_SIZE}.` });

/** Paging as Partner Center's seek-based collections do it: follow `links.next` (seekOperation=Next plus its MS-ContinuationToken header). */
const seekSchema = {
  seekOperation: z.enum(["Next", "next"]).optional().meta({ description: "Sent by links.next; the page is given by the MS-ContinuationToken header." }),
  continuationToken: z.string().max(2000).optional().meta({ description: "The MS-ContinuationToken value, for clients that can only follow a URI." }),
};

/** GET /v1/customers ("Get a list of customers"). */
export const customersQuerySchema = z.object({ size: pageSizeSchema.optional(), ...seekSchema });

/** GET /v1/offers ("Get a list of offers for a market"). */
export const offersQuerySchema = z.object({
  country: z
    .string({ error: "Send the market as country=XX (ISO 3166 alpha-2)." })
    .regex(/^[A-Za-z]{2}$/, "Send the market as country=XX (ISO 3166 alpha-2).")
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
    .pipe(z.enum(PC_STATUSES, { error: `status must be one of ${PC_STATUSES.join(", ")}.` }))
    .optional(),
  autoRenewEnabled: z.boolean({ error: "autoRenewEnabled must be true or false." }).optional(),
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
