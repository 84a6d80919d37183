using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.SampleData;
using static TorchSharp.torch;

namespace SelfTraining.Vision;

/// <summary>MNIST-10k images upscaled bilinearly (TorchSharp's <c>interpolate</c>) to side×side grey, with their digit keys.</summary>
internal static class UpscaledDigits
{
    /// <summary>The images <paramref name="rows"/> of <paramref name="data"/> as a view: <c>Features</c> (side² floats in
    /// [0, 1]) and <c>Label</c> (key 1–10, the digit + 1).</summary>
    public static IDataView Load(MLContext mlContext, MnistData data, IReadOnlyList<int> rows, int side)
    {
        var images = new List<Row>(rows.Count);
        foreach (var row in rows)
        {
            var pixels = data.GetImage(row).ToArray().Select(p => p / 255f).ToArray();
            using var image = tensor(pixels, [1, 1, MnistData.ImageSide, MnistData.ImageSide]);
            using var large = nn.functional.interpolate(image, [side, side], mode: InterpolationMode.Bilinear, align_corners: false);
            images.Add(new Row { Features = large.data<float>().ToArray(), Label = (uint)data.GetLabel(row) + 1 });
        }

        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, side * side);
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), MnistData.ClassCount);
        return mlContext.Data.LoadFromEnumerable(images, schema);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }
    }
}
