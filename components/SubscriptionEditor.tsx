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
  // The page's data at Submit: a change's message waits for the refreshed data (a new object).
  const [notice, setNotice] = useState<{ message: string; submittedWith: SubscriptionDetail | null } | null>(null);
  return (
    <div className="space-y-3">
      {notice && notice.submittedWith !== detail && <Alert tone="success">{notice.message}</Alert>}
      <SubscriptionForm
        key={detail.subscription.version}
        detail={detail}
        permissions={permissions}
        onSaved={(message, changed) => {
          setNotice({ message, submittedWith: changed ? detail : null });
          toast.success(message);
        }}
      />
    </div>
  );
}
