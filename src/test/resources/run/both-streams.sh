#!/usr/bin/env bash
# Prints to both streams, pausing so the order of arrival is unambiguous.
echo out-1
sleep 0.2
echo err-1 >&2
sleep 0.2
echo out-2
