import type { SandboxKind } from "@/db/schema/sandboxes";
import type { SandboxUser } from "@/lib/sandboxes/sandboxes";
import { formatDate } from "@/lib/format";
import { ROLE_LABELS } from "@/lib/subscriptions/shared";
import { SandboxActionControl } from "./SandboxActionControl";
import { Alert } from "./ui/Alert";

const KIND_LABELS: Record<SandboxKind, string> = {
  direct_bill: "Direct bill partner",
  indirect: "Indirect provider and its indirect reseller",
  us_government: "US Government cloud partner",
};

export interface SandboxPanelProps {
  sandbox: { id: string; kind: SandboxKind; createdAt: string };
  idleDays: number;
  /** The sign-in details, right after **Start a sandbox** only. */
  welcome: { password: string; users: SandboxUser[] } | null;
  /** A Global admin may Reset and Delete. */
  canManage: boolean;
}

export function SandboxPanel({ sandbox, idleDays, welcome, canManage }: SandboxPanelProps) {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Sandbox</h1>
        <p className="mt-1 text-sm text-neutral-600">
          {KIND_LABELS[sandbox.kind]} · <span className="font-mono">{sandbox.id}</span> · started {formatDate(sandbox.createdAt)}. Nothing you do here is seen by anyone else. It is removed after {idleDays} days without a sign-in.
        </p>
      </div>
      {welcome && (
        <section aria-labelledby="sandbox-sign-in" className="rounded-lg border border-amber-300 bg-amber-50 p-6">
          <h2 id="sandbox-sign-in" className="text-lg font-semibold">
            Sign-in details
          </h2>
          <Alert tone="warning" className="mt-2">
            Copy them now: they are shown only this once. Every user of this sandbox signs in with the password{" "}
            <code data-testid="sandbox-password" className="rounded bg-white px-1 font-mono">
              {welcome.password}
            </code>
            .
          </Alert>
          <table className="mt-4 w-full text-left text-sm">
            <thead className="border-b border-amber-200 text-xs uppercase text-neutral-600">
              <tr>
                <th className="py-2 pr-3 font-semibold">Email</th>
                <th className="py-2 pr-3 font-semibold">Name</th>
                <th className="py-2 pr-3 font-semibold">Role</th>
                <th className="py-2 font-semibold">Partner</th>
              </tr>
            </thead>
            <tbody>
              {welcome.users.map((u) => (
                <tr key={u.email} className="border-b border-amber-100">
                  <td className="py-2 pr-3 font-mono text-xs">{u.email}</td>
                  <td className="py-2 pr-3">{u.name}</td>
                  <td className="py-2 pr-3">{u.roles.map((r) => ROLE_LABELS[r]).join(", ")}</td>
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
            Reset or delete
          </h2>
          <p className="mt-1 text-sm text-neutral-600">
            <strong>Reset</strong> puts back the template&apos;s customers and subscriptions as of today and sets the Demo clock to today; users and the password stay. <strong>Delete</strong> removes the sandbox and everything in it, and signs everyone out.
          </p>
          <div className="mt-4 flex gap-3">
            <SandboxActionControl sandboxId={sandbox.id} kind="reset" />
            <SandboxActionControl sandboxId={sandbox.id} kind="delete" />
          </div>
        </section>
      )}
    </div>
  );
}
