using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks;

/// <summary>How a TorchSharp image trainer's network gets the weights training starts from.</summary>
internal static class InitialWeights
{
    /// <summary>
    /// Gives <paramref name="network"/> (its weights drawn from TorchSharp's seeded generator) its starting weights:
    /// <paramref name="copyFrom"/>'s when given, else, with <see cref="NetworkOptions.InitialBackbonePath"/>, the
    /// backbone's from that archive (the head keeps its drawn weights). The network is disposed when this fails.
    /// </summary>
    /// <param name="network">The new network.</param>
    /// <param name="options">The trainer's network options.</param>
    /// <param name="trainer">The trainer's type name, for messages.</param>
    /// <param name="copyFrom">Copies a whole model's weights into the network, or <see langword="null"/>.</param>
    /// <returns><paramref name="network"/>.</returns>
    public static ImageNetwork Apply(ImageNetwork network, NetworkOptions options, string trainer, Action<ImageNetwork>? copyFrom = null)
    {
        try
        {
            if (copyFrom is not null)
            {
                copyFrom(network);
            }
            else if (options.InitialBackbonePath is { } path)
            {
                BackboneArchive.Load(path, network.Backbone,
                    TrainerOptionChecks.Path(TrainerOptionChecks.Network, nameof(NetworkOptions.InitialBackbonePath)), trainer);
            }
        }
        catch
        {
            network.Dispose();
            throw;
        }

        return network;
    }
}
