import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/db";
import { isDemoData } from "@/lib/subscriptions";

export const metadata: Metadata = { title: "Health" };

/**
 * A bare dynamic page that reads one SQLite row (the app_clock row): the floor `npm run bench`
 * measures every dashboard page against, and a health check of the server and its database.
 * No session check and no lifecycle catch-up: it costs what the framework and one query cost.
 */
export default async function HealthPage() {
  await connection();
  const demoData = isDemoData(getDb());
  return (
    <main className="p-6">
      <h1 className="text-lg font-semibold">OK</h1>
      <p className="text-sm">Database answered; demo data: {demoData ? "yes" : "no"}.</p>
    </main>
  );
}
