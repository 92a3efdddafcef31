"""``unres package``: BagIt packages (RFC 8493) of built resolutions, for archives.

- :mod:`.layout` decides what goes into a bag and under which name (pure);
- :mod:`.mets` describes the payload in METS (pure);
- :mod:`.checks` validates a bag: the bag itself with the Library of Congress
  ``bagit`` library, then its contents with the checks ``unres build`` runs;
- :mod:`.write` is the one module of this package that writes files (the
  sibling of :mod:`unres.pipeline.build`): a bag is made beside its target, checked,
  and only then renamed into place;
- :mod:`.command` runs the two commands, ``unres package`` and
  ``unres package --validate``.
"""
