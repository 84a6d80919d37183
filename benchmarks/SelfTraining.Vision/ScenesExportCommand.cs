using System.CommandLine;
using MLNet.SelfTraining.SampleData.Scenes;

namespace SelfTraining.Vision;

/// <summary>
/// <c>scenes-export</c>: writes the scenes of a phase file's <c>segment</c> and <c>detect</c> runs as
/// <see cref="SceneFile"/>s, so the PyTorch replicas train and test on the very bytes and boxes the ML.NET runs generate.
/// Per scene generation (canvas, digits, scenes seed) it writes the largest test, labeled and unlabeled sets the runs
/// need, after checking that every smaller count of a set the runs use generates a prefix of the largest one (so the
/// Python side takes the first N scenes).
/// </summary>
internal static class ScenesExportCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Phase file (benchmarks/configs/vision/*.json).", Required = true };
        var quick = new Option<bool>("--quick") { Description = "The scenes of the smoke runs (unlabeled and test scenes × 3/50)." };
        var output = new Option<string>("--out") { Description = "Root folder of the scene files (run-vision.sh: <results>/scenes).", Required = true };
        var command = new Command("scenes-export", "Writes the scenes of a phase file's segment and detect runs for the Python replicas.") { config, quick, output };
        command.SetAction(parse =>
        {
            var runs = PhaseFile.Load(parse.GetValue(config)!)
                .Select(run => ScenesOf(run, parse.GetValue(quick)))
                .OfType<SceneGeneration>();
            foreach (var generation in runs.GroupBy(run => (run.Canvas, run.MaximumDigits, run.ScenesSeed)))
            {
                Export(parse.GetValue(output)!, [.. generation]);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The scenes of a run on scenes (shrunk with <paramref name="quick"/>), or null for another kind.</summary>
    private static SceneGeneration? ScenesOf(PhaseRun run, bool quick) => run.Kind switch
    {
        RunKind.Segment => ScenesOf(run.Read<SceneConfig>(), quick),
        RunKind.Detect => ScenesOf(run.Read<SceneConfig>(), quick),
        _ => null,
    };

    private static SceneGeneration ScenesOf<TConfig>(TConfig config, bool quick)
        where TConfig : IRunConfig<TConfig>, ISceneRun => (quick ? config.Shrunk() : config).Scenes();

    private static void Export(string root, IReadOnlyList<SceneGeneration> runs)
    {
        var largest = runs[0] with
        {
            Labeled = runs.Max(r => r.Labeled),
            Unlabeled = runs.Max(r => r.Unlabeled),
            TestScenes = runs.Max(r => r.TestScenes),
        };
        var scenes = largest.Create();
        foreach (var smaller in runs.Select(r => largest with { Labeled = r.Labeled, Unlabeled = r.Unlabeled, TestScenes = r.TestScenes }).Distinct())
        {
            var split = smaller.Create();
            CheckPrefix("labeled", split.Labeled, scenes.Labeled);
            CheckPrefix("unlabeled", split.Unlabeled, scenes.Unlabeled);
            CheckPrefix("test", split.Test, scenes.Test);
        }

        var folder = SceneFile.Folder(root, largest);
        SceneFile.Write(folder, "test", scenes.Test);
        SceneFile.Write(folder, "labeled", scenes.Labeled);
        SceneFile.Write(folder, "unlabeled", scenes.Unlabeled);
        Console.WriteLine($"{folder}: test {scenes.Test.Count}, labeled {scenes.Labeled.Count}, unlabeled {scenes.Unlabeled.Count} scenes of {largest.Canvas} px");
    }

    private static void CheckPrefix(string name, SceneSet smaller, SceneSet larger)
    {
        var bytes = smaller.Images.Length;
        if (!smaller.Images.Span.SequenceEqual(larger.Images.Span[..bytes]) || !smaller.Masks.Span.SequenceEqual(larger.Masks.Span[..bytes])
            || !Digits(smaller, smaller.Count).SequenceEqual(Digits(larger, smaller.Count)))
        {
            throw new InvalidOperationException(
                $"The {smaller.Count} {name} scenes are not the first {smaller.Count} of the {larger.Count} generated with the same seed; export each size.");
        }
    }

    /// <summary>The digits (classes and boxes) of the first <paramref name="count"/> scenes, scene by scene.</summary>
    private static IEnumerable<SceneDigit> Digits(SceneSet scenes, int count) => Enumerable.Range(0, count).SelectMany(scene => scenes.GetDigits(scene).ToArray());
}
