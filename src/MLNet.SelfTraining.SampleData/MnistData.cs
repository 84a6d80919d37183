using Microsoft.ML;

namespace MLNet.SelfTraining.SampleData;

/// <summary>
/// MNIST images and labels held as bytes, in file order: image <c>i</c> is the 784 pixel bytes (28 rows of 28,
/// 0 = background, 255 = ink) at <c>Pixels[i * 784 ..]</c> and its digit is <c>Labels[i]</c>.
/// Obtain it from <see cref="MnistDataset.Read"/> or <see cref="MnistDataset.ReadEmbedded10k"/>; it is immutable.
/// </summary>
public sealed class MnistData
{
    /// <summary>The height and width of an MNIST image, in pixels.</summary>
    public const int ImageSide = 28;

    /// <summary>The number of pixels of an MNIST image (28 × 28).</summary>
    public const int PixelsPerImage = ImageSide * ImageSide;

    /// <summary>The number of classes (digits 0 to 9).</summary>
    public const int ClassCount = 10;

    private readonly byte[] _pixels;
    private readonly byte[] _labels;

    /// <summary>Wraps validated arrays without copying them.</summary>
    internal MnistData(byte[] pixels, byte[] labels)
    {
        _pixels = pixels;
        _labels = labels;
    }

    /// <summary>Gets the number of images.</summary>
    public int Count => _labels.Length;

    /// <summary>Gets all pixel bytes, <see cref="PixelsPerImage"/> per image, in file order.</summary>
    public ReadOnlyMemory<byte> Pixels => _pixels;

    /// <summary>Gets all labels (digits 0 to 9), one per image, in file order.</summary>
    public ReadOnlyMemory<byte> Labels => _labels;

    /// <summary>Gets the <see cref="PixelsPerImage"/> pixel bytes of image <paramref name="index"/>.</summary>
    /// <param name="index">The image index, from 0 to <see cref="Count"/> − 1.</param>
    public ReadOnlySpan<byte> GetImage(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);
    }

    /// <summary>Gets the digit (0 to 9) of image <paramref name="index"/>.</summary>
    /// <param name="index">The image index, from 0 to <see cref="Count"/> − 1.</param>
    public int GetLabel(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _labels[index];
    }

    /// <summary>Counts the images of each digit.</summary>
    /// <returns>An array of <see cref="ClassCount"/> counts; element <c>d</c> is the number of images of digit <c>d</c>.</returns>
    public int[] CountPerClass()
    {
        var counts = new int[ClassCount];
        foreach (var label in _labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <summary>
    /// Exposes images as an <see cref="IDataView"/> without copying them: a <see cref="MnistDataset.LabelColumnName"/>
    /// key column (<see cref="uint"/>, 10 values whose key values are "0" to "9") and a features column of 784
    /// <see cref="float"/> (shape 1 × 28 × 28, pixel byte / 255). The view knows its row count and can be shuffled.
    /// </summary>
    /// <param name="mlContext">The ML.NET context the view is used with.</param>
    /// <param name="rows">The image indices to expose, in this order; <see langword="null"/> for all images in file order.</param>
    /// <param name="hideLabels">
    /// <see langword="true"/> to expose every label as missing (key 0), as for unlabeled data; the true labels stay
    /// available through <see cref="GetLabel"/>.
    /// </param>
    /// <param name="featuresColumnName">The name of the image column.</param>
    public IDataView ToDataView(
        MLContext mlContext,
        IEnumerable<int>? rows = null,
        bool hideLabels = false,
        string featuresColumnName = MnistDataset.DefaultFeaturesColumnName)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        var rowArray = rows?.ToArray() ?? Enumerable.Range(0, Count).ToArray();
        var outOfRange = Array.FindIndex(rowArray, row => (uint)row >= (uint)Count);
        if (outOfRange >= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(rows),
                rowArray[outOfRange],
                $"Expected image indices from 0 to {Count - 1}; got {rowArray[outOfRange]} at position {outOfRange}.");
        }

        return new MnistDataView(this, rowArray, hideLabels, MnistSchema.Create(featuresColumnName));
    }
}
