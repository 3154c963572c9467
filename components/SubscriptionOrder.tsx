import Link from "next/link";
import { setupLink, type SubscriptionDetail } from "@/lib/subscriptions";
import { formatDate } from "@/lib/format";
import { orderReference, SetupLink } from "./SetupLink";

/**
 * Where the subscription came from (its order) and, for an ISV subscription still active or suspended,
 * the publisher's setup link: no email carries it, so it must not be lost with the confirmation page.
 */
export function SubscriptionOrder({ detail }: { detail: SubscriptionDetail }) {
  const { subscription: s, offer } = detail;
  const url = setupLink(s, offer);
  if (!s.orderId && !url) return null;
  return (
    <section aria-label="Order and setup" className="space-y-1 rounded-lg border border-neutral-200 bg-white px-5 py-3 text-sm shadow-sm">
      {s.orderId && (
        <p>
          Bought in{" "}
          <Link href={`/customers/${s.customerId}/orders/${s.orderId}`} className="font-semibold text-brand-700 underline">
            {orderReference(s.orderId)}
          </Link>{" "}
          on {formatDate(s.orderedAt)}.
        </p>
      )}
      {url && <SetupLink url={url} offerName={offer.name} />}
    </section>
  );
}
