#!/usr/bin/env bash
# Starts a single-node Slurm cluster on this machine, for the sweep tests and for trying
# `arithlab sweep run --slurm` on a laptop: munged, slurmctld and slurmd on localhost, no
# accounting, every file under one folder (default /tmp/arithlab-slurm, or $1):
#   slurm.conf  munge.key (made here)  state/  spool/  *.pid  *.log
# Then, in the same shell:  export SLURM_CONF=<folder>/slurm.conf   (sinfo, sbatch, squeue use it)
# Stop it with scripts/slurm-stop.sh <folder>, which ends each daemon by its own pid.
# Needs Debian's slurm-wlm and munge (scripts/setup.sh installs them). Runs the daemons as the
# calling user; as root (CI) jobs run as root too. On failure it prints the daemons' logs, exit 1.
set -euo pipefail
dir="$(mkdir -p "${1:-${ARITHLAB_SLURM_DIR:-/tmp/arithlab-slurm}}" && cd "${1:-${ARITHLAB_SLURM_DIR:-/tmp/arithlab-slurm}}" && pwd)"
for tool in munged slurmctld slurmd sinfo; do
  command -v "$tool" >/dev/null || { echo "slurm-start: $tool not found; install slurm-wlm and munge (scripts/setup.sh)" >&2; exit 1; }
done
chmod 700 "$dir"
mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
chmod 700 "$dir/munge"
host="$(hostname -s)"
user="$(id -un)"
cpus="$(nproc)"
# Ports apart from a system Slurm's 6817/6818, overridable for two clusters on one machine.
ctld_port="${ARITHLAB_SLURMCTLD_PORT:-16817}"
slurmd_port="${ARITHLAB_SLURMD_PORT:-16818}"

# munge authenticates the daemons and commands to each other with a key only they read.
if [[ ! -f "$dir/munge/munge.key" ]]; then
  dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
  chmod 400 "$dir/munge/munge.key"
fi

cat > "$dir/slurm.conf" <<CONF
# Written by scripts/slurm-start.sh: a one-node cluster on localhost.
ClusterName=arithlab
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
CredType=cred/munge
# cred_expire also sets how long a requeued job waits before it starts again (slurm.conf(5));
# 10 s instead of the default 120, so a pre-empted task resumes quickly on this one-node cluster.
AuthInfo=socket=$dir/munge/munge.socket,cred_expire=10
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
JobRequeue=1
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
MinJobAge=300
KillWait=30
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"

logs() {
  for f in munged.log slurmctld.log slurmd.log; do
    [[ -f "$dir/$f" ]] && { echo "---- $dir/$f (last 40 lines)" >&2; tail -40 "$dir/$f" >&2; }
  done
}
fail() { echo "slurm-start: $1" >&2; logs; exit 1; }

munged --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
  --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munge/munge.seed" --force \
  || fail "munged did not start"
slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start"
slurmd -f "$SLURM_CONF" || fail "slurmd did not start"

# Ready when the node takes jobs.
for _ in $(seq 1 60); do
  state="$(sinfo -h -n "$host" -o %t 2>/dev/null || true)"
  [[ "$state" == idle* || "$state" == mix* || "$state" == alloc* ]] && break
  sleep 1
done
[[ "$state" == idle* || "$state" == mix* || "$state" == alloc* ]] || fail "node $host is not ready (state '${state:-unknown}')"
echo "slurm-start: cluster up ($host, $cpus CPUs, partition debug); export SLURM_CONF=$SLURM_CONF"
