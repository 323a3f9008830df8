/**
 * A made-up corpus for store tests: short Markdown articles on a few invented events, told by invented
 * outlets on nearby days, built from a seed (the same articles on every run). No real names or data.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../random.js';

interface Event {
  title: string[];
  day: string;
  lines: string[];
}

const EVENTS: Event[] = [
  {
    title: ['Ferry crews strike over pay', 'Ferry strike strands passengers', 'Port Alder ferries halted by walkout'],
    day: '2023-05-0',
    lines: [
      'Ferry crews in Port Alder walked out on {weekday} over pay, stranding hundreds of passengers.',
      '"We have no choice but to stop work," union leader Mara Velt said.',
      'The operator, Alder Line, said it had offered a rise of three percent.',
      'Chief executive Tomas Brenn said the strike was "unnecessary and damaging".',
      'Passengers queued for hours at the harbour on {weekday} morning.',
      'Velt said the union would meet the operator again on Friday.',
    ],
  },
  {
    title: ['Bridge closed after cracks found', 'Kelmar bridge shut for repairs', 'Cracks close river crossing in Kelmar'],
    day: '2022-09-1',
    lines: [
      'Engineers closed the old river bridge in Kelmar on {weekday} after cracks were found in a pier.',
      'Mayor Ines Dalgaard said the bridge would stay shut "for as long as it takes".',
      'Drivers face a detour of twenty kilometres, the council said.',
      'Dalgaard said repairs could cost four million crowns.',
      'The bridge carries about nine thousand vehicles a day.',
    ],
  },
  {
    title: ['Wildfire forces evacuations near Sorrel Hills', 'Fire crews battle blaze in Sorrel Hills', 'Hundreds leave homes as fire spreads'],
    day: '2024-07-2',
    lines: [
      'A wildfire near Sorrel Hills forced about four hundred people from their homes on {weekday}.',
      'Fire chief Anja Kovar said strong winds were driving the flames east.',
      '"The next two days are critical," Kovar told reporters.',
      'Three villages were evacuated and a school was opened as a shelter.',
      'No injuries were reported, the regional government said.',
    ],
  },
  {
    title: ['Ruritania and Borduria resume trade talks', 'Trade talks restart after a year', 'Borduria hopes for tariff deal'],
    day: '2021-03-0',
    lines: [
      'Trade ministers of Ruritania and Borduria met in Strelsau on {weekday} for the first time in a year.',
      'Ruritanian trade minister Karel Novak said both sides wanted lower tariffs on grain.',
      'Borduria\'s delegation said it would not accept limits on steel exports.',
      '"We are closer than we have been," Novak said after the meeting.',
      'The talks will continue next month in Szohod.',
    ],
  },
];

const OUTLETS = ['The Harbour Gazette', 'Northshore Courier', 'Valley Evening Post', 'Coastline Daily', 'The Civic Ledger', 'Riverside Wire'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday'];

/** Write `n` made-up articles into `dir` (created), named in order; returns their paths. */
export function writeTestCorpus(dir: string, n: number, seed = 12): string[] {
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const event = EVENTS[i % EVENTS.length];
    const weekday = pick(WEEKDAYS);
    const lines = event.lines.filter((_, k) => k === 0 || random() < 0.75).map((l) => l.replaceAll('{weekday}', weekday));
    const body = lines.reduce<string[]>((paras, line, k) => (k % 2 === 0 ? [...paras, line] : [...paras.slice(0, -1), `${paras[paras.length - 1]} ${line}`]), []);
    const text = `---\ntitle: ${pick(event.title)}\noutlet: ${pick(OUTLETS)}\npublished: ${event.day}${1 + Math.floor(random() * 8)}\n---\n\n${body.join('\n\n')}\n`;
    const path = join(dir, `${String(i).padStart(3, '0')}.md`);
    writeFileSync(path, text);
    paths.push(path);
  }
  return paths;
}
