import { afterEach, expect, it, vi } from "vitest";
import type { AppDatabase } from "@/db/client";
import { freshDb } from "./helpers";
import { v1Fetch } from "./support/v1-router";

/**
 * examples/partner-center-walkthrough.ts, run unchanged against the /v1 route handlers in-process
 * (its fetch routed to app/v1 and app/oauth2 on a fresh demo database). e2e/api-example.spec.ts runs
 * it against a real server; this catches a broken walkthrough without one.
 */
const state = vi.hoisted(() => ({ db: null as unknown as AppDatabase }));
vi.mock("@/db", () => ({ getDb: () => state.db }));

afterEach(() => vi.unstubAllGlobals());

it("runs the partner walkthrough against the handlers and meets every expectation", { timeout: 120_000 }, async () => {
  state.db = freshDb().db;
  vi.stubGlobal("fetch", await v1Fetch());
  const output: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void output.push(line));
  vi.spyOn(console, "error").mockImplementation((line: string) => void output.push(line));
  let exitCode: number | undefined;
  vi.spyOn(process, "exit").mockImplementation(((code?: number) => void (exitCode = code ?? 0)) as never);
  vi.stubEnv("BASE_URL", "http://localhost");

  await import("@/examples/partner-center-walkthrough");
  await vi.waitFor(() => expect(exitCode !== undefined || output.some((l) => l.includes("Every expectation was met."))).toBe(true), { timeout: 100_000, interval: 100 });
  vi.unstubAllEnvs();
  expect(exitCode, output.join("\n")).toBeUndefined();
  expect(output.join("\n")).toContain("isTrial is false");
});
