import Link from "next/link";
import { useLocale } from "next-intl";
import { setupLink, type SubscriptionDetail } from "@/lib/subscriptions";
import { formattersFor } from "@/lib/format";
import { orderShortId, SetupLink } from "./SetupLink";
import { useTranslations } from "@/lib/server/i18n";

/**
 * Where the subscription came from (its order) and, for an ISV subscription still active or suspended,
 * the publisher's setup link: no email carries it, so it must not be lost with the confirmation page.
 */
export function SubscriptionOrder({ detail }: { detail: SubscriptionDetail }) {
  const t = useTranslations("Subscription.order");
  const f = formattersFor(useLocale());
  const { subscription: s, offer } = detail;
  const url = setupLink(s, offer);
  if (!s.orderId && !url) return null;
  const orderId = s.orderId;
  return (
    <section aria-label={t("label")} className="space-y-1 rounded-lg border border-neutral-200 bg-white px-5 py-3 text-sm shadow-sm">
      {orderId && (
        <p>
          {t.rich("boughtIn", {
            reference: orderShortId(orderId),
            date: f.date(s.orderedAt),
            link: (chunks) => (
              <Link href={`/customers/${s.customerId}/orders/${orderId}`} className="font-semibold text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
      {url && <SetupLink url={url} offerName={offer.name} />}
    </section>
  );
}
