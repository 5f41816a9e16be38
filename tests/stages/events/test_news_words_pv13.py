"""News patterns found missing on 7 December 2026 (the tuning half of plover_invented13,
wire-style sentences with background clauses), each a general pattern stated in its case
(invented sentences, none from any evaluation set)."""

from __future__ import annotations

import pytest
from _coded import top_event


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # a clause opened by "after" or "since" tells what the news followed, not the news
        ("Japan announced $20 million in humanitarian assistance for Gaza on Friday after "
         "air strikes destroyed the last working hospital in the north.", "AID"),
        ("The governor imposed a curfew on the city after rioters burned three police "
         "stations.", "COERCE"),
        # talks that failed, or ended without what they were for, are a refusal ...
        ("Talks between Kenya and Somalia on their maritime border ended without a deal on "
         "Monday, officials said.", "REJECT"),
        ("Negotiations between the miners' union and the mining company collapsed on "
         "Thursday.", "REJECT"),
        # ... but talks that simply ended are still talks
        ("Peace talks between the two sides ended on Friday in Nairobi.", "CONSULT"),
        # guard: a ceasefire that collapsed is no refusal
        ("The ceasefire in Gaza collapsed on Tuesday.", "RETREAT"),
        # taking refugees in is giving them shelter
        ("Uganda has taken in more than 50,000 refugees from eastern Congo this year, the UN "
         "refugee agency said.", "AID"),
        # handing out guns arms those who get them; handing out food is aid
        ("The militia distributed rifles to young men in the villages around the town.",
         "MOBILIZE"),
        ("The Red Cross distributed food parcels to 3,000 displaced families.", "AID"),
        # a person wanted elsewhere handed over to a state is extradited
        ("Kenyan police handed over to Uganda a former army commander wanted on murder "
         "charges, a week after he was arrested in Nairobi.", "COOPERATE"),
        # denying a part in something, or a charge, rejects the accusation
        ("Rwanda's government denied any role in the rocket attack on Goma airport that "
         "killed two civilians, a spokeswoman said.", "REJECT"),
        # a sentence the parser reads as a noun with participles ("Trucks carrying X
        # crossed into Y, officials said") has that noun as the subject of its verbs
        ("Relief lorries carrying flour, tents and medicine crossed into northern Ethiopia "
         "from Sudan on Monday, the first convoy in weeks, aid officials said.", "AID"),
        # setting prisoners free is releasing them
        ("Eritrea set free 20 jailed journalists on Sunday, a week after a visit to Asmara "
         "by the African Union's envoy.", "RETREAT"),
        # backing for someone is support
        ("The country's largest trade union federation announced its backing for the "
         "opposition candidate ahead of Sunday's run-off.", "SUPPORT"),
    ],
)  # fmt: skip
def test_wire_patterns(coder, text, etype) -> None:
    assert top_event(coder, text).event_type == etype


# "Aid trucks crossed into Chad , officials said ." with "trucks" hung on "said" and
# "crossed" a participle of "trucks", as the parser reads it in longer sentences
_WORDS = ["Aid", "trucks", "crossed", "into", "Chad", ",", "officials", "said", "."]
_HEADS = [1, 7, 1, 2, 3, 7, 7, 7, 7]
_DEPS = ["compound", "nsubj", "acl", "prep", "pobj", "punct", "nsubj", "ROOT", "punct"]
_TAGS = ["NN", "NNS", "VBN", "IN", "NNP", ",", "NNS", "VBD", "."]
_LEMMAS = {"trucks": "truck", "crossed": "cross", "said": "say", "officials": "official"}


def test_a_verbless_noun_is_the_subject_of_its_participle() -> None:
    """A sentence read as a noun with a participle and no verb of its own ("Trucks ...
    crossed into Chad, officials said") has that noun as the subject of the participle."""
    from _coded import hand_parse

    from flashpoint.stages.events.lexicon import load_trigger_lexicon
    from flashpoint.stages.events.triggers import find_triggers

    doc = hand_parse(_WORDS, _HEADS, _DEPS, _TAGS, _LEMMAS)
    found = {m.token.text: m.entry.event_type for m in find_triggers(doc, load_trigger_lexicon())}
    assert found.get("crossed") == "AID"
