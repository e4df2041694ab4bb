#!/usr/bin/env bash
# Kills `placement compare` on England at random moments and checks that every output folder is
# either absent or complete and byte-identical to a clean run, and that no temporaries or staging
# folders are left (after SIGKILL, the next run's clean-up of stale staging is what removes them).
#
#   Scripts/stress-interrupted-output.sh [RUNS]     (default 100; not part of Scripts/test.sh)
#
# Prints the counts of each outcome and exits 1 if any run broke the guarantee.
set -euo pipefail
runs="${1:-100}"
root="$(cd "$(dirname "$0")/.." && pwd)"
scenario="$root/Fixtures/scenarios/england-2025"
"$root/Scripts/install-dependencies.sh"
echo "== building placement (release; the first build takes a few minutes)" >&2
(cd "$root" && swift build -c release --product placement >/dev/null)
tool="$root/.build/release/placement"
work="$(mktemp -d "${TMPDIR:-/tmp}/placement-stress.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir "$work/runs"

# The reference run, timed: its whole duration, and when its staging folder first appears (the
# moment writing starts), found by polling.
started=$(date +%s%N)
"$tool" compare "$scenario" --out "$work/reference" >/dev/null 2>&1 &
reference=$!
writing_ms=""
while kill -0 "$reference" 2>/dev/null; do
    if [[ -z "$writing_ms" ]] && compgen -G "$work/.reference.placement-*.staging" >/dev/null; then
        writing_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    fi
    sleep 0.01
done
wait "$reference"
duration_ms=$(( ($(date +%s%N) - started) / 1000000 ))
writing_ms=${writing_ms:-$((duration_ms * 3 / 4))}
write_ms=$((duration_ms - writing_ms > 20 ? duration_ms - writing_ms : 20))
echo "reference run: ${duration_ms} ms, writing from ${writing_ms} ms; $(find "$work/reference" -type f | wc -l) files"

# Lists leftovers of the naming scheme `.NAME.placement-PID-RANDOM.(tmp|staging)` under a folder.
leftovers() { find "$1" -name '.*.placement-*-*.tmp' -o -name '.*.placement-*-*.staging' | sort; }

absent=0 complete=0 broken=0 finished=0 killed_while_writing=0 leftover_after_cleanup=0
declare -A by_signal=([INT]=0 [TERM]=0 [KILL]=0)
declare -A exits=()
signals=(INT TERM KILL)
for ((run = 1; run <= runs; run++)); do
    out="$work/runs/out-$run"
    signal=${signals[$((RANDOM % 3))]}
    by_signal[$signal]=$((by_signal[$signal] + 1))
    # Odd runs: a delay over the whole run (as long as the last run that finished), a little past its
    # end so that some finish. Even runs: wait until this run's staging folder appears (writing has
    # begun), then a delay over up to half the reference's writing time, so that the signal lands
    # while the set is written or swapped in.
    random=$((RANDOM * 32768 + RANDOM))
    run_started=$(date +%s%N)
    "$tool" compare "$scenario" --out "$out" >/dev/null 2>&1 &
    pid=$!
    if ((run % 2)); then
        delay_ms=$((random % (duration_ms * 11 / 10 + 1)))
    else
        while kill -0 "$pid" 2>/dev/null && ! compgen -G "$work/runs/.out-$run.placement-$pid-*.staging" >/dev/null; do
            sleep 0.002
        done
        delay_ms=$((random % (write_ms / 2 + 1)))
    fi
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill "-$signal" "$pid" 2>/dev/null || true
    status=0
    { wait "$pid"; } 2>/dev/null || status=$?
    # A run that finished tells how long runs take now (the machine's load changes).
    [[ $status -eq 0 ]] && finished=$((finished + 1)) && duration_ms=$(( ($(date +%s%N) - run_started) / 1000000 ))
    exits[$status]=$(( ${exits[$status]:-0} + 1 ))
    if [[ ! -e "$out" ]]; then
        absent=$((absent + 1))
    elif diff -r "$work/reference" "$out" >/dev/null 2>&1; then
        complete=$((complete + 1))
    else
        broken=$((broken + 1))
        echo "run $run (SIG$signal after ${delay_ms} ms, exit $status): $out is neither absent nor complete" >&2
    fi
    # SIGINT and SIGTERM clean up at once; SIGKILL's leftovers must go with the next run.
    mine="$(leftovers "$work/runs" | grep -F ".placement-$pid-" || true)"
    [[ "$signal" == KILL && -n "$mine" ]] && killed_while_writing=$((killed_while_writing + 1))
    if [[ "$signal" != KILL ]] && [[ -n "$mine" ]]; then
        echo "run $run (SIG$signal): temporaries left: $(echo "$mine" | tr '\n' ' ')" >&2
        broken=$((broken + 1))
    fi
    rm -rf "$out"
done

# A follow-up run into the same parent folder removes what killed runs left.
before_cleanup=$(leftovers "$work/runs" | wc -l)
"$tool" compare "$scenario" --out "$work/runs/follow-up" >/dev/null 2>&1
diff -r "$work/reference" "$work/runs/follow-up" >/dev/null || { echo "follow-up run differs" >&2; broken=$((broken + 1)); }
leftover_after_cleanup=$(leftovers "$work/runs" | wc -l)
leftover_in_reference=$(leftovers "$work/reference" | wc -l)

echo "runs: $runs (SIGINT ${by_signal[INT]}, SIGTERM ${by_signal[TERM]}, SIGKILL ${by_signal[KILL]}; finished before the signal: $finished)"
echo "exit statuses: $(for code in $(printf '%s\n' "${!exits[@]}" | sort -n); do printf '%s×%s ' "${exits[$code]}" "$code"; done)"
echo "absent: $absent; complete and identical to the reference: $complete; broken: $broken"
echo "SIGKILL runs that left a staging folder or temporary (killed while writing): $killed_while_writing"
echo "leftovers before the follow-up run: $before_cleanup; after it: $leftover_after_cleanup (reference: $leftover_in_reference)"
[[ $broken -eq 0 && $leftover_after_cleanup -eq 0 && $leftover_in_reference -eq 0 ]]
