import fs from "node:fs";
import path from "node:path";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Route { pattern: RegExp; names: string[]; module: Record<string, unknown> }

/**
 * A fetch that answers from the route files under app/v1 and app/oauth2, matched as Next's router
 * matches folders (`[name]` segments are parameters), so a client written for the HTTP API runs
 * unchanged in-process. The caller mocks "@/db" first.
 */
export async function v1Fetch(): Promise<(input: string | URL | Request, init?: RequestInit) => Promise<Response>> {
  const table: Route[] = [];
  const walk = async (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name === "route.ts") {
        const segments = path.relative(path.resolve("app"), dir).split(path.sep);
        const names = segments.filter((s) => s.startsWith("[")).map((s) => s.slice(1, -1));
        const pattern = new RegExp("^/" + segments.map((s) => (s.startsWith("[") ? "([^/]+)" : s.replace(/\./g, "\\."))).join("/") + "$");
        table.push({ pattern, names, module: (await import(full)) as Record<string, unknown> });
      }
    }
  };
  await walk(path.resolve("app/v1"));
  await walk(path.resolve("app/oauth2"));
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    for (const route of table) {
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      const handler = route.module[request.method] as Handler | undefined;
      if (!handler) return new Response(null, { status: 405 });
      return handler(request, { params: Promise.resolve(Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]))) });
    }
    return new Response(null, { status: 404 });
  };
}
