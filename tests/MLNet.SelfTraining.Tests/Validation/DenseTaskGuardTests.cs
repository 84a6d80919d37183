using Microsoft.ML;
using MLNet.SelfTraining.Tests.Tasks.Segmentation;

namespace MLNet.SelfTraining.Tests.Validation;

[TestClass]
public sealed class DenseTaskGuardTests
{
    private static SelfTrainingOptions Options(MLContext ml, ValidationOptions validation) => new()
    {
        LabelColumnName = DefaultColumnNames.Mask,
        MaximumIterations = 1,
        Student = new RecordingSegmenter(ml),
        Validation = validation,
    };

    [TestMethod]
    public void Segmentation_SelfTrainsUnguarded_WithAWarningAndAVerdictThatSayWhy()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };
        var unlabeled = SceneRow.Load(ml, [SceneRow.Scored([1, 1, 0, 0], [0.9f, 0.9f, 0.9f, 0.9f])], 4);

        using var model = ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(ml), unlabeled, Options(ml, new ValidationOptions()), new PseudoMaskOptions())
            .Fit(PseudoMaskTests.Labeled(ml));

        Assert.IsNull(model.Validation);
        Assert.HasCount(1, model.Rounds);
        StringAssert.StartsWith(model.Verdict, "not validated: the validation guard measures classification only for now");
        Assert.IsTrue(messages.Any(m => m.Contains(model.Verdict)));
    }

    [TestMethod]
    public void Segmentation_WithValidationData_IsRejected()
    {
        var ml = new MLContext(seed: 1);
        var labeled = PseudoMaskTests.Labeled(ml);
        var unlabeled = SceneRow.Load(ml, [SceneRow.Scored([1, 1, 0, 0], [0.9f, 0.9f, 0.9f, 0.9f])], 4);

        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Segmentation().SelfTraining(SceneRow.CopyTeacher(ml), unlabeled,
            Options(ml, new ValidationOptions { ValidationData = labeled }), new PseudoMaskOptions()).Fit(labeled));

        Assert.AreEqual(nameof(ValidationOptions.ValidationData), error.ParamName);
        StringAssert.Contains(error.Message, "classification only for now; got validation data for the task of label column 'Mask'.");
    }
}
