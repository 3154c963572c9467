import Link from "next/link";
import { signOut } from "@/app/sign-in/actions";
import { formatDate } from "@/lib/format";
import { AccountMenu } from "./AccountMenu";
import { LanguageChoice } from "./LanguageChoice";
import type { Actor } from "@/lib/subscriptions";
import { can, ROLE_LABELS } from "@/lib/subscriptions/shared";

const CLOUD_LABELS = { commercial: "Partner Center", us_government: "Partner Center for Microsoft Cloud for US Government" } as const;

/** `today` is the partner's own date: its Demo clock may have moved it. */
export function AppHeader({ actor, today }: { actor: Actor; today: Date }) {
  return (
    <header className="bg-[#1b1a19] text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/customers" className="font-semibold">
          {CLOUD_LABELS[actor.cloud]}
        </Link>
        <nav aria-label="Partner Center menu" className="flex gap-4 text-sm">
          <Link href="/customers" className="hover:underline">
            Customers
          </Link>
          {can(actor, "view") && (
            <Link href="/renewals" className="hover:underline">
              Renewals
            </Link>
          )}
          {can(actor, "view_activity") && (
            <Link href="/activity" className="hover:underline">
              Activity log
            </Link>
          )}
          {can(actor, "manage_apps") && (
            <Link href="/apps" className="hover:underline">
              App management
            </Link>
          )}
          <Link href="/api-reference" className="hover:underline">
            API reference
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-4 text-sm">
          <time data-testid="partner-date" dateTime={today.toISOString()} className="text-neutral-300">
            {formatDate(today)}
          </time>
          <span>
            <span className="font-semibold">{actor.name}</span>
            <span className="text-neutral-300"> · {actor.roles.map((r) => ROLE_LABELS[r]).join(", ")} · {actor.partnerName}</span>
          </span>
          <LanguageChoice />
          <AccountMenu />
          <form action={signOut}>
            <button type="submit" className="rounded border border-neutral-500 px-3 py-1 hover:bg-neutral-700">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
