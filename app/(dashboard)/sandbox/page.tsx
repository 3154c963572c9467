import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { sandboxDetails, sandboxIdOf, sandboxSettingsFromEnv, takeWelcome } from "@/lib/sandboxes";
import { realNow, requireActor } from "@/lib/server/context";
import { can } from "@/lib/subscriptions";
import { SandboxPanel } from "@/components/SandboxPanel";
import { getTranslations } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Sandbox");
  return { title: t("title") };
}

/** The sandbox's own page: what it is, its sign-in details once after **Start a sandbox**, Reset and Delete. */
export default async function SandboxPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const actor = await requireActor();
  const db = getDb();
  const sandboxId = sandboxIdOf(db, actor.partnerId);
  if (!sandboxId) notFound();
  const details = sandboxDetails(db, sandboxId);
  if (!details) notFound();
  const welcome = takeWelcome((await searchParams).welcome, actor.userId, realNow());
  return (
    <SandboxPanel
      sandbox={{ id: details.sandbox.id, kind: details.sandbox.kind, createdAt: details.sandbox.createdAt.toISOString() }}
      idleDays={sandboxSettingsFromEnv().idleDays}
      welcome={welcome && { password: welcome.password, users: welcome.users }}
      canManage={can(actor, "move_clock")}
    />
  );
}
