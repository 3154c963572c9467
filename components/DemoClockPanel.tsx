"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/use-translations";
import { useActionState, useEffect, useRef } from "react";
import { toast } from "sonner";
import { moveDemoClock } from "@/app/(dashboard)/clock-actions";
import { useFormat } from "@/lib/use-format";

/** The partner's clock as the server sends it (dates as ISO strings). */
export interface ClockStatusView {
  now: string;
  move: { from: string; to: string; processedUntil: string; progress: number } | null;
}

async function fetchClockStatus(): Promise<ClockStatusView> {
  const response = await fetch("/api/clock");
  if (!response.ok) throw new Error("The demo clock's status could not be read.");
  return response.json();
}

/** While a move is processed, its progress is asked for every second; when it ends the page is redrawn. */
function useClockStatus(initial: ClockStatusView) {
  const router = useRouter();
  const query = useQuery({
    // One entry per move: a new move (or none) from the server starts from what the server said.
    queryKey: ["demo-clock", initial.move?.to ?? "idle"],
    queryFn: fetchClockStatus,
    initialData: initial,
    staleTime: Infinity,
    refetchInterval: (q) => (q.state.data?.move ? 1000 : false),
  });
  const wasMoving = useRef(Boolean(initial.move));
  const moving = Boolean(query.data.move);
  useEffect(() => {
    if (wasMoving.current && !moving) router.refresh();
    wasMoving.current = moving;
  }, [moving, router]);
  return query.data;
}

/** Moves this partner's time for demo walkthroughs; the lifecycle runs for the crossed interval. */
export function DemoClockPanel({ status }: { status: ClockStatusView }) {
  const [state, action, pending] = useActionState(moveDemoClock, null);
  const t = useTranslations("DemoClock");
  const f = useFormat();
  useEffect(() => {
    if (state?.ok) toast.success(state.message);
  }, [state]);
  const busy = pending || Boolean(status.move);
  const button = "rounded border border-amber-400 bg-white px-3 py-1 text-sm font-semibold hover:bg-amber-100 disabled:opacity-60";
  return (
    <section aria-labelledby="demo-clock" className="border-b border-amber-300 bg-amber-50">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-2 text-sm sm:px-6">
        <h2 id="demo-clock" className="font-semibold text-amber-950">
          {t("title")}
        </h2>
        <span data-testid="demo-now" className="text-amber-950">
          {f.dateTime(status.now)}
        </span>
        <form action={action} className="flex gap-2">
          {[1, 7, 30].map((days) => (
            <button key={days} type="submit" name="days" value={days} className={button} disabled={busy}>
              {t("advance", { days })}
            </button>
          ))}
        </form>
        <form action={action} className="flex items-center gap-2">
          <label htmlFor="demo-date" className="sr-only">
            {t("newDate")}
          </label>
          <input id="demo-date" name="date" type="date" required min={status.now.slice(0, 10)} className="rounded border border-amber-400 bg-white px-2 py-1" />
          <button type="submit" className={button} disabled={busy}>
            {t("setDate")}
          </button>
        </form>
        {pending && !status.move && <span className="text-amber-900">{t("moving")}</span>}
        {status.move && <MoveProgress initial={status} />}
        {state && !state.ok && (
          <span role="alert" className="font-semibold text-red-800">
            {state.error}
          </span>
        )}
      </div>
    </section>
  );
}

/**
 * A long move is processed in batches: how far renewals, charges and deletions have got. Only this
 * part asks the server, and only while a move runs: the panel is on every page for every request.
 */
function MoveProgress({ initial }: { initial: ClockStatusView }) {
  const t = useTranslations("DemoClock");
  const f = useFormat();
  const { move } = useClockStatus(initial);
  if (!move) return null;
  const percent = Math.floor(move.progress * 100);
  return (
    <div role="status" className="flex items-center gap-2 text-amber-950">
      <label htmlFor="demo-clock-progress">
        {t("progress", { from: f.date(move.from), to: f.date(move.to), percent })}
      </label>
      <progress id="demo-clock-progress" max={100} value={percent} className="h-2 w-32" />
    </div>
  );
}
