"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "@/lib/use-translations";
import { useActionState } from "react";
import { buyAction } from "@/app/(dashboard)/customers/[customerId]/review/actions";
import { cartKey } from "@/lib/cart-client";
import { Alert } from "./ui/Alert";
import { Button, ButtonLink } from "./ui/Button";

/** **Buy**, with one idempotency key per Review page so a double click makes one order. */
export function BuyForm({ customerId, idempotencyKey, lineNames, blocked }: { customerId: string; idempotencyKey: string; lineNames: Record<string, string>; blocked: boolean }) {
  const t = useTranslations("Cart");
  const client = useQueryClient();
  const [state, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof buyAction>> | null, formData: FormData) => {
    try {
      // A bought order ends in a redirect, thrown from here to the router.
      return await buyAction(previous, formData);
    } finally {
      // Buy empties the cart on the server (or a refusal may have changed its lines): the cached cart is
      // dropped, so the catalog shows the server's cart instead of the one from before Buy.
      client.removeQueries({ queryKey: cartKey(customerId) });
    }
  }, null);
  const lineErrors = state && !state.ok ? Object.entries(state.fieldErrors ?? {}).filter(([key]) => key in lineNames) : [];
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {state && !state.ok && (
        <Alert tone="error" title={state.error}>
          {lineErrors.length > 0 && (
            <ul className="list-disc pl-5">
              {lineErrors.map(([lineId, messages]) => (
                <li key={lineId}>
                  {lineNames[lineId]}: {messages.join(" ")}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {blocked && <Alert tone="warning">{t("fixLines")}</Alert>}
      <div className="flex justify-end gap-2">
        <ButtonLink variant="secondary" href={`/customers/${customerId}/catalog`}>
          {t("backToCatalog")}
        </ButtonLink>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("buying") : t("buy")}
        </Button>
      </div>
    </form>
  );
}
