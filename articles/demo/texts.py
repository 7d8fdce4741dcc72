"""The invented copy the demo articles are assembled from, kept as plain text blocks."""

SEED = 2025
REFERENCE_SLUG = "eu-leaders-agree-joint-energy-purchasing-plan"
STAFF_WRITER = "staff-writer"

# name | slug | description; the order is the navigation order.
SECTIONS = """
Politics | politics | Government, parliament and the parties: who decides, and how.
World | world | News from capitals and cities around the globe.
Business | business | Companies, markets, jobs and the economy.
Technology | technology | The chips, networks and software that run daily life.
Science | science | Discoveries, research and the people behind them.
Sports | sports | Results, rivalries and the stories off the field.
Culture | culture | Books, film, music, art and the stage.
Opinion | opinion | Columns and argument from our writers and guests.
"""

# name | role | sections written for | bio. Authors without sections carry no
# byline on generated stories: they are editors, agencies and guests, credited on the
# stories written out in full below.
AUTHORS = """
Staff writer | Newsroom desk | | Reporting by the newsroom's staff.
Kyodo | News agency | | Japan's national news agency, based in Tokyo.
Reuters | News agency | | The international news agency.
Camille Dumont | Former trade negotiator | | Writes now and then on trade and energy.
Hana Kuroda | Political reporter | politics opinion | Covers parliament and the cabinet.
Martin Veldkamp | Brussels correspondent | politics world | Reports on the European Union.
Sofia Marchetti | Diplomatic correspondent | world politics | Follows summits and treaties.
Daniel Okoro | Business editor | business opinion | Runs the business desk.
Yuki Hasegawa | Markets reporter | business technology | Watches stocks, bonds and the yen.
Lena Brandt | Technology reporter | technology business science | Writes about chips and code.
Arjun Mehra | Science correspondent | science technology | Covers space, climate and medicine.
Tom Calloway | Sports writer | sports | Has covered football and baseball for fifteen seasons.
Naomi Achterberg | Sports and culture reporter | sports culture | Writes on athletes and artists.
Rie Sakamoto | Culture critic | culture opinion | Reviews books, film and theatre.
Isabel Ferreira | Opinion editor | opinion culture | Edits the opinion pages.
Emi Tanabe | Night editor | | Puts the paper to bed and the website to work.
"""

# Authors that are not people: a desk signs for the staff, an agency is a source.
AUTHOR_KINDS = {STAFF_WRITER: "desk", "kyodo": "agency", "reuters": "agency"}

# Names are mixed at random into invented people.
FIRST_NAMES = """Aiko Bram Camille Dara Emeka Freya Goran Hiroshi Ines Jonas Keiko Lukas Mira
Nadia Oskar Priya Rafael Sanna Tomas Yui Amara Henrik Leila Marco Shun Ayaka"""
LAST_NAMES = """Albrecht Bakker Castell Dumont Eriksen Fujimura Halloran Ishida Jovanic Kessler
Lindqvist Moreau Nakagawa Okafor Petrescu Quist Rosenthal Sorensen Takeda Valdez Whitcombe
Yamane Zielinski Hoshiba Arakawa"""
PHOTOGRAPHERS = ["Kaito Inoue", "Marta Lindholm", "Owen Achebe", "Sayuri Koda", "Noor Haddad"]

# Fillers for {slots} in headlines and leads.
SLOTS = {
    "company": ["Hoshino Industries", "Tsubame Electric", "Aozora Holdings", "Kiriya Works"],
    "carmaker": ["Kitamura Motors", "Seiran Automotive", "Daichi Motor"],
    "retailer": ["Lantern Mart", "Komorebi Stores", "Hibiki Mart"],
    "startup": ["Quillstone", "Arclight Silicon", "Tessera Labs"],
    "party": ["Democratic Renewal Party", "Citizens' Union", "Progressive Alliance"],
    "team": ["Tokyo Herons", "Osaka Comets", "Kobe Harbour", "Sendai Larks"],
    "rival": ["Hiroshima Kites", "Chiba Tide", "Sapporo Foxes", "Kyoto Lanterns"],
    "ballclub": ["Kanto Falcons", "Seto Mariners", "Hokuriku Thunder"],
}

# A tag for each story whose headline or lead matches the pattern at a word start.
TAG_WORDS = {
    "energy": "Energy",
    "pension": "Pensions",
    r"poll\b": "Opinion polls",
    "election": "Elections",
    "donation": "Political funding",
    "budget": "Budget",
    "wage": "Wages",
    "interest rate": "Interest rates",
    r"yen\b": "Yen",
    "climate": "Climate",
    r"ai\b": "Artificial intelligence",
    "chip": "Semiconductors",
    "flood": "Disasters",
    "earthquake|volcano": "Disasters",
    r"rail\b|bus(es)?\b": "Transport",
    "festival": "Festivals",
    "film": "Film",
    "novel": "Books",
    "space|lunar|astronom": "Space",
    "coral|deep-sea": "Oceans",
    "battery": "Electric vehicles",
    "header|relegation": "Football",
    "pitcher": "Baseball",
    "rugby": "Rugby",
    "marathon": "Athletics",
    "swimmer": "Swimming",
}

SUBHEADS = ["What happens next", "Mixed reactions", "A long road", "The numbers", "Why now"]

# Quotes that fit almost any story, for those who welcome it and for those who doubt
# it. No closing punctuation: the attribution adds it.
SHARED_QUOTES = """
We have been waiting for this for a long time, and the details will matter
It has been a long time coming, and people here feel that
I have not seen this much interest in years
"""
DOUBTS = """
Nobody should pretend this is the end of the story
It is a good moment, but one good moment does not make a trend
I would like to see the details before I celebrate
There is a lot of excitement, and excitement is not the same as a plan
Ask me again in a year
"""

# One block per section. [stories]: "DATELINE | Headline" ("-" for none), an optional
# "> subheadline", then the lead, stories apart by a blank line. [context] and
# [closers]: paragraphs apart by a blank line. Other parts: one item a line.
SECTION_COPY = {
    "politics": """
[stories]
TOKYO | Cabinet approves ¥2.4 trillion package to ease household energy bills
> Subsidies for households and small firms run until the end of March
The cabinet on {weekday} approved a package of subsidies for households and small firms,
betting that targeted help will cool bills without feeding inflation.

TOKYO | Ruling coalition agrees on pension reform; vote expected before session ends
Leaders of the ruling coalition settled a months-long dispute over pension contributions on
{weekday}, clearing the way for a vote in the lower house.

OSAKA | Governors press central government for more say over disaster funds
Governors from 11 prefectures demanded a larger share of reconstruction money on {weekday},
arguing that local offices know best where it is needed.

TOKYO | Cabinet approval slips to 31% in poll as voters fret over prices
Support for the cabinet fell for a third month running, a survey published on {weekday}
found, with voters citing rising prices and stagnant wages.

TOKYO | Prime minister names new finance minister in limited reshuffle
> Three ministers replaced before autumn budget talks
The prime minister replaced three ministers on {weekday}, including the finance minister, in a
reshuffle meant to steady the government before budget talks.

SAPPORO | {party} picks former mayor as leader ahead of election
The opposition {party} chose a former mayor as its new leader on {weekday}, hoping a fresh
face from outside the capital can revive its fortunes.

TOKYO | Upper house passes bill tightening rules on political donations
Lawmakers passed legislation on {weekday} requiring parties to disclose donations above
¥50,000, a response to a funding scandal that has dogged the government for a year.

FUKUOKA | Rural towns test four-day week for municipal staff; unions cautiously back it
Three towns in Kyushu began a trial of a four-day working week for municipal employees on
{weekday}, hoping to draw younger workers into public service.
[roles]
a senior lawmaker in the ruling coalition
an opposition lawmaker
a professor of political science at Hoshigaoka University
a spokesperson for the prime minister's office
[quotes]
Voters are tired of being told to wait
This was negotiated line by line, and every side gave something up
[context]
The government holds a comfortable majority in the lower house but needs its junior partner
to pass bills in the upper chamber, where it lost seats last summer.

Opposition parties have spent the session pressing the cabinet over the cost of living, and
several lawmakers said they would table amendments in committee.

The debate comes as ministries prepare their budget requests for next year, with several
pressing for more money.
[captions]
{name}, {role}, speaks to reporters{where} on {weekday}.
{name}, {role}, leaves a party meeting{where} on {weekday}.
[closers]
A vote is expected before the current session of parliament ends.

Officials said a final decision was expected within weeks.
[tags]
Government
Parliament
東京
""",
    "world": """
[stories]
GENEVA | Talks on sharing a drought-hit river resume after two-year pause
Negotiators from five countries returned to the table on {weekday}, reviving talks on how to
share water from a river basin strained by years of drought.

NAIROBI | East African states sign deal to link power grids by 2030
Energy ministers from six countries signed an agreement on {weekday} to connect their national
grids, a project expected to cut outages and costs.

SINGAPORE | Southeast Asian ministers back regional plan to curb plastic waste
> Ports would share data on waste shipments from next year
Environment ministers endorsed a plan on {weekday} to track plastic waste across borders and
to phase out some single-use packaging by the end of the decade.

BERLIN | Coalition partners clash over defence spending as budget deadline nears
A row over military spending split the governing coalition on {weekday}, days before the
cabinet must present its draft budget.

MEXICO CITY | Flooding displaces thousands as heavy rains hit central regions
Rescue teams worked through the night into {weekday} after torrential rain flooded towns across
three states and cut several highways.

NEW YORK | UN panel urges faster climate funding for small island states
A panel of experts called on {weekday} for wealthy nations to speed up payments to island
states facing rising seas, saying promised money arrives years late.

LONDON | Rail strike strands commuters as pay talks stall
Most rail services were cancelled on {weekday} as train drivers walked out for the second time
this month, with no new talks scheduled.

SÃO PAULO | City plants 100,000 trees to cool its hottest districts
City officials on {weekday} began one of the largest urban planting drives in the region,
targeting neighbourhoods where summer temperatures run highest.
[roles]
a senior diplomat involved in the talks
a regional analyst at the Meridian Institute
a spokesperson for the foreign ministry
a local official
[quotes]
Trust is built slowly in rooms like this one
Everyone at the table knows the cost of failing again
[context]
Residents interviewed on the streets were divided, with some welcoming the news and others
saying they had heard similar promises before.

The issue has moved up the agenda at regional meetings this year, and officials in
neighboring countries said they were watching closely.

Local media reported that the subject had dominated public debate for weeks.
[captions]
{name}, {role}, arrives for talks{where} on {weekday}.
{name}, {role}, addresses a news conference{where} on {weekday}.
[closers]
Officials said they would give a fuller update in the coming days.

Further meetings are expected next month.
[tags]
Diplomacy
International
""",
    "business": """
[stories]
TOKYO | {company} posts record profit on overseas demand; shares jump 6%
{company} reported its highest quarterly profit on {weekday}, lifted by strong sales in North
America and a weaker yen that swelled the value of overseas earnings.

TOKYO | Central bank holds interest rates steady, signals patience on tightening
The central bank left its key interest rate unchanged on {weekday} and said it would wait for
clearer signs that wages are rising before raising borrowing costs again.

OSAKA | Regional lenders agree to merge as population shrinks
> The combined bank would be the largest in western Japan by deposits
Two regional banks announced plans to merge on {weekday}, the latest lenders to join forces as
shrinking towns squeeze demand for loans.

NEW YORK | Oil prices slip as traders weigh weaker demand in Asia
Crude prices fell for a third session on {weekday} as fresh factory data from Asia pointed to
softer demand in the months ahead.

NAGOYA | {carmaker} to build battery plant, creating 1,200 jobs
{carmaker} said on {weekday} it would build a plant for electric-vehicle batteries near
Nagoya, its largest domestic investment in two decades.

TOKYO | Wage talks end with largest pay rise in three decades at major firms
Large employers agreed to raise wages by an average of 5.1%, unions said on {weekday}, the
biggest increase since the early 1990s.

SINGAPORE | Shipping rates climb as carriers reroute around congested ports
Container freight rates rose for a fifth straight week, industry data showed on {weekday},
as ships queued outside several of the region's busiest ports.

TOKYO | {retailer} tests staffless night shifts at convenience stores
> Customers scan their own goods between midnight and 6 a.m.
{retailer} began running 30 of its stores without staff overnight on {weekday}, responding to
a shortage of workers willing to take late shifts.
[roles]
the company's chief financial officer
a senior economist at Ginkai Securities
an analyst at Harborview Research
a union negotiator
[quotes]
Demand is holding up better than we planned for
Investors will want to see that this lasts beyond one quarter
[context]
The benchmark stock index closed 0.8% higher on the day, led by exporters and banks, while
the yen weakened slightly against the dollar.

Analysts said costs for materials and labour remained the biggest risk to profits, even as
sales recovered across most of the region.

Economists said the outlook would depend heavily on consumer spending over the winter,
which has been uneven this year.
[captions]
{name}, {role}, speaks at a news conference{where} on {weekday}.
{name}, {role}, is interviewed{where} on {weekday}.
[closers]
Analysts expect more detail when quarterly results are published next month.

Markets will be watching for further signals in the weeks ahead.
[tags]
Economy
Companies
""",
    "technology": """
[stories]
TOKYO | Government sets out rules for AI use in public services
> Agencies must tell citizens when a decision involved an algorithm
The government published guidelines on {weekday} for the use of AI systems in public offices,
requiring human review of decisions on benefits and permits.

SAN FRANCISCO | {startup} raises $120 million for chip design software
Chip design startup {startup} said on {weekday} it had raised $120 million from investors to
expand tools that shorten the time it takes to design a processor.

TOKYO | Telecom operators agree to share rural 5G masts to speed coverage
Three mobile carriers agreed on {weekday} to share towers in sparsely populated areas, a move
they said would bring fast service to rural towns two years sooner.

BRUSSELS | Phone makers must supply spare parts for seven years under new rules
New repair rules took effect on {weekday}, obliging manufacturers to sell spare parts and
publish repair manuals for phones and tablets.

TAIPEI | Chipmakers expand capacity as demand for AI servers surges
Contract chipmakers raised spending plans on {weekday}, saying orders for processors used in
data centres would stay strong through next year.

TOKYO | Cyberattack disrupts hospital booking system; officials say patient data is safe
A ransomware attack took a hospital network's appointment system offline on {weekday},
forcing staff to take bookings by phone and on paper.

FUKUOKA | City puts self-driving buses on two fixed routes
Two driverless buses began carrying passengers on {weekday}, with a safety operator on board
for the first six months of the trial.

BERLIN | Data centres face scrutiny over energy use as demand grows
Regulators asked operators on {weekday} to report the energy and water used by their data
centres, part of a push to plan grid capacity.
[roles]
the company's chief technology officer
a researcher at the Institute for Digital Policy
an engineer who worked on the project
a spokesperson for the communications ministry
[quotes]
The hard part is not the technology, it is earning people's trust
We built this to be boring and reliable, which is the point
[context]
The industry has spent heavily on new capacity over the past two years, and several firms
have warned that shortages of skilled engineers could slow their plans.

Privacy advocates welcomed the move but said the rules left too much to the discretion of
the companies themselves.

Analysts said the pace of change was forcing regulators and companies alike to revisit
rules written for an earlier generation of technology.
[captions]
{name}, {role}, speaks at a briefing{where} on {weekday}.
{name}, {role}, at a technology fair{where} on {weekday}.
[closers]
Further details are expected in the coming months as the plans take shape.

Regulators said they would review the rules again in two years.
[tags]
Technology
Digital policy
""",
    "science": """
[stories]
TSUKUBA | Researchers map gene linked to heat tolerance in rice
A team of plant scientists said on {weekday} it had found a gene that helps rice plants keep
flowering in extreme heat, a step toward crops that can survive hotter summers.

TOKYO | Lunar probe sends first images from crater near the moon's south pole
> The images show ridges of ice-bearing soil in permanent shadow
The space agency released the first pictures from its lunar probe on {weekday}, showing the
floor of a crater that never sees sunlight.

KYOTO | Microplastics found in deep-sea sediment off the Pacific coast
Samples drawn from more than 5,000 meters below the surface contained plastic fragments,
researchers reported on {weekday}, showing how far pollution travels.

SENDAI | Earthquake warning upgrade gives residents two extra seconds
An upgraded network of seabed sensors now issues earthquake alerts about two seconds sooner,
seismologists said on {weekday}.

GENEVA | Physicists report most precise measurement yet of a particle's mass
Physicists presented on {weekday} a measurement of the mass of a fundamental particle with
half the uncertainty of earlier results.

OKINAWA | Coral nursery reports first spawning of corals grown in tanks
Corals raised in tanks and planted on a damaged reef spawned for the first time, a marine
research station said on {weekday}.

LONDON | Trial finds weekly insulin shot works as well as daily doses
A once-a-week insulin injection controlled blood sugar as well as daily shots in a trial of
1,400 patients, researchers reported on {weekday}.

CAPE TOWN | Astronomers detect radio bursts from distant galaxy cluster
Radio astronomers said on {weekday} they had recorded repeated bursts of radio waves from a
galaxy cluster billions of light years away.
[roles]
the study's lead author
a researcher who was not involved in the study
the director of the research station
a professor of earth sciences at Minato University
[quotes]
It is one result, and it needs to be repeated by other groups
We went looking for one thing and found something more interesting
[context]
The findings were published in a peer-reviewed journal, and the team has shared its data so
that other groups can check the results.

The work was funded by a public research grant and drew on measurements collected over more
than a decade.

Other scientists cautioned that the sample was small and that the results may not hold in
other conditions.
[captions]
{name}, {role}, at a research institute{where} on {weekday}.
{name}, {role}, speaks at a briefing{where} on {weekday}.
[closers]
The team plans to publish further results next year.

Other research groups are expected to try to repeat the work.
[tags]
Research
Science
""",
    "sports": """
[stories]
TOKYO | {team} edge {rival} 2-1 with late header to go top of the league
A header in the 88th minute gave the {team} a 2-1 win over the {rival} on {weekday} and sent
them to the top of the league for the first time this season.

OSAKA | Veteran pitcher throws complete game as {ballclub} clinch playoff spot
A 38-year-old pitcher threw all nine innings on {weekday} as the {ballclub} beat their rivals
4-1 to secure a place in the playoffs.

MELBOURNE | Teenage swimmer breaks national record in 200m freestyle
> The 16-year-old cut more than a second from the old mark
A 16-year-old swimmer broke a 12-year-old national record on {weekday}, finishing the 200m
freestyle in 1 minute 55.8 seconds.

PARIS | Two-time marathon champion announces retirement
A two-time marathon champion said on {weekday} she would retire after this season, ending a
career of 15 years on the road.

SAPPORO | Ski jumping opener postponed as warm weather melts the slope
Organizers postponed the season's first ski jumping competition on {weekday} after days of
unusually warm weather left the landing hill bare.

TOKYO | Rugby league plans expansion to 16 teams by 2028
The professional rugby league unveiled plans on {weekday} to add four teams, with new clubs
expected in regional cities.

KOBE | {team} sign former national captain on two-year deal
The {team} signed a former national team captain on {weekday}, adding experience to a young
squad fighting to avoid relegation.

LONDON | Unseeded pair reach doubles final after five-set thriller
An unseeded doubles team won a match lasting more than four hours on {weekday} to reach the
final.
[roles]
the team's head coach
a former national team captain
the league's chief executive
a sports economist at Minato University
[quotes]
We never stopped believing, even when the legs were gone
The young players showed a lot of character tonight
[context]
The season has been one of the most closely fought in years, and organizers say interest
from broadcasters and sponsors has risen with it.

Attendance has risen for a third straight season, helped by cheaper tickets for families and
students.

Coaches across the sport have spoken of the strain of a crowded calendar, with little time
for rest between competitions.
[captions]
{name}, {role}, watches from the stands{where} on {weekday}.
{name}, {role}, speaks to reporters after the match{where} on {weekday}.
[closers]
The season resumes next week.

Tickets for the next event go on sale later this month.
[tags]
Sports
Athletes
""",
    "culture": """
[stories]
TOKYO | Retrospective brings 200 prints by forgotten woodblock master to Ueno
A retrospective of a long-overlooked woodblock printmaker opened on {weekday}, the first
exhibition of her work in more than a century.

KYOTO | Centuries-old festival returns to full scale with a new float
The city's summer festival returned to its full procession on {weekday}, with a float built
by craftspeople over four years.

- | Review: 'Salt and Lanterns' is a quietly devastating debut novel
> A fishing town, three sisters and a secret that keeps its shape
A debut novel about three sisters in a fishing town, published this week, manages the rare
trick of being both gentle and merciless.

BERLIN | Film about a fishing village wins top festival prize
A film about the last fishermen of a northern village won the top prize at an international
festival on {weekday}.

OSAKA | Theater troupe stages Shakespeare in local dialect to packed houses
A small theater company has sold out a month of performances of a tragedy rewritten in the
local dialect, organizers said on {weekday}.

TOKYO | Bookstores fight back with late-night reading rooms
Independent bookstores in the capital began opening until midnight on {weekday}, offering
quiet reading rooms as well as books for sale.

NEW YORK | Pianist {artist} wins lifetime achievement award
Jazz pianist {artist} received a lifetime achievement award on {weekday}, recognizing five
decades of recordings and teaching.

KANAZAWA | Lacquer workshops draw young apprentices as craft revival grows
Lacquerware workshops reported a rise in apprentices on {weekday}, as younger people return
to traditional crafts.
[roles]
the exhibition's curator
a critic for an arts magazine
the festival's artistic director
a member of the company
[quotes]
Audiences are hungrier for this than anyone expected
It feels like the work has finally found the audience it deserved
[context]
Interest in the work has grown by word of mouth, and younger audiences make up a growing
share of the crowd.

The project was supported by public grants and by donations from hundreds of residents.

Critics have praised the restraint of the work, which leaves much unsaid and trusts its
audience to fill the silences.
[captions]
{name}, {role}, at the opening{where} on {weekday}.
{name}, {role}, talks to visitors{where} on {weekday}.
[closers]
More dates are planned for the spring, the organizers said.

The work will tour several cities next year.
[tags]
Arts
Culture
""",
    "opinion": """
[stories]
- | The four-day week is no gimmick; it is a test of trust
A four-day week asks managers to judge work by what gets done rather than by who stays
latest. That is why it unsettles so many of them.

- | Energy subsidies need an end date, or they will never end
Help with bills is welcome in a hard winter, but a subsidy without an end date becomes a
permanent cost that nobody chose.

- | Cities need shade more than they need new stadiums
Every summer is hotter than the one before, and the cheapest way to cool a street is still a
row of trees.

- | A donations law is a start, not a cure
The new rules on political donations close the most obvious loophole, but money always finds
the next one.

- | What a lost wallet taught me about my neighborhood
I left my wallet on a bus on a Tuesday. By Thursday, it had passed through four pairs of
hands and come home with every coin in it.

- | Schools cannot teach coding without teachers who code
Adding programming to the curriculum was the easy part. Finding the people to teach it is
the hard one.

- | Rural buses deserve a national plan, not annual rescues
Each spring, another town announces it will cut its last bus route. Each time, the rescue is
temporary.

- | Let robots take the night shift, but pay the people who fix them
Automation in convenience stores is coming whether we like it or not. The question is who
shares in the savings.
[roles]
a reader who wrote to the paper
a teacher in Saitama
an economist at Minato University
a town councillor
[quotes]
Nobody asked us what we needed
I would do it again tomorrow
[context]
We have been here before. Every few years a reform is announced with great confidence, and
every few years it is quietly shelved.

The cost is not only money. It is the time of people who could be doing something more
useful, and the patience of the public.

There is a better way, and it is not complicated: set a clear goal, measure it honestly,
and be willing to stop what does not work.
[captions]
{name}, {role}, photographed{where} on {weekday}.
{name}, {role}, on a quiet street on {weekday}.
[closers]
That is not too much to ask.

The sooner we start, the cheaper it will be.
[tags]
Columns
Society
""",
}

# The desk's work in progress: status | section | DATELINE | Headline, then the lead.
DESK_STORIES = """
draft | business | TOKYO | Lawmakers to question central bank governor on weak yen
The central bank governor will appear before a lower house committee next week, as lawmakers
press for answers on the currency's slide and its effect on import prices.

draft | sports | TOKYO | Marathon organizers weigh earlier start as summers grow hotter
Organizers of the city marathon are considering moving the start to 6 a.m. after record heat
forced medical teams to treat dozens of runners last year.

review | science | KAGOSHIMA | Observatory raises alert level for volcano on southern island
The meteorological agency raised the alert level for a volcano on a southern island on
{weekday}, warning residents to stay away from the crater.

scheduled | business | TOKYO | Department stores bet on overseas visitors as year-end sales begin
Department stores are extending opening hours and hiring multilingual staff for the year-end
sales, counting on visitors from abroad to offset cautious spending at home.

embargoed | science | SENDAI | 東北の研究チーム、新型電池を発表 — Battery charges twice as fast 🔋
A university team in Sendai will publish results showing a sodium battery that charges in half
the time of today's cells; the journal asked newsrooms to hold the story until it appears.
"""

# The article the design is modelled on: written out in full.
REFERENCE = {
    "headline": "EU leaders agree on joint energy purchasing plan; "
    "smaller members win guarantees on supply",
    "subheadline": "A shared reserve will cover members that depend on a single supplier",
    "dateline": "BRUSSELS",
    "summary": "European Union leaders agreed to buy gas and hydrogen together for the first "
    "time, after smaller member states secured guarantees they will not be left short in a "
    "supply crisis.",
    "tags": ["European Union", "Energy", "Diplomacy"],
    "bylines": ["martin-veldkamp", "sofia-marchetti"],
    "caption": "Margit Halvorsen, left, and Teodor Anghel arrive for a meeting at the European "
    "Council in Brussels on {weekday}.",
    "credit": "Lotte Verhaegen / Newsroom Photo",
    # The photo in the body: the library's own caption, and this article's (its "[photo]").
    "body_photo_caption": "Delegations leave the European Council building in Brussels.",
    "body_photo_article_caption": "Teodor Anghel, centre, leaves the summit after refusing to "
    "sign until the reserve was written in, on {weekday}.",
    "correction": "An earlier version of this article misstated the size of the shared "
    "reserve. It is about 15% of the bloc's winter needs, not 25%.",
    "body": """
European Union leaders agreed early on {weekday} to buy natural gas and hydrogen together,
ending two days of talks in which smaller member states held out for guarantees that larger
neighbors would not outbid them in a supply crisis.

Under the plan, a purchasing platform run by the European Commission will pool demand from
national energy companies and negotiate contracts on their behalf. Members will be able to
draw on a shared reserve equal to about 15% of the bloc's winter needs if a supplier cuts
deliveries.

“This is the first time we have negotiated as one customer instead of 27,” said Margit
Halvorsen, who chaired the summit. “For the smaller countries, that changes everything.”

> Solidarity is easy to promise in the summer. This agreement makes it binding in the winter.

[photo]

The guarantee was pressed by a group of eight states led by Teodor Anghel, whose country
imports nearly all of its gas through a single pipeline. Diplomats said he refused to sign
the final text until the reserve was written into it.

## What happens next

The European Parliament must still approve the plan, and the Commission hopes the first
joint tenders can open before next winter. Some energy companies have warned that pooled
purchases could slow their own negotiations.

“We will watch the details closely,” said Elin Brandvold, a senior analyst at the Nordhavn
Energy Institute. “Buying together only works if everyone trusts the referee.”
""",
}

# Stories written out in full for their bylines: an agency's, and a guest's column.
# Bylines are (author slug, credit line); {newsroom} is the paper's name.
CREDITED_STORIES = [
    {
        "slug": "exports-rise-for-a-fifth-month-as-chip-demand-holds",
        "headline": "Exports rise for a fifth month as chip demand holds; "
        "東京 port busiest since 2019",
        "subheadline": "Shipments of chipmaking equipment led the gains",
        "section": "business",
        "dateline": "TOKYO",
        "summary": "Japan's exports rose for a fifth straight month, as demand for chips and the "
        "machines that make them held up despite slower growth in China.",
        "tags": ["Trade", "東京"],
        "bylines": [("kyodo", ""), ("reuters", "With additional reporting by")],
        "caption": "Containers are stacked at a terminal of Tokyo port on {weekday}.",
        "credit": "Sayuri Koda / Newsroom Photo",
        "body": """
Japan's exports rose for a fifth straight month, government data showed on {weekday}, as
demand for chips and the machines that make them held up despite slower growth in China.

Shipments of chipmaking equipment rose by nearly a fifth from a year earlier, while car
exports were flat. Imports fell as energy prices eased, narrowing the trade deficit.

The port of Tokyo handled its largest volume of containers since 2019, the port authority
said, as shipping lines added calls to meet the demand from Southeast Asia.
""",
    },
    {
        "slug": "a-harbour-bridge-is-a-promise-to-the-next-generation",
        "headline": "A harbour bridge is a promise to the next generation 🌉",
        "subheadline": "The council should weigh the decades, not the next budget",
        "section": "opinion",
        "dateline": "",
        "summary": "The bridge will cost more than its critics like and less than its "
        "supporters fear; what matters is who it serves in fifty years.",
        "tags": ["Infrastructure", "Café Zürich"],
        "bylines": [("camille-dumont", "Special to {newsroom}")],
        "caption": "The harbour at dusk, seen from the old ferry pier on {weekday}.",
        "credit": "Noor Haddad / Newsroom Photo",
        "body": """
Every generation inherits the bridges the one before it chose to build, and curses the ones
it did not. The council's vote on the harbour crossing is such a choice.

The critics are right that the cost has grown. They are wrong that waiting will make it
smaller: every year of delay adds to the price and to the hours lost on the ferry.

> Infrastructure is a letter to people we will never meet.

Build it well, build it to last, and let the next council argue about the paint.
""",
    },
]


# Printed with the first article after the reference one (any story fits it).
CLARIFICATION = (
    "This article has been updated to make clear that the figures quoted come from the "
    "organizers' own estimate (主催者発表), not from an independent count."
)
