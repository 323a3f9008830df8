/**
 * A fictional story in two articles for tests of actor linking and of its scorer, so no name of a sample or
 * development story is needed to test the rules.
 */
import { analyze } from '../pipeline.js';
import type { Actor, Briefing } from '../model.js';

export const FICTIONAL_A = `Norwegian Deputy Fisheries Minister Aleksei Varnholt said on Monday that Norway would not attend the talks.
"We have not been invited," Varnholt said. According to the minister, the talks will fail.
The Northern Harbour Council, a body of port owners, said it had no knowledge of the plan.
"We reject this," Ingrid Solberg-Tamm, a spokeswoman for the Northern Harbour Council, told reporters.
Oslo has rejected the plan, the NHC said. The meeting in Oslo was short.`;
export const FICTIONAL_B = `Fisheries Minister Aleksey Varnholt of Norway met the Danish envoy in Copenhagen.
Varnholt said the Danish government supported the plan. He added that talks would go on.`;

export async function fictionalStory(): Promise<Briefing> {
  return analyze([
    { path: 'a.txt', data: FICTIONAL_A },
    { path: 'b.txt', data: FICTIONAL_B },
  ]);
}

export const actorNamed = (actors: Actor[], re: RegExp): Actor | undefined => actors.find((a) => re.test(a.name));
