using System.IO.Compression;

namespace MLNet.SelfTraining.Vision.Tests.Infrastructure;

/// <summary>Temporary archive paths, and the entries and manifest of a model archive.</summary>
internal static class TestArchives
{
    private const string ManifestEntry = "manifest.json";

    /// <summary>A path to <paramref name="fileName"/> in a fresh directory of the test.</summary>
    public static string TempPath(TestContext context, string fileName)
    {
        var directory = Path.Combine(Path.GetTempPath(), "vision-tests", context.TestName!, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }

    /// <summary>The path of an archive stored with the tests (<c>Tasks/Classification/Archives/</c>).</summary>
    public static string Stored(string name) => Path.Combine(AppContext.BaseDirectory, "Tasks", "Classification", "Archives", name);

    public static string[] Entries(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    public static string Manifest(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var manifest = new StreamReader(zip.GetEntry(ManifestEntry)!.Open());
        return manifest.ReadToEnd();
    }

    /// <summary>Rewrites the manifest's JSON text through <paramref name="edit"/>.</summary>
    public static void EditManifest(string path, Func<string, string> edit)
    {
        var json = edit(Manifest(path));
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry(ManifestEntry)!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(ManifestEntry).Open());
        writer.Write(json);
    }
}
