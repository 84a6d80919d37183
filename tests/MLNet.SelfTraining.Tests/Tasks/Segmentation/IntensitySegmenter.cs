using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Tests.Tasks.Segmentation;

/// <summary>
/// A real, tiny per-pixel segmenter for 8×8 tests: it learns each class's mean intensity from the pixels whose mask is
/// not 255 and predicts, per pixel, the class whose mean is nearest, with a Gaussian-softmax confidence. As a
/// self-training student it is a pseudo-label consumer: it reads the flag column and weighs the pseudo pixels so they
/// carry α/(1+α) of the fit (α from <see cref="StudentContext"/>), as the paper's normalized loss does.
/// </summary>
internal sealed class IntensitySegmenter(MLContext ml) : IEstimator<ITransformer>, IPseudoLabelConsumer
{
    public const int Pixels = 64;
    private const double Spread = 0.1;

    public string PseudoLabelFlagColumnName => DefaultColumnNames.IsPseudoLabel;

    public string? SoftLabelColumnName => null;

    public string? ExampleWeightColumnName => null;

    /// <summary>Per fit: α, whether it ran as a student (with the flag), and the pseudo pixels it read.</summary>
    public List<(double? Alpha, long PseudoPixels)> Fits { get; } = [];

    public ITransformer Fit(IDataView input)
    {
        var context = StudentContext.Current;
        context?.Register(this);
        var flag = input.Schema.GetColumnOrNull(PseudoLabelFlagColumnName);
        if (context is not null && flag is null)
        {
            throw new InvalidOperationException($"Trained as a self-training student, the input was expected to have '{PseudoLabelFlagColumnName}'.");
        }

        var classCount = SegmentationMasks.TryGetClassNames(input.Schema[DefaultColumnNames.Mask])!.Length;
        var sums = new double[2, classCount];
        var counts = new double[2, classCount];
        long pseudoPixels = 0;
        var columns = new List<DataViewSchema.Column> { input.Schema[DefaultColumnNames.Features], input.Schema[DefaultColumnNames.Mask] };
        if (flag is { } f)
        {
            columns.Add(f);
        }

        using (var cursor = input.GetRowCursor(columns))
        {
            var features = cursor.GetGetter<VBuffer<float>>(input.Schema[DefaultColumnNames.Features]);
            var mask = cursor.GetGetter<VBuffer<byte>>(input.Schema[DefaultColumnNames.Mask]);
            var isPseudo = flag is null ? null : cursor.GetGetter<bool>(flag.Value);
            VBuffer<float> x = default;
            VBuffer<byte> m = default;
            bool pseudo = false;
            while (cursor.MoveNext())
            {
                context?.CancellationToken.ThrowIfCancellationRequested();
                features(ref x);
                mask(ref m);
                isPseudo?.Invoke(ref pseudo);
                var (xs, ms) = (x.DenseValues().ToArray(), m.DenseValues().ToArray());
                int stream = pseudo ? 1 : 0;
                for (int p = 0; p < ms.Length; p++)
                {
                    if (ms[p] != SegmentationMasks.Ignore)
                    {
                        sums[stream, ms[p]] += xs[p];
                        counts[stream, ms[p]]++;
                        pseudoPixels += stream;
                    }
                }
            }
        }

        double alpha = context?.PseudoLabelWeight ?? 0;
        double humanTotal = Enumerable.Range(0, classCount).Sum(c => counts[0, c]);
        double pseudoTotal = Math.Max(1, Enumerable.Range(0, classCount).Sum(c => counts[1, c]));
        double wh = 1 / (1 + alpha) / humanTotal, wp = alpha / (1 + alpha) / pseudoTotal;
        var means = Enumerable.Range(0, classCount).Select(c =>
        {
            double weight = wh * counts[0, c] + wp * counts[1, c];
            return weight == 0 ? double.NaN : (wh * sums[0, c] + wp * sums[1, c]) / weight;
        }).ToArray();
        Fits.Add((context?.PseudoLabelWeight, pseudoPixels));
        return Mapping(means).Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        StudentContext.Current?.Register(this);
        return Mapping([]).GetOutputSchema(inputSchema);
    }

    private IEstimator<ITransformer> Mapping(double[] means)
        => ml.Transforms.CustomMapping<Input, Output>((input, output) => Predict(input.Features, means, output), contractName: null);

    private static void Predict(float[] features, double[] means, Output output)
    {
        output.PredictedMask = new byte[Pixels];
        output.Confidence = new float[Pixels];
        for (int p = 0; p < Pixels; p++)
        {
            var scores = means.Select(m => double.IsNaN(m) ? 0 : Math.Exp(-Math.Pow(features[p] - m, 2) / (2 * Spread * Spread))).ToArray();
            double total = scores.Sum();
            int best = Array.IndexOf(scores, scores.Max());
            output.PredictedMask[p] = (byte)best;
            output.Confidence[p] = total == 0 ? float.NaN : (float)(scores[best] / total);
        }
    }

    public sealed class Input
    {
        [VectorType(Pixels)]
        public float[] Features { get; set; } = [];
    }

    public sealed class Output
    {
        [VectorType(Pixels)]
        public byte[] PredictedMask { get; set; } = [];

        [VectorType(Pixels)]
        public float[] Confidence { get; set; } = [];
    }
}
