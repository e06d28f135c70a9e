// Reads calendar invitations (.ics files) with Mozilla's ical.js and prints what a calendar
// would take from each event, one JSON object per line:
//   {"file", "method", "uid", "sequence", "start", "end", "startTzid", "endTzid", "summary",
//    "description", "location", "organizer", "attendees", "tzids", "longestLine"}
// start and end are UTC instants (ISO-8601). A file that cannot be read gives {"file", "error"}.
// Usage: node read-invitations.mjs <file.ics | directory>...
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';

function files(args) {
  const found = [];
  for (const arg of args) {
    if (statSync(arg).isDirectory()) {
      for (const name of readdirSync(arg).sort()) {
        if (name.endsWith('.ics')) found.push(join(arg, name));
      }
    } else {
      found.push(arg);
    }
  }
  return found;
}

// The instant of a DATE-TIME: UTC as written, or local time in a zone this file defines.
function instant(time, property, defined) {
  if (!time) throw new Error('no ' + property.name);
  if (time.isDate) throw new Error(property.name + ' is a date, not a date-time');
  const tzid = property.getParameter('tzid');
  if (tzid && !defined.has(tzid)) throw new Error(property.name + ' names TZID ' + tzid + ' that the file does not define');
  if (time.zone === ICAL.Timezone.localTimezone) throw new Error(property.name + ' is a floating time');
  return new Date(time.toUnixTime() * 1000).toISOString();
}

function longestLine(text) {
  let longest = 0;
  for (const line of text.split('\r\n')) {
    longest = Math.max(longest, Buffer.byteLength(line, 'utf8'));
  }
  return longest;
}

function read(file) {
  const text = readFileSync(file, 'utf8');
  // nothing may come from zones registered elsewhere: only what the file itself defines counts
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  const defined = new Set(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')));
  const events = calendar.getAllSubcomponents('vevent');
  if (events.length === 0) throw new Error('no VEVENT');
  return events.map((vevent) => {
    const event = new ICAL.Event(vevent);
    const dtstart = vevent.getFirstProperty('dtstart');
    const dtend = vevent.getFirstProperty('dtend');
    if (!dtend) throw new Error('no DTEND');
    return {
      file,
      method: calendar.getFirstPropertyValue('method'),
      uid: event.uid,
      sequence: event.sequence,
      start: instant(dtstart.getFirstValue(), dtstart, defined),
      end: instant(dtend.getFirstValue(), dtend, defined),
      startTzid: dtstart.getParameter('tzid') ?? null,
      endTzid: dtend.getParameter('tzid') ?? null,
      summary: event.summary ?? null,
      description: event.description ?? null,
      location: event.location ?? null,
      organizer: vevent.getFirstProperty('organizer')?.getParameter('cn') ?? null,
      attendees: vevent.getAllProperties('attendee').map((a) => ({
        name: a.getParameter('cn') ?? null,
        address: a.getFirstValue(),
      })),
      tzids: [...defined],
      longestLine: longestLine(text),
    };
  });
}

const out = [];
for (const file of files(process.argv.slice(2))) {
  try {
    for (const event of read(file)) out.push(JSON.stringify(event));
  } catch (e) {
    out.push(JSON.stringify({ file, error: String(e && e.message ? e.message : e) }));
  }
}
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
