#!/usr/bin/env bash
# setup.sh: install what parley needs to build, test and document itself on Debian 12.
#
#   scripts/setup.sh
#
# Idempotent: installs only the packages that are missing (apt-get, never remove), and
# prints nothing when everything is already there. Runs "apt-get update" only when a
# package must be installed and the package lists are missing or older than a week, or
# when an install fails (lists out of date). Needs root or sudo when something is missing.
#
# Environment:
#   PARLEY_SHARED   the shared folder with tools/ (jena, oxigraph-load) [<repo>/../shared]
set -euo pipefail

me=setup
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${PARLEY_SHARED:-$repo/../shared}

say() { printf '%s: %s\n' "$me" "$*"; }
die() { printf '%s: error: %s\n' "$me" "$*" >&2; exit 1; }

# Debian packages, checked one by one with dpkg-query.
packages=(
  cmake g++ make pkg-config
  clang libclang-rt-dev          # the libFuzzer targets (scripts/fuzz.sh), built with clang
  libserd-dev serdi libsord-dev libraptor2-dev raptor2-utils
  libre2-dev libboost-program-options-dev libgtest-dev libicu-dev
  libapache-jena-java default-jre-headless
  python3-rdflib
  doxygen groff
  chromium                       # tests/system/report.sh renders parley report's page headless
  slurm-wlm munge                # tests/system/slurm.sh: a job array on ../shared/tools/slurm-local
)

installed() {
  local status
  status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
  [[ $status == "install ok installed" ]]
}

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done

# python3-rdflib must be importable from Debian's python3, whatever python3 is on PATH.
if installed python3-rdflib && ! /usr/bin/python3 -c 'import rdflib' >/dev/null 2>&1; then
  die "python3-rdflib is installed but /usr/bin/python3 cannot import rdflib"
fi

# node and npm are tested as commands: a node from another build (e.g. NodeSource) brings
# its own npm and conflicts with Debian's npm package.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

apt_env=(env DEBIAN_FRONTEND=noninteractive)
# Wait for a concurrent apt/dpkg run instead of failing at once.
apt_opts=(-o DPkg::Lock::Timeout=300)

lists_fresh() {
  # Fresh: some Packages index exists and the newest is less than 7 days old.
  [[ -n $(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mtime -7 2>/dev/null | head -n 1) ]]
}

apt_update() {
  say "apt-get update"
  as_root "${apt_env[@]}" apt-get "${apt_opts[@]}" update -q
}

apt_install() {
  as_root "${apt_env[@]}" apt-get "${apt_opts[@]}" install -y -q --no-install-recommends "$@"
}

if ((${#missing[@]} > 0)); then
  say "installing: ${missing[*]}"
  lists_fresh || apt_update
  if ! apt_install "${missing[@]}"; then
    say "install failed; refreshing the package lists and trying once more"
    apt_update
    apt_install "${missing[@]}" || die "apt-get install ${missing[*]} failed"
  fi
  for p in "${missing[@]}"; do
    case $p in
      nodejs | npm) ;;
      *) installed "$p" || die "package $p is still not installed" ;;
    esac
  done
  say "installed: ${missing[*]}"
fi

/usr/bin/python3 -c 'import rdflib' >/dev/null 2>&1 \
  || die "python3-rdflib is installed but /usr/bin/python3 cannot import rdflib"
command -v node >/dev/null 2>&1 || die "the node command is still missing"
command -v npm >/dev/null 2>&1 || die "the npm command is still missing"

# Warm oxigraph-load (it installs its npm package on first use) so tests don't pay for it.
# --help does not install it; a load of a one-triple file does.
oxigraph_load=$shared/tools/oxigraph-load
if [[ -x $oxigraph_load ]]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  printf '<urn:parley:s> <urn:parley:p> "setup" .\n' >"$tmp/warm.nt"
  if out=$("$oxigraph_load" "$tmp/warm.nt" 2>&1 >/dev/null); then
    if grep -q 'installing' <<<"$out"; then
      say "oxigraph-load: installed its npm package (oxigraph)"
    fi
  else
    printf '%s\n' "$out" >&2
    say "warning: could not warm $oxigraph_load; tests that load into Oxigraph will retry" >&2
  fi
fi
