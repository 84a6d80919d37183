namespace MLNet.SelfTraining.TorchSharpCompat;

/// <summary>
/// Decides, from a native library's <c>.gnu.version_r</c> and the host libstdc++'s <c>.gnu.version_d</c>, whether the
/// library needs the compat patch, and what exactly the patch must change.
/// </summary>
internal sealed class CompatDecision
{
    private CompatDecision(
        CompatAction action,
        string reason,
        IReadOnlyList<ElfVersionNeed> versionsToWeaken,
        bool addShimDependency,
        bool addOriginSearchPath)
    {
        Action = action;
        Reason = reason;
        VersionsToWeaken = versionsToWeaken;
        AddShimDependency = addShimDependency;
        AddOriginSearchPath = addOriginSearchPath;
    }

    /// <summary>Gets what to do.</summary>
    public CompatAction Action { get; }

    /// <summary>Gets a one-sentence explanation, for the build log.</summary>
    public string Reason { get; }

    /// <summary>Gets the <c>vernaux</c> entries to mark weak (only for <see cref="CompatAction.Patch"/>).</summary>
    public IReadOnlyList<ElfVersionNeed> VersionsToWeaken { get; }

    /// <summary>Gets a value indicating whether <see cref="LibStdCxxShim.FileName"/> must be added as <c>DT_NEEDED</c>.</summary>
    public bool AddShimDependency { get; }

    /// <summary>Gets a value indicating whether <c>$ORIGIN</c> must be added to the runpath so the shim is found next to the library.</summary>
    public bool AddOriginSearchPath { get; }

    /// <summary>Decides for <paramref name="library"/> against <paramref name="hostLibStdCxx"/> (<see langword="null"/> when none was found).</summary>
    public static CompatDecision Decide(ElfImage library, ElfImage? hostLibStdCxx)
    {
        var needs = ElfVersions.ReadNeeds(library).Where(need => need.File == HostLibStdCxx.SoName).ToList();
        if (needs.Count == 0)
        {
            return Nothing(CompatAction.NotNeeded, $"{library.Path} requires no versioned {HostLibStdCxx.SoName} symbols");
        }

        if (hostLibStdCxx is null)
        {
            return Nothing(CompatAction.Unsupported, $"{library.Path} needs {HostLibStdCxx.SoName}, but none was found on this host");
        }

        ISet<string> provided = ElfVersions.ReadDefinitions(hostLibStdCxx);
        var missing = needs.Where(need => !provided.Contains(need.Name)).ToList();
        if (missing.Count == 0)
        {
            return Nothing(CompatAction.NotNeeded, $"{hostLibStdCxx.Path} provides every version {library.Path} requires");
        }

        var unbridgeable = missing.Where(need => need.Name != LibStdCxxShim.BridgedVersion).Select(need => need.Name).ToList();
        if (unbridgeable.Count > 0)
        {
            return Nothing(
                CompatAction.Unsupported,
                $"{library.Path} requires {string.Join(", ", unbridgeable)} which {hostLibStdCxx.Path} lacks; only {LibStdCxxShim.BridgedVersion} can be bridged, so TorchSharp will not load on this host (a newer libstdc++, GCC 13 or later, is needed)");
        }

        ElfVersionNeed bridged = missing[0];
        var unprovided = ElfVersions.ReadUndefinedSymbols(library, bridged.Index).Except(LibStdCxxShim.ProvidedSymbols).ToList();
        if (unprovided.Count > 0)
        {
            return Nothing(
                CompatAction.Unsupported,
                $"{library.Path} uses {string.Join(", ", unprovided)} from {bridged.Name}, which neither {hostLibStdCxx.Path} nor the compat shim provides, so TorchSharp will not load on this host");
        }

        bool addShim = !ElfDynamicSection.ReadNeeded(library).Contains(LibStdCxxShim.FileName);
        bool addOrigin = !ElfDynamicSection.ReadSearchPaths(library).Any(path => path.TrimEnd('/') is "$ORIGIN" or "${ORIGIN}");
        if (bridged.IsWeak && !addShim && !addOrigin)
        {
            return Nothing(CompatAction.AlreadyPatched, $"{library.Path} is already patched for {hostLibStdCxx.Path}");
        }

        return new CompatDecision(
            CompatAction.Patch,
            $"{hostLibStdCxx.Path} lacks {bridged.Name}, which {library.Path} requires only for {string.Join(", ", LibStdCxxShim.ProvidedSymbols)}",
            bridged.IsWeak ? [] : [bridged],
            addShim,
            addOrigin);
    }

    private static CompatDecision Nothing(CompatAction action, string reason) => new(action, reason, [], false, false);
}
