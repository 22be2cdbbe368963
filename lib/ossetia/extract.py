"""Rule-based claim extraction, and its score against curated claims.

Sentence by sentence (:func:`ossetia.segment.sentences`; site boilerplate lines,
``data/boilerplate.csv``, are skipped), the extractor looks for stance cues
(``data/stance_lexicon.csv``: regular expressions with an action, a negated action, a theme
hint and an optional ``requires`` pattern the sentence must also match; cues with no action
take their words without writing a candidate, so that a prospect "will recognise" or an
adjective "recognised borders" never fires the recognition cue). For each cue it finds:

- the **actors**: the agent after "by" for a passive or a noun, else the nearest subject before
  the cue (a name not governed by a preposition, with the list it ends), else the quoted speaker
  for a stance, else the last actor of the document for a pronoun; known names come from the
  gazetteer (``seeds/vocab/actors.csv`` and ``actor_aliases.csv``), unknown capitalised names are
  proposed as they are written, with a guessed kind in ``actor_kind`` (``data/actor_kind_cues.csv``,
  ``name_stopwords.txt``, ``name_titles.txt``); a region never recognises its own independence;
- the **target**: the target cue nearest the stance cue in its clause (``data/target_cues.csv``:
  each cue may be limited to some actions and to a publication-date window), else the
  independence, split into the regions its phrase names (``data/region_cues.csv``);
- an appeal by the entity itself (a region, its bodies and leaders, or "its independence")
  becomes ``seeks_recognition``, by anyone else ``urges_recognition``.

Everything it knows is data; it needs no model and works unchanged on articles added with
``ossetia add``. :func:`score` and :func:`score_rules` compare candidates with curated claims
under the project rule (same sentence, same action) and the strict rule (overlapping quote, same
action, same target).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .corpus import load_corpus, voices_of
from .evidence import CLAIM_COLUMNS, anchor, load_vocab
from .manifest import published_label
from .paths import seeds_dir
from .extract_rules import (  # noqa: F401  (the rule tables, as this module has always named them)
    BOILERPLATE, KIND_CUES, LEXICON, NAME_STOPWORDS, NAME_TITLES, REGION_CUES, TARGET_CUES, _boilerplate,
    _kind_cues, _lexicon, _region_cues, _stopwords, _target_cues, _titles,
)
from .scoring import RULES, match, match_strict, score, score_rules  # noqa: F401  (ossetia.extract.score ...)
from .segment import sentences

_NEGATION = re.compile(r"\b(?:not|never|no|n't|neither|nor|without)\b[^.,;]{0,25}$", re.I)
#: an appeal for "its (own) independence" is the entity's own: seeks, not urges
_OWN_APPEAL = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:self-declared\s+|self-proclaimed\s+)?independence\b", re.I)
_SPEECH = re.compile(r"\b(?:said|says|say|told|stated|believes|reported|warn|warns|accuse|added|quoted)\b")
_LIST_GAP = re.compile(r"\s*(?:,|and|or|, and|, or|&)?\s*(?:the\s+)?", re.I)
#: a mention right after one of these words is an object, not the subject of a cue ...
_PREPOSITION = re.compile(r"\b(?:after|of|with|for|from|to|against|on|in|over|than|like|between|among|about|"
                          r"toward|towards|into|at|despite|besides|including|via|under|by|during)\s+(?:the\s+)?$", re.I)
#: ... except a state or people after these nouns ("the government of Nicaragua")
_HEAD_OF = re.compile(r"\b(?:government|president|people|republic|parliament|ministry|leader|authorities|"
                      r"minister|king|state)\s+of\s+(?:the\s+)?$", re.I)
_PRONOUN = re.compile(r"^\W*(?:he|she|it|they|the country|the president|the ministry|the minister|the island nation)\b", re.I)
_NAME = re.compile(r"(?<![\w’'-])(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*|[A-Z]{2,}(?![a-z]))"
                   r"(?:\s+(?:(?:of|de|al|el|bin|van|von|da|del)\s+)?(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*|[A-Z]{2,}(?![a-z])))*")
_DEMONYM = re.compile(r"(?:an|ian|ese|ish)$")
_CONNECTORS = frozenset("of de al el bin van von da del".split())
_VERBISH = re.compile(r"['’]s\s|\s+(?:[a-z]+(?:ed|es)|has|have|had|is|was|were|are|will|would|said|says|did|does|can|"
                      r"could|may|might|must|shall|should|recogni[sz]es|backs|joins|gives|signs|wants)\b")
_MIDWORD = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+")
_RECOGNITION = ("recognises", "does_not_recognise")
#: a cue word that can take a passive agent ("recognised by", "condemnation by", "protest from")
_PASSIVE = re.compile(r"(?:ed|en|tion|sion|ment|test|tests)$", re.I)
#: a headline that attributes what follows to a name ("<name>: <what they said>")
_HEADLINE_SPEAKER = re.compile(r"^\W*([^:.]{2,40}):\s")
#: actions a quoted speaker takes when the quote names no one else
_SPEAKER_ACTIONS = frozenset("invokes_precedent denies_precedent warns accuses condemns rejects opposes_recognition "
                             "threatens supports assesses_vote denies_accusation proposes".split())
EXTRA_COLUMNS = ["actor_kind", "cue_id", "sent_id"]


def gazetteer(seeds: Path | None = None) -> tuple[re.Pattern, dict[str, str]]:
    """One regex for every actor name and alias (longest first) and the alias -> actor map.
    Cached, and rebuilt when ``vocab/actors.csv`` or ``vocab/actor_aliases.csv`` change."""
    folder = seeds_dir(seeds)
    stamp = tuple((folder / "vocab" / f).stat().st_mtime_ns for f in ("actors.csv", "actor_aliases.csv"))
    return _gazetteer(folder, stamp)


@lru_cache(maxsize=8)
def _gazetteer(seeds: Path, _stamp: tuple) -> tuple[re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    for a in load_vocab("actors", seeds)["actor"]:
        names[a] = a
    al = load_vocab("actor_aliases", seeds)
    for alias, actor in zip(al["alias"], al["actor"]):
        names[alias] = actor
    alts = sorted(names, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])")
    return rx, names


@lru_cache(maxsize=8)
def _actor_info(seeds: Path, _stamp: tuple) -> tuple[dict[str, str], frozenset[str]]:
    """Kind of every known actor, and the actors that speak for a breakaway region itself
    (the regions, and actors whose description names one): their appeals seek recognition."""
    actors = load_vocab("actors", seeds)
    kinds = dict(zip(actors["actor"], actors["kind"]))
    regions = [a for a, k in kinds.items() if k == "region"]
    own = {a for a, d in zip(actors["actor"], actors["description"].fillna(""))
           if kinds[a] == "region" or any(r in d or r in a for r in regions)}
    return kinds, frozenset(own)


class _Mention:
    __slots__ = ("start", "end", "actor", "kind")

    def __init__(self, start, end, actor, kind):
        self.start, self.end, self.actor, self.kind = start, end, actor, kind  # kind "" = known actor


def _guess_kind(text: str, start: int, end: int, name: str) -> str:
    for where, rx, kind in _kind_cues():
        hay = name if where == "name" else text[max(0, start - 60):start] if where == "before" else text[end:end + 60]
        if rx.search(hay):
            return kind
    return "state"


def _new_names(text: str, taken: list[tuple[int, int]], midwords: frozenset[str], people: dict[str, str]):
    """Capitalised names the gazetteer does not know: proposed as new actors with a guessed
    kind. Leading stopwords (``The``, titles, demonyms) are trimmed; a lone word at the start of
    a sentence counts only if the document also writes it capitalised mid-sentence; a lone
    surname of a person named earlier in the document is that person."""
    stop = _stopwords()
    masked = list(text)
    for a, b in taken:
        masked[a:b] = " " * (b - a)
    masked = "".join(masked)
    out = []
    for m in _NAME.finditer(masked):
        toks = list(re.finditer(r"\S+", m.group(0)))
        titled = [i for i, t in enumerate(toks[:-1]) if t.group(0) in _titles()]
        if titled:
            toks = toks[titled[-1] + 1:]  # "The Ruritanian President Jan Novak" -> Jan Novak
        while toks and (toks[0].group(0) in stop or toks[0].group(0) in _CONNECTORS):
            if len(toks) > 1 and _DEMONYM.search(toks[0].group(0)) and toks[1].group(0) not in stop:
                break  # "Nicaraguan Army": the adjective belongs to the name
            toks.pop(0)
        if len(toks) == 1 and all(p in stop for p in toks[0].group(0).split("-")):
            continue  # "Georgian-Ossetian"
        if toks and toks[-1].group(0) in stop:
            continue  # ends in a demonym or title: an adjective phrase ("South Ossetian"), not a name
        if not toks or all(t.group(0) in stop for t in toks):
            continue
        a, b = m.start() + toks[0].start(), m.start() + toks[-1].end()
        name = text[a:b]
        if (len(toks) == 1 and not text[:a].strip(" \"'“‘(") and name not in midwords
                and not _VERBISH.match(text, b)):
            continue  # a capitalised first word of a sentence, not followed by a verb
        if len(toks) == 1 and name in people:
            out.append(_Mention(a, b, people[name], "person"))
            continue
        kind = "person" if titled else _guess_kind(text, a, b, name)
        if kind == "person":
            people.setdefault(toks[-1].group(0), name)
        out.append(_Mention(a, b, name, kind))
    return out


def _chains(text: str, mentions: list[_Mention]) -> list[list[_Mention]]:
    """Mentions grouped into lists ("A, B and C"); a run joined by commas only, with no 'and'
    or 'or', is an apposition ("the foreign minister of Tuvalu, Taukelina Finikaso"): its
    last name alone stands for it."""
    chains: list[list[_Mention]] = []
    for m in mentions:
        gap = text[chains[-1][-1].end:m.start] if chains else ""
        clause = "," in gap and re.search(r"\b(?:and|or)\b", gap) and len(chains[-1]) == 1
        if chains and _LIST_GAP.fullmatch(gap) and not clause:  # "A, and B said" starts a clause
            chains[-1].append(m)
        else:
            chains.append([m])
    out = []
    for c in chains:
        if len(c) > 1 and not re.search(r"\b(?:and|or)\b|&", text[c[-2].end:c[-1].start]):
            c = [c[-1]]
        out.append(c)
    return out


def _governed(text: str, m: _Mention) -> bool:
    """True when a preposition governs the mention ("after <state>"), unless a head noun does
    ("the government of Nicaragua")."""
    return bool(_PREPOSITION.search(text[max(0, m.start - 20):m.start])
                and not _HEAD_OF.search(text[max(0, m.start - 40):m.start]))


def _actors_for(text: str, cue: re.Match, mentions: list[_Mention]) -> list[_Mention]:
    """The actors a cue belongs to: the agent after 'by' (passive), else the nearest subject
    before the cue (a mention not governed by a preposition) and any list it ends
    ("A, B and C condemned"). Mentions after an active cue are its objects, never its actors."""
    tail = text[cue.end():cue.end() + 60]
    by = re.match(r"[^,;.]{0,50}?\b(?:by|from)\s+", tail) if _PASSIVE.search(cue.group(0)) else None
    if by or re.search(r"\bby\s*$", text[:cue.start()][-5:]):
        at = cue.end() + (by.end() if by else 0)
        agents = [m for m in mentions if m.start >= at]
        out, prev = [], None
        for m in agents:
            if prev is None and m.start - at > 25:
                break
            if prev is not None and not _LIST_GAP.fullmatch(text[prev.end:m.start]):
                break
            out.append(m)
            prev = m
        if out:
            return out
    if _PREPOSITION.search(text[max(0, cue.start() - 25):cue.start()]):
        # a noun inside a phrase ("after recognition of ..."): only a possessive names its actor
        poss = [m for m in mentions if re.fullmatch(r"(?:'s|’s)\s+(?:[\w-]+\s+){0,2}", text[m.end:cue.start()])]
        return poss[-1:]
    chains = [c for c in _chains(text, [m for m in mentions if m.end <= cue.start()]) if not _governed(text, c[0])]
    return chains[-1] if chains else []


def _speaker(text: str, mentions: list[_Mention], voice: str) -> _Mention | None:
    verbs = list(_SPEECH.finditer(text))
    if not verbs or not mentions:
        return None
    v = verbs[-1]
    return min(mentions, key=lambda m: min(abs(m.start - v.end()), abs(v.start() - m.end)))


def _clause(text: str, at: int, end: int) -> tuple[int, int]:
    a = max(text.rfind(";", 0, at), -1) + 1
    b = text.find(";", end)
    return a, (len(text) if b < 0 else b)


def _target(text: str, cue: re.Match, action: str, published: str) -> str:
    """The target cue nearest the stance cue in its clause (after it preferred), among those
    allowed for the action and the publication date; the independence by default."""
    a, b = _clause(text, cue.start(), cue.end())
    found = []
    for rx, target, actions, lo, hi in _target_cues():
        if actions and action not in actions or not lo <= published <= hi:
            continue
        for m in rx.finditer(text, a, b):
            d = (m.start() - cue.end() if m.start() >= cue.end() else
                 1.5 * (cue.start() - m.end()) if m.end() <= cue.start() else 0)
            found.append((d, m.start(), m.end(), target))
    if not found:
        return "south_ossetia_independence"
    d, s, e, target = min(found, key=lambda f: f[0])
    # a longer cue overlapping the nearest one is more specific ("alliance treaty ... <city>")
    return max((f for f in found if f[1] < e and s < f[2]), key=lambda f: f[2] - f[1])[3]


def _regions(text: str, cue: re.Match) -> list[str]:
    """Which independence a cue is about when the target is 'the independence': the regions
    named in its phrase (from the comma before the cue to the comma after it)."""
    cues = _region_cues()
    a = max(text.rfind(",", 0, cue.start()), 0)
    b = text.find(",", cue.end())
    while b >= 0 and any(rx.match(text, b + 1 + (len(text[b + 1:]) - len(text[b + 1:].lstrip())))
                         for region, rx in cues if region != "both"):
        b = text.find(",", b + 1)  # "recognizing <region>, <region>": the list goes on
    phrase = text[a:len(text) if b < 0 else b]
    found = [region for region, rx in cues if rx.search(phrase)]
    if "both" in found or len(found) == 2:
        return ["south_ossetia_independence", "abkhazia_independence"]
    return found or ["south_ossetia_independence"]


def _theme(action: str, target: str, hint: str) -> str:
    if target in ("kosovo_precedent", "kosovo_independence") or hint == "kosovo_precedent":
        return "kosovo_precedent"
    if target.startswith(("referendum", "alternative_election")) or hint == "referendum":
        return "referendum"
    if hint == "recognition" or action in ("recognises", "does_not_recognise", "urges_recognition",
                                           "seeks_recognition", "opposes_recognition"):
        return "recognition"
    return "context"


def _boilerplate_line(text: str) -> bool:
    t = text.strip()
    return len(t.split()) < 3 or any(rx.search(t) for rx in _boilerplate())


def extract_claims(seeds: str | Path | None = None, corpus: pd.DataFrame | None = None) -> pd.DataFrame:
    """Candidate claims for every sentence of the corpus, in the claims schema (+ actor_kind,
    cue_id, sent_id). ``actor_kind`` is filled when the actor is a name the vocabulary does not
    know: the name as written, with a guessed kind, for a curator to accept or correct."""
    folder = None if seeds is None else Path(seeds)
    corpus = load_corpus(folder) if corpus is None else corpus
    raws = dict(zip(corpus["doc_id"], corpus["raw"]))
    rx, names = gazetteer(folder)
    # a month-only publication date stays month-only (manifest.parse_published)
    precision = dict(zip(corpus["doc_id"], corpus["published_precision"])) if "published_precision" in corpus else {}
    vf = seeds_dir(folder)
    kinds, own = _actor_info(vf, tuple((vf / "vocab" / f).stat().st_mtime_ns for f in ("actors.csv",)))
    rows = []
    doc, people, midwords, last = None, {}, frozenset(), None
    sents = sentences(corpus)
    for s, outlet_voice in zip(sents.itertuples(), voices_of(corpus, sents)):
        raw = raws[s.doc_id]
        if s.doc_id != doc:
            doc, people, last = s.doc_id, {}, None
            midwords = frozenset(_MIDWORD.findall(raw))
        text = raw[s.start:s.end]  # raw sentence: offsets stay exact
        if _boilerplate_line(text):
            continue
        known = [_Mention(m.start(), m.end(), names[m.group(0)], "") for m in rx.finditer(text)]
        mentions = sorted(known + _new_names(text, [(m.start, m.end) for m in known], midwords, people),
                          key=lambda m: m.start)
        published = f"{s.published:%Y-%m-%d}"
        spk = _speaker(text, mentions, outlet_voice)
        head = _HEADLINE_SPEAKER.match(text)
        if head:
            named = [m for m in mentions if m.start >= head.start(1) and m.end <= head.end(1)]
            if named:
                spk = named[-1]
                mentions = [m for m in mentions if m not in named]
        taken: list[tuple[int, int]] = []
        for cue_id, crx, action, neg_action, polarity, hint, requires in _lexicon():
            if requires is not None and not requires.search(text):
                continue
            for m in crx.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                if not action:  # a prospect or an adjective: the span is taken, nothing is written
                    continue
                act, pol = action, polarity
                if neg_action and _NEGATION.search(text[max(0, m.start() - 40):m.start()]):
                    act, pol = neg_action, "against"
                target = _target(text, m, act, published)
                targets = _regions(text, m) if target == "south_ossetia_independence" else [target]
                actors = _actors_for(text, m, mentions)
                if act in _RECOGNITION:  # a region does not recognise (or refuse) its own independence
                    actors = [a for a in actors if kinds.get(a.actor) != "region" and a.kind != "region"]
                if act == "reports_result":
                    actors = [spk] if spk is not None else [_Mention(0, 0, outlet_voice, "")]
                if not actors and act == "urges_recognition":  # an appeal by the entity itself?
                    actors = [x for x in mentions if x.end <= m.start() and x.actor in own][-1:]
                if not actors and spk is not None and act in _SPEAKER_ACTIONS:
                    actors = [spk]  # an unattributed stance in a quote is its speaker's
                if not actors and last is not None and _PRONOUN.search(text[:m.start()]):
                    actors = [last]
                if not actors:
                    actors = [_Mention(0, 0, "(unknown)", "")]
                for who in actors:
                    a_act = act
                    if act == "urges_recognition" and (who.actor in own or _OWN_APPEAL.search(text, m.start())):
                        a_act = "seeks_recognition"
                    speaker = spk.actor if spk is not None else outlet_voice
                    if spk is not None and spk.kind and who.kind and spk.actor != who.actor:
                        speaker = outlet_voice  # one new name per candidate row
                    for t in dict.fromkeys(targets):
                        rows.append({
                            "doc_id": s.doc_id, "part": s.part, "speaker": speaker,
                            "actor": who.actor, "action": a_act, "target": t, "polarity": pol,
                            "event_date": published_label(s.published, precision.get(s.doc_id, "day")),
                            "date_precision": precision.get(s.doc_id, "day"),
                            "date_basis": "publication", "theme": _theme(a_act, t, hint),
                            **anchor(raw[: s.end], text, occurrence=raw[: s.end].count(text)),
                            "note": f"rule {cue_id}: '{m.group(0)}'",
                            "actor_kind": who.kind or (spk.kind if spk is not None and speaker == spk.actor else ""),
                            "cue_id": cue_id, "sent_id": s.sent_id,
                        })
                if actors[0].actor != "(unknown)":
                    last = actors[0]
    df = pd.DataFrame(rows, columns=[c for c in CLAIM_COLUMNS if c != "claim_id"] + EXTRA_COLUMNS)
    df = df.drop_duplicates(subset=["doc_id", "start", "actor", "action", "target"]).reset_index(drop=True)
    # context beyond the sentence end was cut by raw[: s.end]; restore the full suffix
    df["suffix"] = [raws[d][e:e + 32] for d, e in zip(df["doc_id"], df["end"])]
    df.insert(0, "claim_id", [f"X{i:03d}" for i in range(1, len(df) + 1)])
    return df


# -- scoring ------------------------------------------------------------------------------
