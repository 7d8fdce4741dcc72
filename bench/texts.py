"""The seeded newsroom's words: English, Japanese and accented Latin, as the paper prints."""

SECTIONS = [
    "Politics", "Business", "World", "National", "Sports",
    "Culture", "Science", "Technology", "Opinion", "Life",
]  # fmt: skip
# Tags first in this list are carried by more articles.
TAGS = [
    "東京", "選挙", "Energy", "Café", "経済", "Zürich", "Climate", "São Paulo", "大阪",
    "Élysée", "国会", "Kraków", "Trade", "台風", "Montréal", "Health", "五輪", "Économie",
    "Bundestag", "Transport", "京都", "Málaga", "Housing", "気候", "Reykjavík", "Schools",
]  # fmt: skip
GIVEN = [
    "Haruka", "Kenji", "Yūki", "Sōta", "Chloé", "José", "Zoë", "François", "Björn", "Ana",
    "Aiko", "Renée", "Łukasz", "Mette", "Hiroshi", "Inès", "Søren", "Noémie", "Takumi", "Çelik",
    "美咲", "翔太", "Emma", "Liam", "Ngozi",
]  # fmt: skip
FAMILY = [
    "Sato", "Suzuki", "Takahashi", "Tanaka", "Müller", "García", "Lefèvre", "Núñez",
    "Østergaard", "Kowalski", "Yamamoto", "Dubois", "Watanabe", "佐藤", "Ito", "Nakamura",
    "Brontë", "Martínez", "Kobayashi", "Håkansson",
]  # fmt: skip
HEADLINES = [
    "東京の選挙 — Café ☕ owners weigh the vote",
    "Diet passes budget after a late-night session; opposition vows to fight on",
    "Zürich talks end without a deal as ministers trade blame",
    "São Paulo fund buys stake in Osaka port operator",
    "Élysée confirms summit date; leaders to meet in Brussels in May",
    "台風10号、関東に接近 — trains halted across Tokyo",
    "Kraków festival draws record crowds despite the rain 🌧",
    "Central bank holds rates, signals patience on inflation",
    "五輪の準備、予算超過の懸念 — organisers defend spending",
    "Montréal researchers map coral decline in the Pacific",
]
PARAGRAPHS = [
    "Officials said on Thursday that the agreement, reached after three days of talks, "
    "would take effect at the start of next month. “We have done what we said we would "
    "do,” the minister told reporters outside the building.",
    "The plan drew criticism from opposition lawmakers, who said it left too many "
    "questions unanswered about costs and about who would pay them. A vote is expected "
    "before the end of the session.",
    "東京都内では、午前中から多くの有権者が投票所を訪れた。担当者によると、"
    "投票率は前回を上回る見通しだという。",
    "In the café across the square, owners said business had been slow since the spring. "
    "“People come, they look at the prices, they order one coffee instead of two,” said "
    "one, who asked not to be named.",
    "Analysts said the decision had been widely expected. Markets in Tokyo, Frankfurt and "
    "New York moved little after the announcement, and the yen held steady against the "
    "dollar through the afternoon.",
    "The measures follow months of negotiation between the central government and the "
    "prefectures, which had asked for more say over how the money is spent and for an "
    "independent review after two years.",
    "Residents interviewed near the station said they welcomed the change but doubted it "
    "would come quickly. “We have heard this before,” said a retired teacher, 74, who has "
    "lived in the neighbourhood for four decades.",
]
DATELINES = ["TOKYO", "OSAKA", "BRUSSELS", "SÃO PAULO", "ZÜRICH", "KYOTO", "MONTRÉAL", ""]
