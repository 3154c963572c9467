import { buyAndOpen, expect, test, USERS } from "./fixtures";

/**
 * Issue 10, item 6: Auto-renew off during a free trial ends the subscription at the trial's end with
 * no paid term, and the page says so beside the box. Customer used here, in the test's own sandbox:
 * First Up Consultants.
 */

test.beforeEach(async ({ page, sandbox }) => {
  await sandbox.signIn(page, USERS.admin);
});

test("uncheck Auto-renew during a free trial: it ends when the trial ends, with nothing charged", async ({ page, sandbox }) => {
  const { details } = await buyAndOpen(page, sandbox.idOf("first-up-consultants"), { name: "Contoso Backup Pro", quantity: 2 });
  const trialEnd = /^Ends (\w{3} \d{1,2}, \d{4})/.exec((await details.summaryItem("Free trial")).trim())![1];
  const termEnd = (await details.summaryItem("Term end")).trim();
  const autoRenew = details.statusSection.getByRole("checkbox", { name: "Auto-renew" });
  await expect(autoRenew).toBeChecked();
  await expect(details.statusSection.getByText(`The free trial ends on ${trialEnd}: the paid term starts and is charged then, and renews automatically on ${termEnd}.`)).toBeVisible();

  await autoRenew.uncheck();
  const ends = `Ends when the free trial ends on ${trialEnd}: no paid term starts and nothing is charged.`;
  await expect(details.statusSection.getByText(ends)).toBeVisible();
  await expect(autoRenew).toHaveAccessibleDescription(ends);
  await details.submit();
  await expect(details.result(`Auto-renew turned off. The subscription ends on ${trialEnd}.`)).toBeVisible();
  await expect.poll(() => details.summaryItem("Auto-renew")).toBe(`Off: ends ${trialEnd}`);
  await expect(details.statusSection.getByText(ends)).toBeVisible();
});
