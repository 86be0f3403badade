#!/usr/bin/env bash
# Stops the cluster scripts/slurm-start.sh started in <folder> (default /tmp/arithlab-slurm, or $1):
# slurmd, slurmctld, then munged, each by the pid in its own pid file, waiting for each to exit.
set -uo pipefail
dir="${1:-${ARITHLAB_SLURM_DIR:-/tmp/arithlab-slurm}}"
for daemon in slurmd slurmctld munged; do
  pidfile="$dir/$daemon.pid"
  [[ -f "$pidfile" ]] || continue
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { echo "slurm-stop: $daemon ($pid) still running after 10 s; sending KILL" >&2; kill -KILL "$pid"; }
  fi
  rm -f "$pidfile"
done
echo "slurm-stop: stopped the cluster in $dir"
