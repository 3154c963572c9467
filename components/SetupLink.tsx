import { useTranslations } from "@/lib/server/i18n";

/**
 * The publisher's setup link of an ISV subscription. "Neither you nor your customer will receive an
 * email with instructions to complete account set up/provisioning for this type of ISV subscription",
 * so it is shown wherever the subscription is: its order and its own page.
 */
export function SetupLink({ url, offerName }: { url: string; offerName: string }) {
  const t = useTranslations("Subscription.setup");
  return (
    <p className="mt-1">
      <a href={url} target="_blank" rel="noreferrer" className="font-semibold text-brand-700 underline">
        {t("link")}
      </a>{" "}
      <span className="text-neutral-600">{t("purpose", { offer: offerName })}</span>
    </p>
  );
}

/** An order's short id, as the confirmation, the Orders list and a subscription's page name the order. */
export const orderShortId = (orderId: string) => orderId.slice(0, 8);

/** An order's short reference, as the confirmation and the Orders list show it. */
export const orderReference = (orderId: string) => `Order ${orderShortId(orderId)}`;
