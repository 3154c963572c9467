// Starts the production build (`next start`) on the bench's database and watches its memory.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface BenchServer {
  baseUrl: string;
  pid: number;
  /** Peak resident memory of the server's processes since start (or since the last `resetPeak`), in MiB. */
  peakRssMiB(): number;
  resetPeak(): void;
  stop(): Promise<void>;
}

/**
 * `npm start`'s V8 options for the server. The old-space cap makes V8 collect before the heap grows
 * into memory it keeps: under 50 clients the server's RSS peaked near 440 MiB without it.
 */
function serverNodeOptions(root: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { config?: { serverNodeOptions?: string } };
  return pkg.config?.serverNodeOptions ?? "";
}

/** The routes the bench needs in the build: without them it was built before the floor routes existed. */
const REQUIRED_ROUTES = ["/health/page", "/api/health/route"];

/** Why `.next` can't serve the bench, or null. */
export function buildProblem(root: string): string | null {
  const manifest = path.join(root, ".next", "app-path-routes-manifest.json");
  if (!fs.existsSync(manifest)) return "there is no production build (.next)";
  const routes = Object.keys(JSON.parse(fs.readFileSync(manifest, "utf8")) as Record<string, string>);
  const missing = REQUIRED_ROUTES.filter((r) => !routes.includes(r));
  return missing.length > 0 ? `the production build predates ${missing.join(" and ")}` : null;
}

/** Resident memory of a process and its descendants, from /proc (Linux), in KiB; 0 elsewhere. */
function treeRssKiB(pid: number): number {
  try {
    const children = new Map<number, number[]>();
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      } catch {
        // The process ended while we looked.
      }
    }
    let total = 0;
    const queue = [pid];
    while (queue.length > 0) {
      const p = queue.pop()!;
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      queue.push(...(children.get(p) ?? []));
    }
    return total;
  } catch {
    return 0;
  }
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`The server did not answer ${url} within ${timeoutMs / 1000} s`);
}

export async function startServer({ root, port, databasePath, log }: { root: string; port: number; databasePath: string; log: string }): Promise<BenchServer> {
  const out = fs.openSync(log, "w");
  const child = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    // The server's V8 options, as `npm start` passes them (package.json config.serverNodeOptions).
    env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: databasePath, PORT: String(port), NODE_OPTIONS: `${serverNodeOptions(root)} ${process.env.NODE_OPTIONS ?? ""}`.trim() },
    stdio: ["ignore", out, out],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  let peak = 0;
  const sample = () => (peak = Math.max(peak, treeRssKiB(child.pid!)));
  const sampler = setInterval(sample, 200);
  try {
    await waitUntilUp(`${baseUrl}/sign-in`, child, 60_000);
  } catch (error) {
    clearInterval(sampler);
    child.kill("SIGTERM");
    throw error;
  }
  return {
    baseUrl,
    pid: child.pid!,
    peakRssMiB: () => (sample(), peak / 1024),
    resetPeak: () => (peak = treeRssKiB(child.pid!)),
    stop: async () => {
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
      fs.closeSync(out);
    },
  };
}
