import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db";
import { requireActor } from "@/lib/server/context";
import { pageOrNotFound } from "@/lib/server/not-found";
import { activityFilterOptions, listActivity } from "@/lib/subscriptions";
import { ActivityList } from "@/components/ActivityList";
import { buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";

export const metadata: Metadata = { title: "Activity log" };

const one = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().max(100).optional().catch(undefined));
const paramsSchema = z.object({ customerId: one, userId: one, action: one });

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const filters = paramsSchema.parse(await searchParams);
  const db = getDb();
  const { options, entries } = pageOrNotFound(() => ({ options: activityFilterOptions(db, actor), entries: listActivity(db, actor, { ...filters, limit: 300 }) }));
  const names = new Map(options.customers.map((c) => [c.id, c.name]));
  const select = "mt-1 block w-56 rounded border border-neutral-400 bg-white px-2 py-2 text-sm";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Activity log</h1>
      <form className="flex flex-wrap items-end gap-4" action="/activity">
        <label className="text-sm font-semibold">
          Customer
          <select name="customerId" defaultValue={filters.customerId ?? ""} className={select}>
            <option value="">All customers</option>
            {options.customers.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label className="text-sm font-semibold">
          User
          <select name="userId" defaultValue={filters.userId ?? ""} className={select}>
            <option value="">All users</option>
            {options.users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </label>
        <label className="text-sm font-semibold">
          Action
          <select name="action" defaultValue={filters.action ?? ""} className={select}>
            <option value="">All actions</option>
            {options.actions.map((a) => <option key={a} value={a}>{a.replace("_", " ")}</option>)}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>Filter</button>
      </form>
      <Card>
        <ActivityList
          entries={entries}
          showSubscription={(e) => (
            <Link href={`/customers/${e.customerId}/subscriptions/${e.subscriptionId}`} className="text-brand-700 underline">
              {e.offerName ?? "Subscription"}
              <span className="block text-xs text-neutral-600 no-underline">{names.get(e.customerId)}</span>
            </Link>
          )}
        />
      </Card>
    </div>
  );
}
