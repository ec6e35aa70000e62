"""Prints, as JSON, what docutils reads from one reStructuredText file: section titles with their
depth, admonitions (kind and title) and literal blocks (language and exact text; doctest blocks as
language "pycon"), in document order.
Usage: python3 dump_docutils.py FILE"""
import json
import sys

from docutils import nodes
from docutils.core import publish_doctree

SETTINGS = {
    'doctitle_xform': False,        # keep the first title a section, as the lesson model does
    'sectsubtitle_xform': False,
    'report_level': 5,              # quiet: the parse result is what is compared
    'halt_level': 5,
    'syntax_highlight': 'none',     # keep code text in one piece
    'file_insertion_enabled': False,
    'warning_stream': False,
}


def inside_system_message(node):
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.system_message):
            return True
        parent = parent.parent
    return False


def depth(section):
    level = 0
    node = section
    while node is not None:
        if isinstance(node, nodes.section):
            level += 1
        node = node.parent
    return level


def main(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    doctree = publish_doctree(text, source_path=path, settings_overrides=SETTINGS)
    sections, admonitions, literals = [], [], []
    for node in doctree.findall(nodes.Element):
        if inside_system_message(node):
            continue
        if isinstance(node, nodes.section):
            sections.append({'level': depth(node), 'title': node[0].astext()})
        elif isinstance(node, nodes.Admonition):
            kind = node.__class__.__name__
            title = node[0].astext() if kind == 'admonition' and isinstance(node[0], nodes.title) else None
            admonitions.append({'kind': kind, 'title': title})
        elif isinstance(node, nodes.literal_block):
            classes = node.get('classes', [])
            language = None
            if 'code' in classes:
                rest = [c for c in classes[classes.index('code') + 1:]]
                language = rest[0] if rest else None
            literals.append({'language': language, 'text': node.astext()})
        elif isinstance(node, nodes.doctest_block):
            # the lesson model keeps >>> sessions as code blocks in language "pycon"
            literals.append({'language': 'pycon', 'text': node.astext()})
    json.dump({'sections': sections, 'admonitions': admonitions, 'literals': literals}, sys.stdout, indent=1)


if __name__ == '__main__':
    main(sys.argv[1])
