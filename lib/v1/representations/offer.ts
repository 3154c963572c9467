import { z } from "zod";
import type { Locale } from "@/i18n/locales";
import type { Category, Offer } from "@/db/schema";
import { allowedFrequencies, type UnavailableReason } from "@/lib/subscriptions";
import { unavailableReasonText } from "@/lib/unavailable-text";
import { collectionSchema, link, linkSchema } from "./links";
import { describeField } from "../api-text";

/** The availability reasons of lib/subscriptions/availability.ts, as codes a script can switch on. */
export const UNAVAILABLE_CODES = ["not_transactable", "not_in_csp", "exclusive", "country", "cloud", "segment", "suspended", "one_per_customer"] as const;

const CATEGORIES: Record<Category, { id: string; name: string; rank: number }> = {
  enterprise: { id: "Enterprise_Key", name: "Enterprise", rank: 10 },
  small_business: { id: "SmallBusiness_Key", name: "Small business", rank: 20 },
  trial: { id: "Trial_Key", name: "Trial", rank: 30 },
};

export const LOCALE = "en-US";

export const unavailableReasonSchema = z
  .object({
    code: z.enum(UNAVAILABLE_CODES),
    description: z.string(),
    subscriptionId: z.string().optional().meta({ description: describeField("blockingSubscriptionId") }),
    country: z.string().optional(),
    cloud: z.string().optional(),
    portalUrl: z.string().optional().meta({ description: describeField("portalUrl") }),
  })
  .meta({ description: describeField("unavailableReason") });

/** Partner Center's Offer resource ("Offer resources"); `unavailableReason` is this product's extension. */
export const offerSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  minimumQuantity: z.number().int(),
  maximumQuantity: z.number().int(),
  rank: z.number().int(),
  uri: z.string(),
  locale: z.string(),
  country: z.string(),
  category: z.object({ id: z.string(), name: z.string(), rank: z.number().int(), locale: z.string(), country: z.string(), attributes: z.object({ objectType: z.literal("OfferCategory") }) }),
  limitUnitOfMeasure: z.enum(["None", "Concurrent"]),
  limit: z.number().int().meta({ description: describeField("offerLimit") }),
  prerequisiteOffers: z.array(z.string()),
  isAddOn: z.boolean(),
  isAvailableForPurchase: z.boolean(),
  billing: z.enum(["license", "usage"]),
  supportedBillingCycles: z.array(z.enum(["monthly", "annual"])),
  isAutoRenewable: z.boolean(),
  isTrial: z.boolean(),
  publisherName: z.string(),
  isMicrosoftProduct: z.boolean(),
  product: z.object({ id: z.string(), name: z.string(), unit: z.string() }),
  unitType: z.enum(["Licenses", "Usage-based"]),
  unavailableReason: unavailableReasonSchema.optional(),
  links: z.object({ self: linkSchema, learnMore: linkSchema.optional() }),
  attributes: z.object({ objectType: z.literal("Offer") }),
});
export type OfferResource = z.infer<typeof offerSchema>;

export const offerCollectionSchema = collectionSchema(offerSchema);

function reasonResource(reason: UnavailableReason, locale: Locale): z.infer<typeof unavailableReasonSchema> {
  const base = { code: reason.code, description: unavailableReasonText(locale, reason) };
  switch (reason.code) {
    case "not_transactable":
      return { ...base, portalUrl: reason.portalUrl };
    case "country":
      return { ...base, country: reason.country };
    case "cloud":
      return { ...base, cloud: reason.cloud };
    case "suspended":
    case "one_per_customer":
      return { ...base, subscriptionId: reason.subscriptionId };
    default:
      return base;
  }
}

export function unitTypeOf(offer: Pick<Offer, "billingType">): "Licenses" | "Usage-based" {
  return offer.billingType === "license" ? "Licenses" : "Usage-based";
}

/**
 * The offer as sold in `country`; `unavailable` is the domain's reason, or null when it can be bought,
 * described in the request's language (`reader`). The offer's own `locale` is its catalog's, en-US.
 */
export function offerResource(offer: Offer, country: string, unavailable: UnavailableReason | null, reader: Locale): OfferResource {
  const category = CATEGORIES[offer.category];
  const unitType = unitTypeOf(offer);
  return {
    id: offer.id,
    name: offer.name,
    description: offer.description,
    minimumQuantity: offer.minQuantity,
    maximumQuantity: offer.maxQuantity,
    // Each offer is its own product line here, so none ranks above another.
    rank: 1,
    uri: `/v1/offers/${encodeURIComponent(offer.id)}`,
    locale: LOCALE,
    country,
    category: { ...category, locale: LOCALE, country, attributes: { objectType: "OfferCategory" } },
    limitUnitOfMeasure: offer.onePerCustomer ? "Concurrent" : "None",
    limit: offer.onePerCustomer ? 1 : 0,
    prerequisiteOffers: offer.prerequisiteOfferId ? [offer.prerequisiteOfferId] : [],
    isAddOn: offer.prerequisiteOfferId !== null,
    isAvailableForPurchase: unavailable === null,
    billing: offer.billingType,
    supportedBillingCycles: allowedFrequencies(offer),
    isAutoRenewable: true,
    isTrial: offer.freeTrialDays > 0,
    publisherName: offer.publisherName,
    isMicrosoftProduct: offer.publisherKind === "microsoft",
    product: { id: offer.id, name: offer.name, unit: unitType },
    unitType,
    ...(unavailable ? { unavailableReason: reasonResource(unavailable, reader) } : {}),
    links: {
      self: link(`/v1/offers/${encodeURIComponent(offer.id)}?country=${encodeURIComponent(country)}`),
      ...(offer.managementPortalUrl ? { learnMore: link(offer.managementPortalUrl) } : {}),
    },
    attributes: { objectType: "Offer" },
  };
}
