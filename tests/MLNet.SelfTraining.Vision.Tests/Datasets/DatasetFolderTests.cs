using Microsoft.ML;

namespace MLNet.SelfTraining.Vision.Tests.Datasets;

/// <summary>The base of test classes whose tests each work in a fresh <see cref="DatasetFolder"/>, deleted after the test.</summary>
public abstract class DatasetFolderTests
{
    /// <summary>A context for loading the test data sets.</summary>
    protected MLContext Ml { get; } = new(seed: 1);

    /// <summary>The test's folder.</summary>
    private protected DatasetFolder Folder { get; private set; } = null!;

    [TestInitialize]
    public void CreateFolder() => Folder = new DatasetFolder();

    [TestCleanup]
    public void DeleteFolder() => Folder.Dispose();
}
