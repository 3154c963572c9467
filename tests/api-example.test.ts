import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import type { AppDatabase } from "@/db/client";
import { freshDb } from "./helpers";

/**
 * examples/partner-center-walkthrough.ts, run unchanged against the /v1 route handlers in-process
 * (its fetch routed to app/v1 and app/oauth2 on a fresh demo database). e2e/api-example.spec.ts runs
 * it against a real server; this catches a broken walkthrough without one.
 */
const state = vi.hoisted(() => ({ db: null as unknown as AppDatabase }));
vi.mock("@/db", () => ({ getDb: () => state.db }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The route files as Next's router would match them: folder names, `[name]` segments as parameters. */
async function routes(): Promise<{ pattern: RegExp; names: string[]; module: Record<string, unknown> }[]> {
  const found: { pattern: RegExp; names: string[]; module: Record<string, unknown> }[] = [];
  const walk = async (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name === "route.ts") {
        const segments = path.relative(path.resolve("app"), dir).split(path.sep);
        const names = segments.filter((s) => s.startsWith("[")).map((s) => s.slice(1, -1));
        const pattern = new RegExp("^/" + segments.map((s) => (s.startsWith("[") ? "([^/]+)" : s.replace(/\./g, "\\."))).join("/") + "$");
        found.push({ pattern, names, module: (await import(full)) as Record<string, unknown> });
      }
    }
  };
  await walk(path.resolve("app/v1"));
  await walk(path.resolve("app/oauth2"));
  return found;
}

afterEach(() => vi.unstubAllGlobals());

it("runs the partner walkthrough against the handlers and meets every expectation", { timeout: 120_000 }, async () => {
  state.db = freshDb().db;
  const table = await routes();
  vi.stubGlobal("fetch", async (input: string | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    for (const route of table) {
      const match = route.pattern.exec(url.pathname);
      const handler = route.module[request.method] as Handler | undefined;
      if (!match) continue;
      if (!handler) return new Response(null, { status: 405 });
      return handler(request, { params: Promise.resolve(Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]))) });
    }
    return new Response(null, { status: 404 });
  });
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
