# Sourced by run.sh and test.sh: installs what is missing with apt, as root (as on the project's machines).
# The sourcing script defines log().

apt_install() {
  [ "$(id -u)" = 0 ] || { log "missing $*; run as root or install it: apt-get install $*"; exit 1; }
  log "installing $* with apt"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "$@" >/dev/null
}

require_ffmpeg() {
  # Image-to-video encodes its frames with the real ffmpeg; the tests also read the result back with ffprobe.
  if ! command -v ffmpeg >/dev/null || ! command -v ffprobe >/dev/null; then apt_install ffmpeg; fi
}
