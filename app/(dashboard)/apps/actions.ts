"use server";

import { revalidatePath } from "next/cache";
import { deleteApp, registerApp } from "@/lib/auth/apps";
import { authedAction } from "@/lib/server/action";
import { deleteAppSchema, registerAppSchema } from "@/lib/validation";

export interface RegisteredAppView {
  name: string;
  clientId: string;
  clientSecret: string;
}

/**
 * **Register app**. The one answer that carries a secret: the client secret is returned to the form
 * that registered the app, shown there once, and never stored or sent again (only its digest is kept).
 * Dates follow the partner's clock, as the rest of what the pages show. The form says "registered" in
 * the reader's language from the name it gets back.
 */
export const registerAppAction = authedAction(registerAppSchema, (input, { db, actor, clock }) => {
  const { app, clientId, clientSecret } = registerApp(db, actor, input.name, clock.now());
  revalidatePath("/apps");
  return { data: { name: app.name, clientId, clientSecret } satisfies RegisteredAppView };
});

/** **Delete** on App management: the app's tokens stop working at once (the dialog, which knows the name, says so). */
export const deleteAppAction = authedAction(deleteAppSchema, (input, { db, actor, clock }) => {
  deleteApp(db, actor, input.appId, clock.now());
  revalidatePath("/apps");
});
