import type { Metadata } from "next";
import { getDb } from "@/db";
import { getClock, requireActor } from "@/lib/server/context";
import { homeOutlook, licencesByPublisher } from "@/lib/subscriptions";
import { getFormat, getTranslations } from "@/lib/server/i18n";
import { ChargesByMonthChart } from "@/components/home/ChargesByMonthChart";
import { LicencesByPublisherChart } from "@/components/home/LicencesByPublisherChart";
import { RenewalsByWeekChart } from "@/components/home/RenewalsByWeekChart";
import { TrialsConvertingCard } from "@/components/home/TrialsConvertingCard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Home");
  return { title: t("title") };
}

/** Home: how the partner's book of business stands, by its own clock. */
export default async function HomePage() {
  const actor = await requireActor();
  const db = getDb();
  const clock = getClock(actor.partnerId);
  const outlook = homeOutlook(db, actor, clock);
  const publishers = licencesByPublisher(db, actor);
  const [t, f] = await Promise.all([getTranslations("Home"), getFormat()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-neutral-700">{t("intro", { date: f.date(clock.now()) })}</p>
      <div className="grid gap-6 lg:grid-cols-3">
        <ChargesByMonthChart months={outlook.charges} amountsShown={outlook.amountsShown} className="lg:col-span-2" />
        <TrialsConvertingCard trials={outlook.trials} amountsShown={outlook.amountsShown} />
        <RenewalsByWeekChart weeks={outlook.renewals} className="lg:col-span-2" />
        <LicencesByPublisherChart data={publishers} />
      </div>
    </div>
  );
}
