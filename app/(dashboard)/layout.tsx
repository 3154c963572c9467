import type { ReactNode } from "react";
import Link from "next/link";
import { getDb } from "@/db";
import { requireActor, getClock } from "@/lib/server/context";
import { can, clockStatus, isDemoData } from "@/lib/subscriptions";
import { AppHeader } from "@/components/AppHeader";
import { DemoClockPanel } from "@/components/DemoClockPanel";
import { sandboxIdOf } from "@/lib/sandboxes";
import { getTranslations } from "@/lib/server/i18n";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const db = getDb();
  const status = clockStatus(db, getClock(actor.partnerId));
  const showClock = isDemoData(db) && can(actor, "move_clock");
  const sandboxId = sandboxIdOf(db, actor.partnerId);
  const notice = await getTranslations("Sandbox.notice");
  const header = await getTranslations("Header");
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {header("skipToContent")}
      </a>
      <AppHeader actor={actor} today={status.now} />
      {/* The panel gets the same JSON shape GET /api/clock answers, which it polls while a move runs. */}
      {sandboxId && (
        // A landmark of its own: content outside every landmark is lost to screen reader users (axe "region").
        <aside aria-label={notice("label")} className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-900">
          <p>
            {notice.rich("text", { id: sandboxId, mono: (chunks) => <span className="font-mono">{chunks}</span> })}{" "}
            <Link href="/sandbox" className="font-semibold underline">
              {notice("link")}
            </Link>
          </p>
        </aside>
      )}
      {showClock && <DemoClockPanel status={JSON.parse(JSON.stringify(status))} />}
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
