"""Auditable normalisation of a raw article, with an offset map back to the raw file.

Every line of the raw file gets a role from the first matching rule in
``data/normalise_rules.csv`` (rules are data; per outlet where needed):

- ``chrome``: site furniture, removed;
- ``title`` / ``byline`` / ``dateline`` / ``caption``: recognised, kept as document
  variables, not in the body text;
- ``repeat_title``: a line repeating the headline, removed;
- ``repeat_line``: a line repeating the line before it (an image's alt text and caption), removed;
- ``part:NAME``: a marker line that starts a new part of the document (a forum post's
  quoted encyclopedia excerpt), removed;
- ``heading``: a section heading whose markup is removed and whose words stay;
- ``body``: everything else.

Which rules apply to an outlet: the rules of a workspace's ``vocab/normalise_rules.csv``
(same columns; tried first), then the package's rules for ``*`` (every outlet) and for that
outlet. An outlet with no rule of its own in the package (an outlet a user added) gets the
rules for ``?`` instead: the headline (the title given in the manifest, or a short first line
without sentence-final punctuation) and common site boilerplate. ``where`` says which lines a
rule is tried on: ``any``; ``first`` (before any content or headline); ``first_alone`` (the same,
when a blank line or the end of the file follows the line); ``after_title`` (the line
right after the headline); ``last`` (the last non-blank line of the file); ``given_title`` (a
line that is the manifest's title, among the first five content lines) and ``before_title``
(lines above that line).

The body text keeps the original characters (typographic quotes included); only
whitespace is folded (runs of blanks become one space; paragraphs are separated by a blank
line). ``omap[i]`` is the raw offset of ``text[i]``, so any span of the text maps back to the
exact span of the raw file. Offsets are Python string indices into the file decoded as strict
UTF-8 with nothing stripped (a BOM or CR stays and counts).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, count

from .offsetmap import _WS_CHARS, SEPARATOR, _keep_mask, _offset_map, _offset_map_contiguous  # noqa: F401
from .normalise_rules import (  # noqa: F401  (the rules' names, as this module has always offered them)
    FIELD_ROLES, NEW_OUTLET, ROLES, RULE_COLUMNS, RULES_FILE, WHERE, Rule, _prefilter, _prefilters, _rules_for,
    load_rules, read_rules, rules_table, workspace_rules,
)

from .normalised import (  # noqa: F401  (the record's names, as this module has always offered them)
    _FOLD, _WS, _WS_RUN, Normalised, Paragraph, Removal, _frozen, fold,
)

DEFAULT_PART = "news"

def of_row(corpus, r) -> "Normalised":
    """The normalisation of one row of a corpus frame (:func:`ossetia.load_corpus`): its
    outlet's rules, its manifest title and the extra rules of the seeds folder it was loaded
    from (``corpus.attrs["seeds"]``; the default seeds folder when the frame does not say)."""
    return normalise(r.raw, r.outlet, getattr(r, "title", "") or "", workspace_rules(corpus.attrs.get("seeds")))


_BREAK = re.compile(r"(\r\n|\r|\n)")


def _lines(raw: str):
    """(line number, start, line) of each line, the line without its break (\\n, \\r\\n, \\r).
    A break at the very end of the file starts no further line."""
    if "\r" not in raw:  # the usual case: str.split is much faster than a regex
        lines = raw.split("\n")
        if len(lines) > 1 and not lines[-1]:
            lines.pop()
        return zip(count(1), accumulate((len(x) + 1 for x in lines[:-1]), initial=0), lines)
    parts = _BREAK.split(raw)
    lines, breaks = parts[0::2], parts[1::2]
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
    starts = accumulate((len(x) + len(b) for x, b in zip(lines[:-1], breaks)), initial=0)
    return zip(count(1), starts, lines)


def _given_title_line(raw: str, title: str) -> int:
    """The start of the line that is ``title`` (compared folded, case and spaces ignored), among
    the first five content lines; -1 when there is none."""
    want = " ".join(fold(title).casefold().split())
    if not want:
        return -1
    k = 0
    for _, ls, line in _lines(raw):
        got = " ".join(fold(line).replace("\ufeff", " ").casefold().split())
        if not got:
            continue
        if got == want:
            return ls
        k += 1
        if k == 5:
            break
    return -1


def _alone(raw: str, end: int) -> bool:
    """Whether the line ending at ``end`` is followed by a blank line or the end of the file."""
    m = _NEXT_LINE.match(raw, end)
    return m is not None


_NEXT_LINE = re.compile(r"(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n|$)|$")


def _last_line_start(raw: str) -> int:
    """The start of the last line holding more than whitespace (-1 when there is none)."""
    body = raw.rstrip(_WS_CHARS)
    if not body:
        return -1
    return max(body.rfind("\n"), body.rfind("\r")) + 1


@lru_cache(maxsize=4096)
def normalise(raw: str, outlet: str = "*", title: str = "", rules: tuple[Rule, ...] = ()) -> Normalised:
    """Normalise one article's raw text. Pure and cached: same input, same output.

    ``title`` is the manifest's title (used by the rules for outlets without rules of their
    own); ``rules`` are a workspace's extra rules (:func:`workspace_rules`)."""
    extra = rules
    rules = _rules_for(outlet, extra)[0]
    *prefilters, need_title, need_last, need_repeat = _prefilters(outlet, extra)
    title_ls = _given_title_line(raw, title) if need_title else -1
    last_ls = _last_line_start(raw) if need_last else -2
    prev_folded = None
    text_parts: list[str] = []
    paragraphs: list[tuple] = []  # (t_start, t_end, start, end, part, role): see Normalised.spans
    removed: list[tuple] = []  # (line, start, end, role, rule_id, raw): see Removal
    fields: dict[str, str] = {}
    spans: dict[str, tuple[int, int]] = {}
    part = DEFAULT_PART
    seen_content = False
    prev_role = None
    pos = 0  # length of the text so far
    contiguous = True  # no paragraph has lost a character to whitespace folding (yet)
    plain = True  # every paragraph's text is its raw span (yet)

    def add_body(a: int, b: int, role: str, piece: str | None = None, same: bool = False) -> None:
        """Append raw[a:b] (trimmed) as a paragraph: whitespace runs become one space that
        maps to the run's first character; every other character maps to itself (see
        Normalised.omap). ``piece`` is the folded text of raw[a:b] when the caller already
        has it and raw[a:b] holds no byte-order mark (so that it needs no trimming); ``same``:
        that text is raw[a:b] itself."""
        nonlocal pos, contiguous, plain
        if piece is None:
            seg = raw[a:b]
            lead = len(seg) - len(seg.lstrip(_WS_CHARS))
            seg = seg.strip(_WS_CHARS)
            if not seg:
                return
            a += lead
            b = a + len(seg)
            piece = " ".join(seg.split()) if "\ufeff" not in seg else _WS_RUN.sub(" ", seg)
            same = piece == seg
        if text_parts:
            text_parts.append(SEPARATOR)
            pos += len(SEPARATOR)
        n = len(piece)
        text_parts.append(piece)
        paragraphs.append((pos, pos + n, a, b, part, role))
        pos += n
        if n != b - a:
            contiguous = False
        plain = plain and same

    bom = "\ufeff" in raw
    for no, ls, line in _lines(raw):
        stripped = line.strip()
        if bom and stripped[:1] == "\ufeff":
            stripped = stripped.lstrip("\ufeff").strip()
        if not stripped:
            continue
        lead = ls if stripped is line else ls + line.index(stripped[0])  # (strip gives the line itself when it strips nothing)
        te = lead + len(stripped)
        # folding leaves `stripped` unchanged when it is printable with no double space (every
        # whitespace character but the ASCII space, and the byte-order mark, is non-printable)
        folded = stripped if stripped.isprintable() and "  " not in stripped else " ".join(stripped.split())
        hit = None
        # a line the prefilter does not match can match no rule the loop would try (the
        # title repeat, a repeated line and the positional rules are tested apart)
        first = not (seen_content or "title" in fields)
        repeated = need_repeat and folded == prev_folded
        positional = (ls <= title_ls) or ls == last_ls or repeated
        if (prefilters[2 * first + (prev_role == "title")](stripped) is None
                and folded != fields.get("title") and not positional):
            rules_here: tuple[Rule, ...] = ()
        else:
            rules_here = rules
        prev_folded = folded
        for r in rules_here:
            if r.where == "first" and (seen_content or "title" in fields):
                continue
            if r.where == "first_alone" and (seen_content or "title" in fields or not _alone(raw, ls + len(line))):
                continue
            if r.where == "after_title" and prev_role != "title":
                continue
            if r.where == "last" and ls != last_ls:
                continue
            if r.where == "before_title" and not ls < title_ls:
                continue
            if r.where == "given_title":
                if ls == title_ls and "title" not in fields:
                    hit = (r, None)
                    break
                continue
            if r.role == "repeat_line":
                if repeated:
                    hit = (r, None)
                    break
                continue
            if r.role == "repeat_title":
                if "title" in fields and folded == fields["title"]:
                    hit = (r, None)
                    break
                continue
            if r.role in FIELD_ROLES and r.role in fields:
                continue
            m = r.pattern.fullmatch(stripped) if r.pattern else None
            if m:
                hit = (r, m)
                break
        if hit is None:
            # Most lines: a body paragraph. Without a byte-order mark, raw[lead:te] is
            # `stripped` itself (it starts and ends with a non-space), so its folded text is
            # `folded`; a mark at its start may have moved `lead` (see line.index above).
            if bom and "\ufeff" in stripped:
                add_body(lead, te, "body")
            else:  # (add_body, inlined for the commonest line)
                if text_parts:
                    text_parts.append(SEPARATOR)
                    pos += len(SEPARATOR)
                n = len(folded)
                text_parts.append(folded)
                paragraphs.append((pos, pos + n, lead, te, part, "body"))
                pos += n
                if n != te - lead:
                    contiguous = False
                if plain and folded is not stripped and folded != stripped:
                    plain = False
            seen_content = True
            prev_role = "body"
            continue
        r, m = hit
        role = r.role
        body = m.groupdict().get("body") if m else None
        if role.startswith("part:"):
            part = role.split(":", 1)[1]
        if role in FIELD_ROLES:
            g = "v" if m and m.groupdict().get("v") is not None else 0
            va, vb = (lead + m.start(g), lead + m.end(g)) if m else (lead, te)
            fields[role] = " ".join(raw[va:vb].split())
            spans[role] = (va, vb)
        if body is not None:
            ba, bb = lead + m.start("body"), lead + m.end("body")
            if ba > lead:
                removed.append((no, lead, ba, role, r.rule_id, raw[lead:ba]))
            add_body(ba, bb, "heading" if role == "heading" else "body")
            if bb < te:
                removed.append((no, bb, te, role, r.rule_id, raw[bb:te]))
            seen_content = True
        else:
            removed.append((no, lead, te, role, r.rule_id, stripped))
            if role in FIELD_ROLES:
                seen_content = True
        prev_role = role
    if paragraphs and not raw.isascii():
        raw.encode("utf-32-le")  # a lone surrogate raises here (as building the offset map would)
    return Normalised(raw, "".join(text_parts), paragraphs, removed, fields, spans, contiguous, plain)

