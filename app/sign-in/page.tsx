import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { listDemoAccounts } from "@/lib/auth/demo-accounts";
import { safeNext } from "@/lib/auth/safe-next";
import { currentActor } from "@/lib/server/context";
import { SignInForm } from "@/components/SignInForm";
import { DemoAccounts } from "@/components/DemoAccounts";
import { StartSandboxForm } from "@/components/StartSandboxForm";
import { LanguageChoice } from "@/components/LanguageChoice";
import { hasSandboxTemplates, sandboxSettingsFromEnv } from "@/lib/sandboxes";
import { getTranslations } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; sandbox?: string }> }) {
  if (await currentActor()) redirect("/customers");
  const { next, sandbox } = await searchParams;
  const accounts = listDemoAccounts(getDb());
  // SANDBOXES=off hides the form (and the action refuses); so does a database without templates.
  const offerSandbox = sandboxSettingsFromEnv().enabled && hasSandboxTemplates(getDb());
  const t = await getTranslations("SignIn");
  return (
    <main className="min-h-screen bg-gradient-to-br from-brand-50 to-neutral-100 px-4 py-12">
      <div className="mx-auto mb-4 flex max-w-5xl justify-end text-sm">
        <LanguageChoice tone="light" />
      </div>
      <div className="mx-auto grid max-w-5xl gap-8 md:grid-cols-[minmax(0,380px)_1fr]">
        <section className="rounded-lg border border-neutral-200 bg-white p-8 shadow-sm">
          <p className="text-sm font-semibold tracking-wide text-brand-700">{t("brand")}</p>
          <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
          {sandbox === "deleted" && (
            <p role="status" className="mt-3 rounded border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
              {t("sandboxDeleted")}
            </p>
          )}
          <p className="mt-1 text-sm text-neutral-600">{t("intro")}</p>
          {/* The action checks `next` again (it is a public endpoint); the form only ever carries a same-site path. */}
          <SignInForm
            next={next === undefined ? undefined : safeNext(next)}
            copy={{ email: t("form.email"), password: t("form.password"), submit: t("form.submit"), submitting: t("form.submitting") }}
          />
        </section>
        <div className="space-y-8">
          {offerSandbox && (
            <StartSandboxForm
              copy={{
                title: t("startSandbox.title"),
                description: t("startSandbox.description"),
                partnerType: t("startSandbox.partnerType"),
                kinds: {
                  direct_bill: t("startSandbox.kind.direct_bill"),
                  indirect: t("startSandbox.kind.indirect"),
                  us_government: t("startSandbox.kind.us_government"),
                },
                submit: t("startSandbox.submit"),
                submitting: t("startSandbox.submitting"),
              }}
            />
          )}
          {accounts && <DemoAccounts accounts={accounts} />}
        </div>
      </div>
    </main>
  );
}
