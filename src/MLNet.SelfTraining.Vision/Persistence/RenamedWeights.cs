using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Persistence;

/// <summary>
/// Loads weights written by <c>Module.save</c> under other names than the module's: a format migration. Each saved name,
/// renamed, must be one of the module's <c>state_dict</c> keys, with the same shape and type; every key must be saved.
/// </summary>
internal static class RenamedWeights
{
    public static void Load(nn.Module module, Stream stream, Func<string, string> rename, string path)
    {
        using var reader = new BinaryReader(stream);
        var state = module.state_dict();
        // Module.save writes the entry count as unsigned LEB128, which is .NET's 7-bit encoded integer.
        var count = reader.Read7BitEncodedInt64();
        if (count != state.Count)
        {
            throw new InvalidDataException($"'{path}' holds {count} weight tensors; expected {state.Count}.");
        }

        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            if (!state.TryGetValue(rename(name), out var tensor))
            {
                throw new InvalidDataException($"'{path}' holds weights '{name}', which the network does not have (as '{rename(name)}').");
            }

            TensorExtensionMethods.Load(tensor, reader);
        }
    }
}
