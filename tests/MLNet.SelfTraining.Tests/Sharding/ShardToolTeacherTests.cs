using Microsoft.ML;
using MLNet.SelfTraining.Sharding;
using SkiaSharp;

namespace MLNet.SelfTraining.Tests.Sharding;

/// <summary>Teachers from other ML.NET assemblies load in the tool's workers, which register them.</summary>
[TestClass]
public sealed class ShardToolTeacherTests
{
    [TestMethod]
    public async Task AnImagePipelineTeacher_LoadsInTheToolsWorkers_AndScoresAsInProcess()
    {
        var ml = new MLContext(seed: 1);
        var images = Directory.CreateTempSubdirectory("shard-images-").FullName;
        try
        {
            var rows = Enumerable.Range(0, 24).Select(i => new ImageRow { ImagePath = Png(images, i, (byte)(i % 2 == 0 ? 40 + i : 200 - i)), Label = i % 2 == 0 ? "dark" : "light" }).ToList();
            var teacher = ml.Transforms.Conversion.MapValueToKey("Label")
                .Append(ml.Transforms.LoadImages("Image", images, nameof(ImageRow.ImagePath)))
                .Append(ml.Transforms.ResizeImages("Image", 4, 4))
                .Append(ml.Transforms.ExtractPixels("Features", "Image"))
                .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy())
                .Fit(ml.Data.LoadFromEnumerable(rows.Take(8)));
            var unlabeled = ml.Data.LoadFromEnumerable(rows.Skip(8).Select(r => new ImageRow { ImagePath = r.ImagePath, Label = "" }).ToList());
            using var folder = ShardFolder.Create(ml, unlabeled, teacher, [DefaultColumnNames.Score], 2);

            var set = await ShardCoordinator.RunAsync(folder.JobPath, ShardTool.Runner(2), maximumAttempts: 1, CancellationToken.None);

            ShardColumns.AssertSame(teacher.Transform(unlabeled), set.AsDataView(ml), DefaultColumnNames.Score);
        }
        finally
        {
            Directory.Delete(images, recursive: true);
        }
    }

    private static string Png(string folder, int index, byte grey)
    {
        var name = $"image-{index:D2}.png";
        using var bitmap = new SKBitmap(8, 8);
        bitmap.Erase(new SKColor(grey, grey, grey));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(Path.Combine(folder, name), data.ToArray());
        return name;
    }

    private sealed class ImageRow
    {
        public string ImagePath { get; set; } = "";

        public string Label { get; set; } = "";
    }
}
