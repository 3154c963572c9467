import Link from "next/link";
import type { ReactNode } from "react";
import { DEMO_SIGN_IN, GETTING_STARTED } from "@/lib/v1/reference";
import { ApiCurlExample } from "./ApiCurlExample";
import { useTranslations } from "@/lib/server/i18n";

/** The first steps every example relies on: a token in $TOKEN, then the ids later calls answer with. */
export function ApiGettingStarted({ baseUrl }: { baseUrl: string }) {
  const t = useTranslations("ApiReference.gettingStarted");
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  const token = [
    `BASE_URL=${baseUrl}`,
    `TOKEN=$(curl -sS -X POST "$BASE_URL/oauth2/token" \\`,
    `  --data-urlencode grant_type=password \\`,
    `  --data-urlencode username=${DEMO_SIGN_IN.username} \\`,
    `  --data-urlencode password=${DEMO_SIGN_IN.password} | jq -r .access_token)`,
  ].join("\n");
  const ids = [
    `# ${t("cartComment")}`,
    `CART_ID=$(curl -sS -X POST "$BASE_URL/v1/customers/fabrikam/carts" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(GETTING_STARTED.cart)}' | jq -r .id)`,
    `# ${t("orderComment")}`,
    `ORDER=$(curl -sS -X POST "$BASE_URL/v1/customers/fabrikam/orders" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(GETTING_STARTED.order)}')`,
    `ORDER_ID=$(echo "$ORDER" | jq -r .id)`,
    `SUBSCRIPTION_ID=$(echo "$ORDER" | jq -r '.lineItems[0].subscriptionId')`,
  ].join("\n");
  return (
    <section aria-labelledby="getting-started" className="space-y-3">
      <h2 id="getting-started" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="max-w-3xl text-sm">{t.rich("intro", { code })}</p>
      <ApiCurlExample label={t("token")} command={token} />
      <ApiCurlExample label={t("ids")} command={ids} />
      <ul className="max-w-3xl list-disc space-y-1 pl-5 text-sm">
        <li>{t.rich("headers", { code })}</li>
        <li>{t.rich("etag", { code })}</li>
        <li>{t.rich("refusals", { code })}</li>
        <li>
          {t.rich("openapi", {
            link: (chunks) => (
              <Link href="/v1/openapi.json" className="text-blue-800 underline" prefetch={false}>
                {chunks}
              </Link>
            ),
          })}
        </li>
      </ul>
    </section>
  );
}
