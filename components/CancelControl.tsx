"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useActionState, useId, useState } from "react";
import { toast } from "sonner";
import { cancelSubscriptionAction } from "@/app/(dashboard)/customers/[customerId]/actions";
import type { CancelOption } from "@/lib/subscriptions";
import { formatDate, formatDateTime } from "@/lib/format";
import { CANCELLATION_REASONS } from "@/lib/validation";
import { Button } from "./ui/Button";
import { inputClass } from "./ui/Field";
import { Alert } from "./ui/Alert";

/** What cancelling now will do, in the seed's words. */
function outcomeText(option: CancelOption): string {
  switch (option.kind) {
    case "refund":
      return `You are within the cancellation period (until ${formatDateTime(option.windowEnds)}): the subscription is cancelled now and you receive a full credit on the next invoice.`;
    case "scheduled":
      return `The cancellation period is over: the cancellation will be scheduled to occur at renewal, on ${formatDate(option.effectiveAt)}.`;
    case "deprovision":
      return "Usage-based services are billed after use and aren't eligible for a refund. The subscription will be de-provisioned.";
    case "none":
      return option.why;
  }
}

/** In the **Status** column: choose **Cancel**, **Submit**, fill out the dialog, **Submit**, then **Yes, cancel**. */
export function CancelControl({ subscriptionId, version, offerName, option }: { subscriptionId: string; version: number; offerName: string; option: CancelOption }) {
  const id = useId();
  const [choice, setChoice] = useState("active");
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<"details" | "confirm">("details");
  const [details, setDetails] = useState<{ reason: string; comment: string }>({ reason: "", comment: "" });
  const [state, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof cancelSubscriptionAction>> | null, formData: FormData) => {
    const result = await cancelSubscriptionAction(previous, formData);
    if (result.ok) {
      toast.success(result.message);
      setOpen(false);
    }
    return result;
  }, null);

  return (
    <div className="mt-2 flex items-center gap-2">
      <label htmlFor={`${id}-status`} className="sr-only">
        Status of {offerName}
      </label>
      <select id={`${id}-status`} value={choice} onChange={(e) => setChoice(e.target.value)} className="rounded border border-neutral-400 bg-white px-2 py-1 text-xs">
        <option value="active">Active</option>
        <option value="cancel">Cancel</option>
      </select>
      <Dialog.Root open={open} onOpenChange={(o) => { setOpen(o); if (o) setStep("details"); }}>
        <Dialog.Trigger asChild>
          <Button type="button" variant="secondary" className="!px-3 !py-1 text-xs" disabled={choice !== "cancel"} aria-label={`Submit status change for ${offerName}`}>
            Submit
          </Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 bg-black/40" />
          <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(92vw,32rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
            <Dialog.Title className="text-lg font-semibold">Cancel {offerName}</Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-neutral-700">{outcomeText(option)}</Dialog.Description>
            {state && !state.ok && <Alert tone="error" className="mt-3">{state.error}</Alert>}
            {step === "details" ? (
              <form
                className="mt-4 space-y-3"
                onSubmit={(e) => {
                  e.preventDefault();
                  const data = new FormData(e.currentTarget);
                  setDetails({ reason: String(data.get("reason")), comment: String(data.get("comment") ?? "") });
                  setStep("confirm");
                }}
              >
                <div>
                  <label htmlFor={`${id}-reason`} className="block text-sm font-semibold">Reason for cancellation</label>
                  <select id={`${id}-reason`} name="reason" required defaultValue={details.reason} className={inputClass}>
                    <option value="" disabled>Choose a reason</option>
                    {CANCELLATION_REASONS.map((r) => <option key={r}>{r}</option>)}
                  </select>
                </div>
                <div>
                  <label htmlFor={`${id}-comment`} className="block text-sm font-semibold">Comment (optional)</label>
                  <textarea id={`${id}-comment`} name="comment" maxLength={500} rows={3} defaultValue={details.comment} className={inputClass} />
                </div>
                <div className="flex justify-end gap-2">
                  <Dialog.Close asChild>
                    <Button type="button" variant="secondary">Close</Button>
                  </Dialog.Close>
                  <Button type="submit">Submit</Button>
                </div>
              </form>
            ) : (
              <form action={action} className="mt-4 space-y-3">
                <input type="hidden" name="subscriptionId" value={subscriptionId} />
                <input type="hidden" name="version" value={version} />
                <input type="hidden" name="reason" value={details.reason} />
                <input type="hidden" name="comment" value={details.comment} />
                <p className="text-sm font-semibold">Are you sure you want to cancel this subscription?</p>
                <div className="flex justify-end gap-2">
                  <Button type="button" variant="secondary" onClick={() => setStep("details")}>Back</Button>
                  <Button type="submit" variant="danger" disabled={pending}>{pending ? "Cancelling…" : "Yes, cancel"}</Button>
                </div>
              </form>
            )}
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}
