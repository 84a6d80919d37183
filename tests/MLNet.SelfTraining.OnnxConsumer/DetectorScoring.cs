using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>One image's boxes: their keys, class names (the keys' values, "" for the missing key), scores and corners.</summary>
internal sealed record BoxPrediction(uint[] Keys, string[] Names, float[] Scores, float[] Corners);

/// <summary>Loads a detector zip in a fresh context and detects in the images through a view and a prediction engine.</summary>
internal static class DetectorScoring
{
    public static IReadOnlyList<BoxPrediction> Run(string modelPath, IReadOnlyList<LabeledImage> images)
    {
        var mlContext = new MLContext(seed: 1);
        var model = mlContext.Model.Load(modelPath, out var inputSchema);
        var definition = FeatureRow.Definition(inputSchema.Single());
        var data = mlContext.Data.LoadFromEnumerable(images.Select(image => new FeatureRow { Features = image.Pixels }), definition);
        var scored = model.Transform(data);
        var classNames = default(VBuffer<ReadOnlyMemory<char>>);
        scored.Schema["PredictedLabel"].GetKeyValues(ref classNames);
        var names = classNames.DenseValues().Select(name => name.ToString()).ToArray();
        var found = mlContext.Data.CreateEnumerable<Output>(scored, reuseRowObject: false)
            .Select(row => new BoxPrediction(row.PredictedLabel, [.. row.PredictedLabel.Select(key => key == 0 ? "" : names[key - 1])], row.Score, row.PredictedBoundingBoxes))
            .ToList();

        var engine = mlContext.Model.CreatePredictionEngine<FeatureRow, Output>(model, inputSchemaDefinition: definition);
        var first = engine.Predict(new FeatureRow { Features = images[0].Pixels });
        if (!first.PredictedLabel.SequenceEqual(found[0].Keys) || !first.Score.SequenceEqual(found[0].Scores) || !first.PredictedBoundingBoxes.SequenceEqual(found[0].Corners))
        {
            throw new InvalidOperationException("The prediction engine's boxes for the first image differ from the view's.");
        }

        return found;
    }

    private sealed class Output
    {
        public uint[] PredictedLabel { get; set; } = [];

        public float[] Score { get; set; } = [];

        public float[] PredictedBoundingBoxes { get; set; } = [];
    }
}
