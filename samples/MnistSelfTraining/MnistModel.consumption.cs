// Shaped like ML.NET Model Builder's generated <Name>.consumption.cs.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MnistSelfTraining;

public partial class MnistModel
{
    /// <summary>Model input: 28×28 pixels in [0, 1].</summary>
    public class ModelInput
    {
        [ColumnName("Features"), VectorType(1, 28, 28)]
        public float[] Features { get; set; } = [];
    }

    /// <summary>Model output: the predicted digit key and the class probabilities.</summary>
    public class ModelOutput
    {
        [ColumnName("PredictedLabel")]
        public uint PredictedLabel { get; set; }

        [ColumnName("Score")]
        public float[] Score { get; set; } = [];
    }

    /// <summary>Where <see cref="SaveModel"/> writes and <see cref="Predict"/> reads the model.</summary>
    public static string MLNetModelPath { get; set; } = Path.GetFullPath("MnistModel.mlnet");

    private static readonly Lazy<PredictionEngine<ModelInput, ModelOutput>> PredictEngine = new(CreatePredictEngine, true);

    /// <summary>Predicts one image with the saved model.</summary>
    public static ModelOutput Predict(ModelInput input) => PredictEngine.Value.Predict(input);

    /// <summary>All digits with their probabilities, most likely first.</summary>
    public static IOrderedEnumerable<KeyValuePair<string, float>> PredictAllLabels(ModelInput input)
    {
        var output = Predict(input);
        var labels = default(VBuffer<ReadOnlyMemory<char>>);
        PredictEngine.Value.OutputSchema["PredictedLabel"].GetKeyValues(ref labels);
        return labels.DenseValues().Select(l => l.ToString()).Zip(output.Score, (l, s) => new KeyValuePair<string, float>(l, s)).OrderByDescending(p => p.Value);
    }

    private static PredictionEngine<ModelInput, ModelOutput> CreatePredictEngine()
    {
        var mlContext = new MLContext();
        var model = mlContext.Model.Load(MLNetModelPath, out _);
        return mlContext.Model.CreatePredictionEngine<ModelInput, ModelOutput>(model);
    }
}
