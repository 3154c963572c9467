import { expect } from "vitest";

/**
 * Calling /v1 handlers in-process the way a script calls them over HTTP: a real token from
 * POST /oauth2/token, then the route module's exported handler with its params. The test file mocks
 * "@/db" first (see tests/v1-core.test.ts), so every call runs on the test's SQLite copy.
 */
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export const PASSWORD = "Partner-Demo-2026";

export async function tokenFor(username: string): Promise<string> {
  const { POST } = await import("@/app/oauth2/token/route");
  const response = await POST(
    new Request("http://localhost/oauth2/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "password", username, password: PASSWORD }).toString(),
    }),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

export interface CallOptions {
  token?: string;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

// Bodies are JSON of many shapes; each test checks the one it expects with the zod response schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function call(handler: Handler, path: string, params: Record<string, string>, options: CallOptions = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await handler(new Request(`http://localhost${path}`, { method: options.method ?? "GET", headers, body }), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}
