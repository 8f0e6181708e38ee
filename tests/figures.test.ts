/**
 * The figure reader on sentences written for these tests, one class of the
 * figures issue each. Every expected value is read off the sentence (the
 * interval by the table in docs/figures.md), never copied from the code.
 */
import { describe, expect, it } from 'vitest';
import { detectFigures, describeQuantity } from '../lib/text/figures';

/** Every figure of `text` as a reader would state it: its words, its interval and what it counts. */
function figuresOf(text: string) {
  return detectFigures(text).map((f) => {
    expect(text.slice(f.start, f.end)).toBe(f.text);
    return {
      text: f.text,
      low: f.low,
      high: f.high,
      lowOpen: f.lowOpen,
      highOpen: f.highOpen,
      quantity: f.quantity && describeQuantity(f.quantity),
    };
  });
}
const only = (text: string) => {
  const all = figuresOf(text);
  expect(all).toHaveLength(1);
  return all[0]!;
};

describe('what a figure counts', () => {
  it('is the noun the number modifies, not a measure word elsewhere in the sentence', () => {
    const [rebels, guards] = figuresOf(
      'The 3,200 rebels who overran the border post seized 45 guards and held them captive.',
    );
    expect(rebels!.text).toBe('3,200');
    expect(rebels!.quantity).not.toMatch(/hostage/);
    expect(guards).toMatchObject({ text: '45', quantity: 'guards hostages' });
  });

  it('reads a place that is home to people as a population, never as an evacuation', () => {
    const text =
      'The army ordered an evacuation of the valley on Sunday. The valley, home to more than 120,000 people, emptied slowly.';
    expect(figuresOf(text)).toEqual([
      { text: 'more than 120,000', low: 120_000, high: null, lowOpen: true, highOpen: false, quantity: 'population' },
    ]);
  });

  it('reads an order to leave across an aside between dashes', () => {
    expect(
      only('Authorities told more than 90,000 residents - roughly half the town - to leave before dawn.'),
    ).toMatchObject({ text: 'more than 90,000', quantity: 'people ordered to leave' });
  });

  it('reads the frames newsrooms use for the dead and the injured', () => {
    expect(figuresOf('Mourners marked the martyrdom of 310 citizens and the injury of 1,900 others.')).toMatchObject([
      { text: '310', quantity: 'people killed' },
      { text: '1,900', quantity: 'people injured' },
    ]);
    expect(only('In the village, 42 people lost their lives.')).toMatchObject({ quantity: 'people killed' });
    expect(only('By evening the death toll stood at 87.')).toMatchObject({ text: '87', quantity: 'people killed' });
  });

  it('keeps who and when apart: both sides is not one side, the first day is not the whole war', () => {
    const [all, soldiers] = figuresOf(
      'The fighting has killed more than 900 people on both sides, including more than 400 soldiers killed on the first day.',
    );
    expect(all).toMatchObject({ text: 'more than 900', quantity: 'both sides killed' });
    expect(soldiers).toMatchObject({ text: 'more than 400', quantity: 'soldiers killed on the first day' });
  });

  it('reads a part of a count as a part: "including five children"', () => {
    expect(figuresOf('The blast killed 12 - including five children.')).toMatchObject([
      { text: '12', low: 12, high: 12, quantity: 'people killed' },
      { text: 'five', low: 5, high: 5, quantity: 'children killed' },
    ]);
  });

  it('counts "1900 people" and "2000 people" as people, not years', () => {
    expect(figuresOf('Police said 1900 people were arrested and 2000 people were injured.')).toMatchObject([
      { text: '1900', quantity: 'people arrested' },
      { text: '2000', quantity: 'people injured' },
    ]);
  });
});

describe('when a one-off thing happened is not a scope of its own', () => {
  it('reads "during the night" as "overnight": the same evacuation, not a count of one night among others', () => {
    const during = only('Roughly 2,300 villagers were evacuated during the night, the fire brigade said.');
    const overnight = only('Some 2,300 villagers were evacuated overnight, according to the fire brigade.');
    expect(during.quantity).toBe(overnight.quantity);
    expect(during.quantity).not.toMatch(/night/);
  });

  it('still keeps a night of arrests apart from the running count', () => {
    const [night] = figuresOf('Police arrested 140 people on the night of the march.');
    const [night2] = figuresOf('Police said 140 people were arrested on the night, and 310 since Monday.');
    expect(night2!.quantity).toMatch(/on the night/);
    expect(night!.quantity).not.toMatch(/on the night/);
  });
});

describe('the interval a figure’s words allow (docs/figures.md)', () => {
  it('reads spelled-out and scaled numbers', () => {
    expect(only('Some two plus million people fled the region.')).toMatchObject({
      low: 2_000_000,
      high: null,
      lowOpen: true,
      quantity: 'people evacuated',
    });
    expect(only('Over two million were displaced.')).toMatchObject({ low: 2_000_000, high: null, lowOpen: true });
    expect(only('The agency said 1.1 million people had fled.')).toMatchObject({
      low: 1_050_000,
      high: 1_150_000,
      highOpen: true,
    });
  });

  it('gives each hedge its one meaning', () => {
    expect(only('More than 1.3 million people fled.')).toMatchObject({ low: 1_300_000, high: null, lowOpen: true });
    expect(only('Nearly 2,000 people were injured.')).toMatchObject({ low: 1800, high: 2000, highOpen: true });
    expect(only('About 90 people remain missing.')).toMatchObject({ low: 85, high: 95 });
    expect(only('As many as 200 people were killed.')).toMatchObject({ low: 0, high: 200, highOpen: false });
    expect(only('At least 4,210 people were killed.')).toMatchObject({ low: 4210, high: null, lowOpen: false });
  });

  it('reads ranges whole', () => {
    expect(only('Between 4,000 and 4,500 people died.')).toMatchObject({
      text: 'Between 4,000 and 4,500',
      low: 4000,
      high: 4500,
    });
    expect(only('Another 30-40 were killed in the north.')).toMatchObject({ text: '30-40', low: 30, high: 40 });
  });
});

describe('what is never a figure', () => {
  it('leaves out durations, deadlines, ages, dates, times and percentages', () => {
    const text =
      'Residents were given 24 hours to leave. The meeting lasted close to three hours. A 34-year-old nurse, ' +
      'Mira Lund, 29, arrived at 7 a.m. on 12 March, as in 2021, when turnout fell 4% within two days.';
    expect(figuresOf(text)).toEqual([]);
  });

  it('never reports dates, years, ordinals or times of day', () => {
    const text =
      'On October 7, 2023 and on 7 Mar 2023, in 1991 and in the 1967 borders, a 45-year-old man, aged 30, came 3rd at 16:15 on 2023-10-13.';
    expect(detectFigures(text)).toEqual([]);
  });
});

describe('who claims a figure', () => {
  it('is named by "according to" or a reporting verb', () => {
    expect(detectFigures('At least 31 people died, according to the regional health office.')[0]!.claimant).toBe(
      'regional health office',
    );
    expect(detectFigures('Police said 14 people were arrested.')[0]!.claimant).toBe('Police');
  });
});

describe('a count that stays or moves: "remain", "still", hospital', () => {
  it('reads "remain missing" as the missing, not as a count of its own', () => {
    expect(only('About 60 people remain missing after the landslide.')).toMatchObject({
      text: 'About 60',
      quantity: 'people missing',
    });
  });

  it('tells those taken to hospital from those still there', () => {
    expect(figuresOf('A total of 212 people were taken to hospital, and 40 remain in hospital.')).toMatchObject([
      { text: '212', quantity: 'people hospitalised' },
      { text: '40', quantity: 'people in hospital' },
    ]);
    expect(only('By noon 75 people had been admitted to hospital.')).toMatchObject({
      quantity: 'people hospitalised',
    });
  });
});

describe('a toll whose frame stands far from its number', () => {
  it('reads "the number of people killed … rose to"', () => {
    expect(
      only('The number of people killed when a hillside road gave way near the Tarn copper mine rose to 47.'),
    ).toMatchObject({ text: '47', quantity: 'people killed' });
  });

  it('reads a toll given in quotation marks', () => {
    expect(only('Nurses at the clinic said the real toll was "above 60".')).toMatchObject({
      text: 'above 60',
      low: 60,
      lowOpen: true,
      high: null,
      quantity: 'people killed',
    });
  });
});

describe('percentages that are figures, and those that are not', () => {
  it('reads turnout', () => {
    expect(only('Turnout, at 58.2%, was the lowest since the war.')).toMatchObject({
      text: '58.2%',
      low: 58.2,
      high: 58.2,
      quantity: 'turnout (%)',
    });
    // Turnout at an hour of the day is not the day's turnout.
    expect(only('By the commission’s count, turnout at 5 p.m. stood at 44%.')).toMatchObject({
      text: '44%',
      quantity: 'turnout (%) at 5 p.m.',
    });
    // A turnout in people is another quantity than a turnout in percent.
    expect(only('Turnout reached 1.2 million, the commission said.').quantity).not.toBe('turnout (%)');
  });

  it("reads a party's share of the vote, with the party as who", () => {
    expect(figuresOf('The Civic Union won 27.5% of the vote, against 19% for the Farmers Party.')).toMatchObject([
      { text: '27.5%', quantity: 'share of the vote for civic union' },
      { text: '19%', quantity: 'share of the vote for farmers' },
    ]);
    expect(only('The count gave the Farmers Party 211,000 votes.')).toMatchObject({ quantity: 'farmers votes' });
    expect(only('The Liberal Front of former mayor Anna Pohl had 12.4% when the count stopped.')).toMatchObject({
      quantity: 'share of the vote for liberal front',
    });
  });

  it('reads a share of a counted noun', () => {
    expect(only('Power was back at 71% of homes by evening.')).toMatchObject({
      text: '71%',
      quantity: 'share of homes',
    });
  });

  it('keeps changes, rates and chances out', () => {
    expect(
      figuresOf('Shares in the airline fell 6% after a 20% tariff was announced, with a 70% chance of rain.'),
    ).toEqual([]);
  });

  it('keeps a forecast apart from the count', () => {
    const [forecast, count] = figuresOf(
      'An exit poll gave the Civic Union 70 seats. The Civic Union won 64 seats, the commission said.',
    );
    expect(forecast).toMatchObject({ text: '70', quantity: 'civic union seats (projected)' });
    expect(count).toMatchObject({ text: '64', quantity: 'civic union seats' });
    // A plan is not a forecast.
    expect(only('Close to 600 jobs would go, the firm said.')).toMatchObject({ quantity: 'jobs cut' });
  });
});

describe('a number with no noun of its own', () => {
  it('counts what the count it is set against counts', () => {
    expect(figuresOf('The mill will shed 450 jobs rather than the 600 it had planned.')).toMatchObject([
      { text: '450', quantity: 'jobs cut' },
      { text: '600', quantity: 'jobs cut' },
    ]);
    expect(figuresOf('Nearly 700 homes were flooded - 684 by the council’s count - on Friday.')).toMatchObject([
      { text: 'Nearly 700', quantity: 'homes flooded' },
      { text: '684', quantity: 'homes flooded' },
    ]);
  });

  it('stays unread when nothing sets it against a count', () => {
    expect(figuresOf('The mill will shed 450 jobs. The 600 it had planned were never hired.')[1]).toMatchObject({
      text: '600',
      quantity: null,
    });
  });
});

describe('a state after "declared"', () => {
  it('keeps invalid ballots apart from the ballots a party won', () => {
    expect(
      figuresOf('The Civic Union took 1.4 million ballots, while 52,000 ballots were declared invalid.'),
    ).toMatchObject([
      { text: '1.4 million', quantity: 'civic union ballots' },
      { text: '52,000', quantity: 'ballots (invalid)' },
    ]);
  });
});

describe('whose seats', () => {
  it('reads the whole a count is part of apart from the part, and no forecast or party of its own', () => {
    expect(figuresOf('A projection gave the Civic Union 30 to 36 of the 90 seats in parliament.')).toMatchObject([
      { text: '30 to 36', quantity: 'civic union seats (projected)' },
      { text: '90', quantity: 'seats (in all)' },
    ]);
  });

  it('takes no owner from a place named after a preposition', () => {
    const seats = figuresOf('The Civic Union will be the largest party in the 90-seat Parliament with 41 seats.');
    expect(seats.at(-1)).toMatchObject({ text: '41' });
    expect(seats.at(-1)!.quantity).not.toMatch(/parliament/);
    expect(only('Voters gave a majority in the Senate with 33 seats.')).toMatchObject({ quantity: 'seats' });
  });
});

describe('sizes joined to the number', () => {
  it('reads the capacity of the thing the compound names', () => {
    expect(figuresOf('Fans filled the 45,000-seat arena while the 300-bed hospital braced.')).toMatchObject([
      { text: '45,000-seat', low: 45_000, high: 45_000, quantity: 'arena capacity' },
      { text: '300-bed', quantity: 'hospital capacity' },
    ]);
    expect(figuresOf('A 34-year-old man fell from a 12-storey block.')).toEqual([]);
  });
});

describe('money, with what it is for', () => {
  it('reads the currency and the thing the sum is for', () => {
    expect(figuresOf('The council set up a £4 million fund and pledged 90 million crowns in flood aid.')).toMatchObject(
      [
        { text: '£4 million', quantity: 'fund (£)' },
        { text: '90 million crowns', quantity: 'aid (crowns)' },
      ],
    );
    expect(only('Drivers will get about €1,500 per driver.')).toMatchObject({
      text: 'about €1,500',
      low: 1_425,
      high: 1_575,
      quantity: 'per driver (€)',
    });
  });

  it('reads a revised sum as the same sum, and leaves a sum for nothing named unread', () => {
    expect(figuresOf('The city raised its relief fund to $30 million, from $12 million.')).toMatchObject([
      { text: '$30 million', quantity: 'fund ($)' },
      { text: '$12 million', quantity: 'fund ($)' },
    ]);
    expect(figuresOf('The striker cost €80 million.')).toMatchObject([{ text: '€80 million', quantity: null }]);
  });
});

describe('measured amounts, with their unit', () => {
  it('reads "N unit of what"', () => {
    expect(figuresOf('Overnight 95 millimetres of rain fell, and crews cleared 3,000 tonnes of mud.')).toMatchObject([
      { text: '95 millimetres', low: 95, high: 95, quantity: 'rain (mm)' },
      { text: '3,000 tonnes', quantity: 'mud (tonnes)' },
    ]);
  });

  it('never reads a distance that says where as a figure', () => {
    expect(figuresOf('The quake struck 30 km north of the port at a depth of 10 kilometres.')).toEqual([]);
  });
});

describe('a workforce and the part kept on', () => {
  it('reads who works there, and whose workers they are', () => {
    expect(only('The closure hits a mill that employs about 1,100 people.')).toMatchObject({
      text: 'about 1,100',
      quantity: 'workforce',
    });
    expect(figuresOf("The factory's 950 staff and the supplier's 210 workers were told on Friday.")).toMatchObject([
      { text: '950', quantity: 'workforce' },
      { text: '210', quantity: 'supplier workforce' },
    ]);
  });

  it('reads those kept on as a count of their own', () => {
    expect(only('The remaining 140 staff will run the warehouse.')).toMatchObject({ quantity: 'workforce kept' });
    expect(only('Around 90 workers are to remain at the depot.')).toMatchObject({ quantity: 'workforce kept' });
  });
});

describe('shapes met on new text', () => {
  it('reads "dozens", "hundreds", "thousands" as at least two of the unit', () => {
    expect(only('Hundreds were injured when the roof gave way.')).toMatchObject({
      text: 'Hundreds',
      low: 200,
      high: null,
      quantity: 'people injured',
    });
    expect(only('The blaze forced hundreds of thousands of people to flee.')).toMatchObject({
      low: 200_000,
      high: null,
    });
  });

  it('reads those treated for injuries as injured, and those in shelters as a count of their own', () => {
    expect(only('Twelve people were treated for injuries at the scene.')).toMatchObject({ quantity: 'people injured' });
    expect(only('About 450 people remain in shelters.')).toMatchObject({ quantity: 'people in shelters' });
    expect(only('Nearly 80 fans are still in hospital.')).toMatchObject({ quantity: 'fans in hospital' });
  });

  it('reads the number of people told to leave', () => {
    expect(only('Officials put the number of people told to leave at 7,200.')).toMatchObject({
      text: '7,200',
      quantity: 'people ordered to leave',
    });
  });

  it('keeps suspected cases apart from confirmed ones, and ends a noun before its participle', () => {
    const [suspected, dropped] = figuresOf('Doctors logged 310 suspected cases, and 18 wagons derailed.');
    expect(suspected).toMatchObject({ text: '310', quantity: 'cases (suspected)' });
    expect(dropped).toMatchObject({ text: '18', quantity: 'wagons' });
  });

  it('reads a sum paid to each as a sum per each, in any currency', () => {
    expect(only('The firm will pay 400,000 shillings to each family.')).toMatchObject({
      quantity: 'per family (shillings)',
    });
  });

  it('never reads a distance from a place as an amount of it', () => {
    expect(figuresOf('Everyone within three kilometres of the plant was told to stay indoors.')).toEqual([]);
  });
});

describe('a part of the count before it: "of them", "of those"', () => {
  it('is told apart by who or by its state', () => {
    expect(figuresOf('The blast injured 40 people, six of them nurses.')).toMatchObject([
      { text: '40', quantity: 'people injured' },
      { text: 'six', quantity: 'nurses injured' },
    ]);
    expect(figuresOf('Clinics logged 520 suspected cases. Of those, 61 have been confirmed.')).toMatchObject([
      { text: '520', quantity: 'cases (suspected)' },
      { text: '61', quantity: 'cases (verified)' },
    ]);
  });

  it('is left unread when nothing tells it apart from the whole', () => {
    expect(figuresOf('The storm damaged 300 homes, 40 of them in Orvo.')[1]).toMatchObject({
      text: '40',
      quantity: null,
    });
  });
});

describe('a counted noun that is the subject of a verb of change', () => {
  it('reads "cases climbed to" and "claims passed" as the noun, and "passed" as more than', () => {
    expect(only('Reported cases of measles climbed to 430 by Friday.')).toMatchObject({
      text: '430',
      quantity: 'cases',
    });
    expect(only('Insurance claims have passed 2,000, the regulator said.')).toMatchObject({
      text: '2,000',
      low: 2_000,
      lowOpen: true,
      high: null,
      quantity: 'claims',
    });
  });

  it('does not take a noun for people or a verb of saying for one', () => {
    expect(only('Villagers said 40 were still missing.').quantity).toBe('people missing');
  });
});

describe('who lives in a place, and a sum paid to each', () => {
  it("reads a place's residents as its population, unless the sentence says what happened to them", () => {
    expect(only("Aid will reach half of the valley's 64,000 residents.")).toMatchObject({
      text: '64,000',
      quantity: 'population',
    });
    expect(only("The town's 9,000 residents were evacuated.")).toMatchObject({ quantity: 'people evacuated' });
  });

  it('reads "to each evacuated household" as per household', () => {
    expect(only('The insurer will pay £900 to each flooded household.')).toMatchObject({
      quantity: 'per household (£)',
    });
  });
});

describe('counts of things: their state, their day, their owner, their total', () => {
  it('reads the participle as the state of the things counted, and calling off as cancelled', () => {
    expect(figuresOf('Rail firms axed 75 trains; another 40 trains were scrapped on Friday.')).toMatchObject([
      { text: '75', quantity: 'trains (cancelled)' },
      { text: '40', quantity: 'trains (cancelled) on friday' },
    ]);
    expect(only('The port lists 300 scheduled sailings.')).toMatchObject({ quantity: 'sailings (scheduled)' });
  });

  it('reads a total over days apart from the count of one day', () => {
    expect(only('Ferries cancelled 58 sailings over three days.')).toMatchObject({ quantity: 'sailings in total' });
    expect(only('Across the network, 210 trains were cancelled in all.').quantity).toMatch(/in total/);
  });

  it('takes a name that opens the sentence as the owner, not a claimant or a plural', () => {
    expect(only('Velojet cancelled 61 flights.')).toMatchObject({ quantity: 'velojet flights' });
    expect(only('The operator, Harbour Lines Group, said 30 ferries were cancelled.').quantity).not.toMatch(/harbour/);
    expect(only('Reported cases of measles climbed to 430.').quantity).toBe('cases');
  });

  it('keeps people counts free of a participle the lexicon does not know', () => {
    expect(only('The 2,300 evacuees are housed in schools.')).toMatchObject({ quantity: 'people evacuated' });
    expect(only('Some 5,000 doses are expected on Friday.')).toMatchObject({ quantity: 'doses' });
  });
});

describe('what happened to people, in words the lexicon does not list', () => {
  it('reads the participle after them', () => {
    expect(only('About 12,000 commuters were affected by the closure.')).toMatchObject({
      quantity: 'commuters affected',
    });
    expect(only('Roughly 9,000 pilgrims stranded, the ministry said.').quantity).toMatch(/stranded/);
  });

  it('does not take a verb of control or of saying for it', () => {
    expect(only('Roughly 180,000 have been allowed to return.').quantity).toBeNull();
    expect(only('Some 300 people were said to be trapped.').quantity).not.toMatch(/said/);
  });
});

describe('participles that do not end in -ed, and what a place holds', () => {
  it('reads "tickets sold" and "had been sold" alike', () => {
    expect(only('The club said 31,000 tickets had been sold.')).toMatchObject({ quantity: 'tickets (sold)' });
    expect(only('The final went ahead with 31,000 tickets sold.')).toMatchObject({ quantity: 'tickets (sold)' });
  });

  it('reads "the arena, which holds N" as the capacity of the arena', () => {
    expect(only('The arena, which holds 18,000, was half empty.')).toMatchObject({
      text: '18,000',
      quantity: 'arena capacity',
    });
  });
});

describe('the size of a quake, those aboard, and counts joined by "and"', () => {
  it('reads a magnitude written before the number or joined to it', () => {
    expect(only('A magnitude 6.2 earthquake struck the coast.')).toMatchObject({
      low: 6.2,
      high: 6.2,
      quantity: 'magnitude',
    });
    expect(only('The 5.9-magnitude quake hit at dawn.')).toMatchObject({ quantity: 'magnitude' });
  });

  it('reads those a vessel was carrying as aboard, each with its own who', () => {
    expect(figuresOf('The ferry was carrying 212 passengers and 18 crew.')).toMatchObject([
      { text: '212', quantity: 'passengers aboard' },
      { text: '18', quantity: 'crew aboard' },
    ]);
  });

  it('gives a count joined by "and" the frame of the one before, with its own noun or participle', () => {
    expect(figuresOf('About 1,300 homes were destroyed and 4,000 damaged.')).toMatchObject([
      { text: 'About 1,300', quantity: 'homes destroyed' },
      { text: '4,000', quantity: 'homes damaged' },
    ]);
    expect(figuresOf('The shelling killed 12 soldiers and 30 civilians.')).toMatchObject([
      { quantity: 'soldiers killed' },
      { quantity: 'civilians killed' },
    ]);
    expect(figuresOf('In all 1,200 people were killed and 251 seized as hostages.')[1]).toMatchObject({
      quantity: 'people hostages',
    });
  });

  it('does not read a verb and its particle as what was done to people', () => {
    expect(only('The union said 9,000 members walked out.').quantity).not.toMatch(/walked/);
  });
});

describe('those left without a home', () => {
  it('reads "left homeless" and "left N people homeless"', () => {
    expect(only('At least 1,100 people were left homeless.')).toMatchObject({ quantity: 'people homeless' });
    expect(only('The storm left as many as 9,000 people homeless.')).toMatchObject({
      low: 0,
      high: 9_000,
      quantity: 'people homeless',
    });
  });
});

describe('those on board, and a part of a whole', () => {
  it('reads "on board" and "aboard"', () => {
    expect(only('The ferry had 450 people on board.')).toMatchObject({ quantity: 'people aboard' });
    expect(only('There were 320 people aboard the vessel.')).toMatchObject({ quantity: 'people aboard' });
  });

  it('gives the whole its own state, and not to the part', () => {
    expect(figuresOf('Only 310 of the 1,900 scheduled trains ran on Tuesday.')).toMatchObject([
      { text: '310', quantity: 'trains' },
      { text: '1,900', quantity: 'trains (in all)' },
    ]);
  });
});
