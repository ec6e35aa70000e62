#!/bin/sh
docker ps -q | xargs -r docker stop
