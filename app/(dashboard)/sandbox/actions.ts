"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { SESSION_COOKIE } from "@/lib/auth/session";
import { deleteSandbox, resetSandbox, sandboxFormSchema, sandboxSettingsFromEnv } from "@/lib/sandboxes";
import { authedAction } from "@/lib/server/action";
import { getTranslations } from "@/lib/server/i18n";

/** **Reset**: back to the template and today's (real) date; the sandbox's users stay signed in. */
export const resetSandboxAction = authedAction<typeof sandboxFormSchema, never>(sandboxFormSchema, async (input, { db, actor, clock }) => {
  resetSandbox(db, { actor }, input.sandboxId, sandboxSettingsFromEnv(), clock.realNow());
  revalidatePath("/", "layout");
  const t = await getTranslations("Sandbox");
  return { message: t("reset.done") };
});

/** **Delete**: everything of the sandbox goes, its users' sessions too, so the browser goes to sign-in. */
export const deleteSandboxAction = authedAction<typeof sandboxFormSchema, never>(sandboxFormSchema, async (input, { db, actor }) => {
  deleteSandbox(db, { actor }, input.sandboxId, sandboxSettingsFromEnv());
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/sign-in?sandbox=deleted");
});
