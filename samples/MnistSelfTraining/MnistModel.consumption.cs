// Shaped like ML.NET Model Builder's generated <Name>.consumption.cs.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MnistSelfTraining;

public partial class MnistModel
{
    private static readonly Lazy<PredictionEngine<ModelInput, ModelOutput>> PredictEngine = new(CreatePredictEngine, isThreadSafe: true);
    private static readonly Lock PredictLock = new();

    /// <summary>Where <see cref="SaveModel"/> writes and <see cref="Predict"/> reads the model.</summary>
    public static string MLNetModelPath { get; set; } = Path.GetFullPath("MnistModel.mlnet");

    /// <summary>Predicts one image with the saved model, loaded once on first use; safe to call from several threads.</summary>
    public static ModelOutput Predict(ModelInput input)
    {
        lock (PredictLock)
        {
            return PredictEngine.Value.Predict(input);
        }
    }

    /// <summary>All digits with their probabilities, most likely first.</summary>
    public static IOrderedEnumerable<KeyValuePair<string, float>> PredictAllLabels(ModelInput input)
        => ModelOutput.WithLabels(PredictEngine.Value.OutputSchema, Predict(input).Score);

    private static PredictionEngine<ModelInput, ModelOutput> CreatePredictEngine()
    {
        var mlContext = new MLContext();
        var model = mlContext.Model.Load(MLNetModelPath, out _);
        return mlContext.Model.CreatePredictionEngine<ModelInput, ModelOutput>(model);
    }

    /// <summary>Model input: 28×28 pixels in [0, 1].</summary>
    public class ModelInput
    {
        /// <summary>The pixels, row by row.</summary>
        [ColumnName("Features"), VectorType(1, 28, 28)]
        public float[] Features { get; set; } = [];
    }

    /// <summary>Model output: the predicted digit's key and the class probabilities.</summary>
    public class ModelOutput
    {
        /// <summary>The predicted class as a key: 1 is the first digit of the label's key values, not the digit itself (see <see cref="PredictAllLabels"/>).</summary>
        [ColumnName("PredictedLabel")]
        public uint PredictedLabel { get; set; }

        /// <summary>One probability per class, in the order of the label's key values.</summary>
        [ColumnName("Score")]
        public float[] Score { get; set; } = [];

        /// <summary>Pairs <paramref name="score"/> with the label's key values (the digits), most likely first.</summary>
        internal static IOrderedEnumerable<KeyValuePair<string, float>> WithLabels(DataViewSchema outputSchema, float[] score)
        {
            var labels = default(VBuffer<ReadOnlyMemory<char>>);
            outputSchema["PredictedLabel"].GetKeyValues(ref labels);
            return labels.DenseValues().Select(l => l.ToString()).Zip(score, (l, s) => new KeyValuePair<string, float>(l, s)).OrderByDescending(p => p.Value);
        }
    }
}
