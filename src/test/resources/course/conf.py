# Sphinx settings for the fixture course: the site docproof renders is compared with Sphinx's.
project = 'Fixture Course'
rst_prolog = """
.. |project| replace:: The fixture course
"""
extensions = []
html_theme = 'alabaster'
exclude_patterns = ['_build']
