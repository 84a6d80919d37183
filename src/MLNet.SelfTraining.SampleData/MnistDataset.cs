using Microsoft.ML;

namespace MLNet.SelfTraining.SampleData;

/// <summary>
/// Loads MNIST: the standard IDX files (e.g. <c>train-images-idx3-ubyte.gz</c> and <c>train-labels-idx1-ubyte.gz</c>,
/// raw or gzip-compressed) or the 10,000-image subset embedded in this library (see <c>Mnist10k/README.md</c>;
/// MNIST by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, CC BY-SA 3.0).
/// </summary>
public static class MnistDataset
{
    /// <summary>The name of the label column, <c>Label</c> (ML.NET's default): a <see cref="uint"/> key with 10 values whose key values are "0" to "9".</summary>
    public const string LabelColumnName = "Label";

    /// <summary>The default name of the image column: 784 <see cref="float"/> values in [0, 1] of shape 1 × 28 × 28.</summary>
    public const string DefaultFeaturesColumnName = "Features";

    private const string Embedded10kImagesResource = "MLNet.SelfTraining.SampleData.Mnist10k.images-idx3-ubyte.gz";
    private const string Embedded10kLabelsResource = "MLNet.SelfTraining.SampleData.Mnist10k.labels-idx1-ubyte.gz";

    private static readonly Lazy<MnistData> s_embedded10k = new(ReadEmbeddedResources);

    /// <summary>Reads a pair of MNIST IDX files, raw or gzip-compressed.</summary>
    /// <param name="imagesPath">The images file (IDX magic 0x00000803, N × 28 × 28 unsigned bytes).</param>
    /// <param name="labelsPath">The labels file (IDX magic 0x00000801, N unsigned bytes from 0 to 9).</param>
    /// <returns>The images and labels in file order.</returns>
    /// <exception cref="InvalidDataException">A file is malformed or the files disagree; the message names the file.</exception>
    public static MnistData Read(string imagesPath, string labelsPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagesPath);
        ArgumentException.ThrowIfNullOrEmpty(labelsPath);
        using var images = File.OpenRead(imagesPath);
        using var labels = File.OpenRead(labelsPath);
        return MnistIdx.Read(images, imagesPath, labels, labelsPath);
    }

    /// <summary>
    /// Reads the embedded MNIST-10k: 10,000 images, class-major (all 0s, then all 1s, …), with per-class counts
    /// 1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978. The result is read once and shared.
    /// </summary>
    public static MnistData ReadEmbedded10k() => s_embedded10k.Value;

    /// <summary>Loads a pair of MNIST IDX files as an <see cref="IDataView"/> (schema: see <see cref="MnistData.ToDataView"/>).</summary>
    /// <param name="mlContext">The ML.NET context the view is used with.</param>
    /// <param name="imagesPath">The images file (IDX magic 0x00000803, N × 28 × 28 unsigned bytes).</param>
    /// <param name="labelsPath">The labels file (IDX magic 0x00000801, N unsigned bytes from 0 to 9).</param>
    /// <param name="featuresColumnName">The name of the image column.</param>
    /// <exception cref="InvalidDataException">A file is malformed or the files disagree; the message names the file.</exception>
    public static IDataView Load(
        MLContext mlContext, string imagesPath, string labelsPath, string featuresColumnName = DefaultFeaturesColumnName) =>
        Read(imagesPath, labelsPath).ToDataView(mlContext, featuresColumnName: featuresColumnName);

    /// <summary>Loads the embedded MNIST-10k as an <see cref="IDataView"/> (schema: see <see cref="MnistData.ToDataView"/>).</summary>
    /// <param name="mlContext">The ML.NET context the view is used with.</param>
    /// <param name="featuresColumnName">The name of the image column.</param>
    public static IDataView LoadEmbedded10k(MLContext mlContext, string featuresColumnName = DefaultFeaturesColumnName) =>
        ReadEmbedded10k().ToDataView(mlContext, featuresColumnName: featuresColumnName);

    private static MnistData ReadEmbeddedResources()
    {
        using var images = OpenResource(Embedded10kImagesResource);
        using var labels = OpenResource(Embedded10kLabelsResource);
        return MnistIdx.Read(images, Embedded10kImagesResource, labels, Embedded10kLabelsResource);
    }

    private static Stream OpenResource(string name) =>
        typeof(MnistDataset).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {typeof(MnistDataset).Assembly.GetName().Name}.");
}
