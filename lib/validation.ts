import { z } from "zod";
import { BILLING_FREQUENCIES, CATEGORIES, BILLING_TYPES, PUBLISHER_KINDS, SUSPENSION_REASONS } from "@/db/schema";
import { CUSTOMER_SORTS } from "@/lib/subscriptions/customers";

/** Form and API schemas, shared by client forms and the server that must parse them again. */

const NUMBER_MESSAGE = "Enter a whole number of licenses.";

/** A license count: a whole number, at least 1. The offer's own min and max are checked by the domain. */
export const quantitySchema = z
  .preprocess(
    // Only decimal digits count as a number: Number("0x10") would quietly be 16.
    (v) => (typeof v === "number" ? v : typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : Number.NaN),
    z.number({ error: NUMBER_MESSAGE }),
  )
  .refine((n) => Number.isFinite(n), NUMBER_MESSAGE)
  .refine((n) => Number.isInteger(n), NUMBER_MESSAGE)
  .refine((n) => n >= 1, "Enter at least 1 license.");

export const idSchema = z.string().trim().min(1).max(100);

export const addToCartSchema = z.object({
  offerId: idSchema,
  quantity: quantitySchema,
  billingFrequency: z.enum(BILLING_FREQUENCIES, { error: "Choose a billing frequency." }),
});

export const updateCartLineSchema = z.object({ quantity: quantitySchema });

export const buySchema = z.object({ customerId: idSchema, idempotencyKey: z.uuid() });

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(200),
  password: z.string().min(1, "Enter your password.").max(200),
  next: z.string().optional(),
});

/** The details page's Submit. Add-on quantities arrive as `addon:<offerId>` fields (0 = none). */
export const subscriptionChangesSchema = z
  .object({
    subscriptionId: idSchema,
    version: z.coerce.number().int(),
    quantity: quantitySchema.optional(),
    status: z.enum(["active", "suspended"]).optional(),
    suspensionReason: z.enum(SUSPENSION_REASONS).optional().or(z.literal("").transform(() => undefined)),
    autoRenew: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  })
  .catchall(z.unknown())
  .transform((input, ctx) => {
    const addOns: Record<string, number> = {};
    for (const [key, value] of Object.entries(input)) {
      if (!key.startsWith("addon:")) continue;
      const parsed = z.coerce.number().int().min(0).safeParse(value === "" ? 0 : value);
      if (!parsed.success) ctx.addIssue({ code: "custom", path: [key], message: "Enter a whole number of licenses, 0 or more." });
      else addOns[key.slice("addon:".length)] = parsed.data;
    }
    const { subscriptionId, version, quantity, status, suspensionReason, autoRenew } = input;
    return { subscriptionId, version, quantity, status, suspensionReason, autoRenew, addOns };
  });

export const CANCELLATION_REASONS = ["Customer request", "Bought by mistake", "Moving to another product", "Nonpayment", "Fraud", "Other"] as const;

export const cancelSchema = z.object({
  subscriptionId: idSchema,
  version: z.coerce.number().int().optional(),
  reason: z.enum(CANCELLATION_REASONS, { error: "Choose a reason for the cancellation." }),
  comment: z.string().trim().max(500, "Keep the comment under 500 characters.").optional(),
});

export const clockSchema = z.union([
  z.object({ days: z.coerce.number().int().refine((d) => [1, 7, 30].includes(d)) }),
  z.object({ date: z.iso.date({ error: "Enter a date as YYYY-MM-DD." }) }),
]);

/** Search params arrive as string or string[]: take them as a list. */
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values)).catch([]));
const page = z.coerce.number().int().min(1).catch(1).optional();
const q = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().max(100).optional().catch(undefined));

export const catalogParamsSchema = z.object({
  publisher: list(PUBLISHER_KINDS),
  billingType: list(BILLING_TYPES),
  category: list(CATEGORIES),
  q,
  page,
});

export const customerListParamsSchema = z.object({
  q,
  sort: z.enum(CUSTOMER_SORTS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page,
});

/** The same changes as JSON, for API callers (PATCH /api/subscriptions/:id). */
export const apiSubscriptionChangesSchema = z.object({
  version: z.number().int(),
  quantity: quantitySchema.optional(),
  status: z.enum(["active", "suspended"]).optional(),
  suspensionReason: z.enum(SUSPENSION_REASONS).optional(),
  autoRenew: z.boolean().optional(),
  addOns: z.record(z.string(), z.number().int().min(0, "Enter a whole number of licenses, 0 or more.")).optional(),
});

export const apiCancelSchema = cancelSchema.omit({ subscriptionId: true }).extend({ version: z.number().int().optional() });
export const apiBuySchema = buySchema.omit({ customerId: true });
