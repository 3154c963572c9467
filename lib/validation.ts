import { z } from "zod";
import { LOCALES } from "@/i18n/locales";
import { issueProblem, key, type Problem, type ValidationKey } from "@/lib/problems";
import { BILLING_FREQUENCIES, CATEGORIES, BILLING_TYPES, PUBLISHER_KINDS, SUSPENSION_REASONS } from "@/db/schema";
import { ACTIVITY_ACTIONS } from "@/lib/subscriptions/activity";
import { CUSTOMER_SORTS } from "@/lib/subscriptions/customers";
import { RENEWAL_EVENT_FILTERS, RENEWAL_SORTS, type RenewalWindow } from "@/lib/subscriptions/renewal-options";

/**
 * Form and API schemas, shared by client forms and the server that must parse them again. Their
 * messages are Validation keys (lib/problems.ts): the edge says them in the reader's language.
 */

export interface WholeNumberOptions {
  min: number;
  max: number;
  /** Said when the value is not a whole number written in decimal digits. */
  message: ValidationKey;
  /**
   * Said when it is one, but outside min..max (defaults to `message`), with `min` and `max` as
   * parameters; a function gets the number.
   */
  rangeMessage?: ValidationKey | ((n: number) => ValidationKey);
}

/**
 * The one rule for every number a user or a script sends: a JSON integer, or a string of decimal
 * digits only (a form field). No sign, spaces, exponent, hex/binary prefix or decimal point, no
 * booleans or arrays: `Number()` and `z.coerce` would quietly read "0x10" as 16, "1e3" as 1000,
 * " 7 " as 7, true as 1 and [7] as 7. Then it must lie within min..max.
 */
export function wholeNumber({ min, max, message, rangeMessage = message }: WholeNumberOptions) {
  return z
    .union([z.number(), z.string()], { error: message })
    .transform((value, ctx) => {
      // A minus sign is read only to say "at least …" about a negative count; it is refused all the same.
      const n = typeof value === "number" ? value : /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(n) || Object.is(n, -0)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      if (n < min || n > max) {
        ctx.addIssue({ code: "custom", message: typeof rangeMessage === "function" ? rangeMessage(n) : rangeMessage, params: { min, max } });
        return z.NEVER;
      }
      return n;
    });
}

/** A field checked by a schema of its own reports that schema's first problem under the field's name. */
function addProblem(ctx: z.RefinementCtx, path: PropertyKey[], error: z.ZodError): void {
  const { key: message, params } = issueProblem(error.issues[0]);
  ctx.addIssue({ code: "custom", path, message, params });
}

/** The most licenses any offer sells; the offer's own min and max are checked by the domain. */
export const MAX_LICENSES = 1_000_000;

/** A license count: a whole number, at least 1. */
export const quantitySchema = wholeNumber({
  min: 1,
  max: MAX_LICENSES,
  message: key("enterWholeLicenses"),
  rangeMessage: (n) => (n < 1 ? key("enterAtLeastOneLicense") : key("enterLicensesUpTo")),
});

/** An add-on's licenses: 0 means none. */
export const addOnQuantitySchema = wholeNumber({ min: 0, max: MAX_LICENSES, message: key("enterAddOnLicenses") });

/** The version a form or script loaded, echoed back to detect a stale change. */
export const versionSchema = wholeNumber({ min: 0, max: Number.MAX_SAFE_INTEGER, message: key("versionWholeNumber") });

export const idSchema = z.string().trim().min(1).max(100);

export const addToCartSchema = z.object({
  offerId: idSchema,
  quantity: quantitySchema,
  billingFrequency: z.enum(BILLING_FREQUENCIES, { error: key("chooseBillingFrequency") }),
});

export const updateCartLineSchema = z.object({ quantity: quantitySchema });

export const buySchema = z.object({ customerId: idSchema, idempotencyKey: z.uuid() });

/** The header's language choice. */
export const chooseLanguageSchema = z.object({ locale: z.enum(LOCALES) });

export const signInSchema = z.object({
  email: z.string().trim().min(1, key("enterEmail")).max(200),
  password: z.string().min(1, key("enterPassword")).max(200),
  next: z.string().optional(),
});

/**
 * The details page's Submit. Add-on quantities arrive as `addon:<offerId>` fields (0 = none), and what
 * each of those fields showed when the page was loaded as `addonShown:<offerId>`: an add-on field still
 * showing that value was not touched, and the domain makes no change for it.
 */
export const subscriptionChangesSchema = z
  .object({
    subscriptionId: idSchema,
    version: versionSchema,
    quantity: quantitySchema.optional(),
    status: z.enum(["active", "suspended"]).optional(),
    suspensionReason: z.enum(SUSPENSION_REASONS).optional().or(z.literal("").transform(() => undefined)),
    autoRenew: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  })
  .catchall(z.unknown())
  .transform((input, ctx) => {
    const addOns: Record<string, number> = {};
    const shown: Record<string, number> = {};
    for (const [name, value] of Object.entries(input)) {
      const field = name.startsWith("addon:") ? { prefix: "addon:", into: addOns } : name.startsWith("addonShown:") ? { prefix: "addonShown:", into: shown } : null;
      if (!field) continue;
      // An empty add-on field means none, as the form's placeholder 0 does.
      const parsed = addOnQuantitySchema.safeParse(value === "" ? 0 : value);
      if (!parsed.success) addProblem(ctx, [name], parsed.error);
      else field.into[name.slice(field.prefix.length)] = parsed.data;
    }
    const { subscriptionId, version, quantity, status, suspensionReason, autoRenew } = input;
    return { subscriptionId, version, quantity, status, suspensionReason, autoRenew, addOns, ...(Object.keys(shown).length > 0 ? { addOnsShown: shown } : {}) };
  });

export const APP_NAME_MAX_LENGTH = 80;

/**
 * **App management**'s app name. It becomes the app's user name, so the activity log and its user
 * filter show it: printable words only, no control characters or markup-looking text.
 */
export const appNameSchema = z
  .string({ error: key("enterAppName") })
  .trim()
  .min(1, { error: key("enterAppName"), abort: true })
  .max(APP_NAME_MAX_LENGTH, key("appNameTooLong"))
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} .,'&()_-]*$/u, key("appNameCharacters"));

export const registerAppSchema = z.object({ name: appNameSchema });

export const deleteAppSchema = z.object({ appId: idSchema });

export const CANCELLATION_REASONS = ["Customer request", "Bought by mistake", "Moving to another product", "Nonpayment", "Fraud", "Other"] as const;

export const cancelSchema = z.object({
  subscriptionId: idSchema,
  version: versionSchema.optional(),
  reason: z.enum(CANCELLATION_REASONS, { error: key("chooseCancellationReason") }),
  comment: z.string().trim().max(500, key("commentTooLong")).optional(),
});

const CLOCK_DAYS = [1, 7, 30];

/**
 * The Demo clock: exactly one of `days` (**Advance**) or `date` (**Set date**). Both, neither or any
 * other key is refused rather than guessed at (`{ days, date }` used to move by days silently).
 * Unknown keys are refused as z.strictObject would, but each under its own name: the action and
 * route wrappers answer with fieldErrors, where a strictObject's form-level issue would not show.
 */
export const clockSchema = z
  .looseObject({
    days: wholeNumber({ min: 1, max: 30, message: key("clockDays") })
      .refine((d) => CLOCK_DAYS.includes(d), key("clockDays"))
      .optional(),
    date: z.iso.date({ error: key("clockDateFormat") }).optional(),
  })
  .transform((input, ctx) => {
    const unknown = Object.keys(input).filter((key) => key !== "days" && key !== "date");
    for (const name of unknown) ctx.addIssue({ code: "custom", path: [name], message: key("clockUnknownField") });
    if (unknown.length > 0) return z.NEVER;
    if ((input.days === undefined) === (input.date === undefined)) {
      ctx.addIssue({ code: "custom", path: input.days === undefined ? ["days"] : ["date"], message: key("clockDaysOrDate") });
      return z.NEVER;
    }
    return input.days !== undefined ? { days: input.days } : { date: input.date! };
  });

/** Search params arrive as string or string[]: take them as a list. */
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values)).catch([]));
/** A search param given twice arrives as a list: the first counts. */
function firstValueOf(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

/** Pages past this are never linked to; the bound keeps OFFSET small. */
export const MAX_PAGE = 100_000;
/** A page number from a link: anything but a whole number in 1..MAX_PAGE shows the first page. */
const page = wholeNumber({ min: 1, max: MAX_PAGE, message: key("enterPageNumber") }).optional().catch(1);
/** `?page=` alone (the subscriptions list): a page number, or 1. */
export const pageParamSchema = z.preprocess(firstValueOf, page).transform((p) => p ?? 1);

export const SEARCH_MAX_LENGTH = 100;
/** A search box's text. Longer is refused with a message: ignoring it showed the whole list. */
export const searchSchema = z.string().trim().max(SEARCH_MAX_LENGTH, key("searchTooLong"));

/** Why a search can't run, or null. For the client, before it asks the server. */
export function searchProblem(text: string): Problem | null {
  const parsed = searchSchema.safeParse(text);
  return parsed.success ? null : issueProblem(parsed.error.issues[0]);
}

const q = z.preprocess(firstValueOf, searchSchema.optional());

export const catalogParamsSchema = z.object({
  publisher: list(PUBLISHER_KINDS),
  billingType: list(BILLING_TYPES),
  category: list(CATEGORIES),
  q,
  page,
});

/**
 * A keyset cursor from a Previous/Next link (`nextCursor`/`prevCursor`): opaque base64url text.
 * Anything else is ignored and the list shows its first page; the domain ignores a well-formed
 * cursor made for another list, sort or partner the same way.
 */
export const cursorSchema = z.preprocess(
  firstValueOf,
  z
    .string()
    .max(1000)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .catch(undefined),
);

export const customerListParamsSchema = z.object({
  q,
  sort: z.enum(CUSTOMER_SORTS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page,
  cursor: cursorSchema,
});

/** A customer's subscriptions list: `?page=` (the strict page rule) or a `?cursor=` from its links. */
export const subscriptionListParamsSchema = z.object({
  page: z.preprocess(firstValueOf, page).transform((p) => p ?? 1),
  cursor: cursorSchema,
});

/** An optional id filter: a bad one is dropped rather than refused, as a bad sort is. */
const idFilter = z.preprocess(firstValueOf, idSchema.optional().catch(undefined));

/**
 * The Activity log's filters and cursor (page and API). `customer` is the picker's id; the API's
 * older `customerId` name is still read. An unknown action shows every action.
 */
export const activityParamsSchema = z
  .object({
    customer: idFilter,
    customerId: idFilter,
    userId: idFilter,
    action: z.preprocess(firstValueOf, z.enum(ACTIVITY_ACTIONS).optional().catch(undefined)),
    cursor: cursorSchema,
  })
  .transform(({ customer, customerId, ...rest }) => ({ ...rest, customerId: customer ?? customerId }));

/**
 * A list page's search params: a bad filter, sort or page falls back to its default; a search that
 * is too long comes back as `searchError` (with the text, trimmed, kept in `params.q` for the box),
 * and the caller shows that instead of any results.
 */
export function parseListParams<T extends { q?: string }>(schema: z.ZodType<T>, raw: Record<string, unknown>): { params: T; searchError: Problem | null } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { params: parsed.data, searchError: null };
  const issue = parsed.error.issues.find((i) => i.path[0] === "q");
  if (!issue) throw parsed.error;
  const searchError = issueProblem(issue);
  const text = firstValueOf(raw.q);
  return { params: { ...schema.parse({ ...raw, q: undefined }), q: typeof text === "string" ? text.trim() : undefined }, searchError };
}

/** The same changes as JSON, for API callers (PATCH /api/subscriptions/:id). */
export const apiSubscriptionChangesSchema = z.object({
  version: versionSchema,
  quantity: quantitySchema.optional(),
  status: z.enum(["active", "suspended"]).optional(),
  // Optional, as on the page: "choose Suspended, Submit" suspends; null says "no reason" explicitly.
  suspensionReason: z.enum(SUSPENSION_REASONS).nullable().optional(),
  autoRenew: z.boolean().optional(),
  addOns: z.record(z.string(), addOnQuantitySchema).optional(),
  /** What the caller last read for each add-on (see subscriptionChangesSchema's `addonShown:` fields). */
  addOnsShown: z.record(z.string(), addOnQuantitySchema).optional(),
});

export const apiCancelSchema = cancelSchema.omit({ subscriptionId: true });
export const apiBuySchema = buySchema.omit({ customerId: true });

/**
 * The Renewals page's filters, sort and cursor (page and CSV export). Like the other lists, a bad
 * value falls back to its default rather than refusing the page. `autoRenew` is "on" or "off".
 */
export const renewalsParamsSchema = z
  .object({
    days: z.preprocess(firstValueOf, z.enum(["30", "60", "90"]).optional().catch(undefined)),
    customer: idFilter,
    publisher: z.preprocess(firstValueOf, z.enum(PUBLISHER_KINDS).optional().catch(undefined)),
    autoRenew: z.preprocess(firstValueOf, z.enum(["on", "off"]).optional().catch(undefined)),
    event: z.preprocess(firstValueOf, z.enum(RENEWAL_EVENT_FILTERS).optional().catch(undefined)),
    sort: z.preprocess(firstValueOf, z.enum(RENEWAL_SORTS).optional().catch(undefined)),
    cursor: cursorSchema,
  })
  .transform(({ days, customer, autoRenew, sort, ...rest }) => ({
    ...rest,
    days: Number(days ?? 30) as RenewalWindow,
    customerId: customer,
    autoRenew: autoRenew === undefined ? undefined : autoRenew === "on",
    sort: sort ?? "date",
  }));

/** A bulk change's choices on the Renewals page (Auto-renew is two: on and off). */
export const BULK_CHANGE_CHOICES = ["auto_renew_off", "auto_renew_on", "suspend", "reactivate", "cancel", "quantity"] as const;

/** A selected row: its id and the version the page showed, as "id@version" (a bare id is read as is). */
const bulkTarget = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    const at = value.lastIndexOf("@");
    const subscriptionId = (at > 0 ? value.slice(0, at) : value).trim();
    const version = at > 0 && /^\d{1,15}$/.test(value.slice(at + 1)) ? Number(value.slice(at + 1)) : undefined;
    if (!subscriptionId || (at > 0 && version === undefined)) {
      ctx.addIssue({ code: "custom", message: key("selectedRowUnreadable") });
      return z.NEVER;
    }
    return { subscriptionId, version };
  });

/**
 * The Renewals page's bulk change: the selected rows (`subscriptionId`, repeated) and one change.
 * The domain limits the batch (MAX_BULK_ROWS) and says so; 1,000 here only bounds what is parsed.
 */
export const bulkChangeSchema = z
  .object({
    change: z.enum(BULK_CHANGE_CHOICES, { error: key("chooseBulkChange") }),
    subscriptionId: z.preprocess(
      (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
      z.array(bulkTarget).min(1, key("selectAtLeastOne")).max(1000, key("selectFewer")),
    ),
    quantity: z.unknown().optional(),
    reason: z.unknown().optional(),
  })
  .transform((input, ctx) => {
    const targets = input.subscriptionId;
    switch (input.change) {
      case "auto_renew_off":
      case "auto_renew_on":
        return { targets, change: { kind: "auto_renew" as const, autoRenew: input.change === "auto_renew_on" } };
      case "suspend":
        return { targets, change: { kind: "suspend" as const } };
      case "reactivate":
        return { targets, change: { kind: "reactivate" as const } };
      case "cancel": {
        const reason = z.enum(CANCELLATION_REASONS).safeParse(input.reason);
        if (!reason.success) {
          ctx.addIssue({ code: "custom", path: ["reason"], message: key("chooseCancellationReason") });
          return z.NEVER;
        }
        return { targets, change: { kind: "cancel" as const, reason: reason.data } };
      }
      case "quantity": {
        const quantity = quantitySchema.safeParse(input.quantity);
        if (!quantity.success) {
          addProblem(ctx, ["quantity"], quantity.error);
          return z.NEVER;
        }
        return { targets, change: { kind: "quantity" as const, quantity: quantity.data } };
      }
    }
  });
