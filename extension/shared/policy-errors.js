// The core's policy problems ("path: problem", in English: src/policy/validate.rs and
// serde_json) in the language of the options page. The core's wording is the source; this
// table gives each of its sentences in Dutch, and extension/test/policy-errors.test.js runs
// the core (dist/node) on broken policies and fails when one of its sentences has no Dutch
// here. A sentence the table does not know stays as the core wrote it.

/** @typedef {'nl' | 'en'} Lang */

/** What `kind()` in validate.rs calls a JSON value. @type {Record<string, string>} */
const KIND = {
  null: 'null',
  'true/false': 'true/false',
  'a number': 'een getal',
  'a string': 'een tekst',
  'a list': 'een lijst',
  'an object': 'een object',
};
/** @param {string} k */
const kind = (k) => KIND[k] || k;

/**
 * [pattern, Dutch] for one problem sentence (without its path). The pattern matches the
 * whole sentence.
 * @type {Array<[RegExp, (...m: string[]) => string]>}
 */
const PROBLEMS = [
  [/^unknown key; did you mean "(.*)"\?$/, (b) => `onbekende sleutel; bedoel je "${b}"?`],
  [/^unknown key; expected one of: (.*)$/, (l) => `onbekende sleutel; mogelijk zijn: ${l}`],
  [/^expected an object, found (.*)$/, (k) => `hier hoort een object, maar er staat ${kind(k)}`],
  [/^expected a string, found (.*)$/, (k) => `hier hoort een tekst, maar er staat ${kind(k)}`],
  [/^expected true or false, found (.*)$/, (k) => `hier hoort true of false, maar er staat ${kind(k)}`],
  [/^empty string$/, () => 'lege tekst'],
  [/^expected a list of strings, found (.*)$/, (k) => `hier hoort een lijst met teksten, maar er staat ${kind(k)}`],
  [/^expected a string or \{"nl": \.\.\., "en": \.\.\.\}, found (.*)$/, (k) => `hier hoort een tekst of {"nl": ..., "en": ...}, maar er staat ${kind(k)}`],
  [/^expected 1, found (.*)$/, (v) => `hier hoort 1, maar er staat ${v}`],
  [/^expected 32 hex digits \(made by `postwacht policy build`\)$/, () => 'hier horen 32 hexadecimale cijfers (gemaakt door `postwacht policy build`)'],
  [/^expected a list of pupils, found (.*)$/, (k) => `hier hoort een lijst met leerlingen, maar er staat ${kind(k)}`],
  [/^expected a list of 16-digit hex hashes \(made by `postwacht policy build`\)$/, () => 'hier hoort een lijst met hashes van 16 hexadecimale cijfers (gemaakt door `postwacht policy build`)'],
  [/^a hashed roster needs "roster_salt" at the top level$/, () => 'een gehashte leerlingenlijst heeft "roster_salt" op het hoogste niveau nodig'],
  [/^give either "name" or "hashed_name", not both$/, () => 'geef "name" of "hashed_name", niet allebei'],
  [/^expected a string or number, found (.*)$/, (k) => `hier hoort een tekst of getal, maar er staat ${kind(k)}`],
  [/^expected an object of rule → severity, found (.*)$/, (k) => `hier hoort een object van regel → ernst, maar er staat ${kind(k)}`],
  [/^unknown rule id; did you mean "(.*)"\?$/, (b) => `onbekende regel; bedoel je "${b}"?`],
  [/^unknown rule id; `postwacht rules` lists them$/, () => 'onbekende regel; `postwacht rules` toont ze allemaal'],
  [/^expected "error", "warning", "info" or "off", found (.*)$/, (v) => `hier hoort "error", "warning", "info" of "off", maar er staat ${v}`],
  [/^unknown channel "(.*)"; expected one of: (.*)$/, (c, l) => `onbekend kanaal "${c}"; mogelijk zijn: ${l}`],
  [/^not valid JSON: (.*)$/, (e) => `geen geldige JSON: ${json(e)}`],
  [/^expected the policy as a JSON object, found (.*)$/, (k) => `hier hoort het protocol als JSON-object, maar er staat ${kind(k)}`],
  [/^missing \(if IT set it, the browser dropped it because a value in it has the wrong type: see chrome:\/\/policy\)$/, () => 'ontbreekt (als IT dit wel heeft ingesteld, heeft de browser het weggelaten omdat een waarde erin het verkeerde type heeft: zie chrome://policy)'],
  [/^missing while roster_salt is set \(if IT set it, the browser dropped it because a value in it has the wrong type: see chrome:\/\/policy\)$/, () => 'ontbreekt terwijl roster_salt wel is ingesteld (als IT dit wel heeft ingesteld, heeft de browser het weggelaten omdat een waarde erin het verkeerde type heeft: zie chrome://policy)'],
];

/** serde_json's messages (and JSON.parse's position note) in Dutch, where known. @type {Array<[RegExp, string]>} */
const JSON_PARTS = [
  [/ at line (\d+) column (\d+)$/, ' (regel $1, kolom $2)'],
  [/^expected value/, 'waarde verwacht'],
  [/^expected ident/, 'onbekend woord (alleen true, false en null mogen zonder aanhalingstekens)'],
  [/^invalid number/, 'ongeldig getal'],
  [/^invalid type: (.*), expected (.*)/, 'verkeerd type: $1, verwacht: $2'],
  [/^recursion limit exceeded/, 'te diep genest'],
  [/^number out of range/, 'getal te groot'],
  [/^lone leading surrogate in hex escape/, 'losse surrogaat in een \\u-escape'],
  [/^trailing comma/, 'komma te veel'],
  [/^EOF while parsing an object/, 'het bestand houdt midden in een object op'],
  [/^EOF while parsing a list/, 'het bestand houdt midden in een lijst op'],
  [/^EOF while parsing a string/, 'het bestand houdt midden in een tekst op'],
  [/^EOF while parsing a value/, 'het bestand houdt op waar een waarde hoort'],
  [/^key must be a string/, 'een sleutel moet een tekst tussen aanhalingstekens zijn'],
  [/^expected `,` or `\}`/, '`,` of `}` verwacht'],
  [/^expected `,` or `\]`/, '`,` of `]` verwacht'],
  [/^expected `:`/, '`:` verwacht'],
  [/^trailing characters/, 'tekens na het einde van het protocol'],
  [/^invalid escape/, 'ongeldige escape met \\'],
  [/^control character \(\\u0000-\\u001F\) found while parsing a string/, 'stuurteken in een tekst'],
];
/** @param {string} e */
function json(e) {
  for (const [re, nl] of JSON_PARTS) e = e.replace(re, nl);
  return e;
}

/**
 * One "path: problem" in `lang` (the path stays: it names keys of the file).
 * @param {string} text
 * @param {Lang | string} lang
 */
export function problemText(text, lang) {
  if (lang !== 'nl') return text;
  const s = String(text);
  // "path: problem", or a problem without a path (serde's, "not valid JSON: ...").
  const m = /^([A-Za-z_][\w.[\]-]*): (.*)$/s.exec(s);
  /** @type {Array<[string, string]>} */
  const tries = m ? [[m[1] + ': ', m[2]], ['', s]] : [['', s]];
  for (const [prefix, problem] of tries) {
    for (const [re, nl] of PROBLEMS) {
      const hit = re.exec(problem);
      if (hit) return prefix + nl(...hit.slice(1));
    }
  }
  return s;
}

/**
 * The core's error for a policy it refused ("invalid policy (2 problems): a: x; b: y", or one
 * problem) as a list of problems in `lang`.
 * @param {string} error
 * @param {Lang | string} lang
 * @returns {string[]}
 */
export function policyErrorList(error, lang) {
  const s = String(error);
  const m = /^invalid policy \(\d+ problems?\): (.*)$/s.exec(s);
  const parts = m ? m[1].split('; ').reduce((/** @type {string[]} */ acc, p) => {
    // "; " inside a problem ("unknown key; did you mean ...") belongs to the one before.
    if (acc.length && /^(did you mean|expected one of|`postwacht rules`)/.test(p)) acc[acc.length - 1] += '; ' + p;
    else acc.push(p);
    return acc;
  }, []) : [s];
  return parts.map((p) => problemText(p, lang));
}
