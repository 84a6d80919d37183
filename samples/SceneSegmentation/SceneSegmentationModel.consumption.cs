// Shaped like ML.NET Model Builder's generated <Name>.consumption.cs, for the TorchSharp segmenter: its archive is read
// by TorchImageSegmenterTransformer.Load (ML.NET's zip cannot hold a third-party model).
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Vision.Tasks.Segmentation;

namespace SceneSegmentation;

public partial class SceneSegmentationModel
{
    private static readonly Lazy<PredictionEngine<ModelInput, ModelOutput>> PredictEngine = new(CreatePredictEngine, isThreadSafe: true);
    private static readonly Lock PredictLock = new();

    /// <summary>Where <see cref="SaveModel"/> writes and <see cref="Predict"/> reads the segmenter archive.</summary>
    public static string ModelPath { get; set; } = Path.GetFullPath("SceneSegmentationModel.zip");

    /// <summary>Predicts one image's mask with the saved segmenter, loaded once on first use; safe to call from several threads.</summary>
    public static ModelOutput Predict(ModelInput input)
    {
        lock (PredictLock)
        {
            return PredictEngine.Value.Predict(input);
        }
    }

    /// <summary>The class names of the saved segmenter, in class-index order (class 0 is the background).</summary>
    public static IReadOnlyList<string> ClassNames()
        => SegmentationMasks.TryGetClassNames(PredictEngine.Value.OutputSchema[DefaultColumnNames.PredictedMask])
            ?? throw new InvalidOperationException($"The segmenter's '{DefaultColumnNames.PredictedMask}' column carries no class names.");

    private static PredictionEngine<ModelInput, ModelOutput> CreatePredictEngine()
    {
        var mlContext = new MLContext();
        // Lives as long as the process, like Model Builder's engine; dispose a segmenter you load yourself.
        var model = TorchImageSegmenterTransformer.Load(mlContext, ModelPath);
        var input = SchemaDefinition.Create(typeof(ModelInput));
        input[DefaultColumnNames.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, model.ImageChannels, model.ImageHeight, model.ImageWidth);
        return mlContext.Model.CreatePredictionEngine<ModelInput, ModelOutput>(model, inputSchemaDefinition: input);
    }

    /// <summary>Model input: one image, C×H×W pixels in [0, 1] (the size the segmenter was trained on, read from its archive).</summary>
    public class ModelInput
    {
        /// <summary>The pixels, channel by channel, row by row.</summary>
        [ColumnName(DefaultColumnNames.Features)]
        public float[] Features { get; set; } = [];
    }

    /// <summary>Model output: a class per pixel and its probability.</summary>
    public class ModelOutput
    {
        /// <summary>Each pixel's most probable class index, row by row (see <see cref="ClassNames"/>).</summary>
        [ColumnName(DefaultColumnNames.PredictedMask)]
        public byte[] PredictedMask { get; set; } = [];

        /// <summary>The probability of each pixel's predicted class.</summary>
        [ColumnName(DefaultColumnNames.Confidence)]
        public float[] Confidence { get; set; } = [];
    }
}
