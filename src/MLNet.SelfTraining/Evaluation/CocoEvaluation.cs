using MLNet.SelfTraining.Tasks.Detection;

namespace MLNet.SelfTraining.Evaluation;

/// <summary>
/// COCOeval for boxes over in-memory images (<c>evaluate</c>, <c>accumulate</c>, <c>summarize</c>): per class, each
/// image's detections of the class are matched to its true boxes of the class (<see cref="CocoImageMatch"/>) in each
/// area range, then pooled into curves (<see cref="CocoCurve"/>) per area range and detection limit.
/// </summary>
internal static class CocoEvaluation
{
    /// <summary>Evaluates <paramref name="images"/>; <paramref name="classNames"/> gives K.</summary>
    public static DetectionMetrics Evaluate(IReadOnlyList<DetectionImage> images, IReadOnlyList<string> classNames)
    {
        int areas = CocoParameters.AreaRanges.Length, limits = CocoParameters.MaximumDetections.Length;
        var curves = new CocoCurve?[classNames.Count, areas, limits];
        for (int k = 0; k < classNames.Count; k++)
        {
            var matches = Enumerable.Range(0, areas).Select(_ => new List<CocoImageMatch>()).ToArray();
            foreach (var image in images)
            {
                var truths = IndicesOf(image.TrueClasses, k);
                var detections = IndicesOf(image.Classes, k)
                    .OrderByDescending(d => image.Scores[d])
                    .Take(CocoParameters.MaximumDetections[^1])
                    .ToArray();
                if (truths.Length == 0 && detections.Length == 0)
                {
                    continue;
                }

                var ious = new double[detections.Length, truths.Length];
                for (int d = 0; d < detections.Length; d++)
                {
                    for (int g = 0; g < truths.Length; g++)
                    {
                        ious[d, g] = BoxGeometry.Iou(image.Boxes, detections[d], image.TrueBoxes, truths[g]);
                    }
                }

                for (int a = 0; a < areas; a++)
                {
                    matches[a].Add(CocoImageMatch.Evaluate(image, truths, detections, ious, CocoParameters.AreaRanges[a]));
                }
            }

            for (int a = 0; a < areas; a++)
            {
                for (int m = 0; m < limits; m++)
                {
                    curves[k, a, m] = CocoCurve.Accumulate(matches[a], CocoParameters.MaximumDetections[m]);
                }
            }
        }

        return new DetectionMetrics(classNames, curves, images.Count, images.Sum(i => (long)i.TrueClasses.Length), images.Sum(i => (long)i.Classes.Length));
    }

    private static int[] IndicesOf(int[] classes, int k) => Enumerable.Range(0, classes.Length).Where(i => classes[i] == k).ToArray();
}
