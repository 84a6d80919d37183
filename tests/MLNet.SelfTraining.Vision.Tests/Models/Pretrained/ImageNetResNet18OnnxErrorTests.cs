using Google.Protobuf;
using Microsoft.ML;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Pretrained;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;
using Onnx;

namespace MLNet.SelfTraining.Vision.Tests.Models.Pretrained;

/// <summary>Files that are not the package's ResNet-18 given for the ImageNet backbone: each error names the file, the
/// option, what was expected and what the file holds.</summary>
[TestClass]
public sealed class ImageNetResNet18OnnxErrorTests
{
    private const string Option = "Network.InitialBackbonePath";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Load_OfATruncatedFile_SaysItIsNotAnOnnxModel()
    {
        var path = Written("truncated.onnx", File.ReadAllBytes(PackageModels.ResNet18).AsSpan(0, 1_000_000).ToArray());

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load(path));

        StringAssert.StartsWith(error.Message, $"'{path}' (the '{Option}' option of a test) is not an ONNX model (a protobuf ModelProto): ");
    }

    [TestMethod]
    public void Load_OfATextFile_SaysItIsNotAnOnnxModel()
    {
        var path = Written("notes.onnx", "Not a model, only a few words of text.\n"u8.ToArray());

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load(path));

        StringAssert.Contains(error.Message, $"'{path}' (the '{Option}' option of a test) ");
        StringAssert.Contains(error.Message, "is not an ONNX model");
    }

    [TestMethod]
    public void Load_OfAFileLargerThanTheModel_IsRefusedBeforeReading()
    {
        var path = TestArchives.TempPath(TestContext, "huge.onnx");
        using (var stream = File.Create(path))
        {
            stream.SetLength(80_000_000);
        }

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load(path));

        StringAssert.Contains(error.Message, "is 80000000 bytes; expected at most 64683776 (the size of the expected model's weights and graph).");
    }

    [TestMethod]
    public void Load_OfAnotherOpset_NamesTheOpsetExpectedAndGot()
    {
        var model = PackageModel();
        model.OpsetImport[0].Version = 13;

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load(Written("opset13.onnx", model)));

        StringAssert.Contains(error.Message, "imports opset 13 of the default ONNX domain; expected 8 (the CNTK 2.6 export of Microsoft.ML.DnnImageFeaturizer.ResNet18).");
    }

    [TestMethod]
    public void Load_OfAnExportedClassifier_NamesTheOpsetExpectedAndGot()
    {
        var mlContext = new MLContext(seed: 1);
        using var classifier = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 1))
            .Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(30, seed: 1)));
        var path = TestArchives.TempPath(TestContext, "classifier.onnx");
        classifier.ExportOnnx(path);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load(path));

        StringAssert.Contains(error.Message, "imports opset 13 of the default ONNX domain; expected 8");
    }

    [TestMethod]
    public void Load_OfAResNetWithoutItsLastBlock_NamesTheNodeCountExpectedAndGot()
    {
        var model = PackageModel();
        var nodes = model.Graph.Node;
        var pool = nodes[^1];
        nodes.RemoveAt(nodes.Count - 1);
        for (var i = 0; i < 7; i++)
        {
            nodes.RemoveAt(nodes.Count - 1);
        }

        nodes.Add(pool);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load(Written("short.onnx", model)));

        StringAssert.Contains(error.Message, "node 66 ('Pooling395') is AveragePool; expected Conv (ResNet-18, blocks 2,2,2,3).");
    }

    [TestMethod]
    public void Load_OfAStemForGreyImages_NamesTheInitializerShapeExpectedAndGot()
    {
        var model = PackageModel();
        var stem = model.Graph.Initializer.Single(t => t.Name == model.Graph.Node[0].Input[1]);
        stem.Dims[1] = 1;

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load(Written("grey-stem.onnx", model)));

        StringAssert.Contains(error.Message, $"initializer '{stem.Name}' of node 'Convolution249' has shape [64×1×7×7]; expected [64×3×7×7].");
    }

    [TestMethod]
    public void Load_OfANegativeVariance_NamesTheInitializerAndIndex()
    {
        var model = PackageModel();
        var norm = model.Graph.Node[1];
        model.Graph.Initializer.Single(t => t.Name == norm.Input[4]).FloatData[5] = -1f;

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Load(Written("negative-variance.onnx", model)));

        StringAssert.Contains(error.Message, $"the running variance '{norm.Input[4]}' of node 'BatchNormalization251' holds -1 at index 5; expected no negative value.");
    }

    [TestMethod]
    public void Fit_FromATruncatedFile_NamesTheTrainersOption()
    {
        var mlContext = new MLContext(seed: 1);
        var path = Written("truncated.onnx", File.ReadAllBytes(PackageModels.ResNet18).AsSpan(0, 1000).ToArray());
        var options = TinyClassifier.Options(steps: 1);
        options.Network.Architecture = BackboneArchitecture.ImageNetResNet18;
        options.Network.InitialBackbonePath = path;
        var trainer = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => trainer.Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(30, seed: 1))));

        StringAssert.StartsWith(error.Message, $"'{path}' (the '{Option}' option of TorchImageClassifierTrainer) is not an ONNX model");
    }

    [TestMethod]
    public void Fit_FromThePackagesOnnx_WithAnotherArchitecture_NamesBothOptions()
    {
        var mlContext = new MLContext(seed: 1);
        var options = TinyClassifier.Options(steps: 1);
        options.Network.InitialBackbonePath = PackageModels.ResNet18;
        var trainer = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => trainer.Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(30, seed: 1))));

        Assert.AreEqual(
            $"'{PackageModels.ResNet18}' (the '{Option}' option of TorchImageClassifierTrainer) is not a backbone archive: expected a zip file. "
            + "A file of another kind is read as the ImageNet ResNet-18 ONNX model only when the 'Network.Architecture' option is ImageNetResNet18; got SmallCnn.",
            error.Message);
    }

    private static void Load(string path)
    {
        using var backbone = new ImageNetResNet18(new BackboneSpec(BackboneArchitecture.ImageNetResNet18, 3, ImageNetResNet18.Width, [.. ImageNetResNet18.BlocksPerStage], 0));
        ImageNetResNet18Onnx.Load(path, backbone, Option, "a test");
    }

    private static ModelProto PackageModel() => ModelProto.Parser.ParseFrom(File.ReadAllBytes(PackageModels.ResNet18));

    private string Written(string name, ModelProto model) => Written(name, model.ToByteArray());

    private string Written(string name, byte[] bytes)
    {
        var path = TestArchives.TempPath(TestContext, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
