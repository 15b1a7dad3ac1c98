// Launches Debian's Chromium with the built extension (unpacked) and a fresh profile.
import { chromium } from 'playwright-core';

// Let context.on('request') see the service worker's requests too (tests assert there are
// none but its own files).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= '1';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * `mapHosts`: host names that resolve to 127.0.0.1 (the local HTTPS test server, whose
 * self-signed certificate is then accepted); every other host but 127.0.0.1 fails to resolve.
 */
/** `showScrollbars`: classic scrollbars as a desktop browser draws them (Playwright hides them in headless mode). */
export async function launch(extensionDir, { headless = true, extraArgs = [], mapHosts = [], showScrollbars = false } = {}) {
  const ext = resolve(extensionDir);
  if (!existsSync(join(ext, 'manifest.json'))) throw new Error(`no extension at ${ext} (run ./build.sh)`);
  const profile = mkdtempSync(join(tmpdir(), 'postwacht-profile-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
    // Nothing may leave the machine: every host but the local test server fails to resolve.
    `--host-resolver-rules=${mapHosts.map((h) => `MAP ${h} 127.0.0.1, `).join('')}MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    ...extraArgs,
  ];
  if (headless) args.unshift('--headless=new');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    ignoreDefaultArgs: ['--disable-extensions', ...(showScrollbars ? ['--hide-scrollbars'] : [])],
    args,
    viewport: { width: 1000, height: 800 },
    ignoreHTTPSErrors: mapHosts.length > 0,
    locale: 'nl-NL',
  });
  let sw = context.serviceWorkers()[0];
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 40000 });
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    extensionId,
    serviceWorker: () => context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)),
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
