import { detectQuotes } from './lib/text/quotes';
for (const t of [
  'Intro.\n\nRudd said: “We will not stop. The dam must be rebuilt before the spring.\n\n“We will continue until the council listens,” she added.',
  'He said “this never closes\n\nNext paragraph “closed one” here.',
  'Intro.\n\n"We will not stop. The dam must be rebuilt," Rudd said.\n\n"Next one," she said.',
]) console.log(detectQuotes(t).map(q=>[q.quote,q.speaker]));
