using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining;
using MLNet.SelfTraining.SampleData.Scenes;

namespace SelfTraining.Vision;

/// <summary>
/// One timed pass of a segmentation teacher over the unlabeled scenes: its pseudo masks (a pixel whose confidence is
/// ≥ the threshold keeps the predicted class, as the core's pseudo-mask rule) against the hidden true masks
/// (<see cref="SceneSet.TrueMaskColumnName"/>), and the scenes scored per second.
/// </summary>
internal static class PseudoMaskPass
{
    public static (PseudoMaskSummary Summary, double ImagesPerSecond) Run(ITransformer teacher, IDataView unlabeled, double threshold)
    {
        var clock = Stopwatch.StartNew();
        var scored = teacher.Transform(unlabeled);
        var (predictedColumn, confidenceColumn, truthColumn) =
            (scored.Schema[DefaultColumnNames.PredictedMask], scored.Schema[DefaultColumnNames.Confidence], scored.Schema[SceneSet.TrueMaskColumnName]);
        using var cursor = scored.GetRowCursor([predictedColumn, confidenceColumn, truthColumn]);
        var getPredicted = cursor.GetGetter<VBuffer<byte>>(predictedColumn);
        var getConfidence = cursor.GetGetter<VBuffer<float>>(confidenceColumn);
        var getTruth = cursor.GetGetter<VBuffer<byte>>(truthColumn);
        VBuffer<byte> predicted = default, truth = default;
        VBuffer<float> confidence = default;
        long images = 0, pseudoImages = 0, pixels = 0, selected = 0, judged = 0, correct = 0;
        while (cursor.MoveNext())
        {
            getPredicted(ref predicted);
            getConfidence(ref confidence);
            getTruth(ref truth);
            var (p, c, t) = (predicted.DenseValues().ToArray(), confidence.DenseValues().ToArray(), truth.DenseValues().ToArray());
            var selectedBefore = selected;
            for (var i = 0; i < c.Length; i++)
            {
                if (c[i] >= threshold)
                {
                    selected++;
                    if (t[i] != SegmentationMasks.Ignore)
                    {
                        judged++;
                        correct += p[i] == t[i] ? 1 : 0;
                    }
                }
            }

            images++;
            pixels += c.Length;
            pseudoImages += selected > selectedBefore ? 1 : 0;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return (new PseudoMaskSummary(images, pseudoImages, (double)selected / pixels, (double)correct / judged), images / seconds);
    }
}
