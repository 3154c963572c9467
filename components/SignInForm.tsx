"use client";

import { useActionState } from "react";
import { signIn } from "@/app/sign-in/actions";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";
import { Field, TextInput } from "./ui/Field";

/** The form's words in the reader's language, given by the sign-in page (SignIn.form stays on the server). */
export interface SignInFormCopy {
  email: string;
  password: string;
  submit: string;
  submitting: string;
}

export function SignInForm({ next, copy }: { next?: string; copy: SignInFormCopy }) {
  const [state, action, pending] = useActionState(signIn, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      {state && !state.ok && <Alert tone="error">{state.error}</Alert>}
      <input type="hidden" name="next" value={next ?? ""} />
      <Field id="email" label={copy.email} errors={errors?.email}>
        <TextInput id="email" name="email" type="email" autoComplete="username" required invalid={!!errors?.email} />
      </Field>
      <Field id="password" label={copy.password} errors={errors?.password}>
        <TextInput id="password" name="password" type="password" autoComplete="current-password" required invalid={!!errors?.password} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? copy.submitting : copy.submit}
      </Button>
    </form>
  );
}
