import type { SubscriptionStatus } from "@/db/schema";
import { useTranslations } from "@/lib/server/i18n";
import { StatusPill } from "./StatusPill";

export function StatusBadge({ status }: { status: SubscriptionStatus }) {
  const t = useTranslations("Labels");
  return <StatusPill status={status} label={t(`status.${status}`)} />;
}
