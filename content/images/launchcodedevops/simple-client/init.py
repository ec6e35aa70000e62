#!/usr/bin/python3
"""PID 1 of the client image: runs the command, reaps orphans, and ends the container on SIGTERM.

An interactive bash as PID 1 ignores SIGTERM, so `docker stop` would wait 10 s and then kill it.
"""
import os
import signal
import subprocess
import sys


def stop(signum, _frame):
    # Leaving PID 1 ends the container; the kernel then kills every process left in it.
    os._exit(128 + signum)


signal.signal(signal.SIGTERM, stop)
child = subprocess.Popen(sys.argv[1:] or ["bash"])
while True:
    pid, status = os.wait()
    if pid == child.pid:
        sys.exit(os.waitstatus_to_exitcode(status))
