using Microsoft.ML;
using MLNet.SelfTraining.SampleData;

namespace MLNet.SelfTraining.Tests;

/// <summary>The canonical MNIST-10k split as ML.NET views, shared by tests.</summary>
internal sealed class MnistFixture
{
    public MnistFixture(MLContext mlContext, int labeledCount)
    {
        Split = MnistSplit.Canonical(MnistDataset.ReadEmbedded10k(), labeledCount);
        Labeled = Split.LoadLabeled(mlContext);
        UnlabeledWithTrueLabels = Split.Data.ToDataView(mlContext, Split.Unlabeled);
        Test = Split.LoadTest(mlContext);
    }

    public MnistSplit Split { get; }

    public IDataView Labeled { get; }

    /// <summary>The unlabeled pool with its true labels, for <see cref="SelfTrainingOptions.DiagnosticLabelColumnName"/>.</summary>
    public IDataView UnlabeledWithTrueLabels { get; }

    public IDataView Test { get; }
}
