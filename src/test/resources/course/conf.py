# Sphinx settings for the fixture course: the site docproof renders is compared with Sphinx's.
project = 'Fixture Course'
extensions = []
html_theme = 'alabaster'
exclude_patterns = ['_build']
