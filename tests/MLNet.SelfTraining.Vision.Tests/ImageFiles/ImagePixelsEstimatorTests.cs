using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.ImageFiles;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace MLNet.SelfTraining.Vision.Tests.ImageFiles;

[TestClass]
public sealed class ImagePixelsEstimatorTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static string Folder()
    {
        var folder = Directory.CreateTempSubdirectory("image-pixels-").FullName;
        using (var image = new Image<L8>(4, 2))
        {
            image[0, 0] = new L8(255);
            image[3, 1] = new L8(51);
            image.SaveAsPng(Path.Combine(folder, "good.png"));
        }

        File.WriteAllBytes(Path.Combine(folder, "corrupt.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        File.WriteAllText(Path.Combine(folder, "text.png"), "not an image");
        return folder;
    }

    /// <summary>An image folder and, next to it, a folder named "outside" holding a readable "good.png".</summary>
    private static (string Folder, string Outside) FolderWithAnImageOutside()
    {
        var parent = Directory.CreateTempSubdirectory("image-confinement-").FullName;
        var folder = Directory.CreateDirectory(Path.Combine(parent, "images")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(parent, "outside")).FullName;
        File.Copy(Path.Combine(Folder(), "good.png"), Path.Combine(outside, "good.png"));
        File.Copy(Path.Combine(outside, "good.png"), Path.Combine(folder, "good.png"));
        return (folder, outside);
    }

    private static float[][] Read(string folder, ImagePixelsOptions options, params string[] files)
    {
        options.ImageFolder = folder;
        var data = Ml.Data.LoadFromEnumerable(files.Select(f => new PathRow { ImagePath = f }));
        var pixels = Ml.Transforms.LoadImagePixels(Ml, options).Fit(data).Transform(data);
        return Ml.Data.CreateEnumerable<PixelRow>(pixels, reuseRowObject: false).Select(r => r.Features).ToArray();
    }

    [TestMethod]
    public void GoodImage_IsReadAsScaledPixels_WithTheRequestedShape()
    {
        var pixels = Read(Folder(), new ImagePixelsOptions { Height = 2, Width = 4 }, "good.png").Single();

        Assert.HasCount(8, pixels);
        Assert.AreEqual(1f, pixels[0], 1e-6f);
        Assert.AreEqual(0.2f, pixels[7], 1e-6f);
        Assert.AreEqual(0f, pixels[1]);
    }

    [TestMethod]
    public void OutputColumn_HasTheImageShape()
    {
        var data = Ml.Data.LoadFromEnumerable(new[] { new PathRow { ImagePath = "good.png" } });
        var schema = Ml.Transforms.LoadImagePixels(Ml, new ImagePixelsOptions { Channels = 3, Height = 5, Width = 6 }).Fit(data).GetOutputSchema(data.Schema);

        var type = (VectorDataViewType)schema["Features"].Type;
        CollectionAssert.AreEqual(new[] { 3, 5, 6 }, type.Dimensions.ToArray());
    }

    [TestMethod]
    public void CorruptImage_FailsNamingTheFile()
    {
        var folder = Folder();
        var error = Assert.ThrowsExactly<InvalidDataException>(() => Read(folder, new ImagePixelsOptions(), "corrupt.png"));

        Assert.Contains(Path.Combine(folder, "corrupt.png"), error.Message);
    }

    [TestMethod]
    public void NonImage_FailsNamingTheFile()
    {
        var folder = Folder();
        var error = Assert.ThrowsExactly<InvalidDataException>(() => Read(folder, new ImagePixelsOptions(), "text.png"));

        Assert.Contains("text.png", error.Message);
    }

    [TestMethod]
    public void MissingImage_FailsNamingTheFile()
    {
        var error = Assert.ThrowsExactly<FileNotFoundException>(() => Read(Folder(), new ImagePixelsOptions(), "absent.png"));

        Assert.Contains("absent.png", error.Message);
    }

    [TestMethod]
    public void ImageAboveThePixelBudget_IsRejectedBeforeDecoding()
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => Read(Folder(), new ImagePixelsOptions { MaximumPixels = 7 }, "good.png"));

        Assert.Contains("4×2 = 8 pixels; expected at most 7", error.Message);
        Assert.Contains("MaximumPixels", error.Message);
    }

    [TestMethod]
    public void AnimatedImage_DecodesOnlyItsFirstFrame()
    {
        var folder = Folder();
        var path = Path.Combine(folder, "animated.gif");
        using (var animation = new Image<L8>(40, 40, new L8(255)))
        {
            for (int frame = 1; frame < 30; frame++)
            {
                using var black = new Image<L8>(40, 40, new L8(0));
                animation.Frames.AddFrame(black.Frames.RootFrame);
            }

            animation.SaveAsGif(path);
        }

        using var stream = File.OpenRead(path);
        using var image = new ImageFileReader(new ImagePixelsOptions()).Decode(stream);

        Assert.AreEqual(1, image.Frames.Count);
        Assert.IsTrue(Read(folder, new ImagePixelsOptions { Height = 2, Width = 2 }, "animated.gif").Single().All(p => p == 1f));
    }

    [TestMethod]
    public void DecodingConfiguration_RefusesBuffersLargerThanTheBudgetNeeds()
    {
        var configuration = DecodingConfiguration.Create(new ImagePixelsOptions { MaximumPixels = 10_000 });

        using (new Image<Rgb24>(configuration, 100, 100))
        {
        }

        Assert.ThrowsExactly<InvalidMemoryOperationException>(() => new Image<Rgb24>(configuration, 4000, 4000));
    }

    [TestMethod]
    [DataRow("../outside/good.png")]
    [DataRow("sub/../../outside/good.png")]
    [DataRow("{outside}/good.png")]
    public void PathLeavingTheImageFolder_FailsNamingThePath(string path)
    {
        var (folder, outside) = FolderWithAnImageOutside();
        path = path.Replace("{outside}", outside, StringComparison.Ordinal);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Read(folder, new ImagePixelsOptions(), path));

        Assert.Contains($"Image path '{path}'", error.Message);
        Assert.Contains("outside the image folder", error.Message);
    }

    [TestMethod]
    public void PathLeavingTheImageFolder_IsSkipped_WithSkipInvalidImages()
    {
        var (folder, outside) = FolderWithAnImageOutside();

        var rows = Read(folder, new ImagePixelsOptions { SkipInvalidImages = true }, "good.png", Path.Combine(outside, "good.png"), "../outside/good.png");

        Assert.IsFalse(rows[0].Any(float.IsNaN));
        Assert.IsTrue(rows[1].All(float.IsNaN));
        Assert.IsTrue(rows[2].All(float.IsNaN));
    }

    [TestMethod]
    public void PathInsideTheImageFolder_IsRead_EvenWithDotDotOrAbsolute()
    {
        var folder = Folder();
        Directory.CreateDirectory(Path.Combine(folder, "sub"));

        var rows = Read(folder, new ImagePixelsOptions { Height = 2, Width = 4 }, "sub/../good.png", Path.Combine(folder, "good.png"));

        Assert.AreEqual(1f, rows[0][0], 1e-6f);
        Assert.AreEqual(1f, rows[1][0], 1e-6f);
    }

    [TestMethod]
    public void SkipInvalidImages_GivesNaNPixels_AndReportsTheFiles()
    {
        var folder = Folder();
        var options = new ImagePixelsOptions { SkipInvalidImages = true, ImageFolder = folder };
        var data = Ml.Data.LoadFromEnumerable(new[] { "good.png", "corrupt.png", "absent.png" }.Select(f => new PathRow { ImagePath = f }));
        var transformer = Ml.Transforms.LoadImagePixels(Ml, options).Fit(data);
        var rows = Ml.Data.CreateEnumerable<PixelRow>(transformer.Transform(data), reuseRowObject: false).ToList();

        Assert.IsFalse(rows[0].Features.Any(float.IsNaN));
        Assert.IsTrue(rows[1].Features.All(float.IsNaN));
        Assert.IsTrue(rows[2].Features.All(float.IsNaN));
        Assert.HasCount(2, transformer.SkippedFiles);
    }

    [TestMethod]
    public void BadOptions_AreNamed()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.Transforms.LoadImagePixels(Ml, new ImagePixelsOptions { Channels = 2 }));
        Assert.AreEqual(nameof(ImagePixelsOptions.Channels), error.ParamName);
    }

    internal sealed class PathRow
    {
        public string ImagePath { get; set; } = "";
    }

    internal sealed class PixelRow
    {
        public float[] Features { get; set; } = [];
    }
}
