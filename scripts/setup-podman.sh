#!/bin/sh
# Prepares a Debian machine (root) for `podconform ... --backend podman`: podman 4.3 with runc, the engine
# settings that make it run on a 2-core container host, and a local busybox image with every applet, tagged under
# the image names the case libraries expect to find on the node. Idempotent and non-interactive.
# Recipe and reasons: ../shared/PODMAN.md §1 (crun fails on hybrid cgroups; rlimits above the hard limits fail;
# no registry here, so images are imported, never pulled).
set -eu
export DEBIAN_FRONTEND=noninteractive

if ! dpkg -s podman runc catatonit busybox-static >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq podman runc catatonit busybox-static
fi

# events_logfile_max_size = 0: podman 4.3.1 rotates its event log at 1 MB by default and deletes the old file, and
# the events written around a rotation are lost to the backend, which reads that log (harness/backends/podman).
conf=/etc/containers/containers.conf
want='[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_max_size = 0'
mkdir -p /etc/containers
if [ ! -f "$conf" ] || [ "$(cat "$conf")" != "$want" ]; then
  if [ -f "$conf" ]; then cp "$conf" "$conf.before-podconform"; fi
  printf '%s\n' "$want" >"$conf"
fi

image=localhost/busybox:1
applets=$(busybox --list | grep -vx busybox)
count=$(printf '%s\n' "$applets" | wc -l)
# An image from the shorter recipe (a dozen applets) lacks httpd/nc/seq the compiled scripts may use: rebuild it.
if podman image exists "$image"; then
  have=$(podman run --rm --network none "$image" sh -c 'ls /bin | wc -l' 2>/dev/null || echo 0)
  if [ "$have" -lt "$count" ]; then podman rmi -f "$image" >/dev/null; fi
fi
if ! podman image exists "$image"; then
  d=$(mktemp -d)
  mkdir -p "$d/R/bin"
  cp "$(command -v busybox)" "$d/R/bin/busybox"
  # `busybox --list` names busybox itself: linking it to itself would replace the binary with a loop.
  for a in $applets; do ln -sf busybox "$d/R/bin/$a"; done
  tar -C "$d/R" -cf "$d/bb.tar" .
  podman import --change 'ENV PATH=/bin' "$d/bb.tar" "$image" >/dev/null
  rm -rf "$d"
fi

# The names the case libraries (specs/cases, shared/cases) and the generators use for images that are on the node
# or pullable from an up registry. There is no registry here, so "pullable" means present under that name. Names
# the cases make unpullable (nosuch/img:1, registry.invalid/..., gcr.io/authenticated-image-pulling/...) are left
# absent on purpose. Digest references cannot be tagged. The podman backend tags any further name a scenario needs.
for name in \
  busybox busybox:latest busybox:1.36 busybox:1.35 busybox:1.34 \
  docker.io/library/busybox:latest docker.io/library/busybox:1.36 docker.io/library/busybox:1.35 \
  docker.io/library/busybox:1.34 \
  private.registry.example/team/busybox:1.36 registry.example.com/team/tool:2.1 \
  registry.k8s.io/e2e-test-images/agnhost:2.52; do
  podman image exists "$name" || podman tag "$image" "$name"
done

# The first pod builds the infra image (localhost/podman-pause) from catatonit; build it now so that parallel
# first runs do not race to build it.
if ! podman image exists localhost/podman-pause:"$(podman version --format '{{.Client.Version}}')"-0; then
  podman pod create --name podconform-setup-warmup >/dev/null
  podman pod rm -f podconform-setup-warmup >/dev/null
fi

podman run --rm --network none "$image" sh -c 'echo podman ready: busybox $EPOCHREALTIME'
