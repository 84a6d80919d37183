using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tests;

[TestClass]
public sealed class SegmentationMasksTests
{
    [TestMethod]
    public void ClassNames_ACallerThatReusesItsBuffer_CannotOverwriteTheAnnotation()
    {
        var annotations = SegmentationMasks.ClassNames(["bg", "a"]);
        VBuffer<ReadOnlyMemory<char>> buffer = default;
        annotations.GetValue(SegmentationMasks.ClassNamesAnnotation, ref buffer);

        // The usual ML.NET pattern: the same buffer is then filled with other values.
        var editor = VBufferEditor.Create(ref buffer, 2);
        editor.Values.Fill("x".AsMemory());
        buffer = editor.Commit();

        VBuffer<ReadOnlyMemory<char>> again = default;
        annotations.GetValue(SegmentationMasks.ClassNamesAnnotation, ref again);
        CollectionAssert.AreEqual(new[] { "bg", "a" }, again.DenseValues().Select(n => n.ToString()).ToArray());
    }
}
