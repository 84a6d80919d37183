namespace MLNet.SelfTraining.TorchSharpCompat;

/// <summary>Write-to-a-temporary-then-rename, so readers never see a half-written file.</summary>
internal static class AtomicFile
{
    /// <summary>Returns a unique temporary path in the same directory as <paramref name="destination"/>.</summary>
    public static string TemporaryPathFor(string destination) =>
        destination + "." + Guid.NewGuid().ToString("N") + ".tmp";

    /// <summary>Moves <paramref name="temporary"/> over <paramref name="destination"/> with a single rename.</summary>
    public static void Replace(string temporary, string destination)
    {
        // File.Move(..., overwrite: true) is not available to MSBuild inline tasks (netstandard2.0); on Unix,
        // File.Replace without a backup is a rename(2).
        if (File.Exists(destination))
        {
            File.Replace(temporary, destination, destinationBackupFileName: null);
        }
        else
        {
            File.Move(temporary, destination);
        }
    }
}
