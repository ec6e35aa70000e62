"""Prints, as JSON, what docutils reads from one reStructuredText file: section titles with their
depth, admonitions (kind and title), literal blocks (language and exact text; doctest blocks as
language "pycon"), lists (kind, numbering, start, items), tables (title, header and body rows,
columns), images (URI) and paragraphs (text, substitutions filled in; null when docutils could not read it all),
in document order.
Usage: python3 dump_docutils.py FILE"""
import json
import os
import sys

from docutils import nodes
from docutils.core import publish_doctree

SETTINGS = {
    'doctitle_xform': False,        # keep the first title a section, as the lesson model does
    'sectsubtitle_xform': False,
    'report_level': 5,              # quiet: the parse result is what is compared
    'halt_level': 5,
    'syntax_highlight': 'none',     # keep code text in one piece
    'file_insertion_enabled': True,  # include and csv-table :file: read files beside the fixture
    'warning_stream': False,
}


def inside_system_message(node):
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.system_message):
            return True
        parent = parent.parent
    return False


def inside(node, kind):
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kind):
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
    sections, admonitions, literals, lists, tables, images, paragraphs = [], [], [], [], [], [], []
    for node in doctree.findall(nodes.Element):
        if inside_system_message(node) or isinstance(node, nodes.substitution_definition) \
                or inside(node, nodes.substitution_definition):
            continue
        if isinstance(node, nodes.bullet_list):
            lists.append({'kind': 'bullet', 'start': 1, 'items': len(node.children)})
        elif isinstance(node, nodes.enumerated_list):
            lists.append({'kind': node['enumtype'], 'start': node.get('start', 1), 'items': len(node.children)})
        elif isinstance(node, nodes.table):
            title = node[0].astext() if isinstance(node[0], nodes.title) else ''
            group = node.next_node(nodes.tgroup)
            head = group.next_node(nodes.thead)
            body = group.next_node(nodes.tbody)
            tables.append({'title': title, 'header': len(head.children) if head else 0,
                           'body': len(body.children) if body else 0, 'columns': group['cols']})
        elif isinstance(node, nodes.image):
            images.append(node['uri'])
        elif isinstance(node, nodes.paragraph):
            # null for a paragraph holding text docutils could not read (Sphinx's roles, for one)
            paragraphs.append(None if any(node.findall(nodes.problematic)) else node.astext())
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
            text = node.astext()
            origin = node.get('source') or node.source
            if origin and os.path.abspath(origin) != os.path.abspath(path):
                # an included file's literal text is sliced from its raw text by docutils, edge newlines
                # and all; the lesson model holds its lines
                text = text.strip('\n')
            literals.append({'language': language, 'text': text})
        elif isinstance(node, nodes.doctest_block):
            # the lesson model keeps >>> sessions as code blocks in language "pycon"
            literals.append({'language': 'pycon', 'text': node.astext()})
    json.dump({'sections': sections, 'admonitions': admonitions, 'literals': literals, 'lists': lists,
               'tables': tables, 'images': images, 'paragraphs': paragraphs}, sys.stdout, indent=1)


if __name__ == '__main__':
    main(sys.argv[1])
