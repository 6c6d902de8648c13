import { describe, expect, it } from 'vitest';
import { Analysis } from '../../src/analysis/analysis.js';
import type { SignalData } from '../../src/analysis/analyze.js';
import { loadRuleData } from '../../src/fs/rule-data.js';
import { makeLinter } from '../helpers.js';

const linter = await makeLinter();
const data = loadRuleData<SignalData>('signals');
const PROSPECT = '---\nprospect:\n  first_name: Rosa\n  company: Calder Precision Castings\n---\n';
async function signals(body: string) {
  const [r] = await linter.lintText(`${PROSPECT}Hi Rosa,\n\n${body}\n`, 'x.md');
  return new Analysis(r!.draft, linter.services).signals(data).signals.map((s) => `${s.type}: ${s.anchors.map((a) => `${a.kind}=${a.text}`).join(', ')}`);
}

describe('signal detection', () => {
  it('finds a cue with an anchor about the prospect', async () => {
    expect(await signals('Congratulations on the $14M Series A that Fjord Ventures led on 4 November.')).toEqual([
      'funding: number=$14M, entity=Series A, entity=Fjord Ventures, number=4, date=November',
    ]);
  });

  it('knows the company by its distinctive first word', async () => {
    expect(await signals('A colleague mentioned that Calder is replacing Korvex with Meridian One in April.')).toEqual([
      'tech-stack: entity=Korvex, entity=Meridian One, date=April',
    ]);
  });

  it("does not count the sender's own claims or the length of the call", async () => {
    expect(await signals('We helped a client grow revenue 30% in Q2. Our team launched a new app in March.')).toEqual([]);
    expect(await signals('Could you spare 15 minutes to see the launch plan?')).toEqual([]);
  });

  it('does not count a cue after a hedge in the same clause', async () => {
    expect(await signals('We could help your revenue grow 40% by Q3.')).toEqual([]);
    expect(await signals('If you are evaluating claims tools in Q1, we should talk.')).toEqual([]);
  });

  it('does not count vague mentions with nothing concrete', async () => {
    expect(await signals('Congrats on the recent funding! Saw you are hiring and growing fast.')).toEqual([]);
  });

  it("takes the named topic of the prospect's own content, and quotations", async () => {
    expect(await signals('Your post on freight audits argued carriers overbill on accessorials.')).toEqual(['own-content: topic=post on freight audits']);
    expect(await signals('In your interview you said "our pickers walk nine miles a shift".')).toEqual([
      'own-content: quote="our pickers walk nine miles a shift"',
    ]);
  });

  it('counts a named fact stated right before the sentence that turns it to the prospect', async () => {
    expect(
      await signals('The European Accessibility Act applies to web shops from 28 June 2025. I ran your checkout through a keyboard test on Monday.'),
    ).toEqual(['regulation: entity=European Accessibility Act, number=28, date=June, date=2025']);
  });

  it('reads a P.S. after the sign-off as written to the prospect', async () => {
    const [r] = await linter.lintText(
      `${PROSPECT}Hi Rosa,\n\nWe make furnace sensors.\n\nBest,\nOwen\n\nP.S. Saw the foundry expansion in Muskegon announced on 12 May.\n`,
      'x.md',
    );
    expect(new Analysis(r!.draft, linter.services).signals(data).signals.map((s) => s.type)).toEqual(['expansion']);
  });
});

/** Signals of a bare pasted email: no profile, no front matter. */
async function bareSignals(text: string) {
  const [r] = await linter.lintText(text, 'pasted.txt');
  return new Analysis(r!.draft, linter.services).signals(data).signals.map((s) => `${s.type}: ${s.anchors.map((a) => `${a.kind}=${a.text}`).join(', ')}`);
}

describe('signal detection on pasted mail with no profile', () => {
  it('reads a word English does not know as a name, even uncapitalised', async () => {
    expect(await bareSignals('Hey Ben!\n\nI saw you had starred shadcn on GitHub and thought I would reach out.\n')).toEqual(['intent: entity=shadcn']);
    // An English word in the same place is no name.
    expect(await bareSignals('Hey Ben!\n\nI saw you had starred several projects on GitHub and thought I would reach out.\n')).toEqual([]);
  });

  it('takes what the prospect uses as the fact, and the name of their own thing as who they are', async () => {
    expect(await bareSignals('Hi Sean, I saw that you use Infracost and got your email from your repo.\n')).toEqual(['tech-stack: entity=Infracost']);
    expect(await bareSignals('Hi Sean,\n\nI regularly read your Word to the Wise blog and loved it.\n')).toEqual([]);
  });

  it('never counts the sender\'s product as the prospect\'s, even in a sentence that says "your"', async () => {
    expect(await bareSignals('Hi there,\n\nTokenBrake fixes exactly that: a hard stop at your number, for OpenAI and Gemini bills.\n')).toEqual([]);
  });

  it('does not take a word inside a hyphenated compound for a cue', async () => {
    expect(await bareSignals('Hi Dana,\n\nYou have a pre-launch waitlist of 2,000 people for Hetzner Cloud.\n')).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nYou have a launch waitlist of 2,000 people for Hetzner Cloud.\n')).toEqual([
      'launch: number=2,000, entity=Hetzner Cloud',
    ]);
  });

  it('does not read a prospect name into a longer word of another name', async () => {
    // "Tom" from the greeting is not "Rotten Tomatoes".
    expect(
      await bareSignals(
        'Subject: QA for Versant\n\nHi Tom,\n\nNoticed your team reading our docs. With Versant spinning out with properties like CNBC and Rotten Tomatoes, testing must be busy.\n',
      ),
    ).toEqual(['other: entity=CNBC and Rotten Tomatoes']);
  });

  it('takes the organisation an opening sentence reports on for the prospect, and wants a fact beyond its name', async () => {
    expect(await bareSignals('Hi Dana,\n\nSaw Harrow Logistics just leased the Tacoma depot, congrats on the expansion!\n')).toEqual([
      'expansion: entity=Tacoma',
    ]);
    expect(await bareSignals('Hi Dana,\n\nSaw Harrow Logistics is growing fast, congrats!\n')).toEqual([]);
  });

  it('reads what the prospect did with the sender\'s own product as intent, with or without "you"', async () => {
    expect(await bareSignals('Hi Tom,\n\nNoticed your team browsing Quillfeather this week.\n\nQuillfeather helps support teams answer faster.\n')).toEqual([
      'intent: entity=Quillfeather, date=this week',
    ]);
    // When they did it is the checkable part when the product goes unnamed.
    expect(await bareSignals('Hi Tom,\n\nI saw someone on your team starred our repo last week.\n')).toEqual(['intent: date=last week']);
    expect(await bareSignals('Dear Tom,\n\nI would like to thank you for starring graphql-js on GitHub.\n')).toEqual(['intent: entity=graphql']);
  });

  it('counts a link to a page of theirs, and a reason given after a hedge', async () => {
    expect(
      await bareSignals(
        'Hey Rachel!\n\nPeople will learn a lot from you, since you talk about things like https://rachsmith.example/2016/career-fomo on your blog.\n',
      ),
    ).toEqual(['own-content: link=https://rachsmith.example/2016/career-fomo']);
    // A booking page is the sender's, not theirs.
    expect(await bareSignals('Hey Rachel!\n\nYou talk about hiring a lot; grab a time at https://calendly.com/owen/intro-call.\n')).toEqual([]);
  });

  it('reads a market statistic and a kind of thing after "a" as no fact about the prospect', async () => {
    expect(await bareSignals('Hi Dana,\n\nAbout 2/3 of Americans own two devices, and your growth shows it.\n')).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nYour guidance as a Speaker will matter, and your growth too.\n')).toEqual([]);
  });

  it('counts a dated or quoting report whose subject is the prospect, with no cue word, unless it predicts', async () => {
    expect(await bareSignals('Hi Dana,\n\nYour Q3 call on 28 October put SMB churn at 4.1%, up from 3.2%.\n')).toEqual([
      'other: date=Q3, number=28, date=October, entity=SMB, number=4.1%, number=3.2%',
    ]);
    expect(await bareSignals('Hi Dana,\n\nOrvale spun out of Brightline Labs last month, which is a big step.\n')).toEqual(['other: entity=Brightline Labs']);
    expect(await bareSignals('Hi Dana,\n\nYour pricing page still says "contact us for a quote" on the Team plan.\n')).toEqual([
      'other: site-part=pricing page, quote="contact us for a quote"',
    ]);
    expect(await bareSignals('Hi Dana,\n\nYour support as a judge at Dental 2026 will play a crucial part.\n')).toEqual([]);
  });

  it('counts a part of their site in a stated state, and not their site as a whole or what it could be', async () => {
    expect(await bareSignals('Hi Dana,\n\nYour checkout page still loads over plain HTTP.\n')).toEqual(['other: site-part=checkout page']);
    expect(await bareSignals('Hi Dana,\n\nYour README says the Windows build is unsupported.\n')).toEqual(['own-content: site-part=README, entity=Windows']);
    expect(await bareSignals('Hi Dana,\n\nI noticed your website looks a little dated.\n')).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nYour contact form could be converting better.\n')).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nI checked your pricing page and think we can help you grow.\n')).toEqual([]);
  });

  it('reads the topic of their piece past who was with them or when it ran, unless it is an old piece', async () => {
    expect(await bareSignals('Hi Shane,\n\nloved your episode with morgan housel on wealth and wanting less.\n')).toEqual([
      'own-content: topic=episode with morgan housel',
    ]);
    expect(await bareSignals('Hi Dana,\n\nYour newsletter last Tuesday argued that SDRs should own renewals.\n')).toEqual(['own-content: date=last Tuesday']);
    expect(await bareSignals('Hi Dana,\n\nI found an older post of yours on backups and agree with it.\n')).toEqual([]);
    // One word before the verb is a subject any pitch can name.
    expect(await bareSignals('Hi Dana,\n\nYour LinkedIn post about leadership was inspiring.\n')).toEqual([]);
  });

  it('takes the words before their piece that say which piece it is, and a piece they are said to have written', async () => {
    expect(await bareSignals('Hi Dana,\n\nI read your latent hatred benchmark paper and am intrigued by it.\n')).toEqual(['own-content: topic=latent hatred']);
    // One word is its field; praise and time say nothing of which piece it is; a verb ends the phrase.
    expect(await bareSignals('Hi Dana,\n\nI read your great recent SEO articles and loved them.\n')).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nMost teams in your sector are using podcasts now.\n')).toEqual([]);
    expect(
      await bareSignals('Dear Laura,\n\nI became aware of the thesis you submitted for your degree, entitled "Encounters with dead white men".\n'),
    ).toEqual(['own-content: quote="Encounters with dead white men"']);
  });

  it('reads their work on a named subject, what they said they found, and a check the sender ran on their domain', async () => {
    expect(await bareSignals('Dear Professor Gupta,\n\nI have closely followed your work on Scaling Robot Learning.\n')).toEqual([
      'own-content: entity=Scaling Robot Learning',
    ]);
    expect(await bareSignals('Hi Andreas,\n\nYou highlighted three signals: vertical depth, full replacement and fast deployment.\n')).toEqual([
      'own-content: number=three',
    ]);
    expect(await bareSignals('Hello,\n\nI just checked the DMARC records for the 3box.io domain and there are none.\n')).toEqual(['other: entity=3box.io']);
    expect(await bareSignals('Hi Dana,\n\nI love your work and would like to chat.\n')).toEqual([]);
  });

  it("reads the sender's own piece, an address's words and a quoted title's words as no cue", async () => {
    expect(await bareSignals('Hi Matt: I just posted an article on my blog entitled "10 Jobs You Would Never Guess Pay Well".\n')).toEqual([]);
    expect(await bareSignals('Hi Matt,\n\nListen to the show here http://5by5.tv/changelog and tell me what you think.\n')).toEqual([]);
    // Who the sender is, before a preposition, did not do what follows it.
    expect(await bareSignals("I'm the webmaster of According to the results of a recent scan, we could not locate the link at your site.\n")).toEqual([]);
  });

  it('takes the name a salutation runs into the sentence for who they are, not a fact', async () => {
    expect(await bareSignals('Hi Andrew Found you on a search, will you be looking for a new role this year?\n')).toEqual([]);
  });

  it('counts a fault anyone can check in a link or page the sentence names', async () => {
    expect(
      await bareSignals(
        'Hello,\n\nLink text "single UI element" points to http://www.uie.com/articles/button/ which is not live anymore. You may want to replace it.\n',
      ),
    ).toEqual(['other: quote="single UI element", link=http://www.uie.com/articles/button/']);
  });

  it('counts the site the sender writes about when it is at fault, beside a hedged offer', async () => {
    expect(await bareSignals('I noticed the domain is down - I am looking to acquire the icon set if it is for sale.\n')).toEqual([
      'other: site-part=domain is down',
    ]);
    expect(await bareSignals('Hey, this project seems to have closed, and the domain is on a parking page, would you sell it?\n')).toEqual([
      'other: site-part=domain is on a parking page',
    ]);
    expect(await bareSignals('Hey,\n\nA domain like this could rank higher with our help.\n')).toEqual([]);
  });

  it('reads the link to their own place as who they are, a thing after "our" as the sender\'s, and their own profile page as no press', async () => {
    expect(await bareSignals('Hi Matt,\n\nI came across your YouTube channel (https://www.youtube.com/@mattpocockuk/videos) and was impressed.\n')).toEqual([]);
    expect(await bareSignals('Hi Matt,\n\nI saw your post, which fits our Zephyrix Studio editor well.\n')).toEqual([]);
    expect(await bareSignals('Hi Matt,\n\nYou have a very interesting profile and 63 repos is quite impressive.\n')).toEqual([]);
  });

  it("reads the name a sender introduces themselves or their group by as the sender's, up to the sentence's end", async () => {
    expect(await bareSignals('Hi Dana,\n\nI am Leslie Moran, and I came across your blog today.\n')).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nI organize PDXNode and saw your talk.\n')).toEqual([]);
  });

  it('counts a site of theirs said to be down', async () => {
    expect(await bareSignals('Hi Nick,\n\nSorry to write here, but your website http://vaughan.io seems to be down.\n')).toEqual([
      'other: site-part=website http://vaughan.io seems to be down',
    ]);
  });

  it('counts the sender\'s own use of their product, even when "we" opens the sentence', async () => {
    expect(await bareSignals('Hi Dana,\n\nI filed issue #412 on your SDK about the retry logic.\n')).toEqual(['first-hand: number=412, entity=SDK']);
    expect(await bareSignals("Hi Dana,\n\nWe've been using your API for two years now.\n")).toEqual(['first-hand: number=two']);
    expect(await bareSignals('Hi Dana,\n\nI use your app every day and love it.\n')).toEqual([]);
  });

  it('reads a fact in a second clause after a "we" courtesy, and a stated role as profile, not research', async () => {
    expect(await bareSignals("Hi Dana,\n\nWe love what you're building, and your post on usage-based billing made me rethink ours.\n")).toEqual([
      'own-content: topic=post on usage-based',
    ]);
    expect(await bareSignals("Hi Dana,\n\nI noticed you're the Head of Sales at Tessaro.\n")).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nCongrats on the new role as Head of Sales at Tessaro since March!\n')).toEqual(['leadership: date=March']);
  });

  it('counts their whole site only with a fault anyone can check', async () => {
    expect(await bareSignals('Hi Dana,\n\nYour site is still on http, which browsers mark as not secure.\n')).toEqual([
      'other: site-part=site is still on http',
    ]);
    expect(await bareSignals('Hi Dana,\n\nYour site looks like it was built a few years ago.\n')).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nI noticed your website is not mobile friendly.\n')).toEqual(['other: site-part=website is not mobile friendly']);
    // A market statistic beside it backs the fault; it does not make the sentence the sender's.
    expect(await bareSignals("Hi Dana,\n\nYour site isn't mobile-friendly — 60% of patients search on their phone.\n")).toEqual([
      "other: site-part=site isn't mobile-friendly, number=60%",
    ]);
    // A quotation the sender gives as an example is not their words.
    expect(await bareSignals('Hi Dana,\n\nYour site is not ranking for keywords like "best accounting software".\n')).toEqual([]);
  });

  it('reads "your" with words before the piece as their own content, and an anchor between them', async () => {
    expect(await bareSignals('Hi Dana,\n\nBig fan of your Rust async book, chapter 7 on pinning made it click.\n')).toEqual(['own-content: number=7']);
    expect(await bareSignals('Hi Dana,\n\nIn your March letter to shareholders you wrote that margins come first.\n')).toEqual(['own-content: date=March']);
    // A name there says what field the piece is in, not which piece; one to come is not theirs yet.
    expect(await bareSignals("Hey Kevin,\n\nLove your HA tutorials, they've helped me a ton.\n")).toEqual([]);
    expect(await bareSignals('Hey,\n\nI would like a mention in one of your upcoming blog posts about Lisbon.\n')).toEqual([]);
    expect(await bareSignals('Hello!\n\nPlease take the most note that our system did not conflict with others.\n')).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nSaw the thread you started on r/devops about flaky CI runners.\n')).toEqual([
      'own-content: topic=thread you started on r/devops',
    ]);
  });

  it('reads their role, their tenure and where they work as profile, and an assumption as no fact', async () => {
    expect(await bareSignals("Hi Dana,\n\nI noticed you've been in your role for 3 years.\n")).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nCongratulations on your continued success at Tessaro!\n')).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nTessaro must be busy with Q4 planning.\n')).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nIn your talk at SaaStr you said the hardest hire is the first sales manager.\n')).toEqual([
      'own-content: entity=SaaStr',
    ]);
  });

  it('reads a report as current when it says "still" or dates itself, and a later hedge leaves it standing', async () => {
    expect(await bareSignals("Hi Dana,\n\nYour README's install section still references Python 2.7.\n")).toEqual([
      'own-content: site-part=install section, number=2.7',
    ]);
    expect(await bareSignals('Hi Dana,\n\nYour last commit was 8 months ago, so I wondered if the project is still maintained.\n')).toEqual([
      'other: date=8 months ago',
    ]);
    expect(await bareSignals('Hi Dana,\n\nYour support as a judge at Dental 2026 will play a crucial part.\n')).toEqual([]);
  });

  it('reads an opening report with no "you" as about the prospect, and its first name as who they are', async () => {
    expect(await bareSignals('Hi Dana,\n\nI noticed issue #88 has been open since March.\n')).toEqual(['other: number=88, date=March']);
    expect(
      await bareSignals('Subject: Quick question, Michelle\n\nHi Michelle,\n\nNoticed some folks at Epic Games have been exploring test automation lately.\n'),
    ).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nI see a huge opportunity for Tessaro to grow with AI.\n')).toEqual([]);
  });

  it('reads what their thing does as the fact, and an event the sender did as no cue', async () => {
    expect(await bareSignals('Hi Dana,\n\nNoticed your portfolio includes Figma and Notion.\n')).toEqual(['other: entity=Figma and Notion']);
    expect(await bareSignals('Hi Dana,\n\nYour Fund IV closed at $521M, oversubscribed.\n')).toEqual(['funding: number=$521M']);
    expect(await bareSignals('Hi Dana,\n\nI came across your GitHub work and wanted to share something we just open-sourced.\n')).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nRead your interview about patience being a virtue for growth.\n')).toEqual([
      'own-content: topic=interview about patience being a virtue',
    ]);
  });

  it('reads a headcount as profile, and a page of theirs named by what it holds as a part of their site', async () => {
    expect(await bareSignals('Hi Ben,\n\nI saw that Tessaro is a leader in the logistics industry with over 500 employees.\n')).toEqual([]);
    expect(await bareSignals('Hi Ben,\n\nI saw that Tessaro grew to 500 employees this year.\n')).toEqual(['metric: number=500']);
    expect(await bareSignals("Hi Omar,\n\nI noticed you've been at Tessaro for over 5 years now, congrats on the milestone!\n")).toEqual([]);
    expect(await bareSignals('Hi Ann,\n\nNoticed your Services page still has the template text in it.\n')).toEqual(['other: site-part=Services page']);
    // What their reviews say is the fact; the platform they are on is not.
    expect(await bareSignals('Hi Ann,\n\nNoticed your Glassdoor reviews mention long onboarding for new reps.\n')).toEqual([
      'review: topic=reviews mention long onboarding',
    ]);
    expect(await bareSignals('Hi Ann,\n\nYour reviews on G2 are great.\n')).toEqual([]);
    expect(await bareSignals('Hi Ann,\n\nSaw you have a full RFP response to write.\n')).toEqual([]);
  });

  it('reads a name after a preposition as no subject, a path as a name, and "I read in … that" as a report', async () => {
    expect(await bareSignals('Hi Ola,\n\nYour keynote at DevOpsDays Oslo made a great point about alert fatigue.\n')).toEqual([
      'own-content: entity=DevOpsDays Oslo',
    ]);
    expect(await bareSignals('Hi Pat,\n\nMy team uses your API every day, and we noticed the /v2/orders endpoint started failing since Monday.\n')).toEqual([
      'tech-stack: entity=/v2/orders, date=since Monday',
    ]);
    expect(await bareSignals('Dear Mr. Obi,\n\nI read in the Lagos Business Daily that Tessaro opened its third warehouse in Ikeja this month.\n')).toEqual([
      'expansion: entity=Lagos Business Daily, entity=Ikeja',
    ]);
  });

  it('reads a thank-you for something they did like a congratulation, and a broken page seen on their site as a fact', async () => {
    expect(await bareSignals('Hey Finn,\n\nThanks for the detailed answer on Stack Overflow about Postgres advisory locks, it saved my week.\n')).toEqual([
      'tech-stack: entity=Stack Overflow, entity=Postgres',
    ]);
    expect(await bareSignals('Hey Finn,\n\nThanks for maintaining fastjsonx, it powers our whole ingestion pipeline.\n')).toEqual(['other: entity=fastjsonx']);
    expect(await bareSignals('Hey Finn,\n\nThanks for your time and have a great week.\n')).toEqual([]);
    expect(await bareSignals('Hi Ida,\n\nI was on your store yesterday and the size guide link on every product page goes to a 404.\n')).toEqual([
      'other: number=404',
    ]);
  });

  it('reads where they are, where they studied and when they were founded as profile', async () => {
    expect(await bareSignals("Hi Dana,\n\nI saw you're based in Denver and work in SaaS.\n")).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nI noticed you went to Stanford, go Cardinal!\n')).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nI noticed Tessaro has been around since 2012.\n')).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nI saw you opened your new Denver office in March.\n')).toEqual(['expansion: entity=Denver, date=March']);
  });

  it('reads a domain as a named thing unless it is their own address, and any plural "like you" as a pitch', async () => {
    expect(await bareSignals('Hi Jo,\n\nI noticed your resources page links to snppx.com and tessaro.io.\n')).toEqual([
      'other: site-part=resources page, entity=snppx.com, entity=tessaro.io',
    ]);
    expect(await bareSignals('Hi Jo,\n\nI came across your blog ctblueblog.com while reading about care homes.\n')).toEqual([]);
    // Outside a report of what the sender saw, a domain is the sender's own call to action.
    expect(await bareSignals('Hi Jo,\n\nReserve your seat for the finance panel: numeriq.com/panel\n')).toEqual([]);
    expect(await bareSignals('Hi Jo,\n\nI visited your website tessaro.com and noticed a few areas that could be improved.\n')).toEqual([]);
    expect(await bareSignals('Hi Jo,\n\nAs a Career Alignment Coach, I help developers and professionals like you find growth roles.\n')).toEqual([]);
  });

  it('reads "this project" as theirs, and a subject\'s name after "on" or "with" as somewhere else', async () => {
    expect(
      await bareSignals(
        'Subject: Maintenance support available on Tidelift\n\nI learned that this project is funded on Tidelift, which means it is popular.\n',
      ),
    ).toEqual(['funding: entity=Tidelift']);
    expect(await bareSignals('Subject: Appear on Django Chat?\n\nHi Ann,\n\nWe would love to have you on Django Chat.\n')).toEqual([]);
    // Who the mail comes from is the sender's side; "already" makes a report of theirs current.
    expect(
      await bareSignals(
        'Subject: Big news tomorrow from Solo Cup Co.\n\nHi Russell,\n\nIn advance of Earth Day, Solo Cup Company is set to make an announcement in Times Square.\n',
      ),
    ).toEqual([]);
    expect(
      await bareSignals('Subject: Could LocalHarness use MemCode?\n\nHi,\n\nLocalHarness already makes agent behaviour explicit through YAML-defined tools.\n'),
    ).toEqual(['other: entity=YAML']);
  });

  it('reads a capitalised word between "the" and a piece as its title, not as the cue it spells', async () => {
    expect(await bareSignals('Hi Ann,\n\nHeard you on the Acquired podcast talking about pricing.\n')).toEqual(['own-content: entity=Acquired']);
    expect(await bareSignals('Hi Ann,\n\nWe acquired the podcast last year.\n')).toEqual([]);
    // An ampersand joins one name: Fast & Clean is who they are, Tempe is the fact.
    expect(await bareSignals('Hi Ann,\n\nSaw that Fast & Clean just opened a second location in Tempe.\n')).toEqual(['expansion: entity=Tempe']);
  });

  it('reads a named round as its own anchor, and a funding cue with nothing named as none', async () => {
    expect(await bareSignals('Hi Ann,\n\nCongrats on closing your Series A!\n')).toEqual(['funding: entity=Series A']);
    expect(await bareSignals('Hi Ann,\n\nSaw the Series B news this morning, congrats.\n')).toEqual(['funding: entity=Series B']);
    expect(await bareSignals('Hi Ann,\n\nCongrats on the funding!\n')).toEqual([]);
  });

  it('knows the sender by the addresses in the signature, a title "at" their company, and their product told of', async () => {
    expect(
      await bareSignals(
        "Hello Guillermo,\n\nI'm thrilled to tell you that AutoMQ has cut cloud costs for Grab.com by 40%.\n\nBest regards,\nXiaorui\ngithub.com/automq/automq\n",
      ),
    ).toEqual([]);
    expect(await bareSignals('Hey team,\n\nI am Kai, Developer Advocate at Elestio. Elestio has been deploying Centrifugo since March.\n')).toEqual([]);
    // A link after "my" is the sender's own; the possessive of the sender's name is the sender.
    expect(await bareSignals('Hi,\n\nYou can find my resume at https://cv.example.me/resume-2019 if you are hiring.\n')).toEqual([]);
    expect(await bareSignals('Dear Rob,\n\nI am the program coordinator of BIT\u2019s 4th World Congress of InfoTech 2015.\n')).toEqual([]);
  });

  it('counts a share of their own things someone counted, and their analysis as their own content', async () => {
    expect(await bareSignals('Hi Amaresh,\n\nOn top of that, 11 of your 12 images have no text description attached.\n')).toEqual([
      'other: number=11 of your 12',
    ]);
    expect(await bareSignals('Hi Amaresh,\n\n80% of your customers probably want faster support.\n')).toEqual([]);
    expect(await bareSignals('Hi there,\n\nYour analysis of 3,237 verified buyer transactions was a useful read.\n')).toEqual(['own-content: number=3,237']);
  });

  it('counts what the prospect is congratulated on when it is named or numbered', async () => {
    expect(await bareSignals('Hi Dana,\n\nCongrats on making the Inc. 5000 this year!\n')).toEqual(['other: number=5000']);
    expect(await bareSignals('Hi Dana,\n\nCongrats on all the growth this year!\n')).toEqual([]);
  });

  it('reads capitalised words inside a sentence as a name, and not the observation that opens it', async () => {
    expect(await bareSignals('Hi Dana,\n\nSaw Orvale is hiring for Data Platform roles.\n')).toEqual(['hiring: entity=Data Platform']);
  });

  it("does not read a request for a star, or the sender's own repository, as the prospect's activity", async () => {
    expect(
      await bareSignals(
        'Hi Ben,\n\nPeon is an open-source deploy tool we just launched. If you have a minute, starring or forking https://github.com/Peon-sh/Peon would mean a lot.\n',
      ),
    ).toEqual([]);
  });

  it('reads "US" as the country, not the sender', async () => {
    expect(
      await bareSignals(
        'Dear Dr. Kruger,\n\nThe BioPharma Dispatch article of 12 November reported that Aurelis moved its Phase 2 readout, citing slow enrollment at US sites.\n',
      ),
    ).toEqual(['press: entity=BioPharma Dispatch, number=12, date=November, entity=Phase, number=2']);
  });

  it('takes what a sentence puts long ago for history, and "no longer" for a current fact', async () => {
    expect(
      await bareSignals('Hi Sam,\n\nI noticed a broken link on your resources page. That site was first published way back in 2001 on Geocities.\n'),
    ).toEqual([]);
    expect(
      await bareSignals(
        "Hi Sam,\n\nI tried to visit Harbourline Dental's website and the domain harbourlinedental.example no longer resolves since 3 November.\n",
      ),
    ).toEqual(['other: number=3, date=November']);
  });

  it('reads the named topic of their talk as their own content, with no cue word', async () => {
    expect(await bareSignals('Hi Arjun,\n\nYour TEDx talk on vulnerability-based team building hit home.\n')).toEqual([
      'own-content: topic=talk on vulnerability-based',
    ]);
  });

  it('reads the repository they starred as a fact, not as who they are', async () => {
    expect(await bareSignals('Hey there, I saw that you gave a star to the Atlantis repository on Github.\n')).toEqual(['intent: entity=Atlantis']);
  });

  it('does not lend the prospect to a link beside a "you" sentence, nor read the sender\'s own story as a report', async () => {
    expect(await bareSignals('Hi Dana,\n\nI bet you have heard of the show. Listen to it here: https://podcast.example/episodes/latest-show\n')).toEqual([]);
    expect(
      await bareSignals('Hi Dana,\n\nSounds like your audience knows this. I was a growth lead at Shopify and Faire for 8 years until I found a better way.\n'),
    ).toEqual([]);
  });

  it('does not read a capital inside a hyphenated word as a name', async () => {
    expect(await bareSignals('Hi Dana,\n\nYou get a plain-English report every month.\n')).toEqual([]);
  });

  it('reads what a thing is for as no report of anyone doing it', async () => {
    // "for browsing" says what the app does; "thank you for starring" thanks them for a deed.
    expect(await signals('Quick pitch for Calder: Lumenfold is a 3 MB app for browsing Parquet files on a Mac.')).toEqual([]);
    expect(await signals('Thank you for starring Lumenfold on GitHub last week.')).toEqual(['intent: entity=Lumenfold, date=last week']);
  });

  it("reads the sender's offer as the sender's, however it speaks of the prospect", async () => {
    expect(await signals("Happy to run a sample audit of your team's Kestrel agent logs.")).toEqual([]);
  });

  it('does not count a number joined to a word as a count of theirs', async () => {
    // "1-page" and "100-step" describe a kind of thing; the sentence has no other anchor.
    expect(await signals('Your team faces runaway 100-step loops, and a 1-page review shows where.')).toEqual([]);
  });

  it('carries an observation to the next sentence only when that one states what was seen', async () => {
    expect(await signals('I found a bug on your website. Its Apache Tomcat flaw could let an attacker in.')).toEqual([]);
    expect(await signals('I found a bug on your website. The Apache Tomcat version it runs is 7.0.2 from 2011.')).not.toEqual([]);
  });

  it("reads a first sentence that tells of an event, with a sum or a name and no word of the sender's, as the reader's news", async () => {
    expect(await bareSignals('Hi Dana,\n\nExpanding to that new $78.3M Tennessee plant must be putting pressure on ingredient checks.\n')).toEqual([
      'expansion: number=$78.3M, entity=Tennessee',
    ]);
    // Later in the email, or with the sender in it, it is no news of theirs.
    expect(await bareSignals('Hi Dana,\n\nQuick note.\n\nExpanding to a new $78.3M Tennessee plant puts pressure on ingredient checks.\n')).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nWe just opened a new $78.3M Tennessee plant for ingredient checks.\n')).toEqual([]);
  });

  it('counts a fault anyone can check, stated right after the sender says they looked at the site of theirs', async () => {
    expect(await bareSignals("Hi Dana,\n\nI had a quick look at your store. One thing stood out: there's no meta description set.\n")).toEqual([
      'other: site-part=no meta description',
    ]);
    // Not when it is what could be, nor after a look at something else.
    expect(await bareSignals('Hi Dana,\n\nI had a quick look at your store. Sites with no meta description could lose clicks.\n')).toEqual([]);
    expect(await bareSignals("Hi Dana,\n\nMany stores are slow. One thing stands out: there's no meta description set.\n")).toEqual([]);
  });

  it('reads what the reader is asked to do as a request, not a fact', async () => {
    expect(
      await bareSignals(
        'Hi Dana,\n\nYour firm is on our shortlist this year. To download the press release please visit the page and enter reference PPFAC7.\n',
      ),
    ).toEqual([]);
  });

  it("reads an announcement as the sender's news", async () => {
    expect(await bareSignals('Hi Dana,\n\nThe Orla Library is pleased to announce the opening of Exploring Human Origins on 4 May.\n')).toEqual([]);
  });

  it('reads a name after "of" in the subject as its topic, not the organisation written to', async () => {
    expect(
      await bareSignals(
        "Subject: Formal verification of Erdős digits conjecture\n\nDear Dr. Bloom,\n\nI'm writing to report a verified proof of a conjecture attributed to Erdős: for all n > 8, 2^n has a digit 2 in base 3.\n",
      ),
    ).toEqual([]);
  });

  it('reads "I have been following…" as the sender reporting what they saw', async () => {
    expect(await bareSignals("Hi Dana,\n\nI've been closely following the $10.7B deal to take Orla Power private.\n")).toEqual(['other: number=$10.7B']);
  });

  it('reads a range of weekdays as their hours, and a day asked for as no fact', async () => {
    expect(await bareSignals('Hi Jenny,\n\nSaw Cru is open Tuesday through Friday. Who takes the calls on a Monday?\n')).toEqual([
      'other: date=Tuesday through Friday',
    ]);
    expect(await bareSignals('Hi Jenny,\n\nCould we talk on Tuesday or Friday?\n')).toEqual([]);
  });

  it('reads what the sender did not see as no report', async () => {
    expect(await bareSignals("Hi Dana,\n\nEdit 2: didn't see that your site was already up, the offer stands in case you pay for a VPS.\n")).toEqual([]);
    expect(await bareSignals('Hi Dana,\n\nI saw that there were 2 sites up.\n')).toEqual(['other: number=2']);
  });
});
