"use client";

import { useState } from "react";
import { toast } from "sonner";
import type { SubscriptionDetail } from "@/lib/subscriptions";
import { SubscriptionForm, type FormPermissions } from "./SubscriptionForm";
import { Alert } from "./ui/Alert";

/**
 * The form's identity: the base's version and each add-on's. A change to an add-on alone leaves the
 * base's version as it is, and the form must still start again from the new quantities.
 */
function formKey({ subscription, addOns }: SubscriptionDetail): string {
  return [subscription.version, ...addOns.map((a) => (a.subscription ? `${a.subscription.id}@${a.subscription.version}` : "-"))].join(":");
}

/**
 * The details page's form, remounted on every new version (see formKey), with the last result kept across remounts.
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
        key={formKey(detail)}
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
