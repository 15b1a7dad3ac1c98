// What the options page and the popup say about a managed browser (issue 9, item 3).

/**
 * IT installed Postwacht by policy (chrome.management.getSelf().installType "admin": the
 * browser is managed), but no managed policy reached the extension: most often a policy
 * written for another extension ID. The pages then say so plainly and show this
 * extension's ID.
 * @param {string} installType chrome.management.getSelf().installType ('' when unknown)
 * @param {string | undefined} source the policy in force: 'managed', 'imported' or 'default'
 */
export function managedWithoutPolicy(installType, source) {
  return installType === 'admin' && source !== 'managed';
}

/**
 * How the browser installed the extension ('admin', 'normal', 'development', 'sideload',
 * 'other'), or '' when the browser does not say.
 * @returns {Promise<string>}
 */
export async function installType() {
  try {
    return (await chrome.management.getSelf()).installType || '';
  } catch {
    return '';
  }
}
