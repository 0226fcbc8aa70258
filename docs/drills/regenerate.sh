#!/bin/sh
# Measures the go-jose drill of docs/upgrade-gate.md again, then rewrites
# the files made from the measurements. Run it as 'go generate ./docs'
# (or 'sh docs/drills/regenerate.sh') from a checkout; it needs the module
# proxy, or a module cache that holds the versions.
#
#   drills/go-jose-v4-history.md          the timeline over go-jose v4 releases
#   drills/go-jose-v4.1.4.results.json.gz  results.json of the suite built against v4.1.4
#   drills/go-jose-v4.1.9.results.json.gz  ... and against v4.1.9
#   drills/go-jose-v4.1.4-v4.1.9.diff.txt  jwtconform diff of the two (by the test below)
#   upgrade-gate.md, between its drill markers: the counts and trimmed rows (by the test below)
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
go run ../cmd/jwtconform history -q -module github.com/go-jose/go-jose/v4 -adapter 'go-jose/*' \
  -out "$tmp" -md drills/go-jose-v4-history.md \
  v4.0.5 v4.1.0 v4.1.4 v4.1.5 v4.1.6 v4.1.7 v4.1.8 v4.1.9
for v in v4.1.4 v4.1.9; do
  gzip -9n <"$tmp/$v/results.json" >"drills/go-jose-$v.results.json.gz"
done
go test . -run '^TestDrill$' -jwtconform.update
