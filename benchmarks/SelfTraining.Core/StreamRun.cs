using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining;
using MLNet.SelfTraining.PseudoLabeling;

namespace SelfTraining.Core;

/// <summary>One streaming measurement over N lazily generated rows (the body of a child process).</summary>
internal static class StreamRun
{
    private const int LabeledRows = 1000;
    private const int HeldOutRows = 10_000;
    private const int LabeledStream = 1, UnlabeledStream = 2, HeldOutStream = 3;

    public static StreamResult Run(string mode, long rows, int width, float spread, double threshold)
    {
        var ml = new MLContext(seed: 1);
        var blobs = new BlobData(seed: 42, width, classes: 10, spread);
        var labeled = blobs.Load(ml, LabeledStream, LabeledRows);
        var unlabeled = blobs.Load(ml, UnlabeledStream, rows);
        var heldOut = blobs.Load(ml, HeldOutStream, HeldOutRows);
        double Accuracy(ITransformer m) => ml.MulticlassClassification.Evaluate(m.Transform(heldOut)).MicroAccuracy;

        var teacher = StreamTrainer.Create(ml, weighted: false).Fit(labeled);
        var teacherAccuracy = Accuracy(teacher);
        var rawPass = Stopwatch.StartNew();
        CountRows(unlabeled, unlabeled.Schema["Features"]);
        var rawSeconds = rawPass.Elapsed.TotalSeconds;
        GC.Collect();
        var baseline = PeakMemory.CurrentRssMiB();

        return mode switch
        {
            "pseudolabel" => PseudoLabel(ml, teacher, unlabeled, rows, width, threshold, rawSeconds, teacherAccuracy, baseline),
            "round" => Round(ml, labeled, unlabeled, rows, width, threshold, rawSeconds, teacherAccuracy, baseline, Accuracy),
            _ => throw new ArgumentException($"Unknown mode '{mode}'; expected 'pseudolabel' or 'round'.", nameof(mode)),
        };
    }

    private static StreamResult PseudoLabel(MLContext ml, ITransformer teacher, IDataView unlabeled, long rows, int width, double threshold,
        double rawSeconds, double teacherAccuracy, double baseline)
    {
        var clock = Stopwatch.StartNew();
        var scored = teacher.Transform(unlabeled);
        var stage = ml.Transforms.PseudoLabel(confidenceThreshold: threshold).Fit(scored);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        var labeled = stage.Transform(scored);
        var columns = new[] { "PseudoLabel", "PseudoLabelConfidence", "PseudoLabelSelected", "PseudoLabelWeight", "SoftLabel" }
            .Select(name => labeled.Schema[name]).ToArray();
        long selected = 0;
        using (var cursor = labeled.GetRowCursor(columns))
        {
            var label = cursor.GetGetter<uint>(columns[0]);
            var confidence = cursor.GetGetter<float>(columns[1]);
            var isSelected = cursor.GetGetter<bool>(columns[2]);
            var weight = cursor.GetGetter<float>(columns[3]);
            var soft = cursor.GetGetter<VBuffer<float>>(columns[4]);
            uint l = 0;
            float c = 0, w = 0;
            bool s = false;
            VBuffer<float> p = default;
            while (cursor.MoveNext())
            {
                label(ref l);
                confidence(ref c);
                isSelected(ref s);
                weight(ref w);
                soft(ref p);
                selected += s ? 1 : 0;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new StreamResult("pseudolabel", rows, width, 10, seconds, rows / seconds, rawSeconds, fitSeconds, seconds - fitSeconds,
            selected, teacherAccuracy, null, baseline, PeakMemory.PeakRssMiB());
    }

    private static StreamResult Round(MLContext ml, IDataView labeled, IDataView unlabeled, long rows, int width, double threshold,
        double rawSeconds, double teacherAccuracy, double baseline, Func<ITransformer, double> accuracy)
    {
        var options = new SelfTrainingOptions
        {
            MaximumIterations = 1,
            Weighting = PseudoLabelWeighting.Fixed,
            Selection = new PseudoLabelOptions { ConfidenceThreshold = threshold },
        };
        var clock = Stopwatch.StartNew();
        var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, StreamTrainer.Create(ml, weighted: true), unlabeled, options).Fit(labeled);
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = PeakMemory.PeakRssMiB();
        var round = model.Rounds.Count > 0 ? model.Rounds[0] : null;
        return new StreamResult("round", rows, width, 10, seconds, rows / seconds, rawSeconds, seconds - (round?.Elapsed.TotalSeconds ?? 0),
            round?.Elapsed.TotalSeconds ?? 0, round?.Selected ?? 0, teacherAccuracy, accuracy(model), baseline, peak);
    }

    private static long CountRows(IDataView data, DataViewSchema.Column column)
    {
        long count = 0;
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> value = default;
        while (cursor.MoveNext())
        {
            getter(ref value);
            count++;
        }

        return count;
    }
}
