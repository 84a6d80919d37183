namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>TorchSharp or MLNet.SelfTraining assemblies loaded in this process or lying in its folder.</summary>
internal static class ForbiddenAssemblies
{
    private static readonly string[] Prefixes = ["TorchSharp", "TorchVision", "MLNet.SelfTraining.Vision", "MLNet.SelfTraining.SampleData", "libtorch", "libLibTorchSharp"];

    /// <summary>The first forbidden assembly or file found, or <see langword="null"/>.</summary>
    public static string? Find()
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetName().Name ?? "");
        var files = Directory.EnumerateFiles(AppContext.BaseDirectory, "*", SearchOption.AllDirectories).Select(Path.GetFileName);
        return loaded.Concat(files).FirstOrDefault(name => name is not null && IsForbidden(name));
    }

    private static bool IsForbidden(string name) =>
        Prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        || name.Equals("MLNet.SelfTraining", StringComparison.OrdinalIgnoreCase)
        || name.Equals("MLNet.SelfTraining.dll", StringComparison.OrdinalIgnoreCase);
}
