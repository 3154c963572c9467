"use client";

import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { moveDemoClock } from "@/app/(dashboard)/clock-actions";
import { formatDateTime } from "@/lib/format";

/** Advances the app's clock for demo walkthroughs; the lifecycle runs for the crossed interval. */
export function DemoClockPanel({ now }: { now: string }) {
  const [state, action, pending] = useActionState(moveDemoClock, null);
  useEffect(() => {
    if (state?.ok) toast.success(state.message);
  }, [state]);
  const button = "rounded border border-amber-400 bg-white px-3 py-1 text-sm font-semibold hover:bg-amber-100 disabled:opacity-60";
  return (
    <section aria-labelledby="demo-clock" className="border-b border-amber-300 bg-amber-50">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-2 text-sm sm:px-6">
        <h2 id="demo-clock" className="font-semibold text-amber-950">
          Demo clock
        </h2>
        <span data-testid="demo-now" className="text-amber-950">
          {formatDateTime(now)}
        </span>
        <form action={action} className="flex gap-2">
          {[1, 7, 30].map((days) => (
            <button key={days} type="submit" name="days" value={days} className={button} disabled={pending}>
              Advance {days} {days === 1 ? "day" : "days"}
            </button>
          ))}
        </form>
        <form action={action} className="flex items-center gap-2">
          <label htmlFor="demo-date" className="sr-only">
            New demo date
          </label>
          <input id="demo-date" name="date" type="date" required min={now.slice(0, 10)} className="rounded border border-amber-400 bg-white px-2 py-1" />
          <button type="submit" className={button} disabled={pending}>
            Set date
          </button>
        </form>
        {pending && <span className="text-amber-900">Moving time…</span>}
        {state && !state.ok && (
          <span role="alert" className="font-semibold text-red-800">
            {state.error}
          </span>
        )}
      </div>
    </section>
  );
}
