using System.Text;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Persistence;

/// <summary>
/// Loads weights written by <c>Module.save</c> (an entry count, then per tensor: its name, element type, rank, shape and
/// bytes) into a module whose tensors are already allocated, checking every field against the module before reading the
/// next: the count equals the module's <c>state_dict</c>, each name (renamed, for format migrations) is one of its keys and
/// comes once, each type, rank and shape is that tensor's. Nothing is allocated beyond the module's own sizes.
/// </summary>
internal static class WeightsReader
{
    /// <summary>Loads the weights of <paramref name="stream"/> into <paramref name="module"/>.</summary>
    /// <param name="module">The module, built with the archive's sizes.</param>
    /// <param name="stream">The weights entry.</param>
    /// <param name="rename">The module's key of a saved name (the identity for the current format).</param>
    /// <param name="path">The archive, for messages.</param>
    /// <param name="entry">The weights entry's name, for messages.</param>
    /// <exception cref="InvalidDataException">The weights do not fit the module, or end early.</exception>
    public static void Load(nn.Module module, Stream stream, Func<string, string> rename, string path, string entry)
    {
        var source = $"'{path}' (entry '{entry}')";
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            var state = module.state_dict();
            var count = reader.Read7BitEncodedInt64();
            if (count != state.Count)
            {
                throw new InvalidDataException($"{source} holds {count} weight tensors; expected {state.Count}.");
            }

            var loaded = new HashSet<string>();
            for (var i = 0; i < count; i++)
            {
                var name = ReadName(reader, source);
                var key = rename(name);
                if (!state.TryGetValue(key, out var tensor) || !loaded.Add(key))
                {
                    throw new InvalidDataException(
                        $"{source} holds weights '{name}'; expected one of the network's other tensors (as '{key}').");
                }

                ReadTensor(reader, tensor, name, source);
            }
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException($"{source} ends early or is malformed: {e.Message}", e);
        }
    }

    private static string ReadName(BinaryReader reader, string source)
    {
        var length = reader.Read7BitEncodedInt();
        if (length < 1 || length > ArchiveFields.MaximumNameLength)
        {
            throw new InvalidDataException(
                $"{source} holds a tensor name of {length} bytes; expected 1 to {ArchiveFields.MaximumNameLength}.");
        }

        return Encoding.UTF8.GetString(reader.ReadBytes(length));
    }

    private static void ReadTensor(BinaryReader reader, Tensor tensor, string name, string source)
    {
        var type = reader.Read7BitEncodedInt64();
        if (type != (long)tensor.dtype)
        {
            throw new InvalidDataException($"{source} holds '{name}' of element type {type}; expected {(long)tensor.dtype} ({tensor.dtype}).");
        }

        var rank = reader.Read7BitEncodedInt64();
        if (rank != tensor.Dimensions)
        {
            throw new InvalidDataException($"{source} holds '{name}' of rank {rank}; expected {tensor.Dimensions}.");
        }

        var shape = new long[rank];
        for (var d = 0; d < shape.Length; d++)
        {
            shape[d] = reader.Read7BitEncodedInt64();
        }

        if (!shape.SequenceEqual(tensor.shape))
        {
            throw new InvalidDataException(
                $"{source} holds '{name}' of shape [{string.Join(", ", shape)}]; expected [{string.Join(", ", tensor.shape)}].");
        }

        var bytes = checked((int)(tensor.numel() * tensor.ElementSize));
        var data = reader.ReadBytes(bytes);
        if (data.Length != bytes)
        {
            throw new InvalidDataException($"{source} ends inside '{name}': expected {bytes} bytes, got {data.Length}.");
        }

        tensor.bytes = data;
    }
}
