// Which site strings may go to permissions.request: one https origin as a match pattern
// ("https://app.school.nl/*", or "https://*.school.nl/*" for a domain and its subdomains).
// The manifest's optional_host_permissions is "https://*/*", so a string such as
// "https://*/*" or "<all_urls>" in a policy's extension.sites would make the browser ask the
// teacher for every site; those are refused here, before the browser is asked.

const HOST = /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The match pattern for `site` ("https://host/*"), or null when it is not one https origin.
 * Accepts "https://host", "https://host/" and "https://host/*"; a port is dropped (a
 * pattern without one covers every port).
 * @param {unknown} site
 * @returns {string | null}
 */
export function sitePattern(site) {
  if (typeof site !== 'string') return null;
  const m = /^https:\/\/([^/:?#]+)(:\d{1,5})?(\/\*?)?$/.exec(site.trim());
  if (!m) return null;
  const host = m[1].toLowerCase();
  if (!HOST.test(host)) return null;
  // "*.nl": a wildcard over a whole top-level domain is no school's site.
  if (host.startsWith('*.') && !host.slice(2).includes('.')) return null;
  if (/^\d+(\.\d+){3}$/.test(host)) return null;
  return `https://${host}/*`;
}

/**
 * The pattern for the origin of a URL the user typed or the tab shows ("https://a.nl/x?y"),
 * or null when it is not an https page.
 * @param {unknown} url
 * @returns {string | null}
 */
export function originPattern(url) {
  try {
    const u = new URL(String(url));
    if (u.protocol !== 'https:') return null;
    return sitePattern(`https://${u.host}/*`);
  } catch {
    return null;
  }
}
