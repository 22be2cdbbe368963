"""The reading site: the executed notebooks, the contents and teaching guide, an evidence page per
document (every quoted span marked and anchored by its id), the claims index, the reference
tables, the figure gallery and printable handouts, with every citation a link to its quote.

    python -m ossetia.site            # build into site/ (``make site``)

Built with Sphinx + myst-nb from the committed notebooks, which are never executed here. Needs
the ``site`` extra (``pip install -e ".[site]"``).
"""
