using Microsoft.ML;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Datasets;
using MLNet.SelfTraining.Vision.ImageFiles;

namespace SceneSegmentation;

/// <summary>
/// <c>--voc &lt;folder&gt;</c>: a PASCAL VOC layout folder as labeled, unlabeled and test images: the
/// <c>ImageSets/Segmentation/train.txt</c> split is labeled, <c>val.txt</c> is the test set, and every
/// <c>JPEGImages/&lt;id&gt;.jpg|jpeg|png</c> without a <c>SegmentationClass/&lt;id&gt;.png</c> mask is unlabeled.
/// </summary>
internal static class VocFolder
{
    public const int Channels = 3;
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];

    /// <summary>The three sets, every image resized to <paramref name="size"/> × <paramref name="size"/>.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="folder">The VOC folder.</param>
    /// <param name="size">The height and width images and masks are resized to.</param>
    /// <param name="classNames">The class names (class 0 first), or <see langword="null"/> for PASCAL VOC's 21.</param>
    public static (IDataView Labeled, IDataView Unlabeled, IDataView Test) Load(MLContext mlContext, string folder, int size, IReadOnlyList<string>? classNames)
    {
        VocSegmentationOptions Split(string split) => new()
        {
            Split = split,
            Channels = Channels,
            Height = size,
            Width = size,
            ClassNames = classNames ?? VocSegmentationOptions.PascalVocClassNames,
        };

        var labeled = mlContext.Data.LoadVocSegmentation(folder, Split("train"));
        var test = mlContext.Data.LoadVocSegmentation(folder, Split("val"));
        var images = Path.Combine(folder, "JPEGImages");
        var masks = Path.Combine(folder, "SegmentationClass");
        var withoutMask = Directory.EnumerateFiles(images)
            .Where(file => ImageExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Where(file => !File.Exists(Path.Combine(masks, Path.GetFileNameWithoutExtension(file) + ".png")))
            .Order(StringComparer.Ordinal)
            .Select(file => new UnlabeledImage { ImagePath = Path.GetFileName(file) })
            .ToList();
        var paths = mlContext.Data.LoadFromEnumerable(withoutMask);
        var pixels = new ImagePixelsOptions { ImageFolder = images, Channels = Channels, Height = size, Width = size };
        var unlabeled = mlContext.Transforms.LoadImagePixels(mlContext, pixels).Fit(paths).Transform(paths);
        return (labeled, unlabeled, test);
    }

    private sealed class UnlabeledImage
    {
        public string ImagePath { get; set; } = "";
    }
}
