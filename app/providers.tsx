"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useTranslations } from "@/lib/use-translations";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } }));
  const t = useTranslations("Common.toasts");
  return (
    <QueryClientProvider client={client}>
      {children}
      {/* sonner's own words (the region's name, each toast's close button) in the page's language. */}
      <Toaster position="bottom-right" closeButton containerAriaLabel={t("label")} toastOptions={{ closeButtonAriaLabel: t("close") }} />
    </QueryClientProvider>
  );
}
