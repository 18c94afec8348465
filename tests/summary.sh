#!/bin/sh
# tests/summary.sh COUNTS STAGE...: the totals of make test. COUNTS holds one line per stage
# that finished, "STAGE passed failed skipped" (the runners append it). A stage without its
# line did not finish (its build or runner failed) and counts as one failure. Prints a line
# per stage and, last, "N passed, N failed, N skipped"; exits 1 if anything failed.
set -eu
counts=$1
shift
pass=0
failed=0
skipped=0
echo "--- make test: every stage ---"
for stage in "$@"; do
	line=$(grep "^$stage " "$counts" 2>/dev/null | tail -n 1 || true)
	if [ -z "$line" ]; then
		echo "  $stage: did not finish (see its output above)"
		failed=$((failed + 1))
		continue
	fi
	p=$(echo "$line" | cut -d' ' -f2)
	f=$(echo "$line" | cut -d' ' -f3)
	s=$(echo "$line" | cut -d' ' -f4)
	printf '  %-14s %4d passed, %d failed, %d skipped\n' "$stage:" "$p" "$f" "$s"
	pass=$((pass + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
done
echo "$pass passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
