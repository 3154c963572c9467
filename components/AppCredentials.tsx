"use client";

import { useTranslations } from "@/lib/use-translations";
import { toast } from "sonner";
import type { RegisteredAppView } from "@/app/(dashboard)/apps/actions";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";
import { inputClass } from "./ui/Field";

/** A read-only value with **Copy**; `copyLabel` names the button and `copied` is the toast once it worked. */
function CopyField({ id, label, copyLabel, copied, value }: { id: string; label: string; copyLabel: string; copied: string; value: string }) {
  const t = useTranslations("Apps.credentials");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} font-mono`} spellCheck={false} />
        <Button
          type="button"
          variant="secondary"
          aria-label={copyLabel}
          onClick={() =>
            navigator.clipboard.writeText(value).then(
              () => toast.success(copied),
              () => toast.error(t("copyRefused")),
            )
          }
        >
          {t("copy")}
        </Button>
      </div>
    </div>
  );
}

/** A new app's credentials, once: the secret is not stored, so this is the only time it can be read. */
export function AppCredentials({ app, onDone }: { app: RegisteredAppView; onDone: () => void }) {
  const t = useTranslations("Apps.credentials");
  const origin = typeof window === "undefined" ? "http://localhost:3000" : window.location.origin;
  return (
    <section aria-labelledby="new-app-credentials" className="space-y-3 rounded border border-amber-300 bg-amber-50 p-4">
      <h3 id="new-app-credentials" className="font-semibold">
        {t("title", { name: app.name })}
      </h3>
      <Alert tone="warning" title={t("warningTitle")}>
        {t("warning")}
      </Alert>
      <CopyField id="new-app-client-id" label={t("clientId")} copyLabel={t("copyClientId")} copied={t("clientIdCopied")} value={app.clientId} />
      <CopyField id="new-app-client-secret" label={t("clientSecret")} copyLabel={t("copyClientSecret")} copied={t("clientSecretCopied")} value={app.clientSecret} />
      <div>
        <p className="text-sm font-semibold">{t("getToken")}</p>
        <pre tabIndex={0} aria-label={t("curlLabel")} className="mt-1 overflow-x-auto rounded bg-neutral-900 p-3 font-mono text-xs text-neutral-100">
          {`curl -X POST ${origin}/oauth2/token \\\n  -d grant_type=client_credentials \\\n  -d client_id=${app.clientId} \\\n  -d client_secret=${app.clientSecret}`}
        </pre>
      </div>
      <Button type="button" onClick={onDone}>
        {t("done")}
      </Button>
    </section>
  );
}
