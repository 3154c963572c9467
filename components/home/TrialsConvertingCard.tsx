import Link from "next/link";
import { useLocale } from "next-intl";
import type { TrialsThisMonth } from "@/lib/subscriptions";
import { formattersFor } from "@/lib/format";
import { Card } from "@/components/ui/Card";
import { useTranslations } from "@/lib/server/i18n";

/** "Trials converting this month": one figure, so a number rather than a chart; it links to those trials in Renewals. */
export function TrialsConvertingCard({ trials, amountsShown, className = "" }: { trials: TrialsThisMonth; amountsShown: boolean; className?: string }) {
  const t = useTranslations("Home.trials");
  const f = formattersFor(useLocale());
  const lastDay = f.date(trials.until.getTime() - 1);
  const { count, amounts = [] } = trials.converting;
  return (
    <Card title={t("title")} titleId="home-trials" className={className}>
      <p>
        <span className="block text-4xl font-semibold tabular-nums" data-testid="trials-converting">
          {f.number(count)}
        </span>
        <span className="text-sm text-neutral-700">{t("converting", { count, date: lastDay })}</span>
      </p>
      {amountsShown && amounts.length > 0 && (
        <p className="mt-3 text-sm">
          {t.rich("firstPaidTerms", {
            amounts: amounts.map((m) => f.money(m.amountMinor, m.currency)).join(" + "),
            b: (chunks) => <span className="font-semibold">{chunks}</span>,
          })}
        </p>
      )}
      <p className="mt-3 text-sm text-neutral-700">{t("ending", { count: trials.ending })}</p>
      <Link href={`/renewals?days=${trials.days}&event=trial`} prefetch={false} className="mt-4 inline-block text-sm font-semibold text-brand-700 hover:underline">
        {t("link")}
      </Link>
    </Card>
  );
}
