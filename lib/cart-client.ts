"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { CartView } from "./cart-view";

/** A refused cart change: the server's words, or "" when it gave none (the form then says so in its language). */
export class ApiError extends Error {
  constructor(message: string, readonly fieldErrors?: Record<string, string[]>) {
    super(message);
  }
}

async function request(url: string, init?: RequestInit): Promise<CartView> {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const fieldErrors = body?.error?.fieldErrors as Record<string, string[]> | undefined;
    const first = fieldErrors && Object.values(fieldErrors).flat()[0];
    throw new ApiError(first ?? body?.error?.message ?? "", fieldErrors);
  }
  return body as CartView;
}

export const cartKey = (customerId: string) => ["cart", customerId] as const;

export function useCart(customerId: string, initialData: CartView) {
  return useQuery({ queryKey: cartKey(customerId), queryFn: () => request(`/api/customers/${customerId}/cart`), initialData });
}

/** Cart changes go to the server; the answer is the new cart, put straight into the cache. */
export function useCartMutation<V>(customerId: string, send: (vars: V) => Promise<CartView>, success?: (vars: V) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (cart, vars) => {
      client.setQueryData(cartKey(customerId), cart);
      if (success) toast.success(success(vars));
    },
    onSettled: () => client.invalidateQueries({ queryKey: cartKey(customerId) }),
  });
}

export const cartApi = {
  add: (customerId: string, body: { offerId: string; quantity: string; billingFrequency: string }) =>
    request(`/api/customers/${customerId}/cart`, { method: "POST", body: JSON.stringify(body) }),
  update: (customerId: string, lineId: string, quantity: string) =>
    request(`/api/customers/${customerId}/cart/${lineId}`, { method: "PATCH", body: JSON.stringify({ quantity }) }),
  remove: (customerId: string, lineId: string) => request(`/api/customers/${customerId}/cart/${lineId}`, { method: "DELETE" }),
};
