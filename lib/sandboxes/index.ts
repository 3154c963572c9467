/**
 * Sandboxes: partner tenants of their own, copied from hidden templates of the demo seed. Kept out of
 * lib/subscriptions because they are tenant infrastructure, not a subscription rule: they copy and
 * remove every table's rows with set-based SQL, while the domain acts on one tenant through its rules.
 * Used by the sign-in page, the Sandbox page, /v1/sandboxes, the seed and the background timer.
 */
export { sandboxSettingsFromEnv, type SandboxSettings } from "./config";
export {
  assertMayStart,
  createSandbox,
  deleteSandbox,
  newSandboxPassword,
  noteSandboxUse,
  removeIdleSandboxes,
  resetSandbox,
  resetSandboxUseNotes,
  sandboxDetails,
  sandboxIdOf,
  startSandbox,
  type SandboxCaller,
  type SandboxDetails,
  type SandboxPassword,
  type SandboxUser,
  type StartedSandbox,
  type StartSandboxParams,
} from "./sandboxes";
export { createSandboxTemplates, hasSandboxTemplates, TEMPLATE_PARTNERS } from "./templates";
export { keepWelcome, takeWelcome, type SandboxWelcome } from "./welcome";
export { sandboxFormSchema, sandboxParamsSchema, startSandboxSchema } from "./schemas";
