"use client";

import { useTranslations } from "@/lib/use-translations";
import { useActionState, useId, useState } from "react";
import { toast } from "sonner";
import { registerAppAction, type RegisteredAppView } from "@/app/(dashboard)/apps/actions";
import { zodProblems } from "@/lib/problems";
import { useProblemText } from "@/lib/use-problem-text";
import { APP_NAME_MAX_LENGTH, registerAppSchema } from "@/lib/validation";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";
import { Field, TextInput } from "./ui/Field";
import { AppCredentials } from "./AppCredentials";

/**
 * **Register an app**: a name, checked here with the server's own schema, then the client id and the
 * client secret, shown once. They stay on screen until **Done**, even if another registration fails.
 */
export function RegisterAppForm() {
  const t = useTranslations("Apps");
  const problemText = useProblemText();
  const id = useId();
  const [clientErrors, setClientErrors] = useState<string[] | undefined>();
  const [registered, setRegistered] = useState<RegisteredAppView | null>(null);
  // Controlled, so a refused name stays in the box to be corrected (React resets uncontrolled fields after every action).
  const [name, setName] = useState("");
  const [state, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof registerAppAction>> | null, formData: FormData) => {
    const result = await registerAppAction(previous, formData);
    if (result.ok && result.data) {
      setRegistered(result.data);
      setName("");
      toast.success(t("registered", { name: result.data.name }));
    }
    return result;
  }, null);
  const errors = clientErrors ?? (state && !state.ok ? state.fieldErrors?.name : undefined);

  return (
    <div className="space-y-4">
      <form
        action={action}
        noValidate
        className="flex flex-wrap items-start gap-3"
        onSubmit={(e) => {
          const parsed = registerAppSchema.safeParse({ name });
          if (parsed.success) return setClientErrors(undefined);
          e.preventDefault();
          setClientErrors(zodProblems(parsed.error).name?.map(problemText));
        }}
      >
        <div className="w-full max-w-sm">
          <Field id={`${id}-name`} label={t("register.nameLabel")} hint={t("register.nameHint")} errors={errors}>
            <TextInput id={`${id}-name`} name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={APP_NAME_MAX_LENGTH} required autoComplete="off" invalid={!!errors} errorId={`${id}-name-error`} />
          </Field>
        </div>
        <Button type="submit" disabled={pending} className="mt-6">
          {pending ? t("register.submitting") : t("register.submit")}
        </Button>
      </form>
      {state && !state.ok && !state.fieldErrors?.name && <Alert tone="error">{state.error}</Alert>}
      {registered && <AppCredentials app={registered} onDone={() => setRegistered(null)} />}
    </div>
  );
}
