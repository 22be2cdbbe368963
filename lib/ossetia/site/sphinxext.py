"""Sphinx extension: every citation in prose becomes a link to its anchor, the quote as its title.

Runs on every page once references are resolved (notebook markdown cells, the guide, the
generated pages alike). Code, raw HTML and cell outputs are left as they are. An id that is in
no table is kept as text, marked, and reported; the build refuses to finish with one.
"""

from __future__ import annotations

from collections import Counter

from docutils import nodes

from .citations import GROUP, split, targets

SKIP = (nodes.literal, nodes.literal_block, nodes.raw, nodes.reference, nodes.FixedTextElement,
        nodes.comment)


def _skipped(node: nodes.Node) -> bool:
    p = node.parent
    while p is not None:
        if isinstance(p, SKIP) or isinstance(p, nodes.Element) and \
                any(c in ("cell_input", "cell_output") for c in p.get("classes", [])):
            return True
        p = p.parent
    return False


def _merge_text(doctree: nodes.document) -> None:
    """Join adjacent Text nodes so that a bracketed group is never split across two."""
    for el in list(doctree.findall(nodes.TextElement)):
        kids = el.children
        k = 0
        while k + 1 < len(kids):
            if isinstance(kids[k], nodes.Text) and isinstance(kids[k + 1], nodes.Text):
                el.replace(kids[k], nodes.Text(kids[k].astext() + kids[k + 1].astext()))
                el.remove(kids[k + 1])
            else:
                k += 1


def link_citations(app, doctree: nodes.document, docname: str) -> None:
    known = app.env.ossetia_targets
    counts: Counter = app.env.ossetia_counts
    _merge_text(doctree)
    for text in list(doctree.findall(nodes.Text)):
        src = text.astext()
        if "[" not in src or _skipped(text):
            continue
        matches = list(GROUP.finditer(src))
        if not matches:
            continue
        new: list[nodes.Node] = []
        pos = 0
        for m in matches:
            new.append(nodes.Text(src[pos:m.start(1)]))
            for piece, is_id in split(m.group(1)):
                if not is_id:
                    new.append(nodes.Text(piece))
                elif piece in known:
                    t = known[piece]
                    uri = app.builder.get_relative_uri(docname, t.page) + (f"#{t.anchor}" if t.anchor else "")
                    ref = nodes.reference("", "", nodes.Text(piece), refuri=uri, reftitle=t.preview,
                                          classes=["cite"], internal=True)
                    new.append(ref)
                    counts[docname] += 1
                else:
                    new.append(nodes.inline(piece, piece, classes=["cite-unknown"]))
                    app.env.ossetia_unknown.append((docname, piece))
            pos = m.end(1)
        new.append(nodes.Text(src[pos:]))
        text.parent.replace(text, new)


def _init(app) -> None:
    app.env.ossetia_targets = targets(app.config.ossetia_seeds or None)
    app.env.ossetia_counts = Counter()
    app.env.ossetia_unknown = []


def setup(app):
    app.add_config_value("ossetia_seeds", "", "env")
    app.connect("builder-inited", _init)
    app.connect("doctree-resolved", link_citations)
    return {"parallel_read_safe": True, "parallel_write_safe": False}
