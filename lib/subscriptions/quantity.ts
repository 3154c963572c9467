import type { Offer, Subscription } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import type { Problem } from "@/lib/problems";

/** Usage-based offers are billed after use: there are no licenses to count. */
export function licensesApply(offer: Pick<Offer, "billingType">): boolean {
  return offer.billingType === "license";
}

/** The licenses the subscription will have: a scheduled decrease, or the current quantity. Forms show this. */
export function quantityAtRenewal(subscription: Pick<Subscription, "quantity" | "scheduledQuantity">): number {
  return subscription.scheduledQuantity ?? subscription.quantity;
}

/** A quantity is a whole number of licenses within the offer's min and max. */
export function quantityProblem(offer: Pick<Offer, "minQuantity" | "maxQuantity" | "billingType">, quantity: number): Problem | null {
  if (!licensesApply(offer)) return quantity === 1 ? null : { key: "usageNoQuantity" };
  if (!Number.isInteger(quantity)) return { key: "enterWholeLicenses" };
  if (quantity < offer.minQuantity || quantity > offer.maxQuantity) {
    return { key: "quantityFromTo", params: { min: offer.minQuantity, max: offer.maxQuantity } };
  }
  return null;
}

export function assertQuantityInRange(offer: Pick<Offer, "minQuantity" | "maxQuantity" | "billingType">, quantity: number): void {
  const problem = quantityProblem(offer, quantity);
  if (problem) throw new DomainError("quantity:out_of_range", problem, { quantity: [problem] });
}
