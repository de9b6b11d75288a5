// Opens the hub's Hawtio console in headless Chromium as the operator, shows the Camel routes and saves a PNG.
// Usage: node screenshot.mjs <hub url> <operator password> <out.png>
import { chromium } from 'playwright-core';

const [hub = 'http://127.0.0.1:8080', password = 'sandbox-operator', out = 'hawtio-routes.png'] = process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // The flags keep Chromium from calling home, which a closed network refuses.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(`${hub}/login`);
  await page.fill('input[name=username]', 'operator');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL(/actuator\/hawtio/), page.click('button[type=submit]')]);
  await page.goto(`${hub}/actuator/hawtio/camel/routes`);
  // The Camel plugin lists the context's routes once Jolokia has answered; the "routes" folder shows their
  // state and statistics side by side.
  await page.waitForSelector('text=collect', { timeout: 60000 });
  await page.getByText('routes', { exact: true }).first().click();
  await page.waitForSelector('main >> text=outbox-relay', { timeout: 30000 }).catch(() => {});
  await page.waitForTimeout(2000);
  await page.screenshot({ path: out, fullPage: false });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
