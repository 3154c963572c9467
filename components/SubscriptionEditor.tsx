"use client";

import { useState } from "react";
import { toast } from "sonner";
import type { SubscriptionDetail } from "@/lib/subscriptions";
import { SubscriptionForm, type FormPermissions } from "./SubscriptionForm";
import { Alert } from "./ui/Alert";

/**
 * The details page's form, remounted on every new version, with the last result kept across remounts.
 * A change's message is shown once the page shows the new version: shown earlier, it would invite the
 * user to type into a form that is about to be replaced.
 */
export function SubscriptionEditor({ detail, permissions }: { detail: SubscriptionDetail; permissions: FormPermissions }) {
  const [notice, setNotice] = useState<{ message: string; shownAfterVersion: number } | null>(null);
  const version = detail.subscription.version;
  return (
    <div className="space-y-3">
      {notice && version > notice.shownAfterVersion && <Alert tone="success">{notice.message}</Alert>}
      <SubscriptionForm
        key={detail.subscription.version}
        detail={detail}
        permissions={permissions}
        onSaved={(message, changed) => {
          setNotice({ message, shownAfterVersion: changed ? version : version - 1 });
          toast.success(message);
        }}
      />
    </div>
  );
}
