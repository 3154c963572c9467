import Link from "next/link";
import { DEMO_SIGN_IN, GETTING_STARTED } from "@/lib/v1/reference";
import { ApiCurlExample } from "./ApiCurlExample";

/** The first steps every example relies on: a token in $TOKEN, then the ids later calls answer with. */
export function ApiGettingStarted({ baseUrl }: { baseUrl: string }) {
  const token = [
    `BASE_URL=${baseUrl}`,
    `TOKEN=$(curl -sS -X POST "$BASE_URL/oauth2/token" \\`,
    `  --data-urlencode grant_type=password \\`,
    `  --data-urlencode username=${DEMO_SIGN_IN.username} \\`,
    `  --data-urlencode password=${DEMO_SIGN_IN.password} | jq -r .access_token)`,
  ].join("\n");
  const ids = [
    `# A cart to read, update and check out in the cart examples`,
    `CART_ID=$(curl -sS -X POST "$BASE_URL/v1/customers/fabrikam/carts" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(GETTING_STARTED.cart)}' | jq -r .id)`,
    `# An order, and the subscription it created, for the order and subscription examples`,
    `ORDER=$(curl -sS -X POST "$BASE_URL/v1/customers/fabrikam/orders" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(GETTING_STARTED.order)}')`,
    `ORDER_ID=$(echo "$ORDER" | jq -r .id)`,
    `SUBSCRIPTION_ID=$(echo "$ORDER" | jq -r '.lineItems[0].subscriptionId')`,
  ].join("\n");
  return (
    <section aria-labelledby="getting-started" className="space-y-3">
      <h2 id="getting-started" className="text-xl font-semibold">
        Getting started
      </h2>
      <p className="max-w-3xl text-sm">
        The examples run against the demo data as Contoso Cloud Partners&apos; Global admin (a demo account listed on the sign-in page), with customer{" "}
        <code>fabrikam</code> and offer <code>office-365-e3</code>. Get a token first (app-only tokens work the same: <code>grant_type=client_credentials</code> with
        an app&apos;s id and secret from App management); they need <code>curl</code> and <code>jq</code>.
      </p>
      <ApiCurlExample label="1. Get a token" command={token} />
      <ApiCurlExample label="2. Ids the examples use: a cart, and an order of 5 Office 365 E3 licenses for Fabrikam" command={ids} />
      <ul className="max-w-3xl list-disc space-y-1 pl-5 text-sm">
        <li>
          Every <code>/v1</code> request needs <code>Authorization: Bearer $TOKEN</code>. Send <code>MS-RequestId</code> (a retried create with the same id does
          not create twice) and <code>MS-CorrelationId</code>; both are echoed back.
        </li>
        <li>
          Responses carry an <code>ETag</code>; send it back as <code>If-Match</code> on a change, which is refused with 412 when the resource changed since.
        </li>
        <li>
          Refusals are <code>{"{ code, description, data, source }"}</code> with the HTTP status; a partner making more than its requests per minute gets 429 with{" "}
          <code>Retry-After</code>.
        </li>
        <li>
          The machine-readable description is <Link href="/v1/openapi.json" className="text-blue-800 underline" prefetch={false}>/v1/openapi.json</Link> (OpenAPI 3.1),
          generated from the same schemas as this page.
        </li>
      </ul>
    </section>
  );
}
