import { connection } from "next/server";
import { getDb } from "@/db";
import { isDemoData } from "@/lib/subscriptions";

/**
 * A bare route handler that reads one SQLite row (the app_clock row): the floor `npm run bench`
 * measures every /api read against, and a health check of the server and its database. No session
 * check and no lifecycle catch-up. `connection()` keeps it from being prerendered at build time.
 */
export async function GET() {
  await connection();
  return Response.json({ ok: true, demoData: isDemoData(getDb()) });
}
