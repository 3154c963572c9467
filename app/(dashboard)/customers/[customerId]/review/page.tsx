import { getLocale } from "next-intl/server";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { isDomainError } from "@/lib/errors";
import { errorTexts } from "@/lib/error-text";
import { getClock, requireActor } from "@/lib/server/context";
import { pageOrNotFound } from "@/lib/server/not-found";
import { getCustomer, reviewOrder, type Review } from "@/lib/subscriptions";
import { CustomerHeader } from "@/components/CustomerHeader";
import { ReviewTable } from "@/components/ReviewTable";
import { BuyForm } from "@/components/BuyForm";
import { Alert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/Button";
import { getTranslations } from "@/lib/server/i18n";

export async function generateMetadata() {
  const t = await getTranslations("Catalog.review");
  return { title: t("title") };
}

export default async function ReviewPage({ params }: { params: Promise<{ customerId: string }> }) {
  const actor = await requireActor();
  const { customerId } = await params;
  const t = await getTranslations("Catalog.review");
  const db = getDb();
  const customer = pageOrNotFound(() => getCustomer(db, actor, customerId));
  let review: Review | null = null;
  let problem: string | null = null;
  try {
    review = reviewOrder(db, actor, getClock(actor.partnerId), customer.id);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    problem = errorTexts(await getLocale()).refusal(error.code, error.detail);
  }
  return (
    <div className="space-y-4">
      <CustomerHeader customer={customer} current={t("title")} />
      {review ? (
        <>
          <p className="text-sm text-neutral-700">{t("intro")}</p>
          <ReviewTable review={review} />
          <BuyForm customerId={customer.id} idempotencyKey={randomUUID()} lineNames={Object.fromEntries(review.items.map((i) => [i.line.id, i.offer.name]))} blocked={review.items.some((i) => i.problem)} />
        </>
      ) : (
        <Alert tone="warning" title={problem ?? t("nothingToReview")}>
          <ButtonLink variant="link" href={`/customers/${customer.id}/catalog`}>
            {t("backToCatalog")}
          </ButtonLink>
        </Alert>
      )}
    </div>
  );
}
