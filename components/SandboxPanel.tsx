import { useLocale } from "next-intl";
import type { SandboxKind } from "@/db/schema/sandboxes";
import type { SandboxUser } from "@/lib/sandboxes/sandboxes";
import { formattersFor } from "@/lib/format";
import { SandboxActionControl } from "./SandboxActionControl";
import { Alert } from "./ui/Alert";
import { useTranslations } from "@/lib/server/i18n";

export interface SandboxPanelProps {
  sandbox: { id: string; kind: SandboxKind; createdAt: string };
  idleDays: number;
  /** The sign-in details, right after **Start a sandbox** only. */
  welcome: { password: string; users: SandboxUser[] } | null;
  /** A Global admin may Reset and Delete. */
  canManage: boolean;
}

export function SandboxPanel({ sandbox, idleDays, welcome, canManage }: SandboxPanelProps) {
  const t = useTranslations("Sandbox");
  const labels = useTranslations("Labels");
  const f = formattersFor(useLocale());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-neutral-600">
          {t.rich("summary", {
            kind: t(`kind.${sandbox.kind}`),
            id: sandbox.id,
            date: f.date(sandbox.createdAt),
            idleDays,
            mono: (chunks) => <span className="font-mono">{chunks}</span>,
          })}
        </p>
      </div>
      {welcome && (
        <section aria-labelledby="sandbox-sign-in" className="rounded-lg border border-amber-300 bg-amber-50 p-6">
          <h2 id="sandbox-sign-in" className="text-lg font-semibold">
            {t("signInDetails.title")}
          </h2>
          <Alert tone="warning" className="mt-2">
            {t.rich("signInDetails.warning", {
              password: welcome.password,
              code: (chunks) => (
                <code data-testid="sandbox-password" className="rounded bg-white px-1 font-mono">
                  {chunks}
                </code>
              ),
            })}
          </Alert>
          <table className="mt-4 w-full text-left text-sm">
            <thead className="border-b border-amber-200 text-xs uppercase text-neutral-600">
              <tr>
                <th className="py-2 pr-3 font-semibold">{t("signInDetails.email")}</th>
                <th className="py-2 pr-3 font-semibold">{t("signInDetails.name")}</th>
                <th className="py-2 pr-3 font-semibold">{t("signInDetails.role")}</th>
                <th className="py-2 font-semibold">{t("signInDetails.partner")}</th>
              </tr>
            </thead>
            <tbody>
              {welcome.users.map((u) => (
                <tr key={u.email} className="border-b border-amber-100">
                  <td className="py-2 pr-3 font-mono text-xs">{u.email}</td>
                  <td className="py-2 pr-3">{u.name}</td>
                  <td className="py-2 pr-3">{u.roles.map((r) => labels(`role.${r}`)).join(", ")}</td>
                  <td className="py-2">{u.partnerName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {canManage && (
        <section aria-labelledby="sandbox-manage" className="rounded-lg border border-neutral-200 bg-white p-6">
          <h2 id="sandbox-manage" className="text-lg font-semibold">
            {t("manage.title")}
          </h2>
          <p className="mt-1 text-sm text-neutral-600">{t.rich("manage.description", { b: (chunks) => <strong>{chunks}</strong> })}</p>
          <div className="mt-4 flex gap-3">
            {(["reset", "delete"] as const).map((kind) => (
              <SandboxActionControl
                key={kind}
                sandboxId={sandbox.id}
                kind={kind}
                copy={{
                  button: t(`${kind}.button`),
                  title: t(`${kind}.title`),
                  description: t(`${kind}.description`),
                  keep: t(`${kind}.keep`),
                  confirm: t(`${kind}.confirm`),
                  pending: t(`${kind}.pending`),
                }}
              />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
