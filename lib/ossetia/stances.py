"""Stances: what each actor's reported action amounts to, and the tables the stance figures draw
(the recognition matrix, the positions time line, the Kosovo argument map and sequence)."""

from __future__ import annotations

import pandas as pd

from .ids import frame_key
from .corpus import voice


#: action -> stance category of the house palette (style.STANCES)
STANCE_OF_ACTION = {
    "recognises": "recognises",
    "urges_recognition": "urges", "seeks_recognition": "urges", "invokes_precedent": "urges",
    "supports": "urges", "declares": "urges", "declares_independence": "urges",
    "does_not_recognise": "refuses", "opposes_recognition": "refuses", "rejects": "refuses",
    "boycotts": "refuses", "denies_precedent": "refuses", "warns": "refuses",
    "condemns": "condemns", "accuses": "condemns",
}  # anything else (reports, votes, treaties, proposals, events) is drawn as neutral


def stance(action: str) -> str:
    """The stance category an action is drawn as (neutral for reports, votes, events)."""
    return STANCE_OF_ACTION.get(action, "neutral")


def _short_date(r) -> str:
    """A claim's event date, or its publication date when the text gives none."""
    d = r["event_date"] or f"{r['published']:%Y-%m-%d}"
    return d


MATRIX_TARGETS = {
    "south_ossetia_independence": "S. Ossetian\nindependence",
    "referendum_2006": "2006\nreferendum",
    "referendum_1992": "1992\nreferendum",
    "kosovo_independence": "Kosovo's\nindependence",
    "kosovo_precedent": "'Kosovo\nprecedent'",
    "georgian_territorial_integrity": "S. Ossetia as\npart of Georgia",
    "alliance_treaty_2014": "2014 draft\ntreaty",
}


def stance_matrix(claims: pd.DataFrame, targets: dict[str, str] | None = None, min_claims: int = 1) -> pd.DataFrame:
    """Actors x targets: one row per (actor, target) with the stance, claim ids, outlets and dates."""
    targets = targets or MATRIX_TARGETS
    c = claims[claims["target"].isin(targets)].copy()
    c = c[~c["actor"].isin(["Reuters", "VOA", "Euronews", "Agenda.ge", "Interfax", "Wikipedia"])]
    c["stance"] = c["action"].map(stance)
    c = c[c["stance"] != "neutral"]
    rows = []
    for (actor, target), g in c.groupby(["actor", "target"], sort=True):
        st = g["stance"].mode().sort_values().iloc[0] if g["stance"].nunique() > 1 else g["stance"].iloc[0]
        rows.append({"actor": actor, "target": target, "stance": st, "stances": ", ".join(sorted(set(g["stance"]))),
                     "claims": " ".join(g["claim_id"]), "n": len(g),
                     "sources": "; ".join(sorted({f"{voice(r['outlet'], r['part'])} {r['published']:%Y-%m-%d}"
                                                  for _, r in g.iterrows()})),
                     "first_date": min(_short_date(r) for _, r in g.iterrows())})
    m = pd.DataFrame(rows, columns=["actor", "target", "stance", "stances", "claims", "n", "sources", "first_date"])
    keep = m.groupby("actor")["n"].sum()
    return m[m["actor"].isin(keep[keep >= min_claims].index)].reset_index(drop=True)


def actor_groups(actors) -> list[tuple[str, list[str]]]:
    """Actors grouped by the lanes of :data:`POSITION_LANES` (same parties as the positions
    figure), the rest under "other actors"; group order as in POSITION_LANES."""
    lane_of = {a: lane for lane, members in POSITION_LANES.items() for a in members}
    groups = [(lane, [a for a in actors if lane_of.get(a) == lane]) for lane in POSITION_LANES]
    groups.append(("other actors", [a for a in actors if a not in lane_of]))
    return [(g, members) for g, members in groups if members]


POSITION_LANES = {
    "Russia": ["Russia", "Russian parliament", "Federation Council", "State Duma", "Vladimir Putin", "Dmitry Medvedev"],
    "Georgia": ["Georgia", "Georgian Foreign Ministry", "Davit Kereselidze", "Mikhail Saakashvili"],
    "South Ossetia": ["South Ossetia", "South Ossetian parliament", "Eduard Kokoity", "Leonid Tibilov"],
    "US / EU / NATO / OSCE": ["United States", "Condoleezza Rice", "European Union", "NATO", "OSCE", "Western backers of Kosovo"],
}


def positions(claims: pd.DataFrame, lanes: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """Dated positions of the main parties: claims with a stance whose date is known to the day
    or month. Undated claims and claims dated to a year only (e.g. "after the 2008 war") are
    left out: a point on a time line would claim a precision the text does not give."""
    lanes = lanes or POSITION_LANES
    lane_of = {a: lane for lane, actors in lanes.items() for a in actors}
    c = claims[claims["actor"].isin(lane_of)].copy()
    c["stance"] = c["action"].map(stance)
    c = c[(c["stance"] != "neutral") & (c["part"] != "headline") & c["date_precision"].isin(["day", "month"])]
    c["date"] = pd.to_datetime([d if len(d) == 10 else (d + "-15" if len(d) == 7 else f"{p:%Y-%m-%d}")
                                for d, p in zip(c["event_date"], c["published"])])
    c["lane"] = c["actor"].map(lane_of)
    c["label"] = [f"{a.replace('_', ' ')}\n{t.replace('_', ' ')}" for a, t in zip(c["action"], c["target"])]
    c = c.drop_duplicates(subset=["lane", "date", "action", "target"])
    return c.sort_values(["lane", "date", "claim_id"], key=frame_key).reset_index(drop=True)


OUTLET_VOICES = ("Reuters", "VOA", "Euronews", "Agenda.ge", "Interfax", "Wikipedia")


def argument_map(claims: pd.DataFrame) -> pd.DataFrame:
    """Who invokes and who denies the Kosovo precedent (or warns against Kosovo's recognition).
    An outlet's own framing is not an argument in the debate and is left out."""
    c = claims[(claims["theme"] == "kosovo_precedent") & claims["action"].isin(
        ["invokes_precedent", "denies_precedent", "warns", "rejects", "accuses"])
        & ~claims["actor"].isin(OUTLET_VOICES)].copy()
    c["side"] = c["action"].map({"invokes_precedent": "invokes", "accuses": "invokes",
                                 "denies_precedent": "denies", "warns": "warns", "rejects": "warns"})
    return c.sort_values(["side", "event_date", "claim_id"], key=frame_key).reset_index(drop=True)


def kosovo_sequence(claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The dated sequence a seminar discusses, mixing seed evidence and reference events.
    Only claims dated to the day are placed in it (a year-only date cannot be sequenced)."""
    claims = claims[claims["date_precision"] == "day"]
    pick = claims[claims["claim_id"].isin(claims.loc[
        (claims["theme"].isin(["kosovo_precedent", "recognition"])) &
        (claims["action"].isin(["invokes_precedent", "warns", "denies_precedent", "urges_recognition", "recognises"])) &
        (claims["actor"].isin(["South Ossetian parliament", "Russia", "Condoleezza Rice", "Federation Council", "State Duma"])),
        "claim_id"])]
    rows = [{"date": r["event_date"], "date_basis": "reported" if r["date_basis"] == "publication" else "event",
             "what": f"{r['actor']}: {r['action'].replace('_', ' ')} ({r['target'].replace('_', ' ')})",
             "cite": r["claim_id"], "layer": "seed", "outlet": r["outlet"]} for _, r in pick.iterrows()]
    ev = events[events["ref_id"].isin(["E01", "E02", "E04"])]
    rows += [{"date": r["date"], "date_basis": "event", "what": r["event"], "cite": r["ref_id"], "layer": "reference",
              "outlet": r["source"]} for _, r in ev.iterrows()]
    df = pd.DataFrame(rows)
    df = df.drop_duplicates(subset=["date", "what"]).sort_values(["date", "cite"]).reset_index(drop=True)
    return df
