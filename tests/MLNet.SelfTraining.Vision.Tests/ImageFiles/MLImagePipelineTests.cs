using Microsoft.ML;
using MLNet.SelfTraining.Vision.ImageFiles;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MLNet.SelfTraining.Vision.Tests.ImageFiles;

/// <summary>
/// ML.NET's own image path (Microsoft.ML.ImageAnalytics: <c>LoadImages</c> → <c>ResizeImages</c> →
/// <c>ExtractPixels(scaleImage: 1f / 255)</c> over an <c>MLImage</c> column) gives the vector the TorchSharp classifier
/// reads, as README.md ("Images from files") says.
/// </summary>
[TestClass]
public sealed class MLImagePipelineTests
{
    private static readonly MLContext Ml = new(seed: 1);

    [TestMethod]
    public void LoadImagesResizeExtractPixels_GivesTheSameVectorAsLoadImagePixels()
    {
        var folder = Directory.CreateTempSubdirectory("mlimage-").FullName;
        using (var image = new Image<Rgb24>(4, 2))
        {
            for (var y = 0; y < 2; y++)
            {
                for (var x = 0; x < 4; x++)
                {
                    image[x, y] = new Rgb24((byte)(30 * x + 10), (byte)(100 * y + 20), (byte)(250 - (50 * x)));
                }
            }

            image.SaveAsPng(Path.Combine(folder, "rgb.png"));
        }

        var data = Ml.Data.LoadFromEnumerable(new[] { new ImagePixelsEstimatorTests.PathRow { ImagePath = "rgb.png" } });
        var mlImage = Ml.Transforms.LoadImages("Image", folder, "ImagePath")
            .Append(Ml.Transforms.ResizeImages("Image", imageWidth: 4, imageHeight: 2))
            .Append(Ml.Transforms.ExtractPixels("Features", "Image", scaleImage: 1f / 255))
            .Fit(data).Transform(data);
        var ours = Ml.Transforms.LoadImagePixels(Ml, new ImagePixelsOptions { ImageFolder = folder, Channels = 3, Height = 2, Width = 4 })
            .Fit(data).Transform(data);

        var expected = Ml.Data.CreateEnumerable<ImagePixelsEstimatorTests.PixelRow>(ours, reuseRowObject: false).Single().Features;
        var actual = Ml.Data.CreateEnumerable<ImagePixelsEstimatorTests.PixelRow>(mlImage, reuseRowObject: false).Single().Features;

        Assert.HasCount(3 * 2 * 4, actual);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], actual[i], 1e-6f, $"pixel value {i}");
        }
    }
}
