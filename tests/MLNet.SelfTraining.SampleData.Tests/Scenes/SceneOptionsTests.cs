using MLNet.SelfTraining.SampleData.Scenes;

namespace MLNet.SelfTraining.SampleData.Tests.Scenes;

[TestClass]
public sealed class SceneOptionsTests
{
    [TestMethod]
    public void Defaults_AreValidAndDocumented()
    {
        var options = new SceneOptions();

        options.Validate();

        Assert.AreEqual((64, 1, 3), (options.CanvasSize, options.MinimumDigits, options.MaximumDigits));
        Assert.AreEqual((0.25, 0.45, 0.15, 20), (options.MinimumDigitScale, options.MaximumDigitScale, options.MaximumOverlap, options.MaximumPlacementAttempts));
        Assert.AreEqual((0.5, 0.7, 0.1), (options.ObjectCentricMinimumScale, options.ObjectCentricMaximumScale, options.ObjectCentricMaximumOffset));
        Assert.AreEqual((0.2, 0.3), (options.LabeledPoolFraction, options.ObjectCentricPoolFraction));
    }

    [TestMethod]
    [DataRow(32)]
    [DataRow(256)]
    public void Validate_CanvasSizeAtTheLimits_IsAccepted(int size) => new SceneOptions { CanvasSize = size }.Validate();

    [TestMethod]
    [DataRow(31, "CanvasSize was expected to be from 32 to 256; got 31.")]
    [DataRow(257, "CanvasSize was expected to be from 32 to 256; got 257.")]
    public void Validate_CanvasSizeOutOfRange_NamesItExpectedAndGot(int size, string message) =>
        AssertRejects(new SceneOptions { CanvasSize = size }, "CanvasSize", message);

    [TestMethod]
    public void Validate_MinimumDigitsAboveMaximum_NamesMinimumDigits() =>
        AssertRejects(new SceneOptions { MinimumDigits = 4, MaximumDigits = 3 }, "MinimumDigits", "MinimumDigits was expected to be from 1 to 3; got 4.");

    [TestMethod]
    public void Validate_TooManyDigits_NamesMaximumDigits() =>
        AssertRejects(new SceneOptions { MaximumDigits = 17 }, "MaximumDigits", "MaximumDigits was expected to be from 1 to 16; got 17.");

    [TestMethod]
    public void Validate_ScalesHoldingNoWholeSide_NamesMaximumDigitScale() =>
        AssertRejects(
            new SceneOptions { CanvasSize = 32, MinimumDigitScale = 0.26, MaximumDigitScale = 0.27 },
            "MaximumDigitScale", "got sides 9 to 8");

    [TestMethod]
    [DataRow(0.0)]
    [DataRow(1.5)]
    [DataRow(double.NaN)]
    public void Validate_MaximumDigitScaleOutOfRange_NamesIt(double scale) =>
        AssertRejects(new SceneOptions { MaximumDigitScale = scale }, "MaximumDigitScale", "MaximumDigitScale was expected to be in (0, 1]");

    [TestMethod]
    public void Validate_OverlapAboveOne_NamesIt() =>
        AssertRejects(new SceneOptions { MaximumOverlap = 1.2 }, "MaximumOverlap", "MaximumOverlap was expected to be in [0, 1]; got 1.2.");

    [TestMethod]
    public void Validate_NoPlacementAttempts_NamesIt() =>
        AssertRejects(new SceneOptions { MaximumPlacementAttempts = 0 }, "MaximumPlacementAttempts", "got 0.");

    [TestMethod]
    public void Validate_PoolFractionsAboveOne_NamesObjectCentricPoolFraction() =>
        AssertRejects(
            new SceneOptions { LabeledPoolFraction = 0.5, ObjectCentricPoolFraction = 0.6 },
            "ObjectCentricPoolFraction", "ObjectCentricPoolFraction was expected to be in [0, 0.5]; got 0.6.");

    [TestMethod]
    public void Validate_OffsetAboveHalf_NamesIt() =>
        AssertRejects(new SceneOptions { ObjectCentricMaximumOffset = 0.6 }, "ObjectCentricMaximumOffset", "got 0.6.");

    private static void AssertRejects(SceneOptions options, string name, string message)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(options.Validate);

        Assert.AreEqual(name, error.ParamName);
        Assert.Contains(message, error.Message);
    }
}
