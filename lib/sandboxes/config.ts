import { z } from "zod";

/** Sandbox settings from the environment, checked once: a bad value stops the server with its name. */
export interface SandboxSettings {
  /** SANDBOXES=off hides **Start a sandbox** and refuses every sandbox request. */
  enabled: boolean;
  /** SANDBOXES_PER_ADDRESS_PER_HOUR: sandboxes one client address may start in an hour (a class behind one NAT shares it). */
  perAddressPerHour: number;
  /** SANDBOXES_MAX: sandboxes at once on this server, so visitors together cannot fill the disk. */
  maxSandboxes: number;
  /** SANDBOX_IDLE_DAYS: a sandbox nobody used for this long is removed. */
  idleDays: number;
  /** SANDBOX_OPERATOR_KEY: sent as `Authorization: Bearer <key>`, it creates, resets and deletes any sandbox over /v1. */
  operatorKey: string | null;
}

const count = (name: string, fallback: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return fallback;
      if (!/^\d+$/.test(v.trim()) || Number(v) < 1 || Number(v) > max) {
        ctx.addIssue({ code: "custom", message: `${name} must be a whole number from 1 to ${max}; got "${v}".` });
        return z.NEVER;
      }
      return Number(v);
    });

const schema = z.object({
  SANDBOXES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const value = v?.trim().toLowerCase() ?? "";
      if (value === "" || value === "on" || value === "1" || value === "true") return true;
      if (value === "off" || value === "0" || value === "false") return false;
      ctx.addIssue({ code: "custom", message: `SANDBOXES must be on or off; got "${v}".` });
      return z.NEVER;
    }),
  SANDBOXES_PER_ADDRESS_PER_HOUR: count("SANDBOXES_PER_ADDRESS_PER_HOUR", 30, 100_000),
  SANDBOXES_MAX: count("SANDBOXES_MAX", 2000, 1_000_000),
  SANDBOX_IDLE_DAYS: count("SANDBOX_IDLE_DAYS", 14, 3650),
  SANDBOX_OPERATOR_KEY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return null;
      // Compared with what any client sends: a short key could be guessed.
      if (v.length < 24) {
        ctx.addIssue({ code: "custom", message: "SANDBOX_OPERATOR_KEY must be at least 24 characters long." });
        return z.NEVER;
      }
      return v;
    }),
});

export function sandboxSettingsFromEnv(env: Record<string, string | undefined> = process.env): SandboxSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(" "));
  const e = parsed.data;
  return {
    enabled: e.SANDBOXES,
    perAddressPerHour: e.SANDBOXES_PER_ADDRESS_PER_HOUR,
    maxSandboxes: e.SANDBOXES_MAX,
    idleDays: e.SANDBOX_IDLE_DAYS,
    operatorKey: e.SANDBOX_OPERATOR_KEY,
  };
}
