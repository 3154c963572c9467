import { buildOpenApiDocument } from "@/lib/v1/openapi";

/**
 * The OpenAPI 3.1 document, generated from the operations' zod schemas. Public, like Partner Center's
 * published reference: no token, and no v1Route (which would ask for one). It depends on the code
 * alone, so it is built once, at build time.
 */
export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApiDocument());
}
