// Dev helper: sign in and screenshot pages. Usage: node scripts/shots.mjs BASE_URL out-dir path...
import { chromium } from "@playwright/test";
const [base, out, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(`${base}/sign-in`);
await page.screenshot({ path: `${out}/sign-in.png`, fullPage: true });
await page.getByLabel("Email").fill(process.env.EMAIL ?? "admin@contoso-partner.example");
await page.getByLabel("Password").fill("Partner-Demo-2026");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/customers/);
for (const [i, p] of paths.entries()) {
  await page.goto(base + p);
  await page.screenshot({ path: `${out}/${i}.png`, fullPage: true });
}
await browser.close();
