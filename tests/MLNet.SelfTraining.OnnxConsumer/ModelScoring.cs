using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.OnnxConsumer;

/// <summary>
/// Scores images with a loaded classifier through a view, <c>Evaluate</c> and a prediction engine (the engine must agree
/// with the view on the first image). Shared by this consumer and the TorchSharp-archive consumer of the deployment benchmark.
/// </summary>
internal static class ModelScoring
{
    /// <summary>How far the engine's scores may be from the view's: a network scored one row at a time may round differently.</summary>
    private const float ScoreTolerance = 1e-6f;

    /// <param name="mlContext">The context the model was loaded in.</param>
    /// <param name="model">A classifier with a <c>PredictedLabel</c> key (class names as key values) and a <c>Score</c> vector.</param>
    /// <param name="features">The model's input column: the images' pixels go there.</param>
    /// <param name="images">The labeled images.</param>
    public static ScoringResult Run(MLContext mlContext, ITransformer model, DataViewSchema.Column features, IReadOnlyList<LabeledImage> images)
    {
        var data = mlContext.Data.LoadFromEnumerable(images.Select(image => new Row { Label = image.Label, Features = image.Pixels }), Definition(features));
        var classNames = ClassNames(model.GetOutputSchema(data.Schema));
        var labeled = mlContext.Transforms.Conversion.MapValueToKey("Label", keyData: mlContext.Data.LoadFromEnumerable(classNames.Select(name => new Name { Value = name })))
            .Fit(data).Transform(data);
        var scored = model.Transform(labeled);
        var keys = scored.GetColumn<uint>("PredictedLabel").ToArray();
        var scores = scored.GetColumn<float[]>("Score").ToArray();
        var accuracy = mlContext.MulticlassClassification.Evaluate(scored).MicroAccuracy;

        var engine = mlContext.Model.CreatePredictionEngine<Row, Output>(model, inputSchemaDefinition: Definition(features));
        var first = engine.Predict(new Row { Label = images[0].Label, Features = images[0].Pixels });
        var difference = first.Score.Zip(scores[0], (a, b) => Math.Abs(a - b)).DefaultIfEmpty(float.PositiveInfinity).Max();
        if (first.PredictedLabel != keys[0] || first.Score.Length != scores[0].Length || difference > ScoreTolerance)
        {
            throw new InvalidOperationException($"The prediction engine gives key {first.PredictedLabel} for the first image, the view {keys[0]}; "
                + $"their scores differ by up to {difference} (expected at most {ScoreTolerance}).");
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
