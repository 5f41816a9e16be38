"""News idioms found missing on 7 December 2026 (the tuning half of plover_invented10),
each a general pattern of news language stated in its case (invented sentences, none from
any evaluation set)."""

from __future__ import annotations

import pytest
from _coded import top_event


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # "hit out at" someone criticises them
        ("The foreign ministry hit out at its neighbour over the detention of fishermen.",
         "ACCUSE"),
        # to "cave in" is to yield, whatever was demanded
        ("The government caved in to farmers' demands for higher crop prices.", "CONCEDE"),
        # the noun of blacklisting is the sanction
        ("Canada's blacklisting of three army officers takes effect on Monday.", "SANCTION"),
        # a work stoppage is a strike
        ("Bus drivers brought the capital to a halt with a 24-hour stoppage.", "PROTEST"),
        # setting a deadline to act "or face" something is a threat
        ("The general set a deadline for the militia to leave the city or face an assault.",
         "THREATEN"),
        # shipping arms or relief to someone is aid
        ("Germany shipped two air defence systems to Ukraine.", "AID"),
        # what stays as it was: a crowd gathering to protest, a missile hitting a town
        ("Thousands of people gathered outside parliament to protest against the tax.",
         "PROTEST"),
        ("A missile hit a residential block in the city, killing four people.", "ASSAULT"),
        # a walkout "as part of" stoppages is the strike the sentence tells
        ("Dock workers walked out on Monday as part of nationwide stoppages against the "
         "wage freeze.", "PROTEST"),
    ],
)  # fmt: skip
def test_news_idioms(coder, text, etype) -> None:
    assert top_event(coder, text).event_type == etype
