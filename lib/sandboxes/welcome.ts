import { randomBytes } from "node:crypto";
import type { SandboxUser } from "./sandboxes";

/**
 * The sign-in details of a sandbox just started, kept in this server process for the one page view
 * that shows them (the Sandbox page after **Start a sandbox**), then forgotten. The password is never
 * stored anywhere else, so a reload or another browser cannot see it again.
 */
export interface SandboxWelcome {
  sandboxId: string;
  userId: string;
  password: string;
  users: SandboxUser[];
}

const TTL_MS = 10 * 60 * 1000;
const kept: Map<string, SandboxWelcome & { expiresAt: number }> = ((globalThis as { partnerCenterSandboxWelcome?: Map<string, SandboxWelcome & { expiresAt: number }> }).partnerCenterSandboxWelcome ??= new Map());

/** Keeps the details; the handle goes in the redirect to the Sandbox page. */
export function keepWelcome(welcome: SandboxWelcome, now: Date): string {
  for (const [handle, w] of kept) if (w.expiresAt <= now.getTime()) kept.delete(handle);
  const handle = randomBytes(18).toString("base64url");
  kept.set(handle, { ...welcome, expiresAt: now.getTime() + TTL_MS });
  return handle;
}

/** The details once, to the user they were kept for; null afterwards or for anyone else. */
export function takeWelcome(handle: string | undefined, userId: string, now: Date): SandboxWelcome | null {
  if (!handle) return null;
  const welcome = kept.get(handle);
  if (!welcome || welcome.userId !== userId || welcome.expiresAt <= now.getTime()) return null;
  kept.delete(handle);
  return welcome;
}
