"use client";

import { useActionState } from "react";
import { startSandboxAction } from "@/app/sign-in/sandbox-actions";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";

/** **Start a sandbox** on the sign-in page: a partner tenant of the visitor's own, from the demo template. */
export function StartSandboxForm() {
  const [state, action, pending] = useActionState(startSandboxAction, null);
  return (
    <section aria-labelledby="sandbox-heading" className="rounded-lg border border-neutral-200 bg-white p-6 shadow-sm">
      <h2 id="sandbox-heading" className="text-lg font-semibold">
        Try it in a sandbox
      </h2>
      <p className="mt-1 text-sm text-neutral-600">
        A partner tenant of your own, filled with the demo customers and subscriptions as of today, with its own Demo clock. You are signed in as its Global admin and see its users&apos; sign-in details once. Unused sandboxes are removed after a while.
      </p>
      <form action={action} className="mt-4 flex flex-wrap items-end gap-3">
        {state && !state.ok && (
          <Alert tone="error" className="w-full">
            {state.error}
          </Alert>
        )}
        <label className="text-sm">
          <span className="block font-medium">Partner type</span>
          <select name="kind" defaultValue="direct_bill" className="mt-1 rounded border border-neutral-300 px-2 py-2">
            <option value="direct_bill">Direct bill partner</option>
            <option value="indirect">Indirect provider and its reseller</option>
            <option value="us_government">US Government cloud</option>
          </select>
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Starting…" : "Start a sandbox"}
        </Button>
      </form>
    </section>
  );
}
