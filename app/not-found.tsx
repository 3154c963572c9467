import Link from "next/link";
import { useTranslations } from "@/lib/server/i18n";

export default function NotFound() {
  const t = useTranslations("Common.notFound");
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-neutral-700">{t("description")}</p>
      <Link href="/customers" className="mt-6 inline-block rounded bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
        {t("back")}
      </Link>
    </main>
  );
}
