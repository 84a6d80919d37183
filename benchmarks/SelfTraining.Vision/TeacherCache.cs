using System.Text.Json;
using System.Text.Json.Nodes;

namespace SelfTraining.Vision;

/// <summary>
/// Trained teachers kept in <c>&lt;results folder&gt;/teachers</c>, one per teacher setting (e.g.
/// <see cref="SceneConfig.TeacherKey"/>): <c>KEY.zip</c> (the model's own archive) and <c>KEY.json</c>
/// (<c>{"fitSeconds": …}</c>, the fit time of the run that trained it), so the student cells of a phase share their
/// teacher. A lock file (<c>KEY.lock</c>, an exclusive advisory lock) makes a second process wait for the teacher the
/// first one is training instead of training it again.
/// </summary>
internal sealed class TeacherCache(string? folder)
{
    private static readonly TimeSpan s_poll = TimeSpan.FromSeconds(2);

    /// <summary>The cache of the results folder of <paramref name="output"/> (the result file), or none without one.</summary>
    public static TeacherCache Beside(string? output) =>
        new(output is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "teachers"));

    /// <summary>The cached teacher <paramref name="key"/> (read with <paramref name="load"/>), or the one
    /// <paramref name="train"/> returns (then written with <paramref name="save"/>); without a folder, always trained.</summary>
    public (TModel Model, double FitSeconds, bool Cached) GetOrTrain<TModel>(string key, Func<(TModel Model, double FitSeconds)> train,
        Func<string, TModel> load, Action<TModel, string> save)
    {
        if (folder is null)
        {
            var (trained, seconds) = train();
            return (trained, seconds, false);
        }

        Directory.CreateDirectory(folder);
        var (model, metadata) = (Path.Combine(folder, key + ".zip"), Path.Combine(folder, key + ".json"));
        using var held = Lock(Path.Combine(folder, key + ".lock"));
        if (File.Exists(model) && File.Exists(metadata))
        {
            var fitSeconds = JsonNode.Parse(File.ReadAllText(metadata))!["fitSeconds"]!.GetValue<double>();
            return (load(model), fitSeconds, true);
        }

        var fitted = train();
        save(fitted.Model, model);
        File.WriteAllText(metadata, JsonSerializer.Serialize(new { fitSeconds = fitted.FitSeconds }));
        return (fitted.Model, fitted.FitSeconds, false);
    }

    /// <summary>Waits for the exclusive lock of <paramref name="path"/> (.NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/>).</summary>
    private static FileStream Lock(string path)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                Thread.Sleep(s_poll);
            }
        }
    }
}
