using Microsoft.ML.Data;

namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>Writes the column values of a scene into ML.NET buffers, reusing their arrays.</summary>
internal static class SceneValues
{
    /// <summary>The pixels as <see cref="float"/> values pixel / 255.</summary>
    public static void Features(ReadOnlySpan<byte> pixels, ref VBuffer<float> value)
    {
        var editor = VBufferEditor.Create(ref value, pixels.Length);
        for (var i = 0; i < pixels.Length; i++)
        {
            editor.Values[i] = pixels[i] / 255f;
        }

        value = editor.Commit();
    }

    /// <summary>A copy of <paramref name="bytes"/>.</summary>
    public static void Copy(ReadOnlySpan<byte> bytes, ref VBuffer<byte> value)
    {
        var editor = VBufferEditor.Create(ref value, bytes.Length);
        bytes.CopyTo(editor.Values);
        value = editor.Commit();
    }

    /// <summary><paramref name="length"/> times <see cref="SegmentationMasks.Ignore"/>.</summary>
    public static void Ignored(int length, ref VBuffer<byte> value)
    {
        var editor = VBufferEditor.Create(ref value, length);
        editor.Values.Fill(SegmentationMasks.Ignore);
        value = editor.Commit();
    }

    /// <summary>The key (digit + 1) of each digit.</summary>
    public static void Labels(ReadOnlySpan<SceneDigit> digits, ref VBuffer<uint> value)
    {
        var editor = VBufferEditor.Create(ref value, digits.Length);
        for (var i = 0; i < digits.Length; i++)
        {
            editor.Values[i] = (uint)digits[i].Digit + 1;
        }

        value = editor.Commit();
    }

    /// <summary>x0, y0, x1, y1 of each digit's box.</summary>
    public static void Boxes(ReadOnlySpan<SceneDigit> digits, ref VBuffer<float> value)
    {
        var editor = VBufferEditor.Create(ref value, 4 * digits.Length);
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[i];
            (editor.Values[4 * i], editor.Values[(4 * i) + 1]) = (digit.X0, digit.Y0);
            (editor.Values[(4 * i) + 2], editor.Values[(4 * i) + 3]) = (digit.X1, digit.Y1);
        }

        value = editor.Commit();
    }
}
