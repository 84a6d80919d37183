using Microsoft.ML;
using Microsoft.ML.Trainers;
using SelfTraining.Core;

namespace SelfTraining.Sharding;

/// <summary>
/// The tabular workload, made once per folder: N rows of 128-float Gaussian blobs, 10 classes (<see cref="BlobData"/>, the
/// streaming figure's data), saved as ML.NET binary parts (features only: unlabeled), and an L-BFGS teacher fitted on
/// 1,000 labeled rows, saved with <c>mlContext.Model.Save</c>.
/// </summary>
internal static class TabularData
{
    public const int Width = 128;
    public const int Classes = 10;
    public const int LabeledRows = 1000;

    public const string TeacherDescription = "LbfgsMaximumEntropy (L1 = 0, L2 = 1, 1 thread, at most 10 iterations) on 1,000 labeled rows";

    private const int LabeledStream = 1;

    /// <summary>Part p holds rows of blob stream <c>FirstPartStream + p</c>: independent rows from the same class centers.</summary>
    private const int FirstPartStream = 10;

    /// <summary>The workload of <paramref name="rows"/> rows in parts of <paramref name="partRows"/>, reused when <paramref name="work"/> already holds it.</summary>
    public static Workload Prepare(string work, long rows, long partRows)
    {
        var folder = Path.Combine(work, $"tabular-{rows}-parts-{partRows}");
        return Workload.ReadOrMake(folder, () => Make(folder, rows, partRows));
    }

    private static Workload Make(string folder, long rows, long partRows)
    {
        var ml = new MLContext(seed: 1);
        var blobs = new BlobData(seed: 42, Width, Classes, spread: 0.3f);
        var inputs = new List<string>();
        DataViewSchema? schema = null;
        for (long done = 0; done < rows; done += partRows)
        {
            var blob = blobs.Load(ml, FirstPartStream + inputs.Count, Math.Min(partRows, rows - done));
            var features = ml.Transforms.SelectColumns("Features").Fit(blob).Transform(blob);
            schema = features.Schema;
            var path = Path.Combine(folder, $"input-{inputs.Count:D3}.idv");
            using (var stream = File.Create(path))
            {
                ml.Data.SaveAsBinary(features, stream, keepHidden: false);
            }

            inputs.Add(path);
            Console.Error.WriteLine($"  tabular input {path}: {new FileInfo(path).Length:N0} bytes");
        }

        var teacher = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = 1,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 10,
        }).Fit(blobs.Load(ml, LabeledStream, LabeledRows));
        var teacherPath = Path.Combine(folder, "teacher.zip");
        ml.Model.Save(teacher, schema!, teacherPath);
        return new Workload("tabular", "classification", teacherPath, inputs, [MLNet.SelfTraining.DefaultColumnNames.Score], rows);
    }
}
