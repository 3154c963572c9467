import { cancelSubscription, getCustomer, getSubscriptionContext, getSubscriptionDetail, submitSubscriptionChanges } from "@/lib/subscriptions";
import { DomainError, isDomainError } from "@/lib/errors";
import { PC_CODES } from "./errors";
import { etagOf, pcStatus, subscriptionResource, versionOfEtag } from "./representations/subscription";
import { V1Error, type V1Answer, type V1Context } from "./route";
import { parseSubscriptionPatch } from "./schemas";

/** The subscription as GET answers it: the resource, with its version as the ETag. */
export function readSubscription({ db, actor, clock }: V1Context, customerId: string, subscriptionId: string): V1Answer {
  getCustomer(db, actor, customerId);
  const detail = getSubscriptionDetail(db, actor, clock, subscriptionId);
  if (detail.customer.id !== customerId) throw new DomainError("not_found:subscription");
  const resource = subscriptionResource({ ...detail, hasPurchasableAddons: detail.addOns.length > 0 && detail.addOnBlocker === null });
  return { body: resource, etag: etagOf(detail.subscription) };
}

/**
 * The version the change must apply to: If-Match's (`*` is any), else the body's `attributes.etag`
 * when it is one of ours, else the current one (no precondition: Partner Center applies the change).
 * An If-Match that names no version of ours can match nothing: -1, which the domain refuses as stale.
 */
function expectedVersion(ifMatch: string | null, bodyEtag: string | null | undefined, current: number): number {
  if (ifMatch !== null) return ifMatch.trim() === "*" ? current : (versionOfEtag(ifMatch) ?? -1);
  const fromBody = bodyEtag ? versionOfEtag(bodyEtag) : null;
  return fromBody ?? current;
}

const CANCEL_DETAILS = { reason: "Other", comment: 'Cancelled through the REST API (PATCH status "deleted").' } as const;

/**
 * PATCH: the full resource as Partner Center takes it. A field equal to what GET shows is no change;
 * `status` "deleted" is **Cancel**, "active" / "suspended" reactivate / suspend, with the quantity and
 * auto-renew through the details page's Submit, so every rule and refusal of the pages applies.
 */
export function patchSubscription(ctx: V1Context, customerId: string, subscriptionId: string): V1Answer {
  const { db, actor, clock } = ctx;
  const patch = parseSubscriptionPatch(ctx.body);
  getCustomer(db, actor, customerId);
  const { subscription, customer } = getSubscriptionContext(db, actor, subscriptionId);
  if (customer.id !== customerId) throw new DomainError("not_found:subscription");
  if (patch.id !== undefined && patch.id.toLowerCase() !== subscription.id.toLowerCase()) {
    throw new V1Error(400, PC_CODES.invalid_property, { key: "bodyIdMismatch" }, [{ field: "id", problem: { key: "sendOwnId" } }]);
  }
  const version = expectedVersion(ctx.headers.get("if-match"), patch.attributes?.etag, subscription.version);
  const current = pcStatus(subscription.status);
  const status = patch.status !== undefined && patch.status !== current ? patch.status : undefined;
  try {
    if (status === "deleted") {
      cancelSubscription(db, actor, clock, { subscriptionId, version, ...CANCEL_DETAILS });
    } else if (status !== undefined && status !== "active" && status !== "suspended") {
      throw new V1Error(400, PC_CODES.status_not_updatable, { key: "statusNotSettable", params: { status } });
    } else {
      submitSubscriptionChanges(db, actor, clock, {
        subscriptionId,
        version,
        status,
        // The quantity GET shows is the current one: sending it back is no change (it would drop a scheduled decrease).
        quantity: patch.quantity !== undefined && patch.quantity !== subscription.quantity ? patch.quantity : undefined,
        autoRenew: patch.autoRenewEnabled,
      });
    }
  } catch (error) {
    const ruleRefusal = isDomainError(error) && ["subscription:not_active", "subscription:invalid_transition", "subscription:not_cancellable"].includes(error.code);
    // Partner Center words a refusal on an ended subscription as such (2011), not as a rule of the change.
    if (ruleRefusal && current !== "active" && current !== "suspended") {
      throw new V1Error(400, PC_CODES.deleted_subscription, { key: "subscriptionEnded", params: { id: subscription.id, status: current } });
    }
    throw error;
  }
  return readSubscription(ctx, customerId, subscriptionId);
}
