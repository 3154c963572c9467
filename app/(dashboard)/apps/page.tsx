import type { Metadata } from "next";
import { getDb } from "@/db";
import { listApps } from "@/lib/auth/apps";
import { requireActor } from "@/lib/server/context";
import { pageOrNotFound } from "@/lib/server/not-found";
import { AppsTable } from "@/components/AppsTable";
import { RegisterAppForm } from "@/components/RegisterAppForm";
import { Card } from "@/components/ui/Card";
import { getTranslations } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Apps");
  return { title: t("title") };
}

/** **App management** (Global admin only; other roles get the 404 page, as for the Activity log). */
export default async function AppManagementPage() {
  const actor = await requireActor();
  const apps = pageOrNotFound(() => listApps(getDb(), actor));
  const t = await getTranslations("Apps");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-neutral-700">{t.rich("intro", { code: (chunks) => <code className="font-mono">{chunks}</code> })}</p>
      <Card title={t("registerTitle")} titleId="register-app">
        <RegisterAppForm />
      </Card>
      <Card title={t("registeredTitle")} titleId="registered-apps">
        <AppsTable apps={apps} />
      </Card>
    </div>
  );
}
