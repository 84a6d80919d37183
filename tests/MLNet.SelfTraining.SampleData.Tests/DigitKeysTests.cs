using Microsoft.ML.Data;

namespace MLNet.SelfTraining.SampleData.Tests;

[TestClass]
public sealed class DigitKeysTests
{
    [TestMethod]
    public void KeyValues_ACallerThatReusesItsBuffer_CannotOverwriteThem()
    {
        var annotations = DigitKeys.KeyValues();
        var kind = annotations.Schema.Single().Name;
        VBuffer<ReadOnlyMemory<char>> buffer = default;
        annotations.GetValue(kind, ref buffer);

        // The usual ML.NET pattern: the same buffer is then filled with other values.
        var editor = VBufferEditor.Create(ref buffer, MnistData.ClassCount);
        editor.Values.Fill("x".AsMemory());
        buffer = editor.Commit();

        VBuffer<ReadOnlyMemory<char>> again = default;
        annotations.GetValue(kind, ref again);
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).Select(d => d.ToString()).ToArray(), again.DenseValues().Select(n => n.ToString()).ToArray());
    }
}
