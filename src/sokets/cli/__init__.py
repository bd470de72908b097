"""The ``sokets`` command line: a thin layer over the library (see :mod:`sokets.cli.main`)."""
