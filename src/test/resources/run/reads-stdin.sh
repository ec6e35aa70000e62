#!/usr/bin/env bash
# Reads all of stdin, as `cat` or `read` in a lesson would.
if input=$(cat); then
  echo "read ${#input} bytes"
fi
