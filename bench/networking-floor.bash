# The course lesson's 16 runnable commands as plain bash (lines 45 … 265 of content/docker-networking.rst;
# the same list `docproof plan --format json` gives as "run" steps), the floor docproof is measured
# against. Line 262 (`docker network remove`, no name) fails as written and docproof repairs it to
# `docker network remove networking-test`: the floor runs the repaired command in its place, then
# removes what the lesson leaves behind (client, my-network) as docproof does, so both do the same
# engine work. Any failing command fails the floor. MESSAGE: the message the server serves (the
# lesson's own by default; bench/course.sh varies it).
set -e
message="${MESSAGE:-using container aliases works!}"
docker network ls
docker network inspect bridge
docker network inspect bridge | sed -n '/Containers/,/Options/p'
docker network ls
docker network create my-network
docker network create networking-test
mkdir /tmp/networking-test
echo "$message" > /tmp/networking-test/message
docker run -d --rm --name server --network networking-test -v /tmp/networking-test/:/var/www/:ro launchcodedevops/simple-http
docker run -itd --name client --network networking-test launchcodedevops/simple-client
docker network inspect networking-test
docker network inspect networking-test | sed -n '/Containers/,/Options/p'
docker exec client curl -v server:8080/message
docker stop server client
docker network remove networking-test
rm -rf /tmp/networking-test
docker rm -f client
docker network rm my-network
