using Microsoft.ML;
using MLNet.SelfTraining.Vision.Tasks.Detection;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>
/// A detector's ONNX model (<see cref="DetectorOnnxGraph"/>) as a chain of ML.NET's own saveable transformers with the
/// TorchSharp detector's three columns, of the same types: the label column (a variable-size vector of keys of the
/// training labels' key type, with the class names as key values), the score column and the box column (variable-size
/// vectors of Single). <c>OnnxTransformer</c> gives an ONNX output with a dynamic axis a variable-size vector; the graph
/// outputs each box's class name, and <c>MapValueToKey</c> with the class names as key data turns the names into keys
/// (class k is key k + 1; the empty name of a non-finite row is no class name, so the missing key 0).
/// </summary>
internal static class DetectorOnnxChain
{
    /// <summary>The chain over <paramref name="onnx"/>, fitted on an empty view of the feature column.</summary>
    /// <returns>The chain and the input schema it was fitted on (the feature column).</returns>
    public static (ITransformer Chain, DataViewSchema InputSchema) Create(MLContext mlContext, byte[] onnx, DetectorInfo info, string[] classNames)
    {
        var names = info.Outputs;
        var input = OnnxInputView.Empty(mlContext, info.FeatureColumnName, info.Spec.Channels * info.Spec.PixelCount);
        var keyData = mlContext.Data.LoadFromEnumerable(classNames.Select(name => new ClassName { Value = name }));
        using var model = new MemoryStream(onnx, writable: false);
        var chain = mlContext.Transforms.ApplyOnnxModel([names.PredictedLabel, names.Score, names.PredictedBoundingBoxes], [info.FeatureColumnName], model)
            .Append(mlContext.Transforms.Conversion.MapValueToKey(names.PredictedLabel, keyData: keyData))
            .Fit(input);
        return (chain, input.Schema);
    }

    private sealed class ClassName
    {
        public string Value { get; set; } = "";
    }
}
