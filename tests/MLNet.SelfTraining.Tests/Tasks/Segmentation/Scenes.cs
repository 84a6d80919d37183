using Microsoft.ML;

namespace MLNet.SelfTraining.Tests.Tasks.Segmentation;

/// <summary>Seeded 8×8 scenes: a dark background (class 0), a mid-grey square (class 1) and a bright bar (class 2), with noise.</summary>
internal static class Scenes
{
    private static readonly float[] Intensity = [0.1f, 0.5f, 0.9f];

    public static IDataView Make(MLContext ml, int count, int seed, bool labeled)
    {
        var random = new Random(seed);
        var rows = new List<SceneRow>();
        for (int i = 0; i < count; i++)
        {
            var truth = new byte[IntensitySegmenter.Pixels];
            var (x, y) = (random.Next(0, 5), random.Next(0, 5));
            int bar = random.Next(0, 8);
            for (int p = 0; p < truth.Length; p++)
            {
                var (row, column) = (p / 8, p % 8);
                truth[p] = (byte)(column == bar ? 2 : row >= y && row < y + 3 && column >= x && column < x + 3 ? 1 : 0);
            }

            rows.Add(new SceneRow
            {
                Features = truth.Select(c => Intensity[c] + (float)(0.08 * (random.NextDouble() - 0.5))).ToArray(),
                Mask = labeled ? truth : SceneRow.Unlabeled(truth.Length),
                TrueMask = truth,
                TeacherMask = new byte[truth.Length],
                TeacherConfidence = new float[truth.Length],
            });
        }

        return SceneRow.Load(ml, rows, IntensitySegmenter.Pixels);
    }
}
