// Shaped like ML.NET Model Builder's generated <Name>.consumption.cs, for the TorchSharp CNN: its archive is read by
// TorchImageClassifierTransformer.Load (ML.NET's zip cannot hold a third-party model).
using Microsoft.ML;
using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace MnistSelfTraining;

/// <summary>The self-trained TorchSharp CNN on 28×28 digits: training, consumption.</summary>
public partial class MnistCnnModel
{
    private static readonly Lazy<PredictionEngine<MnistModel.ModelInput, MnistModel.ModelOutput>> PredictEngine = new(CreatePredictEngine, isThreadSafe: true);
    private static readonly Lock PredictLock = new();

    /// <summary>Where <see cref="SaveModel"/> writes and <see cref="Predict"/> reads the classifier archive.</summary>
    public static string ModelPath { get; set; } = Path.GetFullPath("MnistCnnModel.zip");

    /// <summary>Predicts one image with the saved classifier, loaded once on first use; safe to call from several threads.</summary>
    public static MnistModel.ModelOutput Predict(MnistModel.ModelInput input)
    {
        lock (PredictLock)
        {
            return PredictEngine.Value.Predict(input);
        }
    }

    /// <summary>All digits with their probabilities, most likely first.</summary>
    public static IOrderedEnumerable<KeyValuePair<string, float>> PredictAllLabels(MnistModel.ModelInput input)
        => MnistModel.ModelOutput.WithLabels(PredictEngine.Value.OutputSchema, Predict(input).Score);

    private static PredictionEngine<MnistModel.ModelInput, MnistModel.ModelOutput> CreatePredictEngine()
    {
        var mlContext = new MLContext();
        // Lives as long as the process, like Model Builder's engine; dispose a classifier you load yourself.
        var model = TorchImageClassifierTransformer.Load(mlContext, ModelPath);
        return mlContext.Model.CreatePredictionEngine<MnistModel.ModelInput, MnistModel.ModelOutput>(model);
    }
}
