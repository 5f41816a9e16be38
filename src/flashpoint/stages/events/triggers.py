"""Find trigger tokens in a parsed sentence and pick the lexicon entry each one fits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flashpoint.stages.events.lexicon import TriggerEntry, TriggerLexicon

Token = Any  # spaCy Token

# verbs that only carry a noun trigger ("launched airstrikes", "carried out strikes")
LIGHT_VERBS = frozenset(
    "launch carry conduct stage mount unleash begin start continue step intensify order "
    "claim make wage lead resume escalate execute perform undertake hold initiate "
    "announce plan threaten prepare stop end halt suspend call take sign reach "
    "open deliver give issue deny".split()
)
# nouns that only count or group a noun trigger ("a round of strikes", "a wave of attacks")
GROUP_NOUNS = frozenset(
    "round wave series string spate barrage volley campaign number salvo flurry "
    "string day night week month year hour".split()
)
_OBJ_DEPS = ("dobj", "obj", "attr", "oprd", "nsubjpass")


@dataclass(slots=True)
class TriggerMatch:
    token: Token  # the head token of the trigger phrase
    tokens: list[Token]  # every token of the phrase
    entry: TriggerEntry


def object_lemmas(tok: Token) -> set[str]:
    """Lemmas of the direct objects of `tok` (with their conjuncts and the nouns of
    "a round of X"), and of prepositional objects."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in _OBJ_DEPS or c.dep_ == "dative":
            out |= _noun_lemmas(c)
        elif c.dep_ in ("prep", "agent"):
            for p in c.children:
                if p.dep_ == "pobj":
                    out |= _noun_lemmas(p)
    return out


def _noun_lemmas(tok: Token) -> set[str]:
    out = {tok.lemma_.lower(), tok.text.lower()}
    for c in tok.children:
        if c.dep_ == "conj":
            out |= {c.lemma_.lower(), c.text.lower()}
        if c.dep_ == "compound":
            out.add(c.lemma_.lower())
    return out


_MOD_DEPS = ("amod", "compound", "nmod", "poss", "npadvmod", "nsubj")


def _mod_lemmas(tok: Token) -> set[str]:
    out = {c.lemma_.lower() for c in tok.children if c.dep_ in _MOD_DEPS}
    if tok.dep_ == "compound":
        out.add(tok.head.lemma_.lower())
    return out


def _cond_ok(entry: TriggerEntry, tok: Token) -> bool:
    cond = entry.cond
    if not cond:
        return True
    objs = object_lemmas(tok) if ("obj" in cond or "not_obj" in cond) else set()
    if "obj" in cond and not (objs & cond["obj"]):
        return False
    if "not_obj" in cond and objs & cond["not_obj"]:
        return False
    if "prep" in cond:
        preps = {c.lemma_.lower() for c in tok.children if c.dep_ in ("prep", "prt", "agent")}
        if not preps & cond["prep"]:
            return False
    if "prt" in cond:
        prts = {c.lemma_.lower() for c in tok.children if c.dep_ == "prt"}
        if not prts & cond["prt"]:
            return False
    if "xcomp" in cond:
        xs = {c.lemma_.lower() for c in tok.children if c.dep_ == "xcomp"}
        if not xs or ("*" not in cond["xcomp"] and not xs & cond["xcomp"]):
            return False
    if "subj" in cond:
        subj = {c.lemma_.lower() for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")}
        if not subj & cond["subj"]:
            return False
    if "mod" in cond and not _mod_lemmas(tok) & cond["mod"]:
        return False
    if "subj_or_mod" in cond:
        subj = {c.lemma_.lower() for c in tok.head.children if c.dep_ == "nsubj"}
        if not (_mod_lemmas(tok) | subj) & cond["subj_or_mod"]:
            return False
    return True


def _multiword_tokens(entry: TriggerEntry, tok: Token) -> list[Token] | None:
    """Tokens of a multi-word entry anchored at `tok`, or None when they are not there.

    Verb entries ("set fire", "call for", "take into custody") look for the other words
    among the verb's dependents; noun entries ("air strike") among the following tokens.
    """
    words = entry.words
    if len(words) == 1:
        return [tok]
    if entry.pos == "N":
        doc = tok.doc
        end = tok.i + len(words)
        if end > len(doc):
            return None
        span = [doc[i] for i in range(tok.i, end)]
        if all(_word_is(t, w) for t, w in zip(span, words, strict=True)):
            return span
        return None
    found = [tok]
    pool = [d for d in tok.subtree if d.i > tok.i][:8]
    for w in words[1:]:
        hit = next((d for d in pool if _word_is(d, w) and d not in found), None)
        if hit is None:
            return None
        found.append(hit)
    return found


def _word_is(tok: Token, word: str) -> bool:
    return tok.lemma_.lower() == word or tok.text.lower() == word


def find_triggers(sent: Any, lexicon: TriggerLexicon) -> list[TriggerMatch]:
    """Every trigger in a parsed sentence, one entry per token (the first that fits)."""
    matches: list[TriggerMatch] = []
    used: set[int] = set()
    for tok in sent:
        if tok.i in used or tok.pos_ in ("PUNCT", "DET", "ADP", "PRON"):
            continue
        keys = {tok.lemma_.lower(), tok.text.lower()}
        for key in keys:
            match = _best_entry(tok, lexicon.lookup(key))
            if match:
                head = match.tokens[-1] if match.entry.pos == "N" else tok
                matches.append(TriggerMatch(head, match.tokens, match.entry))
                used.update(t.i for t in match.tokens)
                break
    return matches


def _best_entry(tok: Token, entries: tuple[TriggerEntry, ...]) -> TriggerMatch | None:
    for entry in entries:
        if not entry.pos_ok(tok.pos_) and not (
            entry.pos == "N" and len(entry.words) > 1 and tok.pos_ in ("NOUN", "PROPN", "ADJ")
        ):
            continue
        toks = _multiword_tokens(entry, tok)
        if toks is None:
            continue
        head = toks[-1] if entry.pos == "N" else tok
        if _cond_ok(entry, head):
            return TriggerMatch(head, toks, entry)
    return None
