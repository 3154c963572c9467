import { buyAndOpen, signIn } from "./fixtures";
import { expect, test } from "./sandbox-fixture";

test.describe("Sandboxes", () => {
  test("Start a sandbox: its sign-in details once, buy in it, Reset takes the purchase away, Delete signs out", async ({ page, sandbox }) => {
    // The details were on the page the fixture read; a reload does not show them again.
    await page.reload();
    await expect(page.getByRole("heading", { name: "Sandbox", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Sign-in details" })).toHaveCount(0);
    await expect(page.getByTestId("sandbox-password")).toHaveCount(0);
    expect(Object.keys(sandbox.emails).sort()).toEqual(["Admin agent", "Billing admin", "Global admin", "Helpdesk agent", "Sales agent"]);
    await expect(page.getByText(`You are in sandbox ${sandbox.id}`)).toBeVisible();

    // Its own customers, with its own ids; the shared demo's are not there.
    await page.goto("/customers");
    await expect(page.getByRole("link", { name: "Wingtip Toys" })).toBeVisible();
    await page.goto("/customers/wingtip-toys");
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

    const { subscriptionId } = await buyAndOpen(page, sandbox.idOf("wingtip-toys"), { name: "Office 365 E1", quantity: 3 });

    await page.goto("/sandbox");
    await page.getByRole("button", { name: "Reset" }).click();
    const resetDialog = page.getByRole("dialog", { name: "Reset this sandbox?" });
    await resetDialog.getByRole("button", { name: "Yes, reset" }).click();
    await expect(resetDialog).toHaveCount(0);
    await page.goto(`/subscriptions/${subscriptionId}`);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

    await page.goto("/sandbox");
    await page.getByRole("button", { name: "Delete" }).click();
    const deleteDialog = page.getByRole("dialog", { name: "Delete this sandbox?" });
    await deleteDialog.getByRole("button", { name: "Keep the sandbox" }).click();
    await expect(deleteDialog).toHaveCount(0);
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog", { name: "Delete this sandbox?" }).getByRole("button", { name: "Yes, delete" }).click();
    await expect(page).toHaveURL(/\/sign-in\?sandbox=deleted/);
    await expect(page.getByText("The sandbox is deleted, with everything in it.")).toBeVisible();

    // Its users are gone with it.
    await page.getByLabel("Email").fill(sandbox.emails["Sales agent"]);
    await page.getByLabel("Password").fill(sandbox.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
  });

  test("each role signs in with the sandbox's one password; the Sandbox page offers Reset and Delete to the Global admin only", async ({ page, sandbox }) => {
    await page.context().clearCookies();
    await signIn(page, sandbox.emails["Sales agent"], sandbox.password);
    await page.goto("/sandbox");
    await expect(page.getByRole("heading", { name: "Sandbox", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Reset" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  });
});
