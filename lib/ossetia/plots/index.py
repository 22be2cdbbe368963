"""What goes beside an exported figure: the data behind it (``NAME.csv``), a short caption, a
credit line ready to paste, and the index of an export (``index.csv`` + ``README.md``).

``NAME.csv`` is built from the ids a figure draws (its registry entry's evidence), so it lists
exactly the rows drawn: seed claims and numbers with their exact quote, offsets, dates and the
document they come from; reference rows with their public source; documents with their manifest
row. One schema for every figure, as Our World in Data ships the data of a chart.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from ..fileio import atomic_write_text
from .texts import counted, listing, plural

#: The licence of the figures, tables and prose (the code is MIT: LICENSE). Also in README.md.
FIGURE_LICENCE = "CC BY 4.0"
CREDIT_PREFIX = f"Ossetia notebooks, {FIGURE_LICENCE}."
SHORT_CAPTION_MAX = 200

DATA_COLUMNS = ["id", "layer", "kind", "doc_id", "part", "voice", "published", "date", "date_precision",
                "date_basis", "actor", "action", "target", "measure", "value", "unit", "low", "high", "qualifier",
                "exact", "start", "end", "file", "source", "source_url"]
INDEX_COLUMNS = ["name", "title", "short_caption", "caption", "alt_text", "credit", "sources", "evidence",
                 "preset", "files"]


def _s(v) -> str:
    """A cell as text: NaN/None -> '', floats without a needless '.0'."""
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    if isinstance(v, float):
        return f"{v:g}"
    if isinstance(v, pd.Timestamp):
        return f"{v:%Y-%m-%d}"
    return str(v)


def figure_rows(ids: list[str], tables: dict, voice=None) -> pd.DataFrame:
    """The rows behind a figure, one per id it draws, in the order given.

    Args:
        ids: evidence ids: claim (``C…``), number (``N…``) and reference ids (``R…``, ``RR…``,
            ``E…``), and ``doc:ID`` for a document.
        tables: ``corpus``, ``claims``, ``numbers``, ``recognitions``, ``results``, ``events``
            as loaded by the figure registry.
        voice: function (outlet, part) -> the voice of a document part (default: the outlet).

    Returns:
        A DataFrame with :data:`DATA_COLUMNS` (all text). Unknown ids raise ``KeyError``.
    """
    voice = voice or (lambda outlet, part: outlet)
    corpus = tables["corpus"].set_index("doc_id")
    claims = tables["claims"].set_index("claim_id")
    numbers = tables["numbers"].set_index("number_id")
    refs = {"recognition": tables["recognitions"].set_index("ref_id"),
            "referendum_result": tables["results"].set_index("ref_id"),
            "event": tables["events"].set_index("ref_id")}
    rows = []
    for i in ids:
        row = dict.fromkeys(DATA_COLUMNS, "")
        row["id"] = i
        if i.startswith("doc:"):
            d = corpus.loc[i[4:]]
            row.update(layer="seed", kind="document", doc_id=i[4:], voice=d["outlet"], published=_s(d["published"]),
                       date=_s(d["published"]), date_basis=_s(d["date_basis"]), exact=_s(d.get("title", "")),
                       file=_s(d["file"]), source=f"{d['outlet']} {d['published']:%Y-%m-%d}", source_url=_s(d["url"]))
        elif i in claims.index or i in numbers.index:
            r = claims.loc[i] if i in claims.index else numbers.loc[i]
            d = corpus.loc[r["doc_id"]]
            row.update(layer="seed", doc_id=r["doc_id"], part=r["part"], voice=r.get("voice") or voice(d["outlet"], r["part"]),
                       published=_s(d["published"]), exact=r["exact"], start=_s(r["start"]), end=_s(r["end"]),
                       file=_s(d["file"]), source=f"{d['outlet']} {d['published']:%Y-%m-%d}", source_url=_s(d["url"]))
            if i in claims.index:
                row.update(kind="claim", date=_s(r["event_date"]), date_precision=r["date_precision"],
                           date_basis=r["date_basis"], actor=r["actor"], action=r["action"], target=r["target"])
            else:
                row.update(kind="number", date=_s(r["as_of"]), date_basis=_s(r["as_of_basis"]), measure=r["measure"],
                           target=r["subject"], value=_s(r["value"]), unit=_s(r["unit"]), low=_s(r["low"]),
                           high=_s(r["high"]), qualifier=_s(r["qualifier"]))
        else:
            kind = next((k for k, t in refs.items() if i in t.index), None)
            if kind is None:
                raise KeyError(f"no claim, number, reference row or document {i!r}")
            r = refs[kind].loc[i]
            row.update(layer="reference", kind=kind, date=_s(r["date"]), date_precision=_s(r.get("date_precision", "")),
                       source=_s(r["source"]), source_url=_s(r["source_url"]))
            if kind == "recognition":
                row.update(actor=r["state"], action="recognises", target=_s(r.get("recognises", "")),
                           qualifier=_s(r["status"]) + (f" (withdrawn {r['withdrawn_date']})"
                                                        if _s(r.get("withdrawn_date", "")) else ""))
            elif kind == "referendum_result":
                row.update(measure=r["measure"], target=r["referendum"], value=_s(r["value"]), unit=_s(r["unit"]))
            else:
                row.update(exact=_s(r["event"]))
        rows.append(row)
    return pd.DataFrame(rows, columns=DATA_COLUMNS)


def data_csv(rows: pd.DataFrame) -> str:
    """``NAME.csv`` text (UTF-8, LF line ends)."""
    return rows.to_csv(index=False, lineterminator="\n")


def short_source(source: str) -> str:
    """The publisher of a reference source: 'Wikipedia: Russo-Georgian War' -> 'Wikipedia',
    'REGNUM, quoting the final protocol …' -> 'REGNUM', 'Direct Democracy (sudd.ch): …' ->
    'Direct Democracy'."""
    s = re.split(r"[:,;]", source, maxsplit=1)[0]
    s = re.sub(r"\s*\([^)]*\)?", "", s).strip()
    return s or source.strip()


def short_sources(rows: pd.DataFrame) -> str:
    """Short forms of the sources of ``rows``: seed documents as 'outlet year' (with the voices
    they carry when these differ from the outlet), then the publishers of the reference rows."""
    seed = rows[rows["layer"] == "seed"]
    docs = []
    for doc_id, g in seed.sort_values(["published", "doc_id"]).groupby("doc_id", sort=False):
        outlet = g["source"].iloc[0].rsplit(" ", 1)[0]
        voices = sorted(set(g["voice"]) - {outlet, ""})
        docs.append(f"{outlet} {g['published'].iloc[0][:4]}" + (f" ({', '.join(voices)})" if voices else ""))
    ref = list(dict.fromkeys(short_source(s) for s in rows.loc[rows["layer"] == "reference", "source"]))
    parts = list(dict.fromkeys(docs))
    if ref:
        parts.append("reference: " + ", ".join(ref))
    return "; ".join(parts)


def credit_line(rows: pd.DataFrame) -> str:
    """'Ossetia notebooks, CC BY 4.0. Sources: …' for the rows a figure draws."""
    src = short_sources(rows)
    return f"{CREDIT_PREFIX} Sources: {src}." if src else CREDIT_PREFIX


def part_note(i: int, n: int, label: str, rows: pd.DataFrame) -> str:
    """What part ``i`` of ``n`` of a split figure holds, counted from the rows it draws:
    'Part 1 of 2 (label): 19 claims from five documents and 1 reference row'. The export ends
    the part's caption with it and opens its alt text with it."""
    seed = rows[rows["layer"] == "seed"]
    quoted = seed[seed["kind"].isin(["claim", "number"])]
    items = []
    if len(quoted):
        kinds = listing(plural(int((quoted["kind"] == k).sum()), k) for k in ("claim", "number")
                        if (quoted["kind"] == k).any())
        items.append(f"{kinds} from {counted(quoted['doc_id'].nunique(), 'document')}")
    if (seed["kind"] == "document").any():
        items.append(counted(int((seed["kind"] == "document").sum()), "document"))
    if (rows["layer"] == "reference").any():
        items.append(plural(int((rows["layer"] == "reference").sum()), "reference row"))
    return f"Part {i} of {n} ({label}): {listing(items) or 'no rows'}"


def short_caption(caption: str, limit: int = SHORT_CAPTION_MAX) -> str:
    """The caption's first sentence, cut at a clause (then a word) to at most ``limit`` characters."""
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z'‘“(])", caption.strip(), maxsplit=1)[0]
    if len(first) <= limit:
        return first
    cut = first[:limit - 1]
    for sep in ("; ", ": ", ", ", " "):
        k = cut.rfind(sep)
        if k > limit // 2:
            return cut[:k].rstrip(" ,;:") + "…"
    return cut + "…"


def quotes(rows: pd.DataFrame) -> list[str]:
    """One line per quoted row: 'C001 (voice, YYYY-MM-DD): “exact”'."""
    out = []
    for _, r in rows.iterrows():
        if r["kind"] in ("claim", "number") and r["exact"]:
            out.append(f"{r['id']} ({r['voice']}, {r['published']}): \u201c{r['exact']}\u201d")
        elif r["layer"] == "reference":
            what = r["exact"] or " ".join(x for x in (r["actor"], r["measure"], r["target"], r["value"]) if x)
            out.append(f"{r['id']} (reference, {r['date']}): {what}. {r['source']}")
    return out


def index_csv(entries: list[dict]) -> str:
    """``index.csv`` text: one row per figure written (columns :data:`INDEX_COLUMNS`)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, INDEX_COLUMNS, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    w.writerows(entries)
    return buf.getvalue()


def index_readme(entries: list[dict], command: str, tables: str = "seeds/") -> str:
    """``README.md`` text: a gallery of the figures written, with the text to paste beside each;
    ``tables``: the seeds folder drawn, as figures name it (:func:`ossetia.paths.seeds_file`)."""
    lines = ["# Briefing figures", "",
             f"Generated by `{command}` from the evidence tables in `{tables}`; do not edit by hand. "
             "`index.csv` holds the same text in a table; `NAME.csv` beside each figure lists the rows it draws "
             "(ids, exact quotes with offsets, dates and sources).", "",
             f"Licence: the figures and tables are {FIGURE_LICENCE} (credit line below each figure); the code "
             "that makes them is MIT. Quotes are short excerpts of the news texts, whose copyright stays with "
             "their publishers.", ""]
    for e in entries:
        files = e["files"].split()
        image = next((f for ext in ("png", "svg") for f in files if f.endswith("." + ext)), None)
        lines += [f"## {e['title']}", ""]
        if image:
            lines += [f"![{e['alt_text']}]({image})", ""]
        lines += [f"**{e['name']}** ({e['preset']}): {e['short_caption']}", "",
                  e["caption"], "", f"*Credit:* {e['credit']}", "", f"*Sources:* {e['sources']}", "",
                  f"*Alt text:* {e['alt_text']}", "", f"*Evidence shown:* {e['evidence']}", "",
                  "Files: " + " · ".join(f"[{f.rsplit('.', 1)[-1].upper()}]({f})" for f in files), ""]
    return "\n".join(lines)


def write_index(out: Path, entries: list[dict], command: str, tables: str = "seeds/") -> list[Path]:
    """Write ``index.csv`` and ``README.md`` describing ``entries`` into ``out`` (``tables``: see
    :func:`index_readme`)."""
    atomic_write_text(out / "index.csv", index_csv(entries))
    atomic_write_text(out / "README.md", index_readme(entries, command, tables))
    return [out / "index.csv", out / "README.md"]


def merge_index(out: Path, entries: list[dict]) -> list[dict]:
    """The index of ``out`` after an export of ``entries``: rows already in its ``index.csv``
    stay (in their place, replaced when re-exported) while their files are all still there; new
    rows follow in export order. So a partial export never drops the other figures of a folder."""
    new = {e["name"]: e for e in entries}
    old: list[dict] = []
    try:
        with open(out / "index.csv", encoding="utf-8", newline="") as fh:
            old = [r for r in csv.DictReader(fh) if r.get("name")]
    except (OSError, UnicodeDecodeError, csv.Error):
        old = []
    merged, seen = [], set()
    for r in old:
        if r["name"] in new:
            merged.append(new[r["name"]])
            seen.add(r["name"])
        elif r.get("files") and all((out / f).is_file() for f in r["files"].split()):
            merged.append({c: r.get(c) or "" for c in INDEX_COLUMNS})
    return merged + [e for e in entries if e["name"] not in seen]
