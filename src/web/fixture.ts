/**
 * A small made-up corpus for the web app's tests and screenshots: two invented stories in three invented outlets,
 * and one hostile article whose title, outlet, URL and text carry script tags, event handlers, `javascript:`
 * links and `</style>`, which must reach every page as inert text. Built with the store's own `add`.
 */
import type { Store } from '../store/types.js';
import { addAsJob } from '../store/jobs.js';

const para = (...s: string[]) => s.join(' ');

export const FIXTURE_RECORDS = [
  {
    title: 'Dock workers strike at Quayside harbour',
    outlet: 'Harbour Gazette',
    published: '2024-03-04',
    url: 'https://gazette.example/strike',
    text: para(
      'Dock workers at the harbour of Quayside walked off the job on Monday, halting container traffic.',
      '"We will not unload a single ship until the port authority listens," said Mara Voss, the leader of the Quayside Dockers Union.',
      'The Quayside Port Authority said the strike was unlawful and called for talks.',
      'Ships queued outside the harbour as the stoppage entered its second day.',
    ),
  },
  {
    title: 'Quayside port authority calls harbour strike unlawful',
    outlet: 'Evening Ledger',
    published: '2024-03-05',
    url: 'https://ledger.example/port',
    text: para(
      'The Quayside Port Authority on Tuesday called the harbour strike unlawful and asked a court to end it.',
      '"This stoppage costs the region dearly every hour," said Tomas Brenner, the authority\'s director.',
      'Mara Voss of the Quayside Dockers Union said the workers would stay out until wages rose.',
      'Container ships waited at anchor outside Quayside harbour.',
    ),
  },
  {
    title: 'Harbour strike in Quayside enters third day',
    outlet: 'Coastal Courier',
    published: '2024-03-06',
    text: para(
      'The dock workers strike at Quayside harbour entered its third day on Wednesday.',
      'Mara Voss told reporters the Quayside Dockers Union had not received any offer.',
      '"We are ready to talk, but not to be threatened," Voss said.',
      'Tomas Brenner of the Quayside Port Authority said talks could begin on Thursday.',
    ),
  },
  {
    title: 'Talks to end Quayside harbour strike begin',
    outlet: 'Harbour Gazette',
    published: '2024-03-07',
    text: para(
      'Talks between the Quayside Dockers Union and the Quayside Port Authority began on Thursday to end the harbour strike.',
      'Tomas Brenner said the authority would offer a wage rise.',
      'Mara Voss said the dock workers would vote on any offer.',
    ),
  },
  {
    title: 'Riverton bridge closed after cracks found',
    outlet: 'Evening Ledger',
    published: '2024-05-10',
    text: para(
      'The old Riverton bridge over the Sella river was closed on Friday after engineers found cracks in two of its piers.',
      '"Nobody will cross until we know it is safe," said Ilse Marken, the mayor of Riverton.',
      'Drivers were sent on a detour of twenty kilometres.',
    ),
  },
  {
    title: 'Riverton mayor promises quick bridge repair',
    outlet: 'Coastal Courier',
    published: '2024-05-12',
    text: para(
      'Ilse Marken, the mayor of Riverton, promised on Sunday that the cracked Riverton bridge over the Sella river would be repaired within months.',
      'Engineers said the piers of the bridge had been weakened by floods.',
      '"We will fund the repair from the city budget," Marken said.',
    ),
  },
];

/** Markup and script in every field an article can fill: all of it must stay text. */
export const HOSTILE_RECORD = {
  title: 'Bridge inspectors <script>window.__pwned = "title"</script><img src=x onerror="window.__pwned=\'img\'">',
  outlet: 'Riverside <b onmouseover="window.__pwned=\'outlet\'">Post</b>',
  published: '2024-05-11',
  url: 'javascript:window.__pwned="url"',
  text: para(
    'The Riverton bridge inspectors said on Saturday the cracks in the piers were deep. </style><script>window.__pwned = "text"</script>',
    'Ilse Marken, the mayor of Riverton, said the Sella river bridge would stay closed. <a href="javascript:window.__pwned=\'link\'">details</a>',
    '<svg onload="window.__pwned=\'svg\'"></svg> "The repair will take months," Marken said <iframe src="javascript:window.__pwned=1"></iframe>.',
  ),
};

export const HOSTILE_MARKERS = ['<script>', 'onerror=', 'javascript:', '</style>', 'onload=', '<iframe'];

export function fixtureJsonl(hostile = true): string {
  return [...FIXTURE_RECORDS, ...(hostile ? [HOSTILE_RECORD] : [])].map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/** Fill a store with the made-up corpus (one JSONL file, added as a CLI add would: one job). */
export async function fillFixture(store: Store, hostile = true): Promise<void> {
  const { report } = await addAsJob(store, [{ path: 'fixture.jsonl', data: fixtureJsonl(hostile) }], {}, 'cli');
  if (report.failed) throw new Error(`fixture: ${report.events.filter((e) => e.outcome === 'failed').map((e) => e.reason).join('; ')}`);
}
