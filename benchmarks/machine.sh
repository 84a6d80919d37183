# Sourced by the benchmark scripts: one line describing the machine a result was measured on.
machine_line() {
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, $(. /etc/os-release; echo "$PRETTY_NAME") (Debian $(cat /etc/debian_version 2>/dev/null || echo '?')), .NET $(dotnet --version), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
}
