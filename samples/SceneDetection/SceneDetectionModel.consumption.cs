// Shaped like ML.NET Model Builder's generated <Name>.consumption.cs, for the TorchSharp detector: its archive is read
// by TorchObjectDetectorTransformer.Load (ML.NET's zip cannot hold a third-party model).
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Vision.Tasks.Detection;

namespace SceneDetection;

public partial class SceneDetectionModel
{
    private static readonly Lazy<PredictionEngine<ModelInput, ModelOutput>> PredictEngine = new(CreatePredictEngine, isThreadSafe: true);
    private static readonly Lock PredictLock = new();

    /// <summary>Where <see cref="SaveModel"/> writes and <see cref="Predict"/> reads the detector archive.</summary>
    public static string ModelPath { get; set; } = Path.GetFullPath("SceneDetectionModel.zip");

    /// <summary>Detects the objects of one image with the saved detector, loaded once on first use; safe to call from several threads.</summary>
    public static ModelOutput Predict(ModelInput input)
    {
        lock (PredictLock)
        {
            return PredictEngine.Value.Predict(input);
        }
    }

    /// <summary>The class names of the saved detector: <c>PredictedLabel</c> key k is class name k − 1.</summary>
    public static IReadOnlyList<string> ClassNames()
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        PredictEngine.Value.OutputSchema[DefaultColumnNames.PredictedLabel].GetKeyValues(ref names);
        return [.. names.DenseValues().Select(name => name.ToString())];
    }

    private static PredictionEngine<ModelInput, ModelOutput> CreatePredictEngine()
    {
        var mlContext = new MLContext();
        // Lives as long as the process, like Model Builder's engine; dispose a detector you load yourself.
        var model = TorchObjectDetectorTransformer.Load(mlContext, ModelPath);
        var input = SchemaDefinition.Create(typeof(ModelInput));
        input[DefaultColumnNames.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, model.ImageChannels, model.ImageHeight, model.ImageWidth);
        return mlContext.Model.CreatePredictionEngine<ModelInput, ModelOutput>(model, inputSchemaDefinition: input);
    }

    /// <summary>Model input: one image, C×H×W pixels in [0, 1] (the size the detector was trained on, read from its archive).</summary>
    public class ModelInput
    {
        /// <summary>The pixels, channel by channel, row by row.</summary>
        [ColumnName(DefaultColumnNames.Features)]
        public float[] Features { get; set; } = [];
    }

    /// <summary>Model output: the detected boxes, highest score first.</summary>
    public class ModelOutput
    {
        /// <summary>The class key of each box (key k is <see cref="ClassNames"/>[k − 1]).</summary>
        [ColumnName(DefaultColumnNames.PredictedLabel)]
        public uint[] PredictedLabel { get; set; } = [];

        /// <summary>The score of each box, in [0, 1], descending.</summary>
        [ColumnName(DefaultColumnNames.Score)]
        public float[] Score { get; set; } = [];

        /// <summary>x0, y0, x1, y1 of each box in pixels.</summary>
        [ColumnName(DefaultColumnNames.PredictedBoundingBoxes)]
        public float[] PredictedBoundingBoxes { get; set; } = [];
    }
}
