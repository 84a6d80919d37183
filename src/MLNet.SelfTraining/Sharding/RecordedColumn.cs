using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Sharding;

/// <summary>The number of values a <see cref="RecordedColumn{T}"/> holds, whatever its type.</summary>
internal interface IRecordedColumn
{
    /// <summary>The leading rows recorded.</summary>
    int Count { get; }
}

/// <summary>
/// The recorded values of one column for the leading rows: deep copies (a <see cref="VBuffer{T}"/> by
/// <see cref="VBuffer{T}.CopyTo(ref VBuffer{T})"/>, primitives and <see cref="ReadOnlyMemory{T}"/> text by value).
/// </summary>
internal sealed class RecordedColumn<T> : IRecordedColumn
{
    private static readonly Copier Copy = CopierOf();
    private static readonly Func<T, long> Size = SizeOf();
    private readonly List<T> _values = [];

    private delegate void Copier(in T source, ref T destination);

    public int Count => _values.Count;

    /// <summary>Records <paramref name="value"/> if it is the next row's and the recording's bounds allow it.</summary>
    public void Record(long row, in T value, ReplayRecording recording)
    {
        if (row == _values.Count && row < ReplayRecording.MaxRows && recording.TryReserve(Size(value)))
        {
            T copy = default!;
            Copy(in value, ref copy);
            _values.Add(copy);
        }
    }

    /// <summary>Copies the value recorded for <paramref name="row"/> into <paramref name="value"/>.</summary>
    public void Serve(int row, ref T value) => Copy(_values[row], ref value);

    private static Copier CopierOf()
        => typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(VBuffer<>)
            ? (Copier)Vector(nameof(VectorCopier)).Invoke(null, null)!
            : (in T source, ref T destination) => destination = source;

    private static Func<T, long> SizeOf()
        => typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(VBuffer<>)
            ? (Func<T, long>)Vector(nameof(VectorSize)).Invoke(null, null)!
            : value => Unsafe.SizeOf<T>() + (value is ReadOnlyMemory<char> text ? 2L * text.Length : 0);

    private static MethodInfo Vector(string name)
        => typeof(RecordedColumn<T>).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(typeof(T).GenericTypeArguments[0]);

    private static Copier VectorCopier<TItem>()
        => (Copier)(Delegate)new RecordedColumn<VBuffer<TItem>>.Copier((in VBuffer<TItem> source, ref VBuffer<TItem> destination) => source.CopyTo(ref destination));

    private static Func<T, long> VectorSize<TItem>()
    {
        Func<VBuffer<TItem>, long> size = value =>
        {
            long bytes = 64 + (long)Unsafe.SizeOf<TItem>() * value.GetValues().Length + 4L * value.GetIndices().Length;
            foreach (var item in value.GetValues())
            {
                bytes += item is ReadOnlyMemory<char> text ? 2L * text.Length : 0;
            }

            return bytes;
        };
        return (Func<T, long>)(Delegate)size;
    }
}
