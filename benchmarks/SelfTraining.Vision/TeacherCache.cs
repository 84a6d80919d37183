using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;

namespace SelfTraining.Vision;

/// <summary>
/// Trained segmentation teachers kept in <c>&lt;results folder&gt;/teachers</c>, one per teacher setting
/// (<see cref="SegmentConfig.TeacherKey"/>): <c>KEY.zip</c> (<see cref="TorchImageSegmenterTransformer.Save(string)"/>)
/// and <c>KEY.json</c> (<c>{"fitSeconds": …}</c>, the fit time of the run that trained it), so the student cells of a
/// phase share their teacher. A lock file (<c>KEY.lock</c>, an exclusive advisory lock) makes a second process wait for
/// the teacher the first one is training instead of training it again.
/// </summary>
internal sealed class TeacherCache(string? folder)
{
    private static readonly TimeSpan s_poll = TimeSpan.FromSeconds(2);

    /// <summary>The cached teacher <paramref name="key"/>, or the one <paramref name="train"/> returns (then cached);
    /// without a folder, always trained.</summary>
    public (TorchImageSegmenterTransformer Model, double FitSeconds, bool Cached) GetOrTrain(MLContext mlContext, string key,
        Func<(TorchImageSegmenterTransformer Model, double FitSeconds)> train)
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
            return (TorchImageSegmenterTransformer.Load(mlContext, model), fitSeconds, true);
        }

        var fitted = train();
        fitted.Model.Save(model);
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
