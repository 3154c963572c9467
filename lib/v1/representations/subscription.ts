import { z } from "zod";
import type { Offer, Subscription, SubscriptionStatus, SuspensionReason } from "@/db/schema";
import { nextRenewalDate, type CancelOption } from "@/lib/subscriptions";
import { collectionSchema, link, linkSchema } from "./links";
import { unitTypeOf } from "./offer";
import { describeField } from "../api-text";

/** Partner Center's subscription statuses ("Subscription resources"). */
export const PC_STATUSES = ["none", "active", "pending", "suspended", "expired", "disabled", "deleted"] as const;
export type PcStatus = (typeof PC_STATUSES)[number];

/** A cancelled subscription is "deleted" in Partner Center (cancelling is PATCH status "deleted"), as is one whose data was deleted. */
const STATUS: Record<SubscriptionStatus, PcStatus> = { active: "active", suspended: "suspended", cancelled: "deleted", expired: "expired", deleted: "deleted" };

export function pcStatus(status: SubscriptionStatus): PcStatus {
  return STATUS[status];
}

const SUSPENSION_REASONS: Record<SuspensionReason, string> = { customer_request: "CustomerRequest", nonpayment: "Nonpayment", fraud: "Fraud" };

/**
 * The ETag of a subscription: its domain version, bumped by every change. Sent as the ETag header and
 * in `attributes.etag`; PATCH takes it back in If-Match (or `attributes.etag`).
 */
export function etagOf(subscription: Pick<Subscription, "version">): string {
  return `W/"${subscription.version}"`;
}

/** The version an ETag names, or null when the text is not an ETag this product made. */
export function versionOfEtag(etag: string): number | null {
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(etag);
  return match ? Number(match[1]) : null;
}

const instant = z.string().meta({ description: describeField("utcDateTime") });

export const refundOptionSchema = z.object({ type: z.enum(["Full", "Partial"]), expiresAt: instant });

/** Partner Center's Subscription resource, with the fields that apply to this product. */
export const subscriptionSchema = z.object({
  id: z.string(),
  offerId: z.string(),
  offerName: z.string(),
  friendlyName: z.string(),
  quantity: z.number().int(),
  unitType: z.enum(["Licenses", "Usage-based"]),
  parentSubscriptionId: z.string().nullable(),
  hasPurchasableAddons: z.boolean().optional().meta({ description: describeField("hasPurchasableAddons") }),
  creationDate: instant,
  effectiveStartDate: instant,
  commitmentEndDate: instant.meta({ description: describeField("commitmentEndDate") }),
  status: z.enum(PC_STATUSES),
  autoRenewEnabled: z.boolean(),
  billingType: z.enum(["license", "usage"]),
  billingCycle: z.enum(["monthly", "annual"]),
  termDuration: z.enum(["P1M", "P1Y"]),
  isTrial: z.boolean(),
  isMicrosoftProduct: z.boolean(),
  publisherName: z.string(),
  actions: z.array(z.enum(["edit", "cancel"])),
  partnerId: z.string(),
  contractType: z.literal("subscription"),
  orderId: z.string().nullable().meta({ description: describeField("subscriptionOrderId") }),
  suspensionReasons: z.array(z.string()),
  refundOptions: z.array(refundOptionSchema),
  cancellationAllowedUntilDate: instant.optional().meta({ description: describeField("cancellationAllowedUntilDate") }),
  links: z.object({ offer: linkSchema, self: linkSchema, parentSubscription: linkSchema.optional() }),
  attributes: z.object({ etag: z.string(), objectType: z.literal("Subscription") }),
});
export type SubscriptionResource = z.infer<typeof subscriptionSchema>;

export const subscriptionCollectionSchema = collectionSchema(subscriptionSchema);

export interface SubscriptionView {
  subscription: Subscription;
  offer: Offer;
  /** What Cancel would do now (the domain's cancelOption). */
  cancel: CancelOption;
  /** Known on a single subscription: add-ons it could buy now. */
  hasPurchasableAddons?: boolean;
}

export function subscriptionPath(customerId: string, subscriptionId: string): string {
  return `/v1/customers/${encodeURIComponent(customerId)}/subscriptions/${encodeURIComponent(subscriptionId)}`;
}

export function subscriptionResource({ subscription: s, offer, cancel, hasPurchasableAddons }: SubscriptionView): SubscriptionResource {
  const status = pcStatus(s.status);
  const refund = cancel.kind === "refund" ? cancel.windowEnds.toISOString() : undefined;
  const live = s.status === "active" || s.status === "suspended";
  return {
    id: s.id,
    offerId: s.offerId,
    offerName: offer.name,
    friendlyName: s.friendlyName ?? offer.name,
    quantity: s.quantity,
    unitType: unitTypeOf(offer),
    parentSubscriptionId: s.baseSubscriptionId,
    ...(hasPurchasableAddons === undefined ? {} : { hasPurchasableAddons }),
    creationDate: s.orderedAt.toISOString(),
    effectiveStartDate: s.orderedAt.toISOString(),
    commitmentEndDate: nextRenewalDate(s).toISOString(),
    status,
    autoRenewEnabled: s.autoRenew,
    billingType: offer.billingType,
    billingCycle: s.billingFrequency,
    termDuration: s.billingFrequency === "annual" ? "P1Y" : "P1M",
    isTrial: s.trialEndsAt !== null && s.trialConvertedAt === null,
    isMicrosoftProduct: offer.publisherKind === "microsoft",
    publisherName: offer.publisherName,
    actions: [...(live ? (["edit"] as const) : []), ...(cancel.kind !== "none" ? (["cancel"] as const) : [])],
    partnerId: "",
    contractType: "subscription",
    orderId: s.orderId,
    suspensionReasons: s.status !== "suspended" ? [] : s.suspendedWithBase ? ["ParentSubscriptionSuspended"] : s.suspensionReason ? [SUSPENSION_REASONS[s.suspensionReason]] : [],
    refundOptions: refund ? [{ type: "Full", expiresAt: refund }] : [],
    ...(refund ? { cancellationAllowedUntilDate: refund } : {}),
    links: {
      offer: link(`/v1/offers/${encodeURIComponent(s.offerId)}`),
      self: link(subscriptionPath(s.customerId, s.id)),
      ...(s.baseSubscriptionId ? { parentSubscription: link(subscriptionPath(s.customerId, s.baseSubscriptionId)) } : {}),
    },
    attributes: { etag: etagOf(s), objectType: "Subscription" },
  };
}
