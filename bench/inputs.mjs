// Deterministic benchmark inputs: Dutch school posts of a given length and school policies
// with rosters of a given size. Written once to a directory so that the wasm benchmark
// (bench.mjs) and the native one (examples/bench.rs) check exactly the same bytes.
//
//   node bench/inputs.mjs OUT_DIR [--smoke]
//
// OUT_DIR/manifest.json lists the files:
//   { "smoke": bool,
//     "posts":    [{ "chars": 280, "file": "post-280.json" }, ...],      (one post JSON each)
//     "policies": [{ "pupils": 0, "file": "policy-0.json" }, ...],
//     "setup":    { "pupils": 1500, "file": "policy-1500.json" },
//     "timing":   { "budget_ms": 400, "min_iters": 15, "max_iters": 3000, "warmup": 3 } }
//
// The sentences below were written for this benchmark (none come from the test corpus).
// They mix ordinary announcements with what the rules look for: pupils' first names, phone
// numbers, chat-speak, emoji, a staff member who is ill. "chars" counts code points, so a
// post of 280 chars is 280 code points (its JavaScript length is larger by one per emoji).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const FULL = { chars: [280, 1000, 10000, 100000], pupils: [0, 100, 1500, 5000] };
export const SMOKE = { chars: [280, 1000], pupils: [0, 100] };
export const SETUP_PUPILS = 1500;

// mulberry32: a tiny seeded PRNG, so every run and every machine gets the same inputs.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

const FIRST_NAMES = [
  'Daan', 'Sem', 'Lucas', 'Finn', 'Levi', 'Milan', 'Bram', 'Luuk', 'Thijs', 'Jesse',
  'Ruben', 'Sven', 'Julian', 'Hugo', 'Owen', 'Gijs', 'Tijn', 'Teun', 'Siem', 'Jens',
  'Noah', 'Adam', 'Mohammed', 'Youssef', 'Ibrahim', 'Ayoub', 'Emir', 'Kerem', 'Mats', 'Floris',
  'Stan', 'Pepijn', 'Wout', 'Joep', 'Olivier', 'Hidde', 'Ties', 'Cas', 'Quinten', 'Boaz',
  'Emma', 'Julia', 'Mila', 'Tess', 'Sophie', 'Zoë', 'Sara', 'Nina', 'Evi', 'Lotte',
  'Anna', 'Fenna', 'Saar', 'Liv', 'Noor', 'Yara', 'Lynn', 'Roos', 'Fleur', 'Isa',
  'Femke', 'Maud', 'Jasmijn', 'Lieke', 'Sanne', 'Amira', 'Aya', 'Hiba', 'Elif', 'Zeynep',
  'Nova', 'Mirthe', 'Esmee', 'Vera', 'Ilse', 'Merel', 'Charlotte', 'Puck', 'Veerle', 'Indy',
];
const SURNAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser',
  'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks',
  'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer',
  'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen',
  'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek',
  'Willems', 'van Vliet', 'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster',
  'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'Peeters', 'de Lange', 'Kuipers',
  'van Wijk', 'Post', 'Kuiper', 'Veenstra', 'Kramer', 'van den Brink', 'Scholten',
  'van Wijngaarden', 'Martens', 'Vink', 'Postma', 'Timmermans', 'El Idrissi', 'Yilmaz',
  'Öztürk', 'Bouzid', 'Kaya', 'Haddou', 'Nguyen', 'Pinas', 'Wong', 'Şahin', 'Ramdin',
  'Groen', 'Evers', 'Lammers', 'Wouters',
];
const STAFF = ['juf Annemiek', 'meester Ronald', 'juf Ilona', 'meester Karim', 'juf Wendy'];
const SCHOOL = {
  name: 'Basisschool Het Kompas',
  aliases: ['Het Kompas', 'Kompasschool', 'BS Het Kompas'],
  board: 'Stichting Onderwijs Rivierenland',
};

// {n} {n2}: a pupil's first name; {g}: a group; {tel}: a phone number; {staff}; {school}.
const SENTENCES = [
  'Vandaag hebben de kinderen van groep {g} een prachtige tentoonstelling over de ruimte gemaakt.',
  '{n} en {n2} lieten trots hun zelfgebouwde raket aan de hele klas zien.',
  'Morgen is er geen gym, want de sporthal wordt opnieuw geschilderd.',
  'Willen jullie de gymtas donderdag weer meegeven?',
  'Wie nog iets wil weten over het kamp in juni kan bellen naar {tel}.',
  'Haha wat een dag weer 😂😂',
  'Echt superrr vet dit!!! 🎉',
  'thx iedereen voor de hulp bij het kerstdiner, jullie zijn toppers 💪',
  'De ouderavond begint om 19.30 uur in het speellokaal.',
  '{staff} is deze week ziek, de invaller neemt de groep rustig over.',
  'Wie heeft er nog lege eierdozen voor het knutselproject van volgende week?',
  'Groep {g} heeft de voorleeswedstrijd gewonnen en {n} las het mooiste fragment voor 📚',
  'Ff een herinnering: de luizencontrole is woensdag na de vakantie.',
  'Omg de moestuin staat er echt super bij, de pompoenen zijn enorm 🎃',
  'Het ouderportaal is tijdelijk niet bereikbaar door onderhoud.',
  'We zoeken nog twee ouders die willen rijden naar de kinderboerderij.',
  'Tijdens de pauze speelden {n} en {n2} samen een potje voetbal op het plein ⚽',
  'De opbrengst van de sponsorloop gaat dit jaar naar het goede doel van de leerlingenraad.',
  'Denk aan het inleveren van de toestemmingsformulieren, uiterlijk vrijdag.',
  'lol wie had gedacht dat de meester zo goed kon dansen 🕺',
  'Idd, het was een topochtend, nogmaals bedankt!',
  'Bij vragen kun je mailen naar de administratie of bellen met {tel}.',
  'De nieuwe digiborden in groep {g} werken eindelijk zoals het hoort.',
  'Wat waren jullie stil tijdens de voorstelling van de Kinderboekenweek 🤫',
  '{n} uit groep {g} heeft vandaag het zwemdiploma gehaald, gefeliciteerd!',
  'Op vrijdagmiddag sluiten we de week af met een korte viering in de aula.',
  'Brrr wat koud vanochtend, vergeet de sjaals en wanten niet ❄️',
  'Nogmaals dank aan alle hulpouders, zonder jullie lukt het gewoon niet 🙏',
  'Vanaf maandag is de schoolbibliotheek weer open tijdens de middagpauze.',
  'Kweenie of het morgen droog blijft, dus geef voor de zekerheid een regenjas mee.',
  'De leerlingen van groep {g} hebben een brief aan de burgemeester geschreven.',
  'Mijn mening over het nieuwe rooster? Daar zeg ik hier maar niks over 🙈',
  'Wauw, wat een opkomst bij de open dag van {school}!',
  'Nog even en dan is het zomervakantie, hou vol allemaal 😅',
  'De fietsenstalling is vanaf nu alleen bereikbaar via de achteringang.',
  '{n2} vond de excursie naar het museum volgens mij het allerleukst.',
  'Wie weet waar de blauwe jas van {n} is gebleven? Hij lag gisteren nog bij de kapstok.',
  'Hartelijk welkom aan de nieuwe kleuters die deze maand bij ons zijn begonnen!',
  'Even checken: komt iedereen morgen om half negen naar het schoolplein? 👍',
  'De schoolfotograaf komt op dinsdag 14 mei, broertjes en zusjes mogen samen op de foto.',
];

function phone(r) {
  const digits = (n) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
  return r() < 0.6 ? `06-${digits(8)}` : `0${1 + Math.floor(r() * 8)}${digits(1)}-${digits(7)}`;
}

/** A post text of exactly `chars` code points (cut at the end), deterministic per length. */
export function postText(chars, seed = 42) {
  const r = rng(seed + chars);
  const parts = [];
  let length = 0;
  let paragraph = 0;
  while (length < chars + 20) {
    const s = pick(r, SENTENCES)
      .replaceAll('{n2}', () => pick(r, FIRST_NAMES))
      .replaceAll('{n}', () => pick(r, FIRST_NAMES))
      .replaceAll('{g}', () => String(1 + Math.floor(r() * 8)))
      .replaceAll('{tel}', () => phone(r))
      .replaceAll('{staff}', () => pick(r, STAFF))
      .replaceAll('{school}', () => pick(r, [SCHOOL.name, ...SCHOOL.aliases]));
    // Paragraphs of four to seven sentences, like a newsletter-style post.
    const sep = parts.length === 0 ? '' : ++paragraph % (4 + Math.floor(r() * 4)) === 0 ? '\n\n' : ' ';
    parts.push(sep + s);
    length += [...sep].length + [...s].length;
  }
  return [...parts.join('')].slice(0, chars).join('');
}

/** The post JSON the checker gets: a personal Facebook post with a photo attached. */
export function postJson(chars) {
  return JSON.stringify({
    text: postText(chars),
    context: {
      platform: 'facebook',
      account: 'personal',
      reply_to: null,
      attachments: [{ kind: 'image', name: 'IMG_2041.jpg' }],
    },
  });
}

/** A policy in the format of the corpus's school.json with `pupils` distinct pupils. */
export function policy(pupils, seed = 7) {
  const r = rng(seed);
  const combos = [];
  for (const f of FIRST_NAMES) for (const s of SURNAMES) combos.push(`${f} ${s}`);
  if (pupils > combos.length) throw new Error(`at most ${combos.length} pupils`);
  // Fisher–Yates shuffle with the seeded PRNG, then the first `pupils` names.
  for (let i = combos.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [combos[i], combos[j]] = [combos[j], combos[i]];
  }
  const roster = combos.slice(0, pupils).map((name) => {
    const consent = { social: r() < 0.8, schoolapp: r() < 0.95 };
    if (r() < 0.7) consent.website = r() < 0.8;
    return { name, group: String(1 + Math.floor(r() * 8)), consent };
  });
  return { school: SCHOOL, roster, staff: ['Annemiek Dekker', 'Ronald Smit', 'Ilona Vos', 'Karim Haddou', 'Wendy Post'] };
}

export function writeInputs(dir, smoke) {
  mkdirSync(dir, { recursive: true });
  const set = smoke ? SMOKE : FULL;
  const manifest = {
    smoke,
    posts: [],
    policies: [],
    setup: { pupils: SETUP_PUPILS, file: `policy-${SETUP_PUPILS}.json` },
    timing: smoke
      ? { budget_ms: 20, min_iters: 3, max_iters: 50, warmup: 1 }
      : { budget_ms: 400, min_iters: 15, max_iters: 3000, warmup: 3 },
  };
  for (const chars of set.chars) {
    const file = `post-${chars}.json`;
    writeFileSync(join(dir, file), postJson(chars));
    manifest.posts.push({ chars, file });
  }
  for (const pupils of new Set([...set.pupils, SETUP_PUPILS])) {
    const file = `policy-${pupils}.json`;
    writeFileSync(join(dir, file), JSON.stringify(policy(pupils), null, 1));
    if (set.pupils.includes(pupils)) manifest.policies.push({ pupils, file });
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [dir, flag] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/inputs.mjs OUT_DIR [--smoke]');
    process.exit(2);
  }
  writeInputs(dir, flag === '--smoke');
}
