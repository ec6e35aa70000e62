#!/usr/bin/env python3
"""Writes a corpus of course-like reStructuredText pages for bench/site.sh: the course lesson and
variations of it (renamed labels and titles, sections repeated or dropped), plus a Sphinx conf.py and an
index with a toctree so sphinx-build renders the same files."""
import pathlib
import random
import re
import sys

lesson_path, out, count = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
lesson = lesson_path.read_text(encoding="utf-8")
# Split at top-level section titles (a title line followed by a line of '=').
parts = re.split(r"\n(?=[^\n]+\n=+\n)", lesson)
head, sections = parts[0], parts[1:]
rng = random.Random(42)
out.mkdir(parents=True, exist_ok=True)
names = []
for n in range(count):
    name = f"page-{n:03d}"
    names.append(name)
    body = head.replace(".. _docker-networking:", f".. _{name}:")
    chosen = [s for s in sections if rng.random() > 0.2] or sections[:1]
    if n % 3 == 0:
        chosen = chosen + [rng.choice(sections)]
    text = body
    for i, section in enumerate(chosen):
        lines = section.split("\n")
        title = f"{lines[0]} ({n}.{i})"
        lines[0], lines[1] = title, "=" * len(title)
        text = text.rstrip("\n") + "\n\n" + "\n".join(lines)
    (out / f"{name}.rst").write_text(text if n else lesson, encoding="utf-8")

(out / "conf.py").write_text("project = 'bench'\nextensions = []\nhtml_theme = 'alabaster'\n"
                             "exclude_patterns = ['_build']\n", encoding="utf-8")
(out / "index.rst").write_text("Bench\n=====\n\n.. toctree::\n   :maxdepth: 1\n\n"
                               + "".join(f"   {n}\n" for n in names), encoding="utf-8")
