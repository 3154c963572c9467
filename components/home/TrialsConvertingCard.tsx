import Link from "next/link";
import type { TrialsThisMonth } from "@/lib/subscriptions";
import { formatDate, formatMoney } from "@/lib/format";
import { Card } from "@/components/ui/Card";
import { formatCount } from "./chart-format";

/** "Trials converting this month": one figure, so a number rather than a chart; it links to those trials in Renewals. */
export function TrialsConvertingCard({ trials, amountsShown, className = "" }: { trials: TrialsThisMonth; amountsShown: boolean; className?: string }) {
  const lastDay = formatDate(trials.until.getTime() - 1);
  const { count, amounts = [] } = trials.converting;
  return (
    <Card title="Free trials this month" titleId="home-trials" className={className}>
      <p>
        <span className="block text-4xl font-semibold tabular-nums" data-testid="trials-converting">
          {formatCount(count)}
        </span>
        <span className="text-sm text-neutral-700">
          {count === 1 ? "trial converts" : "trials convert"} to paid by {lastDay}
        </span>
      </p>
      {amountsShown && amounts.length > 0 && (
        <p className="mt-3 text-sm">
          First paid terms: <span className="font-semibold">{amounts.map((m) => formatMoney(m.amountMinor, m.currency)).join(" + ")}</span>
        </p>
      )}
      <p className="mt-3 text-sm text-neutral-700">
        {formatCount(trials.ending)} {trials.ending === 1 ? "trial ends" : "trials end"} without converting (Auto-renew off).
      </p>
      <Link href={`/renewals?days=${trials.days}&event=trial`} prefetch={false} className="mt-4 inline-block text-sm font-semibold text-brand-700 hover:underline">
        Free trials in Renewals
      </Link>
    </Card>
  );
}
