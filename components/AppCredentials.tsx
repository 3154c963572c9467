"use client";

import { toast } from "sonner";
import type { RegisteredAppView } from "@/app/(dashboard)/apps/actions";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";
import { inputClass } from "./ui/Field";

function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
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
          aria-label={`Copy ${label.toLowerCase()}`}
          onClick={() =>
            navigator.clipboard.writeText(value).then(
              () => toast.success(`${label} copied.`),
              () => toast.error("Copying isn't allowed here: select the text and copy it yourself."),
            )
          }
        >
          Copy
        </Button>
      </div>
    </div>
  );
}

/** A new app's credentials, once: the secret is not stored, so this is the only time it can be read. */
export function AppCredentials({ app, onDone }: { app: RegisteredAppView; onDone: () => void }) {
  const origin = typeof window === "undefined" ? "http://localhost:3000" : window.location.origin;
  return (
    <section aria-labelledby="new-app-credentials" className="space-y-3 rounded border border-amber-300 bg-amber-50 p-4">
      <h3 id="new-app-credentials" className="font-semibold">
        {app.name}: client ID and secret
      </h3>
      <Alert tone="warning" title="Copy the client secret now. It won't be shown again.">
        Only a digest of it is kept. If it is lost, delete the app and register a new one.
      </Alert>
      <CopyField id="new-app-client-id" label="Client ID" value={app.clientId} />
      <CopyField id="new-app-client-secret" label="Client secret" value={app.clientSecret} />
      <div>
        <p className="text-sm font-semibold">Get a token</p>
        <pre tabIndex={0} aria-label="Token request with curl" className="mt-1 overflow-x-auto rounded bg-neutral-900 p-3 font-mono text-xs text-neutral-100">
          {`curl -X POST ${origin}/oauth2/token \\\n  -d grant_type=client_credentials \\\n  -d client_id=${app.clientId} \\\n  -d client_secret=${app.clientSecret}`}
        </pre>
      </div>
      <Button type="button" onClick={onDone}>
        Done
      </Button>
    </section>
  );
}
