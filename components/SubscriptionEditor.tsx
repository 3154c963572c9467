"use client";

import { useState } from "react";
import { toast } from "sonner";
import type { SubscriptionDetail } from "@/lib/subscriptions";
import { SubscriptionForm, type FormPermissions } from "./SubscriptionForm";
import { Alert } from "./ui/Alert";

/** The details page's form, remounted on every new version, with the last result kept across remounts. */
export function SubscriptionEditor({ detail, permissions }: { detail: SubscriptionDetail; permissions: FormPermissions }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {notice && <Alert tone="success">{notice}</Alert>}
      <SubscriptionForm
        key={detail.subscription.version}
        detail={detail}
        permissions={permissions}
        onSaved={(message) => {
          setNotice(message);
          toast.success(message);
        }}
      />
    </div>
  );
}
