"use client";

import { useActionState } from "react";
import { signIn } from "@/app/sign-in/actions";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";
import { Field, TextInput } from "./ui/Field";

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signIn, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      {state && !state.ok && <Alert tone="error">{state.error}</Alert>}
      <input type="hidden" name="next" value={next ?? ""} />
      <Field id="email" label="Email" errors={errors?.email}>
        <TextInput id="email" name="email" type="email" autoComplete="username" required invalid={!!errors?.email} />
      </Field>
      <Field id="password" label="Password" errors={errors?.password}>
        <TextInput id="password" name="password" type="password" autoComplete="current-password" required invalid={!!errors?.password} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
