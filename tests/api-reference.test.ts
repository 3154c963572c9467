import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { ApiEndpoint } from "@/components/ApiEndpoint";
import { allErrors } from "@/lib/v1/openapi";
import { operations } from "@/lib/v1/operations";
import { curlExample, exampleBody, fieldRows, referenceEntry } from "@/lib/v1/reference";

/** The API reference page shows what the OpenAPI document says, with examples the API accepts. */
describe("the API reference", () => {
  it("shows each endpoint's method, path, fields, every error code and an example", () => {
    for (const op of operations) {
      const html = renderToStaticMarkup(createElement(ApiEndpoint, { entry: referenceEntry(op) }));
      expect(html).toContain(op.path);
      expect(html).toContain(op.method.toUpperCase());
      for (const error of allErrors(op)) expect(html, `${op.method} ${op.path} ${error.code}`).toContain(`>${error.code}<`);
      for (const row of fieldRows(op.response, "output")) expect(html).toContain(`>${row.name}<`);
      expect(html).toContain("curl -sS");
    }
  });

  it("gives every example a body the handler's schema accepts, demo ids in the path and the token where one is needed", () => {
    for (const op of operations) {
      const where = `${op.method} ${op.path}`;
      if (op.body) expect(op.body.safeParse(exampleBody(op)).success, where).toBe(true);
      const curl = curlExample(op);
      expect(curl, where).not.toMatch(/\{[A-Za-z]+\}/);
      expect(curl.includes("Bearer $TOKEN"), where).toBe(!op.public);
      if (op.path.includes("{customerId}")) expect(curl).toContain("/customers/fabrikam");
    }
  });

  it("spells out the token request's grants: which fields each one needs", () => {
    const token = referenceEntry(operations.find((op) => op.path === "/oauth2/token")!);
    expect(token.body).toContainEqual(expect.objectContaining({ name: "grant_type", type: '"password" | "client_credentials"', required: true }));
    expect(token.body).toContainEqual(expect.objectContaining({ name: "client_secret", required: false, description: expect.stringContaining('grant_type is "client_credentials"') }));
    expect(token.curl).toContain("--data-urlencode 'username=admin@contoso-partner.example'");
  });
});
