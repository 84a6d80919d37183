# Sourced by the benchmark scripts: installs Debian packages for the Python reference side (idempotent; sudo only when
# not root) and makes numpy/torch use the OpenMP OpenBLAS, as a user would (Debian switches libblas.so.3 and
# liblapack.so.3 through update-alternatives; the default reference BLAS is much slower).
# Usage: install_python_reference python3-sklearn python3-threadpoolctl ...
install_python_reference() {
  local sudo="" pkg lib target
  local missing=()
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  for pkg in "$@" libopenblas0-openmp; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
  fi
  for lib in libblas.so.3 liblapack.so.3; do
    target="/usr/lib/x86_64-linux-gnu/openblas-openmp/$lib"
    if [ -e "$target" ] && [ "$(readlink -f "/usr/lib/x86_64-linux-gnu/$lib")" != "$(readlink -f "$target")" ]; then
      $sudo update-alternatives --set "$lib-x86_64-linux-gnu" "$target" >&2
    fi
  done
}
