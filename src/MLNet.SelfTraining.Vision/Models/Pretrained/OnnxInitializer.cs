using System.Buffers.Binary;
using Onnx;

namespace MLNet.SelfTraining.Vision.Models.Pretrained;

/// <summary>The values of an ONNX initializer, checked against the shape a module's tensor expects.</summary>
internal static class OnnxInitializer
{
    /// <summary>The Float32 values of <paramref name="initializer"/> (from <c>float_data</c> or little-endian <c>raw_data</c>).</summary>
    /// <param name="initializer">The initializer.</param>
    /// <param name="shape">The shape expected.</param>
    /// <param name="source">The file and the option that named it, to start the messages.</param>
    /// <param name="node">The node that reads the initializer, for messages.</param>
    /// <exception cref="InvalidDataException">The initializer is not Float32, has another shape, holds another number of
    /// values than its shape, or a value that is not finite.</exception>
    public static float[] Floats(TensorProto initializer, long[] shape, string source, string node)
    {
        var what = $"{source}: initializer '{initializer.Name}' of node '{node}'";
        if (initializer.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new InvalidDataException($"{what} has element type {initializer.DataType}; expected {(int)TensorProto.Types.DataType.Float} (Float32).");
        }

        if (!initializer.Dims.SequenceEqual(shape))
        {
            throw new InvalidDataException($"{what} has shape [{string.Join("×", initializer.Dims)}]; expected [{string.Join("×", shape)}].");
        }

        var count = shape.Aggregate(1L, (product, size) => product * size);
        var values = initializer.RawData.Length > 0 ? RawFloats(initializer, count, what) : initializer.FloatData.ToArray();
        if (values.Length != count)
        {
            throw new InvalidDataException($"{what} holds {values.Length} values; expected {count}.");
        }

        var bad = Array.FindIndex(values, v => !float.IsFinite(v));
        if (bad >= 0)
        {
            throw new InvalidDataException($"{what} holds {values[bad]} at index {bad}; expected finite values.");
        }

        return values;
    }

    private static float[] RawFloats(TensorProto initializer, long count, string what)
    {
        var raw = initializer.RawData.Span;
        if (raw.Length != 4 * count)
        {
            throw new InvalidDataException($"{what} holds {raw.Length} bytes of raw data; expected {4 * count} (4 per value).");
        }

        var values = new float[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(raw[(4 * i)..]);
        }

        return values;
    }
}
