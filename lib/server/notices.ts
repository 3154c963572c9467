import "server-only";
import type { Locale } from "@/i18n/locales";
import { formattersFor } from "@/lib/format";
import { translatorFor } from "@/lib/translator";
import type { Notice } from "@/lib/subscriptions";

/**
 * What a change did, in `locale`: the page's (its action's request) or an API caller's
 * (requestLocaleOf). A notice's date is an ISO instant, formatted here as the pages format dates.
 */
export function noticeTexts(locale: Locale, notices: Notice[]): string[] {
  const t = translatorFor(locale, "Notices");
  const f = formattersFor(locale);
  return notices.map((notice) => {
    if (!("params" in notice)) return t(notice.code);
    return t(notice.code, "date" in notice.params ? { ...notice.params, date: f.date(notice.params.date) } : notice.params);
  });
}
