using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>One image's predicted mask (a class index per pixel, 255 for an unscored row) and per-pixel confidences.</summary>
internal sealed record MaskPrediction(byte[] Mask, float[] Confidence);

/// <summary>Every image's prediction and the pixel accuracy against the true masks (pixels whose truth is 255 left out).</summary>
internal sealed record MaskScoringResult(IReadOnlyList<MaskPrediction> Predictions, double PixelAccuracy);

/// <summary>Loads a segmenter zip in a fresh context and scores the images through a view and a prediction engine.</summary>
internal static class SegmenterScoring
{
    private const byte Ignore = 255;

    /// <param name="modelPath">The zip.</param>
    /// <param name="images">The images; each label is the true mask, one class index per pixel, space-separated.</param>
    public static MaskScoringResult Run(string modelPath, IReadOnlyList<LabeledImage> images)
    {
        var mlContext = new MLContext(seed: 1);
        var model = mlContext.Model.Load(modelPath, out var inputSchema);
        var definition = FeatureRow.Definition(inputSchema.Single());
        var data = mlContext.Data.LoadFromEnumerable(images.Select(image => new FeatureRow { Features = image.Pixels }), definition);
        var scored = model.Transform(data);
        var masks = scored.GetColumn<byte[]>("PredictedMask").ToArray();
        var confidences = scored.GetColumn<float[]>("Confidence").ToArray();

        var engine = mlContext.Model.CreatePredictionEngine<FeatureRow, Output>(model, inputSchemaDefinition: definition);
        var first = engine.Predict(new FeatureRow { Features = images[0].Pixels });
        if (!first.PredictedMask.SequenceEqual(masks[0]) || !first.Confidence.SequenceEqual(confidences[0]))
        {
            throw new InvalidOperationException("The prediction engine's mask or confidences for the first image differ from the view's.");
        }

        var (correct, valid) = (0L, 0L);
        for (var row = 0; row < images.Count; row++)
        {
            var truth = images[row].Label.Split(' ').Select(byte.Parse).ToArray();
            for (var pixel = 0; pixel < truth.Length; pixel++)
            {
                if (truth[pixel] != Ignore)
                {
                    valid++;
                    correct += truth[pixel] == masks[row][pixel] ? 1 : 0;
                }
            }
        }

        return new MaskScoringResult([.. masks.Select((mask, row) => new MaskPrediction(mask, confidences[row]))], (double)correct / valid);
    }

    private sealed class Output
    {
        public byte[] PredictedMask { get; set; } = [];

        public float[] Confidence { get; set; } = [];
    }
}
