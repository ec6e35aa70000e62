#!/usr/bin/env bash
# Leaves a background child behind, reports its pid, then hangs.
sleep 300 &
echo "child $!"
sleep 300
