import type { ReactNode } from "react";
import { getDb } from "@/db";
import { requireActor, getClock } from "@/lib/server/context";
import { can, isDemoData } from "@/lib/subscriptions";
import { AppHeader } from "@/components/AppHeader";
import { DemoClockPanel } from "@/components/DemoClockPanel";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const showClock = isDemoData(getDb()) && can(actor, "move_clock");
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <AppHeader actor={actor} />
      {showClock && <DemoClockPanel now={getClock().now().toISOString()} />}
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
