using Microsoft.ML;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Classification;

/// <summary>Classifier archives whose manifest declares impossible values: each load throws <see cref="InvalidDataException"/>
/// naming the field, before the network is built.</summary>
[TestClass]
public sealed class ArchiveValidationTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("smallcnn", "\"numberOfThreads\": 1", "\"numberOfThreads\": 0", "numberOfThreads = 0; expected 1 to", DisplayName = "no threads")]
    [DataRow("smallcnn", "\"inferenceBatchSize\": 256", "\"inferenceBatchSize\": 0", "inferenceBatchSize = 0; expected 1 to", DisplayName = "no batch")]
    [DataRow("resnet", "\"imageHeight\": 12,\n    \"imageWidth\": 12", "\"imageHeight\": 14000,\n    \"imageWidth\": 14000", "network input (channels × imageHeight × imageWidth) = 196000000; expected 16 to 16777216", DisplayName = "huge images")]
    [DataRow("resnet", "\"classCount\": 3", "\"classCount\": 1000000", "network.classCount = 1000000; expected 2 to", DisplayName = "a million classes")]
    [DataRow("smallcnn", "\"dropoutRate\": 0.2", "\"dropoutRate\": -3", "network.dropoutRate = -3; expected a rate in [0, 1)", DisplayName = "negative dropout")]
    [DataRow("resnet", "\"stochasticDepthRate\": 0", "\"stochasticDepthRate\": 1", "network.stochasticDepthRate = 1; expected a rate in [0, 1)", DisplayName = "depth rate 1")]
    [DataRow("smallcnn", "\"architecture\": \"SmallCnn\"", "\"architecture\": 7", "network.architecture = 7; expected one of SmallCnn, ResNet", DisplayName = "unknown architecture")]
    [DataRow("smallcnn", "\"inputScale\": 1", "\"inputScale\": 0", "inputScale = 0; expected a finite positive number", DisplayName = "zero scale")]
    [DataRow("smallcnn", "\"featureColumnName\": \"Features\"", "\"featureColumnName\": null", "featureColumnName is missing; expected 1 to 1024 characters", DisplayName = "no feature column")]
    [DataRow("smallcnn", "\"formatVersion\": 1", "\"formatVersion\": 0", "formatVersion = 0; expected 1 to 2", DisplayName = "version 0")]
    [DataRow("smallcnn", "\"network\": {", "\"network\": null, \"old\": {", "network is missing", DisplayName = "no network")]
    [DataRow("smallcnn", "\"v\",\n    \"sq\"", "\"v\"", "classNames has 2 names; expected 3 (network.classCount)", DisplayName = "2 names for 3 classes")]
    [DataRow("smallcnn", "\"v\",\n    \"sq\"", "\"v\",\n    \"v\"", "classNames[2] = 'v' repeats classNames[1]", DisplayName = "a repeated name")]
    public void Load_OfAnImpossibleManifest_ThrowsInvalidDataNamingTheField(string archive, string field, string replacement, string expected)
    {
        var path = Edited(archive, json => Replace(json, field, replacement));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => TorchImageClassifierTransformer.Load(new MLContext(), path));

        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, expected);
    }

    [TestMethod]
    public void Load_OfAClassNameLongerThanTheBound_ThrowsInvalidData()
    {
        var path = Edited("smallcnn", json => Replace(json, "\"sq\"", $"\"{new string('q', 5000)}\""));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => TorchImageClassifierTransformer.Load(new MLContext(), path));

        StringAssert.Contains(error.Message, "classNames[2] has 5000 characters; expected 0 to 1024");
    }

    [TestMethod]
    public void Load_OfAManifestLargerThanTheBound_ThrowsBeforeReadingIt()
    {
        var path = Edited("smallcnn", json => Replace(json, "\"sq\"", $"\"{new string('q', 20 << 20)}\""));
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.ThrowsExactly<InvalidDataException>(() => TorchImageClassifierTransformer.Load(new MLContext(), path));

        StringAssert.Contains(error.Message, "'manifest.json' of 20,972,");
        StringAssert.Contains(error.Message, "bytes; expected at most 16,777,216");
        Assert.IsLessThan(1L << 20, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
    }

    [TestMethod]
    public void Load_DoesNotChangeTheProcessThreadCount()
    {
        var threads = TorchSharp.torch.get_num_threads();
        var path = Edited("smallcnn", json => Replace(json, "\"numberOfThreads\": 1", $"\"numberOfThreads\": {threads + 1}"));

        using var model = TorchImageClassifierTransformer.Load(new MLContext(), path);

        Assert.AreEqual(threads, TorchSharp.torch.get_num_threads());
    }

    private string Edited(string archive, Func<string, string> edit)
    {
        var path = TestArchives.TempPath(TestContext, "classifier.zip");
        File.Copy(TestArchives.Stored($"{archive}-v1.zip"), path);
        TestArchives.EditManifest(path, edit);
        return path;
    }

    private static string Replace(string json, string field, string replacement)
    {
        Assert.Contains(field, json, "the edited field");
        return json.Replace(field, replacement, StringComparison.Ordinal);
    }
}
