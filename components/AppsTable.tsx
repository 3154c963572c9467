import type { AppSummary } from "@/lib/auth/apps";
import { formatDateTime } from "@/lib/format";
import { DeleteAppControl } from "./DeleteAppControl";

/** **App management**'s list: the partner's live apps, newest first. Secrets are never listed. */
export function AppsTable({ apps }: { apps: AppSummary[] }) {
  if (apps.length === 0) return <p className="text-sm text-neutral-600">No apps are registered. Register one above to use the REST API without signing in.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Registered apps, newest first</caption>
        <thead className="border-b border-neutral-200 text-xs uppercase text-neutral-600">
          <tr>
            <th scope="col" className="py-2 pr-3">Name</th>
            <th scope="col" className="py-2 pr-3">Client ID</th>
            <th scope="col" className="py-2 pr-3">Created</th>
            <th scope="col" className="py-2 pr-3">Created by</th>
            <th scope="col" className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {apps.map((app) => (
            <tr key={app.id} className="border-b border-neutral-100 align-middle last:border-0">
              <th scope="row" className="py-3 pr-3 font-semibold">{app.name}</th>
              <td className="py-3 pr-3 font-mono text-xs">{app.id}</td>
              <td className="py-3 pr-3">{formatDateTime(app.createdAt)}</td>
              <td className="py-3 pr-3">{app.createdByName ?? "—"}</td>
              <td className="py-3 text-right">
                <DeleteAppControl appId={app.id} name={app.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
