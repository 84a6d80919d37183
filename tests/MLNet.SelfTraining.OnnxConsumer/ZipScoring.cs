using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>One image's prediction: the key, its label (the key's value) and the class probabilities.</summary>
internal sealed record Prediction(uint Key, string Label, float[] Score);

/// <summary>Every image's prediction and the accuracy of <c>Evaluate</c>.</summary>
internal sealed record ScoringResult(IReadOnlyList<Prediction> Predictions, double Accuracy);

/// <summary>Loads the zip in a fresh context and scores the images through a view, <c>Evaluate</c> and a prediction engine.</summary>
internal static class ZipScoring
{
    public static ScoringResult Run(string modelPath, IReadOnlyList<LabeledImage> images)
    {
        var mlContext = new MLContext(seed: 1);
        var model = mlContext.Model.Load(modelPath, out var inputSchema);
        var features = inputSchema.Single();
        var classNames = ClassNames(model.GetOutputSchema(inputSchema));

        var data = mlContext.Data.LoadFromEnumerable(images.Select(image => new Row { Label = image.Label, Features = image.Pixels }), Definition(features));
        var labeled = mlContext.Transforms.Conversion.MapValueToKey("Label", keyData: mlContext.Data.LoadFromEnumerable(classNames.Select(name => new Name { Value = name })))
            .Fit(data).Transform(data);
        var scored = model.Transform(labeled);
        var keys = scored.GetColumn<uint>("PredictedLabel").ToArray();
        var scores = scored.GetColumn<float[]>("Score").ToArray();
        var accuracy = mlContext.MulticlassClassification.Evaluate(scored).MicroAccuracy;

        var engine = mlContext.Model.CreatePredictionEngine<Row, Output>(model, inputSchemaDefinition: Definition(features));
        var first = engine.Predict(new Row { Label = images[0].Label, Features = images[0].Pixels });
        if (first.PredictedLabel != keys[0] || !first.Score.SequenceEqual(scores[0]))
        {
            throw new InvalidOperationException($"The prediction engine gives key {first.PredictedLabel} for the first image, the view {keys[0]}.");
        }

        var predictions = keys.Select((key, row) => new Prediction(key, key == 0 ? "" : classNames[key - 1], scores[row])).ToList();
        return new ScoringResult(predictions, accuracy);
    }

    private static string[] ClassNames(DataViewSchema outputSchema)
    {
        var values = default(VBuffer<ReadOnlyMemory<char>>);
        outputSchema["PredictedLabel"].GetKeyValues(ref values);
        return [.. values.DenseValues().Select(value => value.ToString())];
    }

    private static SchemaDefinition Definition(DataViewSchema.Column features)
    {
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[nameof(Row.Features)].ColumnName = features.Name;
        definition[nameof(Row.Features)].ColumnType = features.Type;
        return definition;
    }

    private sealed class Row
    {
        public string Label { get; set; } = "";

        public float[] Features { get; set; } = [];
    }

    private sealed class Output
    {
        public uint PredictedLabel { get; set; }

        public float[] Score { get; set; } = [];
    }

    private sealed class Name
    {
        public string Value { get; set; } = "";
    }
}
