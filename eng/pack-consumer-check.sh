#!/usr/bin/env bash
# Packs MLNet.SelfTraining and MLNet.SelfTraining.Vision into a temporary local feed, checks what the packages hold, then
# builds and runs a console app outside the repository that restores them from that feed (plus the machine's NuGet
# sources) with TorchSharp-cpu, and self-trains a tiny image classifier (eng/pack-consumer-check/Program.cs); installs the
# mlnet-selftraining tool from the same feed and has the consumer score an ML.NET teacher's rounds in its worker processes.
# Exits non-zero on any failure. Usage: eng/pack-consumer-check.sh [--keep]   (--keep leaves the temp folder)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/pack-consumer-check.XXXXXX")"
[ "${1:-}" = "--keep" ] || trap 'rm -rf "$work"' EXIT
version="0.0.0-consumercheck.$(date +%s)"
feed="$work/feed"
# The consumer's target framework, and the TorchSharp-cpu version the repository pins (Directory.Packages.props).
framework=net10.0
torchsharp_version="$(sed -n 's/.*<PackageVersion Include="TorchSharp-cpu" Version="\([^"]*\)".*/\1/p' "$repo/Directory.Packages.props")"
start=$(date +%s)
fail() { echo "pack-consumer-check: FAILED: $*" >&2; exit 1; }
[ -n "$torchsharp_version" ] || fail "no TorchSharp-cpu PackageVersion in Directory.Packages.props"

echo "pack-consumer-check: packing $version into $feed"
# The throwaway version is built under $work (--artifacts-path: bin and obj per project), so the repository's own
# src/*/bin and src/*/obj are left as they are.
for project in MLNet.SelfTraining MLNet.SelfTraining.Vision MLNet.SelfTraining.Tool MLNet.SelfTraining.Orleans; do
  dotnet pack "$repo/src/$project/$project.csproj" -c Release -o "$feed" --artifacts-path "$work/artifacts" \
    -p:Version="$version" -nologo -v:q
done

# What the packages hold: readme, licence, symbols, only the dependencies the code uses, the compat targets.
for id in MLNet.SelfTraining MLNet.SelfTraining.Vision MLNet.SelfTraining.Tool MLNet.SelfTraining.Orleans; do
  nupkg="$feed/$id.$version.nupkg"
  [ -f "$nupkg" ] || fail "$nupkg missing"
  [ -f "$feed/$id.$version.snupkg" ] || fail "symbols package $id.$version.snupkg missing"
  files="$(unzip -Z1 "$nupkg")"
  nuspec="$(unzip -p "$nupkg" "$id.nuspec")"
  grep -qx README.md <<<"$files" || fail "$id: README.md not packed"
  grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "$id: no <readme> in the nuspec"
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "$id: licence expression is not MIT"
  grep -qi 'mnist\|idx3-ubyte' <<<"$files" && fail "$id: holds MNIST data (CC BY-SA 3.0)"
  for dependency in Microsoft.ML.ImageAnalytics SkiaSharp TorchSharp-cpu ScottPlot BenchmarkDotNet; do
    grep -q "id=\"$dependency\"" <<<"$nuspec" && fail "$id depends on $dependency, which its code does not use"
  done
done
vision_files="$(unzip -Z1 "$feed/MLNet.SelfTraining.Vision.$version.nupkg")"
for file in buildTransitive/MLNet.SelfTraining.Vision.targets buildTransitive/TorchSharpCompat.targets buildTransitive/libstdcxx-compat-shim.cpp; do
  grep -qx "$file" <<<"$vision_files" || fail "MLNet.SelfTraining.Vision: $file not packed"
done

# The consumer: outside the repository (no Directory.Build.* applies), its own NuGet.config: the local feed plus the
# machine's sources. Our packages go to a private packages folder; everything else comes from the shared cache.
app="$work/app"
mkdir -p "$app"
cp "$repo/eng/pack-consumer-check/Program.cs" "$app/"
shared_cache="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
cat > "$app/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$work/packages" />
  </config>
  <fallbackPackageFolders>
    <add key="shared" value="$shared_cache" />
  </fallbackPackageFolders>
  <packageSources>
    <add key="local-feed" value="$feed" />
  </packageSources>
</configuration>
XML
cat > "$app/ConsumerCheck.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>$framework</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="MLNet.SelfTraining" Version="$version" />
    <PackageReference Include="MLNet.SelfTraining.Vision" Version="$version" />
    <PackageReference Include="TorchSharp-cpu" Version="$torchsharp_version" />
  </ItemGroup>
</Project>
XML
# The mlnet-selftraining tool as a user installs it (no TorchSharp in it); the consumer's sharded rounds run it.
tools="$work/tools"
dotnet tool install MLNet.SelfTraining.Tool --version "$version" --tool-path "$tools" --configfile "$app/NuGet.config" >/dev/null \
  || fail "dotnet tool install MLNet.SelfTraining.Tool failed"
find "$tools" -name 'libtorch*' | grep -q . && fail "the tool package holds libtorch"
echo "pack-consumer-check: building and running the consumer in $app"
dotnet build "$app/ConsumerCheck.csproj" -c Release -nologo -v:q
# On Debian 12 the package's buildTransitive step must have replaced libLibTorchSharp.so by a patched copy and a shim.
# The system libstdc++ as the C++ compiler (required by that step) finds it; no ldconfig, which is not on a user's PATH.
if [ "$(uname -s)" = Linux ] && ! strings -a "$(g++ -print-file-name=libstdc++.so.6)" | grep -qx GLIBCXX_3.4.32; then
  find "$app/bin" -name libMLNetTorchSharpCompatShim.so | grep -q . || fail "the compat shim is not in the consumer's output"
fi
output="$(cd "$app" && dotnet "bin/Release/$framework/ConsumerCheck.dll" "$tools/mlnet-selftraining")" || fail "the consumer exited with $?: $output"
echo "$output"
grep -q "^pack-consumer-check: student accuracy" <<<"$output" || fail "unexpected consumer output"
grep -q "^pack-consumer-check: sharded rounds" <<<"$output" || fail "unexpected consumer output (sharded rounds)"
echo "pack-consumer-check: OK in $(( $(date +%s) - start )) s"
