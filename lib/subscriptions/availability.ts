import type { Cloud, Customer, Offer, Partner, Subscription } from "@/db/schema";

/**
 * Why an offer in the catalog can't be bought for this customer by this partner, following the
 * seed's list under "Some offers shown on the Marketplace may not always be available". A code with
 * its parameters: the words are at the edge, in each language (lib/unavailable-text.ts).
 */
export type UnavailableReason =
  | { code: "not_transactable"; portalUrl: string }
  | { code: "not_in_csp" }
  | { code: "exclusive" }
  | { code: "country"; country: string }
  | { code: "cloud"; cloud: Cloud }
  | { code: "segment" }
  | { code: "suspended"; subscriptionId: string }
  | { code: "one_per_customer"; subscriptionId: string };

export interface AvailabilityContext {
  customer: Pick<Customer, "segment" | "billingCountry">;
  partner: Pick<Partner, "id" | "cloud">;
  offerSegments: readonly string[];
  /** The customer's subscriptions to this offer (those of other statuses may be left out). */
  existing: ReadonlyArray<Pick<Subscription, "id" | "status">>;
}

export const AZURE_PORTAL_URL = "https://portal.azure.com/";

type MarketOffer = Pick<Offer, "transactable" | "availableThroughCsp" | "exclusiveToPartnerIds" | "supportedCountries" | "managementPortalUrl" | "cloud">;

/** A sandbox's partner id: `sbx` and 10 letters and digits (lib/sandboxes), a dot, the demo partner's id. */
const SANDBOX_PARTNER = /^sbx[a-z2-9]{10}\./;

/**
 * The partner id an ISV's exclusivity is checked against: a sandbox's copy of a demo partner
 * (`sbx….contoso-partners`) has the exclusive offers of the partner it was copied from, so a sandbox
 * sells what the demo partner sells.
 */
export function exclusiveAccessId(partnerId: string): string {
  return partnerId.replace(SANDBOX_PARTNER, "");
}

/**
 * Why the partner can't sell the offer in a country at all, whoever the customer: the checks of the
 * seed's list that need no customer (Partner Center's "offers for a market" answers with them).
 */
export function marketUnavailableReason(offer: MarketOffer, ctx: { partner: Pick<Partner, "id" | "cloud">; country: string }): UnavailableReason | null {
  // "The ISV offer may also not be transactable through the Partner Center (for example, containers or some usage-based offers)."
  if (!offer.transactable) return { code: "not_transactable", portalUrl: offer.managementPortalUrl ?? AZURE_PORTAL_URL };
  // "the ISV may have chosen not to make the offer available through the CSP program"
  if (!offer.availableThroughCsp) return { code: "not_in_csp" };
  // "the ISV may have made the offer exclusive to only certain CSP partners" — "including exclusive offers to which you have access"
  if (offer.exclusiveToPartnerIds && !offer.exclusiveToPartnerIds.includes(exclusiveAccessId(ctx.partner.id))) return { code: "exclusive" };
  // "The ISV may not support the customer's billing country or region"
  if (offer.supportedCountries && !offer.supportedCountries.includes(ctx.country)) return { code: "country", country: ctx.country };
  // Each cloud has its own Partner Center and catalog: an offer of another cloud is no matter of segment.
  if (offer.cloud !== ctx.partner.cloud) return { code: "cloud", cloud: offer.cloud };
  return null;
}

export function isOfferAvailable(offer: MarketOffer & Pick<Offer, "onePerCustomer">, ctx: AvailabilityContext): UnavailableReason | null {
  const market = marketUnavailableReason(offer, { partner: ctx.partner, country: ctx.customer.billingCountry });
  if (market) return market;
  // "The products you see depend on the type of customer segment"
  if (!ctx.offerSegments.includes(ctx.customer.segment)) return { code: "segment" };
  // "The customer's subscription may have been suspended (In this case, you can reactivate the subscription rather than purchase a new one.)"
  const suspended = ctx.existing.find((s) => s.status === "suspended");
  if (suspended) return { code: "suspended", subscriptionId: suspended.id };
  // "The customer already has a subscription to that product and is only allowed one"
  const live = ctx.existing.find((s) => s.status === "active");
  if (offer.onePerCustomer && live) return { code: "one_per_customer", subscriptionId: live.id };
  return null;
}
