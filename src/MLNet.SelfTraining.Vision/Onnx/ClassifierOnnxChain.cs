using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>
/// A classifier's ONNX model as a chain of ML.NET's own saveable transformers with the TorchSharp classifier's outputs:
/// <c>Score</c> (class probabilities) and <c>PredictedLabel</c> (a scalar key of the training label's key type and values).
/// </summary>
/// <remarks>
/// The ONNX model is the one-image graph (<see cref="ClassifierOnnxGraph"/> without the batch axis: <c>OnnxTransformer</c>
/// runs one row at a time and would type a batched <c>Score</c> (1, K)). ML.NET has no public argmax-to-key transform,
/// and its <c>OnnxTransformer</c> cannot output a scalar column (a rank-0 ONNX output fails in its getter), so the ONNX
/// model's predicted class arrives as a one-slot vector. Hashing with
/// <c>combine</c> is the only public, saveable ML.NET transform that turns a vector into a scalar: the chain hashes the
/// one-slot class index to a 31-bit key, <c>MapValue</c> maps the K classes' hashes (checked distinct at export) to
/// their names, and <c>MapValueToKey</c> with the class names as key data gives the label's key type and key values. A
/// row with a non-finite pixel (index −1) maps to no name, so to the missing key 0, as in the TorchSharp classifier.
/// </remarks>
internal static class ClassifierOnnxChain
{
    private const string HashColumn = "PredictedClassHash";
    private const uint FirstSeed = 314489979;   // HashingEstimator's default seed
    private const int Seeds = 8;

    /// <summary>The chain over <paramref name="onnx"/> (the one-image graph), fitted on an empty view of the feature column.</summary>
    /// <returns>The chain and the input schema it was fitted on (the feature column).</returns>
    public static (ITransformer Chain, DataViewSchema InputSchema) Create(MLContext mlContext, byte[] onnx, ClassifierInfo info)
    {
        var names = OnnxClassNames.Of(info.Classes);
        var input = OnnxInputView.Empty(mlContext, info.FeatureColumnName, info.Spec.Channels * info.Spec.PixelCount);
        var hashing = DistinctHashing(mlContext, names.Length, out var hashes);
        var keyData = mlContext.Data.LoadFromEnumerable(names.Select(name => new ClassName { Value = name }));
        using var model = new MemoryStream(onnx, writable: false);
        var chain = mlContext.Transforms.ApplyOnnxModel([ClassifierOnnxGraph.ScoreOutput, ClassifierOnnxGraph.PredictedClassOutput],
                [info.FeatureColumnName], model)
            .Append(mlContext.Transforms.Conversion.Hash(hashing))
            .Append(mlContext.Transforms.Conversion.MapValue(PredictedLabelColumn.DefaultName,
                names.Select((name, k) => new KeyValuePair<uint, string>(hashes[k], name)), HashColumn))
            .Append(mlContext.Transforms.Conversion.MapValueToKey(PredictedLabelColumn.DefaultName, keyData: keyData))
            .Append(mlContext.Transforms.DropColumns(ClassifierOnnxGraph.PredictedClassOutput, HashColumn))
            .Fit(input);
        return (chain, input.Schema);
    }

    /// <summary>Hashing whose keys for the class indices 0…K−1 and the invalid index −1 are distinct: the default seed,
    /// else the next ones.</summary>
    private static HashingEstimator.ColumnOptions DistinctHashing(MLContext mlContext, int classCount, out uint[] hashes)
    {
        var indices = mlContext.Data.LoadFromEnumerable(Enumerable.Range(-1, classCount + 1).Select(k => new ClassIndex { Index = [k] }));
        for (var attempt = 0; attempt < Seeds; attempt++)
        {
            var options = new HashingEstimator.ColumnOptions(HashColumn, ClassifierOnnxGraph.PredictedClassOutput,
                numberOfBits: 31, seed: FirstSeed + (uint)attempt, useOrderedHashing: false, combine: true);
            var all = mlContext.Transforms.Conversion.Hash(options).Fit(indices).Transform(indices).GetColumn<uint>(HashColumn).ToArray();
            if (all.Distinct().Count() == all.Length)
            {
                hashes = all[1..];
                return options;
            }
        }

        throw new InvalidOperationException($"The {classCount} class indices share 31-bit hash keys under {Seeds} seeds; cannot map them to keys.");
    }

    private sealed class ClassIndex
    {
        [ColumnName(ClassifierOnnxGraph.PredictedClassOutput), VectorType(1)]
        public long[] Index { get; set; } = [];
    }

    private sealed class ClassName
    {
        public string Value { get; set; } = "";
    }
}
