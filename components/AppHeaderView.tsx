"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { signOut } from "@/app/sign-in/actions";
import { LanguageChoice } from "./LanguageChoice";

export interface AppHeaderWords {
  product: string;
  menu: string;
  /** The menu's links the user's roles may open. */
  nav: { href: string; label: string }[];
  today: { iso: string; text: string };
  user: { name: string; details: string };
  signOut: string;
}

/**
 * The dashboard's header, its words as props (AppHeader puts them together on the server). A client
 * component: it is on every page, and as server markup it was rendered into each page's RSC payload
 * and then that payload into HTML. `account` is the Account menu, rendered on the server.
 */
export function AppHeaderView({ words, account }: { words: AppHeaderWords; account: ReactNode }) {
  return (
    <header className="bg-[#1b1a19] text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/customers" className="font-semibold">
          {words.product}
        </Link>
        <nav aria-label={words.menu} className="flex gap-4 text-sm">
          {words.nav.map((item) => (
            <Link key={item.href} href={item.href} className="hover:underline">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-4 text-sm">
          <time data-testid="partner-date" dateTime={words.today.iso} className="text-neutral-300">
            {words.today.text}
          </time>
          <span>
            <span className="font-semibold">{words.user.name}</span>
            <span className="text-neutral-300"> · {words.user.details}</span>
          </span>
          <LanguageChoice />
          {account}
          <form action={signOut}>
            <button type="submit" className="rounded border border-neutral-500 px-3 py-1 hover:bg-neutral-700">
              {words.signOut}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
