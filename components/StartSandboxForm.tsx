"use client";

import { useActionState } from "react";
import { startSandboxAction } from "@/app/sign-in/sandbox-actions";
import type { SandboxKind } from "@/db/schema/sandboxes";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";

/** The form's words in the reader's language, given by the sign-in page (SignIn.startSandbox stays on the server). */
export interface StartSandboxCopy {
  title: string;
  description: string;
  partnerType: string;
  kinds: Record<SandboxKind, string>;
  submit: string;
  submitting: string;
}

/** **Start a sandbox** on the sign-in page: a partner tenant of the visitor's own, from the demo template. */
export function StartSandboxForm({ copy }: { copy: StartSandboxCopy }) {
  const [state, action, pending] = useActionState(startSandboxAction, null);
  return (
    <section aria-labelledby="sandbox-heading" className="rounded-lg border border-neutral-200 bg-white p-6 shadow-sm">
      <h2 id="sandbox-heading" className="text-lg font-semibold">
        {copy.title}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{copy.description}</p>
      <form action={action} className="mt-4 flex flex-wrap items-end gap-3">
        {state && !state.ok && (
          <Alert tone="error" className="w-full">
            {state.error}
          </Alert>
        )}
        <label className="text-sm">
          <span className="block font-medium">{copy.partnerType}</span>
          <select name="kind" defaultValue="direct_bill" className="mt-1 rounded border border-neutral-300 px-2 py-2">
            <option value="direct_bill">{copy.kinds.direct_bill}</option>
            <option value="indirect">{copy.kinds.indirect}</option>
            <option value="us_government">{copy.kinds.us_government}</option>
          </select>
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? copy.submitting : copy.submit}
        </Button>
      </form>
    </section>
  );
}
