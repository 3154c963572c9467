import type { Metadata } from "next";
import { getDb } from "@/db";
import { listApps } from "@/lib/auth/apps";
import { requireActor } from "@/lib/server/context";
import { pageOrNotFound } from "@/lib/server/not-found";
import { AppsTable } from "@/components/AppsTable";
import { RegisterAppForm } from "@/components/RegisterAppForm";
import { Card } from "@/components/ui/Card";

export const metadata: Metadata = { title: "App management" };

/** **App management** (Global admin only; other roles get the 404 page, as for the Activity log). */
export default async function AppManagementPage() {
  const actor = await requireActor();
  const apps = pageOrNotFound(() => listApps(getDb(), actor));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">App management</h1>
      <p className="max-w-3xl text-sm text-neutral-700">
        Register an app for scripts that use the REST API without a person signing in (the app-only flow, <code className="font-mono">grant_type=client_credentials</code> at{" "}
        <code className="font-mono">/oauth2/token</code>). An app acts with Admin agent rights, and the activity log shows its changes under its name.
      </p>
      <Card title="Register an app" titleId="register-app">
        <RegisterAppForm />
      </Card>
      <Card title="Registered apps" titleId="registered-apps">
        <AppsTable apps={apps} />
      </Card>
    </div>
  );
}
