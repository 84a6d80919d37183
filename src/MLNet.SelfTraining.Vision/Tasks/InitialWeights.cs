using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Models.Backbones;
using MLNet.SelfTraining.Vision.Models.Pretrained;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks;

/// <summary>How a TorchSharp image trainer's network gets the weights training starts from.</summary>
internal static class InitialWeights
{
    /// <summary>
    /// Gives <paramref name="network"/> (its weights drawn from TorchSharp's seeded generator) its starting weights:
    /// <paramref name="copyFrom"/>'s when given, else, with <see cref="NetworkOptions.InitialBackbonePath"/>, the
    /// backbone's from that file (the head keeps its drawn weights): a backbone archive, or, for an
    /// <see cref="ImageNetResNet18"/> backbone, a file that is not a zip is read as the ImageNet ResNet-18 ONNX model of
    /// <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>. The network is disposed when this fails.
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
                var option = TrainerOptionChecks.Path(TrainerOptionChecks.Network, nameof(NetworkOptions.InitialBackbonePath));
                var zip = IsZip(path);
                if (network.Backbone is ImageNetResNet18 resNet && !zip)
                {
                    ImageNetResNet18Onnx.Load(path, resNet, option, trainer);
                }
                else if (!zip && File.Exists(path))
                {
                    throw new InvalidDataException(
                        $"'{path}' (the '{option}' option of {trainer}) is not a backbone archive: expected a zip file. A file of "
                        + $"another kind is read as the ImageNet ResNet-18 ONNX model only when the '{TrainerOptionChecks.Path(TrainerOptionChecks.Network, nameof(NetworkOptions.Architecture))}' "
                        + $"option is {BackboneArchitecture.ImageNetResNet18}; got {network.Backbone.Spec.Architecture}.");
                }
                else
                {
                    BackboneArchive.Load(path, network.Backbone, option, trainer);
                }
            }
        }
        catch
        {
            network.Dispose();
            throw;
        }

        return network;
    }

    /// <summary>Whether <paramref name="path"/> starts as a zip file does (a local file header or an empty archive's
    /// end record, "PK"); a missing or shorter file is not one.</summary>
    private static bool IsZip(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        Span<byte> signature = stackalloc byte[2];
        return stream.ReadAtLeast(signature, 2, throwOnEndOfStream: false) == 2 && signature[0] == (byte)'P' && signature[1] == (byte)'K';
    }
}
