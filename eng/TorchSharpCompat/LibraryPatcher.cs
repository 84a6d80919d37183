namespace MLNet.SelfTraining.TorchSharpCompat;

/// <summary>Writes a patched copy of a native library, as prescribed by a <see cref="CompatDecision"/>; the original is never modified.</summary>
internal static class LibraryPatcher
{
    /// <summary>
    /// Writes <paramref name="original"/>, patched, to <paramref name="destination"/>: the requirements in
    /// <see cref="CompatDecision.VersionsToWeaken"/> get VER_FLG_WEAK, then <c>patchelf</c> adds the shim as
    /// <c>DT_NEEDED</c> (and <c>$ORIGIN</c> to the runpath) if the decision asks for it. The destination appears
    /// atomically and keeps the original's timestamp, so an up-to-date copy can be recognised.
    /// </summary>
    public static void WritePatchedCopy(ElfImage original, CompatDecision decision, string destination, string patchElf)
    {
        string temporary = AtomicFile.TemporaryPathFor(destination);
        try
        {
            File.WriteAllBytes(temporary, WeakenVersionNeeds(original, decision.VersionsToWeaken));
            var arguments = new List<string>();
            if (decision.AddShimDependency)
            {
                arguments.AddRange(["--add-needed", LibStdCxxShim.FileName]);
            }

            if (decision.AddOriginSearchPath)
            {
                arguments.AddRange(["--add-rpath", "$ORIGIN"]);
            }

            if (arguments.Count > 0)
            {
                string executable = ExternalTool.Locate(patchElf, $"add {LibStdCxxShim.FileName} as a dependency of {Path.GetFileName(destination)}");
                ExternalTool.Run(executable, [.. arguments, temporary]);
            }

            File.SetLastWriteTimeUtc(temporary, File.GetLastWriteTimeUtc(original.Path));
            AtomicFile.Replace(temporary, destination);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Returns a copy of the image's bytes with VER_FLG_WEAK set on each of <paramref name="needs"/>; already-weak entries are unchanged.</summary>
    public static byte[] WeakenVersionNeeds(ElfImage image, IEnumerable<ElfVersionNeed> needs)
    {
        byte[] bytes = (byte[])image.Bytes.Clone();
        foreach (ElfVersionNeed need in needs)
        {
            ushort flags = (ushort)(need.Flags | ElfVersionNeed.WeakFlag);
            bytes[need.FlagsOffset] = (byte)flags;
            bytes[need.FlagsOffset + 1] = (byte)(flags >> 8);
        }

        return bytes;
    }
}
