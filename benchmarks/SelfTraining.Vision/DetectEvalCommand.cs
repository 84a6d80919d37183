using System.CommandLine;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining;
using MLNet.SelfTraining.SampleData;
using MLNet.SelfTraining.SampleData.Scenes;

namespace SelfTraining.Vision;

/// <summary>
/// <c>detect-eval</c>: scores the Python replica's test-set detections (a <see cref="DetectionFile"/>) against the true
/// boxes of a <c>detect</c> run's test scenes with <c>mlContext.Detection().Evaluate</c>, the evaluator of the ML.NET
/// runs, and prints the <see cref="BoxScores"/> as JSON; so both implementations' AP figures come from one evaluator.
/// </summary>
internal static class DetectEvalCommand
{
    private const int Classes = MnistData.ClassCount;

    /// <summary>The annotation kind ML.NET reads key values from (AnnotationUtils.Kinds.KeyValues, not public).</summary>
    private const string KeyValuesKind = "KeyValues";

    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Phase file (benchmarks/configs/vision/*.json).", Required = true };
        var id = new Option<string>("--run") { Description = "The detect run the detections are of (either implementation).", Required = true };
        var quick = new Option<bool>("--quick") { Description = "The run was a smoke run (test scenes × 3/50)." };
        var detections = new Option<string>("--detections") { Description = "Detection file (detection.py write_detections).", Required = true };
        var command = new Command("detect-eval", "Scores a detection file against a detect run's test scenes with mlContext.Detection().Evaluate.")
        {
            config, id, quick, detections,
        };
        command.SetAction(parse =>
        {
            var run = PhaseFile.Find(parse.GetValue(config)!, parse.GetValue(id)!);
            if (run.Kind != RunKind.Detect)
            {
                throw new ArgumentException($"Run {run.Id} is a {run.Kind} run; detect-eval scores detect runs.");
            }

            var settings = run.Read<SceneConfig>();
            var scenes = ((parse.GetValue(quick) ? settings.Shrunk() : settings).Scenes() with { Labeled = 0, Unlabeled = 0 }).Create().Test;
            var found = DetectionFile.Read(parse.GetValue(detections)!, scenes.Count, scenes.CanvasSize, Classes);
            var mlContext = new MLContext(seed: settings.Seed);
            Json.Emit(BoxScores.Of(mlContext.Detection().Evaluate(View(mlContext, scenes, found))), null);
            return 0;
        });
        return command;
    }

    /// <summary>The test scenes' true boxes beside the detections, in the detector's columns (key d + 1 for digit d, key values "0" to "9").</summary>
    private static IDataView View(MLContext mlContext, SceneSet scenes, IReadOnlyList<FoundBoxes> detections)
    {
        var rows = detections.Select((found, scene) =>
        {
            var digits = scenes.GetDigits(scene).ToArray();
            return new Row
            {
                Labels = [.. digits.Select(d => (uint)d.Digit + 1)],
                Box = [.. digits.SelectMany(d => new float[] { d.X0, d.Y0, d.X1, d.Y1 })],
                PredictedLabel = [.. found.Classes.Select(c => (uint)c + 1)],
                Score = found.Scores,
                PredictedBoundingBoxes = found.Boxes,
            };
        }).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        var names = new VBuffer<ReadOnlyMemory<char>>(Classes, [.. Enumerable.Range(0, Classes).Select(c => c.ToString(CultureInfo.InvariantCulture).AsMemory())]);
        foreach (var column in new[] { schema[nameof(Row.Labels)], schema[nameof(Row.PredictedLabel)] })
        {
            column.ColumnType = new VectorDataViewType(new KeyDataViewType(typeof(uint), Classes));
            column.AddAnnotation(KeyValuesKind, names, new VectorDataViewType(TextDataViewType.Instance, Classes));
        }

        return mlContext.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>One test scene: its true boxes and the detections.</summary>
    private sealed class Row
    {
        public uint[] Labels { get; set; } = [];

        public float[] Box { get; set; } = [];

        public uint[] PredictedLabel { get; set; } = [];

        public float[] Score { get; set; } = [];

        public float[] PredictedBoundingBoxes { get; set; } = [];
    }
}
