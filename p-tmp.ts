import { detectQuotes } from './lib/text/quotes';
for (const t of [
  'Intro.\n\n"We will not stop," Putin said, "until the bill is withdrawn."',
  'Intro.\n\n"We will not stop," said Kremlin spokesman Dmitry Peskov.',
  'Intro.\n\nPutin, speaking in Bishkek on Friday, said the losses were "absolutely unacceptable".',
  'Intro.\n\nMayor Alma Rudd said on Tuesday: "We will not stop." "Nor will we," added her deputy, Ivo Marchetti.',
  'Intro.\n\n"We will not stop," said a senior official.',
  'Intro.\n\n"We will not stop," said the Russian president.',
]) console.log(JSON.stringify(detectQuotes(t).map(q=>[q.quote,q.speaker])));
