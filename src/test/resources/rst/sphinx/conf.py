# The Sphinx project these pages belong to (docproof's includes stay inside this folder).
project = 'docproof test course'
extensions = ['sphinx.ext.todo']
